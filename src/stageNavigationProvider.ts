import * as vscode from 'vscode';
import { stageMentionAt } from './core/editor/stageMentionAt';
import { stageOccurrences } from './core/editor/stageOccurrences';
import type { DocumentGraphCache } from './documentGraphCache';
import { fromPosition, toRange } from './typeConverters';

/**
 * Go to Definition, Find All References and document highlights for stages: from any reference BuildKit binds to a
 * stage (FROM, COPY --from by name or index, mount from=, ONBUILD triggers) or from the name after AS.
 */
export class StageNavigationProvider implements vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.DocumentHighlightProvider {
  constructor(private readonly cache: DocumentGraphCache) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] {
    const graph = this.cache.get(document);
    const mention = stageMentionAt(graph, fromPosition(position));
    if (mention === null) {
      return [];
    }
    const { stage, declaration } = stageOccurrences(graph, mention.stage);
    return [
      {
        originSelectionRange: toRange(mention.range),
        targetUri: document.uri,
        targetRange: toRange(stage.ranges.stage),
        targetSelectionRange: toRange(declaration),
      },
    ];
  }

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] {
    const graph = this.cache.get(document);
    const mention = stageMentionAt(graph, fromPosition(position));
    if (mention === null) {
      return [];
    }
    const { declaration, references } = stageOccurrences(graph, mention.stage);
    const ranges = context.includeDeclaration ? [declaration, ...references.map((reference) => reference.range)] : references.map((reference) => reference.range);
    return ranges.map((range) => new vscode.Location(document.uri, toRange(range)));
  }

  provideDocumentHighlights(document: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] {
    const graph = this.cache.get(document);
    const mention = stageMentionAt(graph, fromPosition(position));
    if (mention === null) {
      return [];
    }
    const { declaration, references } = stageOccurrences(graph, mention.stage);
    return [
      new vscode.DocumentHighlight(toRange(declaration), vscode.DocumentHighlightKind.Write),
      ...references.map((reference) => new vscode.DocumentHighlight(toRange(reference.range), vscode.DocumentHighlightKind.Read)),
    ];
  }
}
