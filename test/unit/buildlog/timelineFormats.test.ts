import * as assert from 'node:assert/strict';
import { readBuildLog } from '../../../src/core/buildlog/buildLogReader';
import { buildTimeline } from '../../../src/core/buildlog/buildTimeline';
import { describeNotRun } from '../../../src/core/buildlog/describeNotRun';
import { formatDuration } from '../../../src/core/buildlog/formatDuration';
import type { BuildTimeline } from '../../../src/core/buildlog/model';
import { toTimelineJson } from '../../../src/core/buildlog/timelineJson';
import { toMermaidGantt } from '../../../src/core/buildlog/toMermaidGantt';
import { toTimelineText } from '../../../src/core/buildlog/toTimelineText';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { buildLogFixture } from './buildLogFixtures';

function timeline(log: string, dockerfile: string, target?: string): BuildTimeline {
  return buildTimeline(readBuildLog(buildLogFixture(log)), buildStageGraph(buildLogFixture(dockerfile), { target })) as BuildTimeline;
}

describe('timeline formats', () => {
  it('text: a row per stage, the critical path starred and summed, what ran side by side (parallel.log)', () => {
    assert.equal(
      toTimelineText(timeline('parallel.log', 'parallel.Dockerfile')),
      [
        'Build (target final) succeeded.',
        '',
        '   STAGE       STATUS   TIME  STEPS',
        '*  #0 base     built    1.1s      3',
        '   #1 deps     built    2.1s      1',
        '   #2 stage-2  built    1.1s      2',
        '*  #3 lint     built    3.1s      1',
        '   #4 compile  built    0.1s      3',
        '   #5 docs     not-run     -      0  not needed by target final; built by --target docs',
        '*  #6 final    built    0.0s      3',
        '',
        'Critical path (*): base -> lint -> final, 4.2s',
        'Ran side by side: deps and lint, lint and compile, lint and final',
        '',
      ].join('\n'),
    );
  });

  it('text: the failure and why the target did not run (failure.log)', () => {
    assert.equal(
      toTimelineText(timeline('failure.log', 'failure.Dockerfile')),
      [
        'Build (target release) failed.',
        '',
        '   STAGE       STATUS    TIME  STEPS',
        '*  #0 base     built     0.1s      2',
        '*  #1 slow     canceled     -      1',
        '   #2 test     failed       -      1',
        '   #3 other    canceled  0.0s      2',
        '*  #4 release  not-run      -      0  the build stopped before it started',
        '',
        'Critical path (*): base -> slow -> release, 0.1s',
        'Failed in test, line 9: executor failed running [/bin/sh -c sleep 1 && echo "running tests" && exit 3]: exit code: 3',
        '',
      ].join('\n'),
    );
  });

  it('text: a warning when the log is of another target (parallel-target-compile.log read for final)', () => {
    assert.match(
      toTimelineText(timeline('parallel-target-compile.log', 'parallel.Dockerfile')),
      /\nWarning: the log never shows target 'final': it was built for another target; it fits --target compile\n$/,
    );
  });

  it('json: the shape issue 9 fixes, with nothing else (failure.log)', () => {
    assert.deepEqual(toTimelineJson(timeline('failure.log', 'failure.Dockerfile')), {
      stages: [
        { index: 0, name: 'base', status: 'built', durationMs: 100, steps: [{ line: 2, status: 'built', durationMs: 0 }, { line: 3, status: 'built', durationMs: 100 }] },
        { index: 1, name: 'slow', status: 'canceled', durationMs: null, steps: [{ line: 6, status: 'canceled', durationMs: null }] },
        { index: 2, name: 'test', status: 'failed', durationMs: null, steps: [{ line: 9, status: 'failed', durationMs: null }] },
        { index: 3, name: 'other', status: 'canceled', durationMs: 0, steps: [{ line: 11, status: 'built', durationMs: 0 }, { line: 12, status: 'canceled', durationMs: null }] },
        { index: 4, name: 'release', status: 'not-run', durationMs: null, steps: [] },
      ],
      criticalPath: [0, 1, 4],
      criticalPathMs: 100,
      failure: { stage: 2, line: 9, message: 'executor failed running [/bin/sh -c sleep 1 && echo "running tests" && exit 3]: exit code: 3' },
    });
  });

  it('json: an unnamed stage has a null name, a cached step 0 ms (unnamed.log, parallel-rebuild.log)', () => {
    assert.deepEqual(toTimelineJson(timeline('unnamed.log', 'unnamed.Dockerfile')).stages[2], {
      index: 2,
      name: null,
      status: 'built',
      durationMs: 0,
      steps: [{ line: 9, status: 'built', durationMs: 0 }, { line: 10, status: 'built', durationMs: 0 }],
    });
    assert.deepEqual(toTimelineJson(timeline('parallel-rebuild.log', 'parallel.Dockerfile')).stages[1], {
      index: 1,
      name: 'deps',
      status: 'cached',
      durationMs: 0,
      steps: [{ line: 8, status: 'cached', durationMs: 0 }],
    });
  });

  it('mermaid: a gantt chart with a section per stage that ran, the critical path as crit (parallel-target-compile.log)', () => {
    assert.equal(
      toMermaidGantt(timeline('parallel-target-compile.log', 'parallel.Dockerfile', 'compile')),
      [
        'gantt',
        '  title Build (target compile) succeeded, critical path base → deps → compile 3.3s',
        '  dateFormat x',
        '  axisFormat %s.%Ls',
        '  todayMarker off',
        '  section base',
        '    built 1.1s :crit, s0, 0, 1100',
        '  section deps',
        '    built 2.1s :crit, s1, 1100, 3200',
        '  section stage-2',
        '    built 1.1s :s2, 0, 1100',
        '  section compile',
        '    built 0.1s :crit, s4, 3200, 3300',
        '',
      ].join('\n'),
    );
  });

  it('mermaid: cached stages as done, at the times GitHub Actions recorded (parallel-rebuild.log, failure.gha.log)', () => {
    assert.match(toMermaidGantt(timeline('parallel-rebuild.log', 'parallel.Dockerfile')), /\n {2}section deps\n {4}cached 0\.0s :done, s1, 0, 0\n/);
    assert.match(toMermaidGantt(timeline('failure.gha.log', 'failure.Dockerfile')), /\n {2}section other\n {4}canceled 0\.0s :s3, 100, 1267\n$/);
  });

  it('says why a stage did not run in words', () => {
    const parallel = timeline('parallel-target-compile.log', 'parallel.Dockerfile', 'compile');
    assert.equal(describeNotRun(parallel.stages[3].notRun!, parallel), 'not needed by target compile; built by --target lint, final');
    assert.equal(describeNotRun({ kind: 'not-needed', builtBy: [3, 4, 5, 6] }, parallel), 'not needed by target compile; built by --target lint, compile, docs, ...');
    assert.equal(describeNotRun({ kind: 'cached' }, parallel), 'cached: every instruction after FROM came from the build cache');
    assert.equal(describeNotRun({ kind: 'waiting' }, parallel), 'waiting to start');
  });

  it('prints durations as BuildKit does, with minutes past one', () => {
    assert.deepEqual([0, 40, 1100, 59_940, 59_960, 125_300].map(formatDuration), ['0.0s', '0.0s', '1.1s', '59.9s', '1m00.0s', '2m05.3s']);
  });
});
