import * as vscode from 'vscode';
import { isDockerfile } from '../documentGraphCache';

/** The Dockerfile a build command is about: the given URI (opened), else the active editor's Dockerfile. */
export async function dockerfileFor(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  return active && isDockerfile(active) ? active : undefined;
}
