import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import type { Range } from '../../../src/core/model';
import { stageMentionAt } from '../../../src/core/editor/stageMentionAt';
import { stageOccurrences } from '../../../src/core/editor/stageOccurrences';
import { dockerfile, positionOf } from './dockerfileText';

const at = (range: Range) => `${range.start.line}:${range.start.character}-${range.end.character}`;

describe('stageMentionAt and stageOccurrences', () => {
  // SEMANTICS.md, "References between stages" and ONBUILD: every way of naming a stage reaches the same stage.
  const text = dockerfile(
    'FROM alpine AS tools',
    'FROM alpine AS base',
    'ONBUILD COPY --from=TOOLS /t /t',
    'FROM base',
    'RUN --mount=from=tools,target=/m true',
    'COPY --from=0 /x /x',
  );
  const graph = buildStageGraph(text);

  it('finds the stage under the cursor on its name and on each kind of reference', () => {
    assert.deepEqual(stageMentionAt(graph, positionOf(text, 'AS tools', 0, 5)), { kind: 'definition', stage: 0, range: graph.stages[0].ranges.name });
    for (const [needle, offset] of [['TOOLS', 2], ['from=tools', 6], ['--from=0', 7]] as const) {
      const mention = stageMentionAt(graph, positionOf(text, needle, 0, offset));
      assert.equal(mention?.kind === 'reference' && mention.stage, 0, needle);
    }
  });

  it('finds nothing on an image, a keyword or a path', () => {
    for (const needle of ['alpine', 'ONBUILD', '/t /t']) {
      assert.equal(stageMentionAt(graph, positionOf(text, needle, 0, 1)), null, needle);
    }
  });

  it('lists the declaration and every bound reference in file order', () => {
    const { declaration, references } = stageOccurrences(graph, 0);
    assert.equal(at(declaration), '0:15-20');
    assert.deepEqual(references.map((reference) => `${at(reference.range)} ${reference.kind} ${reference.via}${reference.onbuild ? ' onbuild' : ''}`), [
      '2:20-25 copy name onbuild',
      '4:17-22 mount name',
      '5:12-13 copy index',
    ]);
  });

  it('uses the FROM keyword as the declaration of an unnamed stage', () => {
    assert.equal(at(stageOccurrences(graph, 2).declaration), '3:0-4');
  });
});
