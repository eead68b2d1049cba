import type * as vscode from 'vscode';

/** The last segment of a URI's path (`Dockerfile` of `file:///w/Dockerfile`), for titles and messages. */
export function uriBaseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}
