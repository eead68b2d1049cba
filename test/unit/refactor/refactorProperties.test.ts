import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { stageAtLine } from '../../../src/core/graph/stageQueries';
import type { StageGraph } from '../../../src/core/model';
import { applyTextEdits, invertTextEdits } from '../../../src/core/refactor/applyTextEdits';
import { extractSharedBase } from '../../../src/core/refactor/extractSharedBase';
import { extractStage } from '../../../src/core/refactor/extractStage';
import { findSharedBaseCandidates } from '../../../src/core/refactor/findSharedBaseCandidates';
import { nameAllStages } from '../../../src/core/refactor/nameAllStages';
import { nameStage } from '../../../src/core/refactor/nameStage';
import { performRefactoring } from '../../../src/core/refactor/performRefactoring';
import { isEnabled, refactorActionsAt } from '../../../src/core/refactor/refactorActionsAt';
import type { RefactorOutcome } from '../../../src/core/refactor/refactorOutcome';
import { foldedShapeOf, shapeOf, type GraphShape } from './graphShape';

/** Lines that exercise what the refactorings must respect: indexes, names, ARG/ENV, ONBUILD, CMD, heredocs. */
const LINE_POOL = [
  'FROM alpine',
  'FROM alpine AS a',
  'from alpine as b',
  'FROM --platform=linux/arm64 alpine',
  'FROM a',
  'FROM b AS c',
  'FROM golang:1.22 \\\n  AS go',
  'ARG V=1',
  'ARG W=$V',
  'ENV V=2',
  'RUN echo $V',
  'RUN make',
  'WORKDIR /src',
  'USER nobody',
  'CMD ["run"]',
  'ENTRYPOINT ["app"]',
  'ONBUILD COPY --from=0 /x /x',
  'ONBUILD RUN echo child',
  'COPY --from=0 /x /x',
  'COPY --from=1 /y /y',
  'COPY --from=01 /y /y',
  'COPY --from=+2 /z /z',
  'COPY --from=5 /z /z',
  'COPY --from=a /a /a',
  'COPY --from=nginx /n /n',
  'RUN --mount=from=0,target=/m true',
  'RUN --mount=from=b,target=/m true',
  'RUN <<EOF\nFROM fake\nCOPY --from=0 / /\nEOF',
  '# a comment',
  '',
];

const dockerfileText = fc
  .tuple(fc.constantFrom('FROM alpine', 'FROM golang:1.22', 'ARG V=1\nFROM alpine'), fc.array(fc.constantFrom(...LINE_POOL), { maxLength: 14 }))
  .map(([first, rest]) => [first, ...rest].join('\n') + '\n');

/** Applied outcomes undo exactly and keep the shape for the default target and every named target. */
function assertKept(text: string, outcome: RefactorOutcome, expected: (before: StageGraph, after: StageGraph) => [GraphShape, GraphShape]): void {
  if ('refused' in outcome) {
    assert.ok(outcome.refused.length > 0);
    return;
  }
  const result = applyTextEdits(text, outcome.edits);
  assert.equal(applyTextEdits(result, invertTextEdits(text, outcome.edits)), text);
  const before = buildStageGraph(text);
  const targets = ['', ...new Set(before.stages.map((stage) => stage.name).filter((name): name is string => name !== null))];
  for (const target of targets) {
    const [actual, wanted] = expected(buildStageGraph(text, { target }), buildStageGraph(result, { target }));
    assert.deepEqual(actual, wanted, `target ${target || 'default'} of\n${text}---\n${result}`);
  }
}

/** Random Dockerfiles: the refactorings never throw, and whatever they apply keeps the build's meaning. */
describe('refactorings on random Dockerfiles', () => {
  const unverified = { verify: false };

  it('naming keeps meaning or refuses', () => {
    fc.assert(
      fc.property(dockerfileText, (text) => {
        const graph = buildStageGraph(text);
        for (const stage of graph.stages) {
          assertKept(text, nameStage(text, graph, stage.index, `n${stage.index}x`, unverified), (before, after) => [
            shapeOf(after),
            shapeOf(before, stage.name === null ? new Map([[stage.index, `n${stage.index}x`]]) : undefined),
          ]);
        }
        const all = nameAllStages(text, graph, unverified);
        if (!('refused' in all)) {
          const named = new Map<number, string>();
          for (const stage of buildStageGraph(applyTextEdits(text, all.edits)).stages) {
            if (graph.stages[stage.index].name === null && stage.name !== null) named.set(stage.index, stage.name);
          }
          assertKept(text, all, (before, after) => [shapeOf(after), shapeOf(before, named)]);
        }
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it('extracting a stage before any line keeps meaning or refuses', () => {
    fc.assert(
      fc.property(dockerfileText, (text) => {
        const graph = buildStageGraph(text);
        for (let line = 1; line <= text.split('\n').length; line++) {
          const outcome = extractStage(text, graph, line, 'pre', unverified);
          const stage = stageAtLine(graph, line - 1);
          assertKept(text, outcome, (before, after) => [foldedShapeOf(after, stage?.index ?? -1), shapeOf(before)]);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('never throws on arbitrary text, whatever the line, stages and name', () => {
    const junk = fc.array(fc.oneof(fc.string(), fc.constantFrom(...LINE_POOL), fc.constant('FROM')), { maxLength: 8 }).map((parts) => parts.join('\n'));
    fc.assert(
      fc.property(junk, fc.integer({ min: -2, max: 12 }), fc.string({ maxLength: 6 }), (text, line, name) => {
        const graph = buildStageGraph(text);
        for (const outcome of [
          nameStage(text, graph, line, name),
          nameAllStages(text, graph),
          extractStage(text, graph, line, name),
          extractSharedBase(text, graph, [0, 1, line], name),
        ]) {
          if (!('refused' in outcome)) applyTextEdits(text, outcome.edits);
        }
        findSharedBaseCandidates(graph, text);
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it('what refactorActionsAt offers at any line and selection applies as offered (the editor never offers a refusal)', () => {
    fc.assert(
      fc.property(dockerfileText, fc.nat(), fc.nat(), (text, first, span) => {
        const graph = buildStageGraph(text);
        const lineCount = text.split('\n').length;
        const start = first % lineCount;
        const range = { start: { line: start, character: 0 }, end: { line: Math.min(lineCount - 1, start + (span % 3)), character: 1 } };
        for (const action of Object.values(refactorActionsAt(graph, text, range))) {
          if (!isEnabled(action)) continue;
          let { request } = action;
          if (request.refactoring === 'extractStage' && request.line === null) request = { ...request, line: graph.stages[request.stage].instructions[0].startLine };
          const outcome = performRefactoring(text, graph, request, action.name, unverified);
          assert.ok(!('refused' in outcome) && outcome.edits.length > 0, `${action.title} was offered but ${JSON.stringify(outcome)}`);
        }
      }),
      { numRuns: 150, seed: 17 },
    );
  });

  it('extracting shared bases keeps meaning or refuses', () => {
    fc.assert(
      fc.property(dockerfileText, dockerfileText, (first, second) => {
        const text = first + second.replace(/^ARG V=1\n/, '');
        const graph = buildStageGraph(text);
        for (const candidate of findSharedBaseCandidates(graph, text)) {
          const outcome = extractSharedBase(text, graph, candidate.stageIndexes, candidate.proposedName, unverified);
          assertKept(text, outcome, (before, after) => [foldedShapeOf(after, candidate.stageIndexes[0]), shapeOf(before)]);
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
