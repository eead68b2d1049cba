import * as vscode from 'vscode';

/** What the commands that run a build answer in VS Code for the Web. */
export const BUILD_NEEDS_PROCESS =
  'Building needs desktop VS Code or a remote window (SSH, WSL, a dev container, Codespaces) with Docker: VS Code for the Web cannot run docker build. The graph, CodeLens, diagnostics, refactorings and Open Build Log… work here.';

/** The commands that run a build, which are in package.json for every host. */
const RUN_COMMANDS = ['stageflow.build', 'stageflow.cancelBuild'];

/**
 * VS Code for the Web's stand-in for registerBuild: a web worker extension host cannot start a process, so there
 * are no Build lenses, and each command that runs a build, from the palette or a keybinding, says where building
 * works. Resolves with the message, so a test can read it. Returns no runner: the graph view's Build button says
 * the same. Saved logs are shown as in desktop VS Code (registerBuildResults).
 */
export function registerBuildUnavailable(context: vscode.ExtensionContext): undefined {
  for (const command of RUN_COMMANDS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command, () => {
        void vscode.window.showInformationMessage(BUILD_NEEDS_PROCESS);
        return BUILD_NEEDS_PROCESS;
      }),
    );
  }
  return undefined;
}
