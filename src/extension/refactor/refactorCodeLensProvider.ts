import type * as vscode from 'vscode';
import type { StageGraph } from '../../core/model';
import { refactorLenses } from '../../core/refactor/refactorLenses';
import { GraphCodeLensProvider, type GraphLens } from '../language/graphCodeLensProvider';

/**
 * The "Refactor…" CodeLens above each FROM where a refactoring applies, as `refactorLenses` offers them; it runs
 * `stageflow.refactor` on the FROM's line, which lets the person pick. "Name stage N…" lenses on numeric
 * references are the editor features' own.
 */
export class RefactorCodeLensProvider extends GraphCodeLensProvider {
  protected lenses(document: vscode.TextDocument, graph: StageGraph): GraphLens[] {
    return refactorLenses(graph, document.getText()).map((lens) => ({
      range: lens.range,
      command: { title: lens.title, tooltip: lens.tooltip, command: 'stageflow.refactor', arguments: [document.uri, lens.range.start.line] },
    }));
  }
}
