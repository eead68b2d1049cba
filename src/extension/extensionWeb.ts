// The web entry point (package.json `browser`): VS Code for the Web's web worker extension host (vscode.dev,
// github.dev, or any workbench that runs Stageflow as a web extension). No Node built-in may be reached from here;
// test/unit/web/webBundle.test.ts checks the bundle.
import type * as vscode from 'vscode';
import { activateStageflow } from './activateStageflow';
import { registerBuildUnavailable } from './build/registerBuildUnavailable';
import { InProcessLayoutRunner } from './graphView/inProcessLayoutRunner';

/** Stageflow without what needs a process: layouts in-process, and the commands that run a build say where building works. */
export function activate(context: vscode.ExtensionContext): void {
  activateStageflow(context, { createLayoutRunner: () => new InProcessLayoutRunner(), registerBuild: registerBuildUnavailable });
}

export function deactivate(): void {}
