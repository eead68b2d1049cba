import * as assert from 'node:assert/strict';
import { readBuildLog } from '../../../src/core/buildlog/buildLogReader';
import { buildTimeline } from '../../../src/core/buildlog/buildTimeline';
import type { BuildTimeline } from '../../../src/core/buildlog/model';
import { foldedBuildState } from '../../../src/core/buildrun/foldedBuildState';
import { graphBuildOverlay, type BuildOverlay, type OverlaySource } from '../../../src/core/buildrun/graphBuildOverlay';
import { LiveBuild } from '../../../src/core/buildrun/liveBuild';
import { axisTicks, MIN_BAR_SHARE } from '../../../src/core/buildrun/timelineStrip';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { buildLogFixture, buildOfLog } from '../buildlog/buildLogFixtures';

// Real builds of test/fixtures/buildlogs (see its README for the commands), laid onto the graph view.

function overlayOf(log: string, source: OverlaySource = { kind: 'log', name: log }): BuildOverlay {
  const { dockerfile, target } = buildOfLog(log);
  const timeline = buildTimeline(readBuildLog(buildLogFixture(log)), buildStageGraph(buildLogFixture(dockerfile), { target })) as BuildTimeline;
  assert.equal(timeline.kind, 'timeline');
  return graphBuildOverlay(timeline, source, 0);
}

/** `label state "text"` per stage. */
function states(overlay: BuildOverlay): string[] {
  return overlay.stages.map((stage) => `${stage.label} ${stage.state} "${stage.text}"`);
}

/** Bars that share a row never overlap, counting the shortest drawn length. */
function assertRowsDisjoint(overlay: BuildOverlay): void {
  const minSpan = overlay.timeline.totalMs * MIN_BAR_SHARE;
  for (const a of overlay.timeline.bars) {
    for (const b of overlay.timeline.bars) {
      if (a === b || a.row !== b.row || a.startMs > b.startMs) continue;
      assert.ok(Math.max(a.endMs, a.startMs + minSpan) <= b.startMs, `${a.label} and ${b.label} share row ${a.row} and overlap`);
    }
  }
}

describe('graphBuildOverlay', () => {
  it('gives each stage of a finished build its state, time and critical path, and the bars of parallel stages their own rows', () => {
    const overlay = overlayOf('parallel.log');
    assert.deepEqual(states(overlay), [
      'base built "built 1.1s"',
      'deps built "built 2.1s"',
      'stage-2 built "built 1.1s"',
      'lint built "built 3.1s"',
      'compile built "built 0.1s"',
      'docs not-run "not needed by final"',
      'final built "built 0.0s"',
    ]);
    assert.equal(overlay.running, false);
    // base → lint → final: lint's `sleep 3` is the longest chain into final (4.2s).
    assert.deepEqual(overlay.criticalPath, [0, 3, 6]);
    assert.deepEqual(overlay.stages.filter((stage) => stage.critical).map((stage) => stage.label), ['base', 'lint', 'final']);
    assert.equal(overlay.summary, 'parallel.log: Build succeeded; critical path base → lint → final, 4.2s');
    // "Why did this stage not run?" on docs: the target does not need it, --target docs would build it.
    assert.equal(overlay.stages[5].detail, 'Build: not run: not needed by target final; built by --target docs.');
    assert.equal(overlay.stages[3].detail, 'Build: built 3.1s, on the critical path.');

    const strip = overlay.timeline;
    assert.equal(strip.from, 'durations');
    assert.equal(strip.totalMs, 4200);
    assert.deepEqual(strip.bars.map((bar) => `${bar.label}@${bar.row} ${bar.startMs}-${bar.endMs}${bar.critical ? ' critical' : ''}`), [
      'base@0 0-1100 critical',
      'stage-2@1 0-1100',
      'deps@0 1100-3200',
      'lint@1 1100-4200 critical',
      'compile@0 3200-3300',
      'final@0 4200-4200 critical',
    ]);
    assert.equal(strip.rows, 2);
    assertRowsDisjoint(overlay);
    assert.deepEqual(strip.ticks.map((tick) => tick.label), ['0s', '1s', '2s', '3s', '4s']);
    assert.equal(strip.bars[3].tooltip, 'lint: built 3.1s, from 1.1s to 4.2s, on the critical path');
  });

  it('marks the failing stage with its line and message, the siblings BuildKit canceled, and the stage that never ran', () => {
    const overlay = overlayOf('failure.gha.log');
    assert.deepEqual(states(overlay), ['base built "built 0.1s"', 'slow canceled "canceled"', 'test failed "failed"', 'other canceled "canceled"', 'release not-run "not run: the build stopped"']);
    assert.deepEqual(overlay.failure, { stage: 2, line: 9, message: 'executor failed running [/bin/sh -c sleep 1 && echo "running tests" && exit 3]: exit code: 3' });
    assert.equal(overlay.stages[2].failedLine, 9);
    assert.deepEqual(overlay.stages.filter((stage) => stage.failedLine !== null).map((stage) => stage.stage), [2]);
    assert.equal(overlay.stages[2].detail, 'Build: failed. Line 9: executor failed running [/bin/sh -c sleep 1 && echo "running tests" && exit 3]: exit code: 3');
    assert.equal(overlay.stages[1].detail, 'Build: canceled. BuildKit canceled it when stage test failed.');
    assert.equal(overlay.stages[4].detail, 'Build: not run: the build stopped before it started.');
    // A failed build has no critical path to show.
    assert.deepEqual(overlay.criticalPath, []);
    assert.match(overlay.summary, /^failure\.gha\.log: Build failed in stage test at line 9: executor failed/);
    // GitHub Actions' timestamps place the bars at their real times; the failed and canceled stages have bars too.
    assert.equal(overlay.timeline.from, 'timestamps');
    assert.deepEqual(overlay.timeline.bars.map((bar) => `${bar.label} ${bar.state}`).sort(), ['base built', 'other canceled', 'slow canceled', 'test failed']);
    assertRowsDisjoint(overlay);
  });

  it('says a rebuild came from the cache, and shows no critical path when every stage took no time', () => {
    const overlay = overlayOf('parallel-rebuild.log');
    assert.deepEqual(overlay.stages.map((stage) => stage.state), ['cached', 'cached', 'cached', 'cached', 'cached', 'not-run', 'cached']);
    assert.equal(overlay.stages[0].detail, 'Build: cached: every instruction after FROM came from the build cache.');
    assert.deepEqual(overlay.criticalPath, []);
    assert.equal(overlay.timeline.totalMs, 0);
    assert.deepEqual(overlay.timeline.ticks, [{ ms: 0, label: '0s' }]);
  });

  it('names the targets that would build a stage a --target build skipped', () => {
    const overlay = overlayOf('parallel-target-compile.log');
    assert.deepEqual(overlay.stages.filter((stage) => stage.state === 'not-run').map((stage) => `${stage.label}: ${stage.detail}`), [
      'lint: Build: not run: not needed by target compile; built by --target lint, final.',
      'docs: Build: not run: not needed by target compile; built by --target docs.',
      'final: Build: not run: not needed by target compile; built by --target final.',
    ]);
    assert.deepEqual(overlay.criticalPath, [0, 1, 4]);
  });

  it('shows a live build: running stages with their seconds, the stages waiting, no critical path yet', () => {
    const graph = buildStageGraph(buildLogFixture('parallel.Dockerfile'));
    const live = new LiveBuild(graph);
    const lines = buildLogFixture('parallel.log').split('\n');
    // Lines 1-39 arrive at 10.000s: lint's RUN (#14) has started, deps and the rest have not.
    live.write('stderr', lines.slice(0, 39).join('\n') + '\n', 10_000);
    const overlay = graphBuildOverlay(live.timeline() as BuildTimeline, { kind: 'build', running: true, report: null }, 12_600);
    assert.equal(overlay.running, true);
    assert.equal(overlay.outcome, 'running');
    assert.equal(overlay.stages[3].text, 'running 2s');
    assert.equal(overlay.stages[3].state, 'running');
    assert.deepEqual([overlay.stages[1].state, overlay.stages[6].state], ['queued', 'queued']);
    assert.equal(overlay.stages[6].detail, 'Build: not run: waiting to start.');
    assert.equal(overlay.stages[5].state, 'not-run');
    assert.deepEqual(overlay.criticalPath, []);
    assert.match(overlay.summary, /^Building: running .*lint/);
    // A live build's lines carry the time they arrived: the bars are real times, the running one up to the last line.
    assert.equal(overlay.timeline.from, 'timestamps');
    assert.ok(overlay.timeline.bars.some((bar) => bar.label === 'lint' && bar.state === 'running'));

    live.write('stderr', lines.slice(39).join('\n'), 16_000);
    live.end(16_500);
    const ended = graphBuildOverlay(live.timeline() as BuildTimeline, { kind: 'build', running: false, report: 'Build succeeded in 6.5s.' }, 16_500);
    assert.equal(ended.summary, 'Build succeeded in 6.5s.');
    assert.deepEqual(ended.criticalPath, [0, 3, 6]);
    assert.ok(ended.stages.every((stage) => stage.state !== 'running' && stage.state !== 'queued'));
  });
});

describe('foldedBuildState', () => {
  it('sums up the stages of a collapsed family by their most important state', () => {
    const overlay = overlayOf('failure.log');
    assert.deepEqual(foldedBuildState(overlay.stages, [1, 2, 3]), {
      state: 'failed',
      text: '1 failed, 2 canceled',
      detail: 'slow: canceled\ntest: failed\nother: canceled',
      critical: false,
    });
    assert.equal(foldedBuildState(overlayOf('parallel.log').stages, [3, 6])?.critical, true);
    assert.equal(foldedBuildState(overlay.stages, [42]), null);
  });
});

describe('axisTicks', () => {
  it('puts at most six round ticks on the axis', () => {
    assert.deepEqual(axisTicks(900).map((tick) => tick.label), ['0s', '0.2s', '0.4s', '0.6s', '0.8s']);
    assert.deepEqual(axisTicks(95_000).map((tick) => tick.label), ['0s', '30s', '1m', '1m30s']);
    assert.ok(axisTicks(50 * 3_600_000).length <= 7);
  });
});
