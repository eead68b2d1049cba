import * as vscode from 'vscode';
import { prepareStageRename, renameStageEdits } from '../../core/editor/renameStage';
import type { DocumentGraphCache } from '../documentGraphCache';
import { fromPosition, toRange, toWorkspaceEdit } from '../typeConverters';

/** F2 on a stage name or reference; `renameStage` decides what may be renamed and computes the edits. */
export class StageRenameProvider implements vscode.RenameProvider {
  constructor(
    private readonly cache: DocumentGraphCache,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const preparation = prepareStageRename(this.cache.get(document), fromPosition(position));
    if ('refused' in preparation) {
      // The editor shows a thrown error's message as the reason rename is not possible here.
      throw new Error(preparation.refused);
    }
    return { range: toRange(preparation.range), placeholder: preparation.placeholder };
  }

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const graph = this.cache.get(document);
    const preparation = prepareStageRename(graph, fromPosition(position));
    const result = 'refused' in preparation ? preparation : renameStageEdits(graph, preparation.stage, newName.trim());
    if ('refused' in result) {
      this.log.info(`Rename to "${newName}" refused: ${result.refused}`);
      throw new Error(result.refused);
    }
    this.log.info(`Renaming a stage to "${newName.trim()}": ${result.edits.length} edits in ${document.uri.toString(true)}.`);
    return toWorkspaceEdit(document.uri, result.edits);
  }
}
