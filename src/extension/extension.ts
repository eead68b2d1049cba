// The desktop entry point (package.json `main`): VS Code's Node extension host, locally or in a remote.
import * as vscode from 'vscode';
import { activateStageflow } from './activateStageflow';
import { registerBuild } from './build/registerBuild';
import { WorkerLayoutRunner } from './graphView/workerLayoutRunner';

/** Stageflow with everything: layouts in a worker thread and building from the editor. */
export function activate(context: vscode.ExtensionContext): void {
  // Layouts run in a worker thread (dist/layoutWorker.js), so a large graph never blocks this extension host.
  const layoutWorker = vscode.Uri.joinPath(context.extensionUri, 'dist', 'layoutWorker.js').fsPath;
  activateStageflow(context, { createLayoutRunner: () => new WorkerLayoutRunner(layoutWorker), registerBuild });
}

export function deactivate(): void {}
