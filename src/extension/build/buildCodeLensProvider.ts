import * as vscode from 'vscode';
import { buildCodeLenses } from '../../core/buildrun/buildCodeLenses';
import type { StageGraph } from '../../core/model';
import type { DocumentGraphCache } from '../documentGraphCache';
import { GraphCodeLensProvider, type GraphLens } from '../language/graphCodeLensProvider';
import type { BuildRunner } from './buildRunner';

/**
 * "Build" above every FROM (or "Stop" while the file builds), only where building can work: a
 * trusted workspace and a file on disk. Never builds by itself: the lens is the user's click.
 */
export class BuildCodeLensProvider extends GraphCodeLensProvider {
  constructor(
    cache: DocumentGraphCache,
    private readonly runner: BuildRunner,
  ) {
    super(cache);
    this.refreshOn(runner.onDidChangeRunning);
    this.refreshOn(vscode.workspace.onDidGrantWorkspaceTrust);
  }

  protected lenses(document: vscode.TextDocument, graph: StageGraph): GraphLens[] {
    if (!vscode.workspace.isTrusted || document.uri.scheme !== 'file') return [];
    const building = this.runner.building?.toString() === document.uri.toString();
    return buildCodeLenses(graph, building).map((lens) => ({
      range: lens.range,
      command:
        lens.action.kind === 'cancel'
          ? { title: lens.title, tooltip: lens.tooltip, command: 'stageflow.cancelBuild' }
          : { title: lens.title, tooltip: lens.tooltip, command: 'stageflow.build', arguments: [document.uri, lens.action.target] },
    }));
  }
}
