import * as vscode from 'vscode';
import { CodeLensChanges } from './codeLensChanges';
import { stageCodeLenses, type StageLensAction } from '../../core/editor/stageCodeLenses';
import { Disposable } from '../disposable';
import type { DocumentGraphCache } from '../documentGraphCache';
import { toPosition, toRange } from '../typeConverters';

/** The graph view's and the refactorings' commands, registered in the same activation. */
const showGraphCommand = 'stageflow.showGraph';
const nameStageCommand = 'stageflow.nameStage';

/** CodeLens above every FROM and numeric stage reference; the content comes from `stageCodeLenses`. */
export class StageCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(
    private readonly cache: DocumentGraphCache,
    log: vscode.LogOutputChannel,
  ) {
    super();
    this.onDidChangeCodeLenses = this.register(new CodeLensChanges(cache, log)).event;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.cache.settingsFor(document).codeLensEnabled) {
      return [];
    }
    const graph = this.cache.get(document);
    return stageCodeLenses(graph).map((lens) => {
      const command = lens.action ? toCommand(document.uri, lens.action, lens.title) : { title: lens.title, command: '' };
      command.tooltip = lens.tooltip;
      return new vscode.CodeLens(toRange(lens.range), command);
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
