import * as vscode from 'vscode';
import { rangeContains } from '../../core/graph/stageQueries';
import { stageHoverMarkdown } from '../../core/editor/stageHoverMarkdown';
import { stageMentionAt } from '../../core/editor/stageMentionAt';
import type { DocumentGraphCache } from '../documentGraphCache';
import { fromPosition, toRange } from '../typeConverters';

/** A stage's summary on hover: over a reference, the stage it binds to; elsewhere on a FROM, the stage it starts. */
export class StageHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: DocumentGraphCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const graph = this.cache.get(document);
    const at = fromPosition(position);
    const mention = stageMentionAt(graph, at);
    const stage = mention ? graph.stages[mention.stage] : graph.stages.find((candidate) => rangeContains(candidate.ranges.from, at));
    if (!stage) {
      return undefined;
    }
    const markdown = new vscode.MarkdownString(stageHoverMarkdown(graph, stage.index));
    return new vscode.Hover(markdown, toRange(mention ? mention.range : stage.ranges.from));
  }
}
