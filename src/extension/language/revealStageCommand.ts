import * as vscode from 'vscode';
import { fromKeywordRange } from '../../core/editor/stageOccurrences';
import type { DocumentGraphCache } from '../documentGraphCache';
import { toRange } from '../typeConverters';

/** `stageflow.revealStage(uri, stageIndex)` shows a stage in the editor and selects its name (or its FROM keyword). */
export const revealStageCommandId = 'stageflow.revealStage';

/** Registers `stageflow.revealStage`, used by lenses and the graph view to jump to a stage. */
export function registerRevealStageCommand(cache: DocumentGraphCache, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(revealStageCommandId, async (target: unknown, stageIndex: unknown) => {
    const uri = typeof target === 'string' ? vscode.Uri.parse(target, true) : target;
    if (!(uri instanceof vscode.Uri) || typeof stageIndex !== 'number' || !Number.isInteger(stageIndex)) {
      log.warn(`${revealStageCommandId} needs (uri, stageIndex); got (${String(target)}, ${String(stageIndex)}).`);
      return;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const stage = cache.get(document).stages[stageIndex];
    if (!stage) {
      void vscode.window.showWarningMessage(`Stageflow: ${uri.toString(true)} has no stage ${stageIndex} any more.`);
      return;
    }
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false });
    const selection = toRange(stage.ranges.name ?? fromKeywordRange(stage));
    editor.selection = new vscode.Selection(selection.start, selection.end);
    editor.revealRange(toRange(stage.ranges.stage), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    log.info(`Revealed stage ${stage.label} of ${uri.toString(true)}.`);
  });
}
