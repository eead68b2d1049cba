import * as vscode from 'vscode';

/** Larger files are not read: no Compose, Bake or Dockerfile comes close (the CLI's limit too). */
const MAX_TEXT_BYTES = 16 * 1024 * 1024;

/** A file's text, or why it was not read (in words for the log). */
export type WorkspaceText = { text: string } | { problem: string };

/**
 * Reads a text file through `vscode.workspace.fs`, so files of virtual workspaces and remote hosts read the same
 * as local ones (no Node `fs`: the extension also runs as a web extension). Refuses a folder, a file over 16 MiB,
 * a binary file (a NUL byte) and bytes that are not UTF-8; drops a leading byte order mark, as the editor does, so
 * positions match the editor's.
 */
export async function readWorkspaceText(uri: vscode.Uri): Promise<WorkspaceText> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { problem: 'a folder, not a file' };
    if (stat.size > MAX_TEXT_BYTES) return { problem: 'over 16 MiB' };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.includes(0)) return { problem: 'a binary file' };
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    if (error instanceof vscode.FileSystemError) return { problem: error.code === 'FileNotFound' ? 'no such file' : error.message };
    if (error instanceof TypeError) return { problem: 'not UTF-8 text' };
    return { problem: String(error) };
  }
}
