import * as vscode from 'vscode';
import { entryPointTargetAt } from '../../core/entrypoints/entryPointQueries';
import type { Range, Stage } from '../../core/model';
import type { DocumentGraphCache } from '../documentGraphCache';
import { fromPosition, toRange } from '../typeConverters';
import type { EntryPointIndex } from './entryPointIndex';
import { openEntryPointStage, type EntryPointStage } from './openEntryPointStage';
import { stageRenameAcrossFiles } from './stageRenameAcrossFiles';

/**
 * F2 on a Compose or Bake `target` value renames the stage it names, in the Dockerfile and in every Compose and
 * Bake file that names it, as F2 on the stage itself does. Anywhere else in those files it steps aside (returns
 * nothing), so another extension's rename of services or variables still works.
 */
export class EntryPointRenameProvider implements vscode.RenameProvider {
  constructor(
    private readonly index: EntryPointIndex,
    private readonly cache: DocumentGraphCache,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async prepareRename(document: vscode.TextDocument, position: vscode.Position): Promise<{ range: vscode.Range; placeholder: string } | undefined> {
    const found = await this.targetAt(document, position);
    if (!found) return undefined;
    return { range: toRange(found.range), placeholder: found.stage.stage.rawName ?? found.stage.stage.name ?? '' };
  }

  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit | undefined> {
    const found = await this.targetAt(document, position);
    if (!found) return undefined;
    return stageRenameAcrossFiles(this.index, found.stage.document, (dockerfile) => this.cache.get(dockerfile), found.stage.stage.index, newName.trim(), this.log);
  }

  /** The target literal under the cursor and the named stage it builds; throws why it cannot be renamed. */
  private async targetAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ range: Range; stage: EntryPointStage & { stage: Stage } } | undefined> {
    if (!this.index.isEntryPointFile(document.uri)) return undefined;
    const entry = entryPointTargetAt(this.index.scan(), document.uri.path, fromPosition(position));
    if (!entry?.target) return undefined;
    const stage = await openEntryPointStage(this.index, this.cache, entry);
    if (!stage) throw new Error(`The Dockerfile of ${entry.name} cannot be read, so its stage cannot be renamed from here.`);
    if (!stage.stage) throw new Error(`${entry.target.value ?? 'This target'} names no stage of ${vscode.workspace.asRelativePath(stage.document.uri)}.`);
    if (!entry.target.literal) throw new Error('This target is written through a variable; rename the stage in its Dockerfile.');
    return { range: entry.target.location.range, stage: { ...stage, stage: stage.stage } };
  }
}
