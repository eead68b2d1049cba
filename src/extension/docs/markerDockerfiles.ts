import * as vscode from 'vscode';
import type { DiagramBlock } from '../../core/docs/findDiagramBlocks';
import { readWorkspaceText } from '../entrypoints/readWorkspaceText';

/** The Dockerfile a diagram marker names, read; or why it could not be read, in words for a message. */
export type MarkerDockerfile = { uri: vscode.Uri; text: string } | { uri: vscode.Uri | undefined; problem: string };

/**
 * Where the Dockerfile a marker names is, as `stageflow docs` finds it: a path relative to the Markdown file's
 * folder (or an absolute path), on the Markdown file's own scheme and authority, so a virtual or remote workspace
 * reads its own files. An untitled Markdown file is in no folder and on no file system.
 */
export function markerDockerfileUri(markdown: vscode.Uri, dockerfile: string): vscode.Uri | { problem: string } {
  if (markdown.scheme === 'untitled') return { problem: `the Markdown file is not saved, so Stageflow cannot tell where ${dockerfile} is: save it first` };
  if (dockerfile.startsWith('/')) return markdown.with({ path: dockerfile, query: '', fragment: '' });
  return vscode.Uri.joinPath(markdown, '..', dockerfile);
}

/**
 * Reads the Dockerfiles the blocks name, each once, through `vscode.workspace.fs` (no Node `fs`: this also runs
 * as a web extension). A Dockerfile open in an editor is read as the editor has it, unsaved edits included: the
 * diagram then shows what the person sees.
 */
export async function readMarkerDockerfiles(markdown: vscode.Uri, blocks: readonly DiagramBlock[]): Promise<Map<string, MarkerDockerfile>> {
  const read = new Map<string, MarkerDockerfile>();
  for (const { dockerfile } of blocks) {
    if (read.has(dockerfile)) continue;
    read.set(dockerfile, await readMarkerDockerfile(markdown, dockerfile));
  }
  return read;
}

async function readMarkerDockerfile(markdown: vscode.Uri, dockerfile: string): Promise<MarkerDockerfile> {
  const uri = markerDockerfileUri(markdown, dockerfile);
  if ('problem' in uri) return { uri: undefined, problem: uri.problem };
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return { uri, text: open.getText() };
  const read = await readWorkspaceText(uri);
  return 'text' in read ? { uri, text: read.text } : { uri, problem: `cannot read ${dockerfile} (${read.problem}: ${vscode.workspace.asRelativePath(uri)})` };
}
