import * as vscode from 'vscode';
import { stageCodeLenses, type StageLensAction } from './core/editor/stageCodeLenses';
import type { DocumentGraphCache } from './documentGraphCache';
import { readStageflowSettings } from './settings';
import { toPosition, toRange } from './typeConverters';

/** The graph view's command; "Show in graph" lenses appear only once it is registered. */
const showGraphCommand = 'stageflow.showGraph';
/** The refactorings' command (registered in the same activation), which the "Name stage N…" lenses run. */
const nameStageCommand = 'stageflow.nameStage';

/** CodeLens above every FROM and numeric stage reference; the content comes from `stageCodeLenses`. */
export class StageCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  private showGraphRegistered = false;

  readonly onDidChangeCodeLenses = this.changeEmitter.event;

  constructor(
    private readonly cache: DocumentGraphCache,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      this.changeEmitter,
      cache.onDidChangeGraph(() => this.changeEmitter.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stageflow.codeLens.enabled')) {
          this.log.info('CodeLens setting changed: refreshing lenses.');
          this.changeEmitter.fire();
        }
      }),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const scope = document.isUntitled ? undefined : document.uri;
    if (!readStageflowSettings(scope, (message) => this.log.warn(message)).codeLensEnabled) {
      return [];
    }
    const graph = this.cache.get(document);
    const showGraph = await this.isShowGraphRegistered();
    const lenses: vscode.CodeLens[] = [];
    for (const lens of stageCodeLenses(graph)) {
      if (lens.action?.kind === 'showGraph' && !showGraph) {
        continue;
      }
      const command = lens.action ? toCommand(document.uri, lens.action, lens.title) : { title: lens.title, command: '' };
      command.tooltip = lens.tooltip;
      lenses.push(new vscode.CodeLens(toRange(lens.range), command));
    }
    return lenses;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  /** Whether the graph view's command exists; once seen, it is not looked up again. */
  private async isShowGraphRegistered(): Promise<boolean> {
    this.showGraphRegistered ||= (await vscode.commands.getCommands(true)).includes(showGraphCommand);
    return this.showGraphRegistered;
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
      return { title, command: showGraphCommand, arguments: [uri] };
    case 'nameStage':
      return { title, command: nameStageCommand, arguments: action.name === undefined ? [uri, action.stage] : [uri, action.stage, action.name] };
    default: {
      const unhandled: never = action;
      throw new Error(`Unknown lens action ${JSON.stringify(unhandled)}`);
    }
  }
}
