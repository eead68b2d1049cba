import * as vscode from 'vscode';

/** The part of the built-in Git extension's API (`vscode.git`, API version 1) that Stageflow uses. */
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitRepository {
  rootUri: vscode.Uri;
  /** The file's text at `ref`; rejects when the file is not in that commit. */
  show(ref: string, path: string): Promise<string>;
}
interface GitExtension {
  enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** A file's text at HEAD, or why there is none to compare with. */
export type HeadText = { text: string } | { problem: string };

/**
 * Reads `uri` as committed at HEAD through VS Code's built-in Git extension (no git process of Stageflow's own, so
 * it works wherever that extension does). Never throws: no Git extension (VS Code for the Web without a remote),
 * Git disabled, a file that is not on disk or in no repository, or one HEAD does not have each give a sentence.
 */
export async function gitHeadText(uri: vscode.Uri): Promise<HeadText> {
  const name = vscode.workspace.asRelativePath(uri);
  if (uri.scheme !== 'file') return { problem: `Compare with HEAD needs a file on disk in a git repository; ${name} is not on disk.` };
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  let git: GitExtension | undefined;
  try {
    git = extension && (extension.isActive ? extension.exports : await extension.activate());
  } catch {
    git = undefined;
  }
  if (!git || !git.enabled) return { problem: 'Compare with HEAD needs VS Code\'s built-in Git extension, which is not available or is disabled here.' };
  const repository = git.getAPI(1).getRepository(uri);
  if (!repository) return { problem: `${name} is not in a git repository that VS Code has open.` };
  try {
    return { text: await repository.show('HEAD', uri.fsPath) };
  } catch {
    return { problem: `${name} has no version at HEAD (a new file, or a repository with no commit yet): nothing to compare with.` };
  }
}
