import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import type { StageGraph, TextEdit } from '../../../src/core/model';
import { DocumentText } from '../../../src/core/parse/documentText';
import { applyTextEdits, invertTextEdits, untouchedSpans } from '../../../src/core/refactor/applyTextEdits';
import { extractSharedBase } from '../../../src/core/refactor/extractSharedBase';
import { extractStage } from '../../../src/core/refactor/extractStage';
import { findSharedBaseCandidates } from '../../../src/core/refactor/findSharedBaseCandidates';
import { nameAllStages } from '../../../src/core/refactor/nameAllStages';
import { firesInThisFile, nameStage } from '../../../src/core/refactor/nameStage';
import { proposeExtractedStageName } from '../../../src/core/refactor/proposeExtractedStageName';
import { proposeStageName } from '../../../src/core/refactor/proposeStageName';
import type { RefactorOutcome } from '../../../src/core/refactor/refactorOutcome';
import { foldedShapeOf, shapeOf } from './graphShape';

/**
 * The proof that refactorings keep meaning: for every Dockerfile the tests have and every place each refactoring
 * applies, the new file's graph is the old one under the renaming or index shift — for the default target and for
 * every named stage as `--target` — text outside the edits is byte-identical, and undoing restores the original.
 */
const corpus = [
  ...readdirSync('examples').filter((file) => file.endsWith('.Dockerfile')).map((file) => join('examples', file)),
  ...readdirSync('test/fixtures/conformance').filter((file) => file.endsWith('.Dockerfile')).map((file) => join('test/fixtures/conformance', file)),
  ...readdirSync('test/unit/refactor/fixtures').filter((file) => file.endsWith('.Dockerfile')).map((file) => join('test/unit/refactor/fixtures', file)),
];

/**
 * The refactorings run without their own final safeguard (`verify: false`), so this proof checks their edits
 * independently rather than trusting the safeguard to have refused every bad one.
 */
const unverified = { verify: false };

/** Each file's graph for the default target and for every stage name as target. */
function graphsByTarget(text: string, names: Iterable<string>): Map<string, StageGraph> {
  const graphs = new Map<string, StageGraph>([['', buildStageGraph(text)]]);
  for (const name of names) graphs.set(name, buildStageGraph(text, { target: name }));
  return graphs;
}

function stageNames(graph: StageGraph): string[] {
  return [...new Set(graph.stages.map((stage) => stage.name).filter((name): name is string => name !== null))];
}

/** Text outside the edited ranges is found unchanged, in order, in the result. */
function assertUntouchedOutsideEdits(text: string, edits: TextEdit[], result: string): void {
  const offsets = new DocumentText(text);
  const sorted = [...edits].sort((a, b) => offsets.offsetAt(a.range.start) - offsets.offsetAt(b.range.start));
  let shift = 0;
  const spans = untouchedSpans(text, sorted);
  spans.forEach(([start, end], position) => {
    assert.equal(result.slice(start + shift, end + shift), text.slice(start, end), 'text outside the edits is byte-identical');
    const edit = sorted[position];
    if (edit) shift += edit.newText.length - (offsets.offsetAt(edit.range.end) - offsets.offsetAt(edit.range.start));
  });
  for (const edit of edits) {
    assert.notEqual(edit.newText, text.slice(offsets.offsetAt(edit.range.start), offsets.offsetAt(edit.range.end)), 'every edit changes something');
  }
}

interface Tally {
  applied: number;
  refused: number;
}

function check(text: string, outcome: RefactorOutcome, expectShape: (before: StageGraph, after: StageGraph) => void, tally: Tally, label: string): void {
  if ('refused' in outcome) {
    tally.refused++;
    return;
  }
  tally.applied++;
  const result = applyTextEdits(text, outcome.edits);
  assertUntouchedOutsideEdits(text, outcome.edits, result);
  assert.equal(applyTextEdits(result, invertTextEdits(text, outcome.edits)), text, `${label}: undo restores the original`);
  const before = buildStageGraph(text);
  const targets = stageNames(before);
  const oldGraphs = graphsByTarget(text, targets);
  const newGraphs = graphsByTarget(result, targets);
  for (const [target, graph] of oldGraphs) {
    try {
      expectShape(graph, newGraphs.get(target) as StageGraph);
    } catch (error) {
      throw new Error(`${label} (target ${target || 'default'}): ${(error as Error).message}`);
    }
  }
}

/**
 * The numeric references left that a name could replace: those BuildKit resolves by index to a stage that has a
 * name (or none) which `--from=name` would reach, and that fire in this file (an ONBUILD trigger may fire only in
 * other Dockerfiles, where the index means another file's stage).
 */
function replaceableIndexReferences(graph: StageGraph): string[] {
  return graph.references
    .filter((reference) => reference.via === 'index' && reference.stage !== null && firesInThisFile(graph, reference))
    .filter((reference) => {
      const stage = graph.stages[reference.stage as number];
      return stage.name === null || graph.stages.filter((other) => other.name === stage.name).pop() === stage;
    })
    .map((reference) => `--from=${reference.text} on line ${reference.line}`);
}

const totals = { name: { applied: 0, refused: 0 }, nameAll: { applied: 0, refused: 0 }, extract: { applied: 0, refused: 0 }, base: { applied: 0, refused: 0 } };

describe('refactorings keep the build`s meaning on every Dockerfile the tests have', function () {
  // Each case rebuilds the graph for every target after every edit (the monorepo example: about 10 s alone), so
  // on a busy shared machine the default 20 s is not enough; the proof's cost is measured, not asserted.
  this.timeout(120_000);
  for (const file of corpus) {
    describe(file, () => {
      const text = readFileSync(file, 'utf8');
      const graph = buildStageGraph(text);

      it('naming each unnamed stage', () => {
        for (const stage of graph.stages.filter((candidate) => candidate.rawName === null)) {
          const name = proposeStageName(graph, stage.index);
          check(text, nameStage(text, graph, stage.index, name, unverified), (before, after) => {
            assert.deepEqual(shapeOf(after), shapeOf(before, new Map([[stage.index, name]])));
          }, totals.name, `name stage ${stage.index} ${name}`);
        }
      });

      it('naming all stages referenced by index, leaving no index a name can replace', () => {
        const outcome = nameAllStages(text, graph, unverified);
        if (!('refused' in outcome) && outcome.edits.length === 0) return;
        const named = new Map<number, string>();
        if (!('refused' in outcome)) {
          const after = buildStageGraph(applyTextEdits(text, outcome.edits));
          for (const stage of after.stages) {
            if (graph.stages[stage.index].name === null && stage.name !== null) named.set(stage.index, stage.name);
          }
          assert.deepEqual(replaceableIndexReferences(after), [], 'no numeric reference to a stage its name would reach is left');
        }
        check(text, outcome, (before, after) => assert.deepEqual(shapeOf(after), shapeOf(before, named)), totals.nameAll, 'name all');
      });

      it('extracting a stage before every instruction', () => {
        for (const stage of graph.stages) {
          for (const instruction of stage.instructions) {
            const name = proposeExtractedStageName(graph, stage.index);
            check(text, extractStage(text, graph, instruction.startLine, name, unverified), (before, after) => {
              assert.deepEqual(foldedShapeOf(after, stage.index), shapeOf(before));
              assert.equal(after.stages[stage.index].name, name);
            }, totals.extract, `extract at line ${instruction.startLine}`);
          }
        }
      });

      it('extracting every shared base', () => {
        for (const candidate of findSharedBaseCandidates(graph, text)) {
          check(text, extractSharedBase(text, graph, candidate.stageIndexes, candidate.proposedName, unverified), (before, after) => {
            assert.deepEqual(foldedShapeOf(after, candidate.stageIndexes[0]), shapeOf(before));
          }, totals.base, `extract base of ${candidate.stageIndexes.join(',')}`);
        }
      });
    });
  }

});

describe('the meaning proof', () => {
  it('applied each refactoring in many places (so it is not vacuous)', () => {
    assert.ok(corpus.length >= 35, `corpus of ${corpus.length} files`);
    assert.ok(totals.name.applied >= 15, `named ${totals.name.applied} stages`);
    assert.ok(totals.nameAll.applied >= 4, `named all in ${totals.nameAll.applied} files`);
    assert.ok(totals.extract.applied >= 150, `extracted ${totals.extract.applied} times`);
    assert.ok(totals.base.applied >= 4, `extracted ${totals.base.applied} shared bases`);
  });
});
