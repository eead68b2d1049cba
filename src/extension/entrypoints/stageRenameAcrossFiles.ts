import * as vscode from 'vscode';
import { renameStageAcrossFiles } from '../../core/editor/renameStageAcrossFiles';
import type { StageGraph } from '../../core/model';
import { toTextEdit } from '../typeConverters';
import type { EntryPointIndex } from './entryPointIndex';

/**
 * The ONE `WorkspaceEdit` (one undo) that renames a stage of an open Dockerfile and every Compose and Bake target
 * naming it, as `renameStageAcrossFiles` computes it from the files as they are (reads of changed files are awaited
 * first). Throws the core's refusal, which the editor shows. Targets written through a variable are left as they
 * are and listed in a warning.
 */
export async function stageRenameAcrossFiles(
  index: EntryPointIndex,
  dockerfile: vscode.TextDocument,
  graphOf: (document: vscode.TextDocument) => StageGraph,
  stageIndex: number,
  newName: string,
  log: vscode.LogOutputChannel,
): Promise<vscode.WorkspaceEdit> {
  await index.settled();
  const result = renameStageAcrossFiles(graphOf(dockerfile), dockerfile.uri.path, stageIndex, newName, index.scan());
  if ('refused' in result) {
    log.info(`Rename to "${newName}" refused: ${result.refused}`);
    throw new Error(result.refused);
  }
  const edit = new vscode.WorkspaceEdit();
  for (const file of result.files) {
    const uri = file.path === dockerfile.uri.path ? dockerfile.uri : index.fileUri(file.path);
    if (uri) edit.set(uri, file.edits.map(toTextEdit));
  }
  const where = (path: string) => vscode.workspace.asRelativePath(index.fileUri(path) ?? dockerfile.uri.with({ path }));
  log.info(`Renaming a stage to "${newName}": ${result.files.map((file) => `${file.edits.length} edits in ${where(file.path)}`).join(', ')}.`);
  if (result.skipped.length > 0) {
    const places = result.skipped.map(({ location }) => `${where(location.path)}:${location.range.start.line + 1}`);
    const message = `${result.skipped.length === 1 ? 'A target names' : `${result.skipped.length} targets name`} the stage through a variable and ${result.skipped.length === 1 ? 'is' : 'are'} left as written: ${places.join(', ')}.`;
    log.warn(`Rename to "${newName}": ${message}`);
    void vscode.window.showWarningMessage(`Stageflow: ${message}`);
  }
  return edit;
}
