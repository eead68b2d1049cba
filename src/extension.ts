import * as vscode from 'vscode';

/** Registers Stageflow's features; each lives in its own file and only translates the pure core. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Stageflow', { log: true });
  context.subscriptions.push(log);
  log.info('Stageflow activated');
}

export function deactivate(): void {}
