import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import type { StageGraph, TextEdit } from '../../../src/core/model';
import { applyTextEdits, invertTextEdits } from '../../../src/core/refactor/applyTextEdits';
import type { RefactorOutcome } from '../../../src/core/refactor/refactorOutcome';

/** Dockerfile text from a template literal's lines, so tests can indent inline files. */
export function dockerfile(lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** The graph of a text, as the refactorings receive it. */
export function graphOf(text: string): StageGraph {
  return buildStageGraph(text);
}

/** Asserts the outcome applies and returns the new text; checks that undoing the edits restores `text` exactly. */
export function applied(text: string, outcome: RefactorOutcome): { text: string; notes: string[]; edits: TextEdit[] } {
  if ('refused' in outcome) assert.fail(`expected the refactoring to apply, it refused: ${outcome.refused}`);
  const result = applyTextEdits(text, outcome.edits);
  assert.equal(applyTextEdits(result, invertTextEdits(text, outcome.edits)), text, 'undo restores the original');
  return { text: result, notes: outcome.notes, edits: outcome.edits };
}

/** Asserts the outcome is a refusal and returns its reason. */
export function refusal(outcome: RefactorOutcome): string {
  if (!('refused' in outcome)) assert.fail(`expected a refusal, got edits ${JSON.stringify(outcome.edits)}`);
  return outcome.refused;
}
