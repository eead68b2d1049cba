import * as vscode from 'vscode';
import { stageMentionAt, type StageMention } from '../../core/editor/stageMentionAt';
import { stageOccurrences, type StageOccurrences } from '../../core/editor/stageOccurrences';
import type { DocumentGraphCache } from '../documentGraphCache';
import { fromPosition, toRange } from '../typeConverters';

/**
 * Go to Definition, Find All References and document highlights for stages: from any reference BuildKit binds to a
 * stage (FROM, COPY --from by name or index, mount from=, ONBUILD triggers) or from the name after AS.
 */
export class StageNavigationProvider implements vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.DocumentHighlightProvider {
  constructor(private readonly cache: DocumentGraphCache) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] {
    const found = this.occurrencesAt(document, position);
    if (found === null) {
      return [];
    }
    const { mention, occurrences: { stage, declaration } } = found;
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
    const occurrences = this.occurrencesAt(document, position)?.occurrences;
    if (occurrences === undefined) {
      return [];
    }
    const { declaration, references } = occurrences;
    const ranges = context.includeDeclaration ? [declaration, ...references.map((reference) => reference.range)] : references.map((reference) => reference.range);
    return ranges.map((range) => new vscode.Location(document.uri, toRange(range)));
  }

  provideDocumentHighlights(document: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] {
    const occurrences = this.occurrencesAt(document, position)?.occurrences;
    if (occurrences === undefined) {
      return [];
    }
    const { declaration, references } = occurrences;
    return [
      new vscode.DocumentHighlight(toRange(declaration), vscode.DocumentHighlightKind.Write),
      ...references.map((reference) => new vscode.DocumentHighlight(toRange(reference.range), vscode.DocumentHighlightKind.Read)),
    ];
  }

  /** The stage mentioned at a position (declaration or reference) and where it occurs, or null off a mention. */
  private occurrencesAt(document: vscode.TextDocument, position: vscode.Position): { mention: StageMention; occurrences: StageOccurrences } | null {
    const graph = this.cache.get(document);
    const mention = stageMentionAt(graph, fromPosition(position));
    return mention === null ? null : { mention, occurrences: stageOccurrences(graph, mention.stage) };
  }
}
