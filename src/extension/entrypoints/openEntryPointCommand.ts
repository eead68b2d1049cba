import * as vscode from 'vscode';

/** `stageflow.openEntryPoint(targets)`: what the entry-point lens runs. */
export const openEntryPointCommandId = 'stageflow.openEntryPoint';

/** A Compose service or Bake target to open: where it is written, and how the quick pick names it. */
export interface EntryPointTarget {
  label: string;
  detail: string;
  uri: vscode.Uri;
  range: vscode.Range;
}

function isTarget(value: unknown): value is EntryPointTarget {
  const target = value as Partial<EntryPointTarget> | null;
  return typeof target === 'object' && target !== null && typeof target.label === 'string' && typeof target.detail === 'string' && target.uri instanceof vscode.Uri && target.range instanceof vscode.Range;
}

/**
 * Registers `stageflow.openEntryPoint`: opens the Compose or Bake file at the one service or target given, or
 * asks which one first when several build the stage. Returns the target opened (undefined when cancelled).
 */
export function registerOpenEntryPointCommand(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(openEntryPointCommandId, async (targets: unknown): Promise<EntryPointTarget | undefined> => {
    if (!Array.isArray(targets) || targets.length === 0 || !targets.every(isTarget)) {
      log.warn(`${openEntryPointCommandId} needs a list of targets; got ${JSON.stringify(targets)}.`);
      return undefined;
    }
    const picked =
      targets.length === 1
        ? targets[0]
        : await vscode.window.showQuickPick(targets, { title: 'Stageflow: open the Compose service or Bake target', matchOnDetail: true });
    if (!picked) return undefined;
    await vscode.window.showTextDocument(picked.uri, { selection: picked.range });
    log.info(`Opened ${picked.label} in ${vscode.workspace.asRelativePath(picked.uri)}.`);
    return picked;
  });
}
