/**
 * BuildKit conformance: every case in test/fixtures/conformance (BuildKit dockerfile/1.26.0 verdicts) must resolve to
 * the same stages, edges, target, reachability, verdict, error message and build checks.
 *
 * When BuildKit fails while parsing (`phase: "parse"`), it records no stages at all; Stageflow still shows the stages
 * it could read (so the editor keeps its map), so for those cases only the verdict, the message and the checks are
 * compared, plus a check that reachability is unknown.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import type { StageGraph } from '../../../src/core/model';

const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'conformance');

interface ExpectedStage {
  index: number;
  name: string | null;
  displayName: string;
  rawBaseName: string;
  baseName: string;
  baseStage: number | null;
  baseImage: string | null;
  rawPlatform: string | null;
  platform: string | null;
  startLine: number;
  endLine: number;
  reachable: boolean | null;
  isTarget: boolean;
}

interface Expected {
  ok: boolean;
  error: string | null;
  /** Lines BuildKit attaches to its error, when it attaches any. */
  errorLines?: number[];
  phase: string;
  escapeToken: string;
  syntax: string | null;
  metaArgs: { name: string; default: string | null; line: number }[];
  stages: ExpectedStage[];
  edges: unknown[];
  target: number | null;
  reachable: number[];
  reachableImages: string[];
  lint: { rule: string; message: string; line: number }[];
  perTarget?: { target: string; ok: boolean; error: string | null; index: number; reachable: number[] }[];
}

/** The stage fields BuildKit's verdicts record, from a resolved graph or a fixture alike (extra fields dropped). */
function stageFields(stages: readonly ExpectedStage[]): ExpectedStage[] {
  return stages.map((s) => ({
    index: s.index,
    name: s.name,
    displayName: s.displayName,
    rawBaseName: s.rawBaseName,
    baseName: s.baseName,
    baseStage: s.baseStage,
    baseImage: s.baseImage,
    rawPlatform: s.rawPlatform,
    platform: s.platform,
    startLine: s.startLine,
    endLine: s.endLine,
    reachable: s.reachable,
    isTarget: s.isTarget,
  }));
}

function edgeFields(graph: StageGraph): unknown[] {
  return graph.edges.map((e) => ({
    from: e.from,
    to: e.to,
    kind: e.kind,
    ref: e.ref,
    via: e.via,
    line: e.line,
    ...(e.onbuild ? { onbuild: true } : {}),
  }));
}

/** BuildKit's build checks: warnings whose code is a BuildKit rule name (ours start with `stageflow.`). */
function lintFields(graph: StageGraph): string[] {
  return graph.diagnostics
    .filter((d) => d.severity === 'warning' && !d.code.startsWith('stageflow.'))
    .map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`)
    .sort();
}

const cases = fs
  .readdirSync(fixtures)
  .filter((f) => f.endsWith('.Dockerfile'))
  .sort();

describe('BuildKit conformance (test/fixtures/conformance, dockerfile/1.26.0 verdicts)', () => {
  it('has all 28 cases', () => {
    assert.equal(cases.length, 28);
  });

  for (const file of cases) {
    it(file.replace('.Dockerfile', ''), () => {
      const text = fs.readFileSync(path.join(fixtures, file), 'utf8');
      const expected = JSON.parse(fs.readFileSync(path.join(fixtures, file.replace('.Dockerfile', '.expected.json')), 'utf8')) as Expected;
      const graph = buildStageGraph(text);

      assert.equal(graph.ok, expected.ok, 'ok');
      assert.equal(graph.error, expected.error, 'error message');
      if (expected.errorLines) {
        assert.ok(graph.errorRange, 'the error has a range');
        assert.ok(expected.errorLines.includes(graph.errorRange.start.line + 1), `error on line ${graph.errorRange.start.line + 1}`);
      }
      assert.equal(graph.escapeToken, expected.escapeToken, 'escape token');
      assert.equal(graph.syntax, expected.syntax, 'syntax directive');
      assert.deepEqual(lintFields(graph), expected.lint.map((l) => `${l.rule} line ${l.line}: ${l.message}`).sort(), 'build checks');

      if (expected.phase === 'parse') {
        assert.deepEqual(graph.reachable, [], 'nothing is built after a parse error');
        assert.ok(graph.stages.every((s) => s.reachable === null), 'reachability unknown after a parse error');
        return;
      }
      assert.deepEqual(
        graph.metaArgs.map((m) => ({ name: m.name, default: m.default, line: m.line })),
        expected.metaArgs,
        'meta ARGs',
      );
      assert.deepEqual(stageFields(graph.stages), stageFields(expected.stages), 'stages');
      assert.deepEqual(edgeFields(graph), expected.edges, 'edges');
      assert.equal(graph.target, expected.target, 'target');
      assert.deepEqual(graph.reachable, expected.reachable, 'reachable');
      // BuildKit pulls every reachable image but scratch, the empty image that Stageflow still lists.
      assert.deepEqual(
        graph.images.filter((i) => i.reachable && i.ref !== 'scratch').map((i) => i.ref),
        expected.reachableImages,
        'images pulled for the target',
      );

      for (const perTarget of expected.perTarget ?? []) {
        const forTarget = buildStageGraph(text, { target: perTarget.target });
        assert.deepEqual(
          { ok: forTarget.ok, error: forTarget.error, index: forTarget.target, reachable: forTarget.reachable },
          { ok: perTarget.ok, error: perTarget.error, index: perTarget.index, reachable: perTarget.reachable },
          `--target ${perTarget.target}`,
        );
      }
    });
  }
});
