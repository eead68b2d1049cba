import * as assert from 'node:assert/strict';
import { readBuildLog } from '../../../src/core/buildlog/buildLogReader';
import { buildTimeline } from '../../../src/core/buildlog/buildTimeline';
import type { BuildTimeline } from '../../../src/core/buildlog/model';
import { BUILD_LENS_TITLE, buildCodeLenses, titlesBesideStageLenses } from '../../../src/core/buildrun/buildCodeLenses';
import { buildProgressMessage } from '../../../src/core/buildrun/buildProgressMessage';
import { failureRange } from '../../../src/core/buildrun/failureRange';
import { LiveBuild } from '../../../src/core/buildrun/liveBuild';
import { matchBuildLog } from '../../../src/core/buildrun/matchBuildLog';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { buildLogFixture } from '../buildlog/buildLogFixtures';

// What the editor shows of a build besides the per-line times: the failure's range, the Build lenses, the progress
// line, and which Dockerfile a saved log belongs to. Logs are real builds of test/fixtures/buildlogs.

function timelineOf(log: string, dockerfile: string): BuildTimeline {
  const timeline = buildTimeline(readBuildLog(buildLogFixture(log)), buildStageGraph(buildLogFixture(dockerfile)));
  assert.equal(timeline.kind, 'timeline');
  return timeline as BuildTimeline;
}

describe('failureRange', () => {
  it('covers the failing instruction', () => {
    const graph = buildStageGraph(buildLogFixture('failure.Dockerfile'));
    const range = failureRange(timelineOf('failure.log', 'failure.Dockerfile').failure!, graph);
    // Line 9 (0-based 8): `RUN sleep 1 && echo "running tests" && exit 3`, 45 characters.
    assert.deepEqual(range, { start: { line: 8, character: 0 }, end: { line: 8, character: 45 } });
  });

  it("covers the FROM of a base image that could not be loaded", () => {
    const graph = buildStageGraph(buildLogFixture('missing-image.Dockerfile'));
    const failure = timelineOf('missing-image.log', 'missing-image.Dockerfile').failure!;
    assert.deepEqual(failureRange(failure, graph), graph.stages[failure.stage!].ranges.from);
  });

  it('has none for an error of no instruction', () => {
    const graph = buildStageGraph(buildLogFixture('syntax-error.Dockerfile'));
    assert.equal(failureRange(timelineOf('syntax-error.log', 'syntax-error.Dockerfile').failure!, graph), null);
  });
});

describe('buildCodeLenses', () => {
  const graph = buildStageGraph(['FROM busybox:local AS Base', 'FROM base', 'FROM base AS test', 'FROM busybox:local', ''].join('\n'));

  it('builds each named stage with --target as written, the last stage as the default target, and skips unnamed ones', () => {
    assert.deepEqual(
      buildCodeLenses(graph, false).map((lens) => [lens.range.start.line, lens.title, lens.action]),
      [
        [0, 'Build', { kind: 'build', stage: 0, target: 'Base' }],
        [2, 'Build', { kind: 'build', stage: 2, target: 'test' }],
        [3, 'Build', { kind: 'build', stage: 3, target: null }],
      ],
    );
  });

  it('offers to cancel above every FROM while the file builds', () => {
    assert.deepEqual(
      buildCodeLenses(graph, true).map((lens) => [lens.range.start.line, lens.title, lens.action.kind]),
      [0, 1, 2, 3].map((line) => [line, 'Stop', 'cancel']),
    );
  });

  it("leaves the stage lenses room for Build on every FROM (Stop is shorter) and for a stage's Compose and Bake lens", () => {
    assert.ok([...buildCodeLenses(graph, false), ...buildCodeLenses(graph, true)].every((lens) => lens.title.length <= BUILD_LENS_TITLE.length));
    const entry = { range: graph.stages[2].ranges.from, stage: 2, title: 'compose: test', tooltip: '', entries: [] };
    const beside = titlesBesideStageLenses([entry]);
    assert.deepEqual([0, 1, 2, 3].map(beside), [['Build'], ['Build'], ['Build', 'compose: test'], ['Build']]);
  });
});

describe('buildProgressMessage', () => {
  it('names the stages running and counts those done', () => {
    const graph = buildStageGraph(buildLogFixture('parallel.Dockerfile'));
    const live = new LiveBuild(graph);
    const lines = buildLogFixture('parallel.log').split('\n');
    live.write('stderr', lines.slice(0, 4).join('\n') + '\n', 0);
    assert.equal(buildProgressMessage(live.timeline() as BuildTimeline), 'starting (0 of 6 stages done)');
    // Up to line 55: lint runs; base, stage-2, deps and compile are done.
    live.write('stderr', lines.slice(4, 55).join('\n') + '\n', 0);
    assert.equal(buildProgressMessage(live.timeline() as BuildTimeline), 'running lint (4 of 6 stages done)');
  });
});

describe('matchBuildLog', () => {
  const candidate = (dockerfile: string, fileName = `/work/${dockerfile}`) => ({ id: dockerfile, fileName, graph: buildStageGraph(buildLogFixture(dockerfile)) });

  it('finds the Dockerfile a log is a build of, and says why the others are not', () => {
    const { matches, mismatches } = matchBuildLog(readBuildLog(buildLogFixture('parallel.log')), [candidate('failure.Dockerfile'), candidate('parallel.Dockerfile')]);
    assert.deepEqual(matches.map((match) => [match.id, match.timeline.outcome]), [['parallel.Dockerfile', 'succeeded']]);
    assert.deepEqual(mismatches.map((mismatch) => mismatch.id), ['failure.Dockerfile']);
    assert.equal(mismatches[0].mismatch.message, "log line 15: this Dockerfile has no stage 'stage-2' (it has base, slow, test, other, release)");
  });

  it('puts first the file named as the log says it was loaded from', () => {
    // A log with no step fits any Dockerfile; `load build definition from syntax-error.Dockerfile` names one.
    const log = readBuildLog(buildLogFixture('syntax-error.log'));
    const { matches } = matchBuildLog(log, [candidate('parallel.Dockerfile', '/a/Dockerfile'), candidate('single.Dockerfile', '/b/syntax-error.Dockerfile')]);
    assert.deepEqual(matches.map((match) => match.id), ['single.Dockerfile', 'parallel.Dockerfile']);
  });
});
