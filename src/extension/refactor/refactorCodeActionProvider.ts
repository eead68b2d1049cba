import * as vscode from 'vscode';
import type { Range as CoreRange, StageGraph } from '../../core/model';
import { extractSharedBase } from '../../core/refactor/extractSharedBase';
import { extractStage } from '../../core/refactor/extractStage';
import { findSharedBaseCandidates } from '../../core/refactor/findSharedBaseCandidates';
import { stagesReferencedByIndex } from '../../core/refactor/nameAllStages';
import { nameStage } from '../../core/refactor/nameStage';
import { proposeExtractedStageName } from '../../core/refactor/proposeExtractedStageName';
import { proposeStageName } from '../../core/refactor/proposeStageName';
import type { RefactorOptions, RefactorOutcome } from '../../core/refactor/refactorOutcome';
import type { DocumentGraphCache } from '../documentGraphCache';
import { toRange } from '../typeConverters';

/**
 * Offering runs the refactorings' own checks only; the full check against the rebuilt graph runs when the command
 * applies one, so moving the cursor stays cheap.
 */
const CHEAP: RefactorOptions = { verify: false };

/** A refactoring offered at the cursor: runnable through its command, or shown greyed out with the reason. */
function action(title: string, kind: vscode.CodeActionKind, outcome: RefactorOutcome, command: vscode.Command): vscode.CodeAction {
  const offered = new vscode.CodeAction(title, kind);
  if ('refused' in outcome) offered.disabled = { reason: outcome.refused };
  else offered.command = command;
  return offered;
}

/** The 1-based line to split before: the cursor's line, or for a selection the first instruction after it. */
function splitLine(graph: StageGraph, stageIndex: number, range: vscode.Range): number | undefined {
  if (range.isEmpty || range.start.line === range.end.line) return range.start.line + 1;
  const lastSelected = range.end.character === 0 ? range.end.line : range.end.line + 1;
  return graph.stages[stageIndex].instructions.find((instruction) => instruction.startLine > lastSelected)?.startLine;
}

/** The stage the cursor's FROM starts (when unnamed) or its numeric `--from` reaches, if any. */
function stageToName(graph: StageGraph, position: vscode.Position): number | undefined {
  const inside = (range: CoreRange) => toRange(range).contains(position);
  const from = graph.stages.find((stage) => inside(stage.ranges.from));
  if (from) return from.rawName === null ? from.index : undefined;
  const reference = graph.references.find((candidate) => candidate.via === 'index' && candidate.stage !== null && inside(candidate.range));
  return reference?.stage ?? undefined;
}

/**
 * Stageflow's refactorings as code actions: `refactor.extract` "Extract stage from here…" at the cursor (or after
 * a selection) and "Extract shared base stage…" on stages that share a base; `refactor.rewrite` "Name stage N…"
 * (or "Use the name x" for a named stage) and "Name all numeric stages" on an unnamed FROM or a numeric
 * `--from`. When one does not apply, it is still listed, disabled, with the core's reason.
 */
export class RefactorCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.RefactorExtract, vscode.CodeActionKind.RefactorRewrite],
  };

  constructor(private readonly cache: DocumentGraphCache) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind);
    const graph = this.cache.get(document);
    const text = document.getText();
    const uri = document.uri;
    const actions: vscode.CodeAction[] = [];
    const stage = graph.stages.find((candidate) => candidate.startLine <= range.start.line + 1 && range.start.line + 1 <= candidate.endLine);

    if (stage && wants(vscode.CodeActionKind.RefactorExtract)) {
      const line = splitLine(graph, stage.index, range);
      const outcome: RefactorOutcome =
        line === undefined
          ? { refused: 'Nothing of the stage would remain below the selection' }
          : extractStage(text, graph, line, proposeExtractedStageName(graph, stage.index), CHEAP);
      actions.push(
        action('Extract stage from here…', vscode.CodeActionKind.RefactorExtract, outcome, {
          title: 'Extract stage from here…',
          command: 'stageflow.extractStage',
          arguments: [uri, (line ?? 1) - 1],
        }),
      );
      const candidate = findSharedBaseCandidates(graph, text).find((found) => found.stageIndexes.includes(stage.index));
      if (candidate) {
        actions.push(
          action('Extract shared base stage…', vscode.CodeActionKind.RefactorExtract, extractSharedBase(text, graph, candidate.stageIndexes, candidate.proposedName, CHEAP), {
            title: 'Extract shared base stage…',
            command: 'stageflow.extractBase',
            arguments: [uri, candidate.stageIndexes],
          }),
        );
      }
    }

    const toName = stageToName(graph, range.start);
    if (toName !== undefined && wants(vscode.CodeActionKind.RefactorRewrite)) {
      const existing = graph.stages[toName].rawName;
      const title = existing === null ? `Name stage ${toName}…` : `Use the name ${existing}`;
      const outcome = nameStage(text, graph, toName, existing ?? proposeStageName(graph, toName), CHEAP);
      actions.push(
        action(title, vscode.CodeActionKind.RefactorRewrite, outcome, {
          title,
          command: 'stageflow.nameStage',
          arguments: existing === null ? [uri, toName] : [uri, toName, existing],
        }),
      );
      if (stagesReferencedByIndex(graph).length > 1) {
        const all = new vscode.CodeAction('Name all numeric stages', vscode.CodeActionKind.RefactorRewrite);
        all.command = { title: 'Name all numeric stages', command: 'stageflow.nameAllStages', arguments: [uri] };
        actions.push(all);
      }
    }
    return actions;
  }
}
