import * as vscode from 'vscode';
import { findDiagramBlocks, type DiagramBlock } from '../../core/docs/findDiagramBlocks';
import { updateDiagramBlocks } from '../../core/docs/updateDiagramBlocks';
import type { TextEdit } from '../../core/model';
import { uriBaseName } from '../graphView/uriBaseName';
import { toWorkspaceEdit } from '../typeConverters';
import { readMarkerDockerfiles, type MarkerDockerfile } from './markerDockerfiles';

/** What updating the diagrams of a Markdown file did, so callers (and tests) need not read the messages. */
export interface StageDiagramsResult {
  /** Blocks whose diagram was rewritten. */
  updated: number;
  /** Blocks that already showed their Dockerfile's current diagram. */
  current: number;
  /** Why a block (or the file) was left alone, one sentence each. */
  problems: string[];
  /** Blocks updated with a diagram of a Dockerfile that BuildKit would reject, and BuildKit's reason. */
  notes: string[];
}

/**
 * Rewrites the diagram of the block whose opening marker is on `line` (1-based), or of every block of the file,
 * as `stageflow docs` does, as ONE undoable edit, and tells the person what happened in one message. A malformed
 * marker or an unreadable Dockerfile leaves its block alone and is named; the other blocks are still updated (an
 * undo takes them back). Nothing is applied if the document changed while the Dockerfiles were read.
 */
export async function updateStageDiagrams(document: vscode.TextDocument, line?: number): Promise<StageDiagramsResult> {
  const result = await planAndApply(document, line);
  announce(document, result);
  return result;
}

async function planAndApply(document: vscode.TextDocument, line: number | undefined): Promise<StageDiagramsResult> {
  const version = document.version;
  const name = uriBaseName(document.uri);
  const scan = findDiagramBlocks(document.getText());
  const result: StageDiagramsResult = { updated: 0, current: 0, problems: [], notes: [] };
  const wanted = (block: { line: number }) => line === undefined || block.line === line;
  const blocks = scan.blocks.filter(wanted);
  result.problems.push(...scan.problems.filter(wanted).map((problem) => `${name}:${problem.line}: ${problem.message}`));
  if (blocks.length === 0 && result.problems.length === 0) {
    result.problems.push(line === undefined ? `${name} has no <!-- stageflow: path/to/Dockerfile --> marker` : `${name}:${line}: no <!-- stageflow: path/to/Dockerfile --> marker here`);
  }

  const dockerfiles = await readMarkerDockerfiles(document.uri, blocks);
  const textOf = (dockerfile: string): string | undefined => {
    const read = dockerfiles.get(dockerfile);
    return read && 'text' in read ? read.text : undefined;
  };
  const edits: TextEdit[] = [];
  for (const update of updateDiagramBlocks(blocks, textOf)) {
    const where = `${name}:${update.block.line}`;
    if (update.status === 'missingDockerfile') {
      result.problems.push(`${where}: ${problemOf(dockerfiles.get(update.block.dockerfile), update.block)}`);
      continue;
    }
    if (update.buildError !== null) result.notes.push(`${where}: ${update.block.dockerfile} does not build (${oneLine(update.buildError)}); the diagram shows what resolves`);
    if (update.edit) edits.push(update.edit);
    else result.current++;
  }
  if (edits.length === 0) return result;
  if (document.version !== version) {
    result.problems.push(`${name} changed while its diagrams were drawn; run the update again`);
    return result;
  }
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, edits)))) {
    result.problems.push(`VS Code did not apply the edit to ${name}`);
    return result;
  }
  result.updated = edits.length;
  return result;
}

function problemOf(read: MarkerDockerfile | undefined, block: DiagramBlock): string {
  return read && 'problem' in read ? read.problem : `cannot read ${block.dockerfile}`;
}

/** One message: a warning naming every problem and note, else what was done. */
function announce(document: vscode.TextDocument, result: StageDiagramsResult): void {
  const done =
    result.updated > 0
      ? `Updated ${count(result.updated, 'stage diagram')} in ${uriBaseName(document.uri)}.`
      : result.current > 0
        ? `${result.current === 1 ? 'The stage diagram is' : `All ${result.current} stage diagrams are`} already current.`
        : '';
  const trouble = [...result.problems, ...result.notes];
  const message = ['Stageflow:', done, ...trouble.map((sentence) => `${sentence}.`)].filter((part) => part !== '').join(' ');
  if (trouble.length > 0) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
