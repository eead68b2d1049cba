import * as vscode from 'vscode';
import { titlesBesideStageLenses } from '../../core/buildrun/buildCodeLenses';
import { entryPointLenses } from '../../core/editor/entryPointLenses';
import { stageCodeLenses, type StageLensAction } from '../../core/editor/stageCodeLenses';
import type { StageGraph } from '../../core/model';
import type { DocumentGraphCache } from '../documentGraphCache';
import type { EntryPointIndex } from '../entrypoints/entryPointIndex';
import { toPosition, toRange } from '../typeConverters';
import { GraphCodeLensProvider, type GraphLens } from './graphCodeLensProvider';

/** The graph view's and the refactorings' commands, registered in the same activation. */
const showGraphCommand = 'stageflow.showGraph';
const nameStageCommand = 'stageflow.nameStage';

/**
 * CodeLens above every FROM and numeric stage reference; the content comes from `stageCodeLenses`, fitted to what
 * the Build lens and the Compose and Bake lens (other providers) leave of the line, so they follow the Compose and
 * Bake files too.
 */
export class StageCodeLensProvider extends GraphCodeLensProvider {
  constructor(
    cache: DocumentGraphCache,
    private readonly entryPoints: EntryPointIndex,
    log: vscode.LogOutputChannel,
  ) {
    super(cache, log);
    this.refreshOn(entryPoints.onDidChange);
  }

  protected lenses(document: vscode.TextDocument, graph: StageGraph): GraphLens[] {
    const beside = titlesBesideStageLenses(entryPointLenses(this.entryPoints.scan(), document.uri.path, graph));
    return stageCodeLenses(graph, beside).map((lens) => {
      const command = lens.action ? toCommand(document.uri, lens.action, lens.title) : { title: lens.title, command: '' };
      return { range: lens.range, command: { ...command, tooltip: lens.tooltip } };
    });
  }
}

function toCommand(uri: vscode.Uri, action: StageLensAction, title: string): vscode.Command {
  switch (action.kind) {
    case 'revealStage':
      return { title, command: 'stageflow.revealStage', arguments: [uri, action.stage] };
    case 'showReferences':
      return {
        title,
        command: 'editor.action.showReferences',
        arguments: [uri, toPosition(action.position), action.locations.map((range) => new vscode.Location(uri, toRange(range)))],
      };
    case 'showGraph':
      return { title, command: showGraphCommand, arguments: [uri, action.stage] };
    case 'nameStage':
      return { title, command: nameStageCommand, arguments: action.name === undefined ? [uri, action.stage] : [uri, action.stage, action.name] };
    default: {
      const unhandled: never = action;
      throw new Error(`Unknown lens action ${JSON.stringify(unhandled)}`);
    }
  }
}
