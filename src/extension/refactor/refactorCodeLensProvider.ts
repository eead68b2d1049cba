import type * as vscode from 'vscode';
import type { StageGraph } from '../../core/model';
import { refactorLenses } from '../../core/refactor/refactorLenses';
import { GraphCodeLensProvider, type GraphLens } from '../language/graphCodeLensProvider';
import { refactorCommandFor } from './refactorCommandFor';

/**
 * CodeLens for the extract refactorings, as `refactorLenses` offers them: "Extract stage…" above a stage's FROM
 * (the command then asks before which instruction to split) and "Extract shared base…" above the first of
 * stages that start alike. "Name stage N…" lenses are the editor features' own.
 */
export class RefactorCodeLensProvider extends GraphCodeLensProvider {
  protected lenses(document: vscode.TextDocument, graph: StageGraph): GraphLens[] {
    return refactorLenses(graph, document.getText()).map((lens) => ({
      range: lens.range,
      command: { ...refactorCommandFor(document.uri, graph, lens.action, lens.title), tooltip: lens.tooltip },
    }));
  }
}
