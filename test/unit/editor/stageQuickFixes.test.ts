import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { stageQuickFixes } from '../../../src/core/editor/stageQuickFixes';
import { applyTextEdits, dockerfile } from './dockerfileText';

/** Every fix offered for the line, as "title => whole fixed text". */
function fixesOnLine(text: string, line: number): string[] {
  const range = { start: { line, character: 0 }, end: { line, character: 0 } };
  return stageQuickFixes(buildStageGraph(text), range).map((fix) => `${fix.title} => ${applyTextEdits(text, fix.edits)}`);
}

describe('stageQuickFixes', () => {
  it('corrects a misspelt stage reference, which BuildKit would otherwise pull as an image', () => {
    const text = dockerfile('FROM alpine AS builder', 'FROM scratch', 'COPY --from=bulider /x /x');
    const range = { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } };
    const [fix] = stageQuickFixes(buildStageGraph(text), range);
    assert.equal(fix.title, "Use stage 'builder'");
    assert.equal(applyTextEdits(text, fix.edits), dockerfile('FROM alpine AS builder', 'FROM scratch', 'COPY --from=builder /x /x'));
  });

  // SEMANTICS.md, "Stages and names": StageNameCasing; FROM binds only to the lowercased name, --from in any case.
  it('lowercases a stage name and every reference to it (StageNameCasing)', () => {
    const text = dockerfile('FROM alpine AS Builder', 'FROM builder', 'COPY --from=BUILDER /x /x');
    assert.deepEqual(fixesOnLine(text, 0), [
      `Rename stage to 'builder' => ${dockerfile('FROM alpine AS builder', 'FROM builder', 'COPY --from=builder /x /x')}`,
    ]);
  });

  it('offers nothing where no diagnostic has a certain fix', () => {
    const text = dockerfile('FROM alpine AS a', 'FROM a AS a');
    assert.deepEqual(fixesOnLine(text, 1), []);
  });
});
