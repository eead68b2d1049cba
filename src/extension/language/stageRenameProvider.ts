import * as vscode from 'vscode';
import { prepareStageRename } from '../../core/editor/renameStage';
import type { DocumentGraphCache } from '../documentGraphCache';
import type { EntryPointIndex } from '../entrypoints/entryPointIndex';
import { stageRenameAcrossFiles } from '../entrypoints/stageRenameAcrossFiles';
import { fromPosition, toRange } from '../typeConverters';

/**
 * F2 on a stage name or reference; `renameStage` decides what may be renamed, and the edits reach the Compose and
 * Bake files that name the stage as their target, in the same undoable edit.
 */
export class StageRenameProvider implements vscode.RenameProvider {
  constructor(
    private readonly cache: DocumentGraphCache,
    private readonly entryPoints: EntryPointIndex,
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

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
    const preparation = prepareStageRename(this.cache.get(document), fromPosition(position));
    if ('refused' in preparation) {
      this.log.info(`Rename to "${newName}" refused: ${preparation.refused}`);
      throw new Error(preparation.refused);
    }
    return stageRenameAcrossFiles(this.entryPoints, document, (dockerfile) => this.cache.get(dockerfile), preparation.stage, newName.trim(), this.log);
  }
}
