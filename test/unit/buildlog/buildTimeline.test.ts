import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { BuildLogReader, readBuildLog } from '../../../src/core/buildlog/buildLogReader';
import { buildTimeline } from '../../../src/core/buildlog/buildTimeline';
import type { BuildTimeline, StageTimeline, TimelineResult } from '../../../src/core/buildlog/model';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import type { ResolveOptions } from '../../../src/core/model';
import { toMermaidGantt } from '../../../src/core/buildlog/toMermaidGantt';
import { toTimelineText } from '../../../src/core/buildlog/toTimelineText';
import { BUILD_LOGS, buildLogFixture } from './buildLogFixtures';

// Every expected value below was read by hand from the log named in the test (test/fixtures/buildlogs) and the
// Dockerfile it is a build of; log lines in comments are 1-based, as an editor shows them.

function timelineOf(log: string, dockerfile: string, options: ResolveOptions = {}): TimelineResult {
  return buildTimeline(readBuildLog(buildLogFixture(log)), buildStageGraph(buildLogFixture(dockerfile), options));
}

function timeline(log: string, dockerfile: string, options: ResolveOptions = {}): BuildTimeline {
  const result = timelineOf(log, dockerfile, options);
  assert.equal(result.kind, 'timeline', result.kind === 'mismatch' ? result.message : '');
  return result as BuildTimeline;
}

/** A stage in one line: `#index label status duration: line KEYWORD status duration [shared], ...`. */
function brief(stage: StageTimeline): string {
  const steps = stage.steps.map((step) => `${step.line} ${step.keyword} ${step.status} ${step.durationMs}${step.shared ? ' shared' : ''}`);
  return `#${stage.index} ${stage.label} ${stage.status} ${stage.durationMs}: ${steps.join(', ')}`;
}

/** The timeline without its stages, and the stages briefly. */
function summary(result: BuildTimeline): { stages: string[]; rest: Omit<BuildTimeline, 'stages'> } {
  const { stages, ...rest } = result;
  return { stages: stages.map(brief), rest };
}

describe('buildTimeline on real BuildKit logs', () => {
  it('parallel.log: stages side by side, the critical path through the slowest branch, a stage the target skips', () => {
    const result = timeline('parallel.log', 'parallel.Dockerfile');
    assert.deepEqual(summary(result), {
      stages: [
        // `#4 [stage-2 1/2] FROM docker.io/library/busybox:local` is the FROM of base and final too.
        '#0 base built 1100: 2 FROM built 0 shared, 3 WORKDIR built 0, 4 RUN built 1100',
        // ENV (line 7) makes no step.
        '#1 deps built 2100: 8 RUN built 2100',
        '#2 stage-2 built 1100: 10 FROM built 0, 11 RUN built 1100',
        '#3 lint built 3100: 14 RUN built 3100',
        '#4 compile built 100: 17 COPY built 0, 18 COPY built 0, 19 RUN built 100',
        '#5 docs not-run null: ',
        '#6 final built 0: 25 FROM built 0 shared, 26 COPY built 0, 27 COPY built 0',
      ],
      rest: {
        kind: 'timeline',
        outcome: 'succeeded',
        target: 6,
        // base 1.1 + lint 3.1 + final 0.0 beats base 1.1 + deps 2.1 + compile 0.1 + final 0.0.
        criticalPath: [0, 3, 6],
        criticalPathMs: 4200,
        // lint's `#14` (line 37) is paused at line 39 and ends at line 63, after deps, compile and final's first COPY.
        overlaps: [
          [1, 3],
          [3, 4],
          [3, 6],
        ],
        appearanceOrder: [0, 2, 3, 1, 4, 6],
        completionOrder: [0, 2, 1, 4, 3, 6],
        bars: [
          { stage: 0, startMs: 0, endMs: 1100 },
          { stage: 1, startMs: 1100, endMs: 3200 },
          { stage: 2, startMs: 0, endMs: 1100 },
          { stage: 3, startMs: 1100, endMs: 4200 },
          { stage: 4, startMs: 3200, endMs: 3300 },
          { stage: 6, startMs: 4200, endMs: 4200 },
        ],
        barsFrom: 'durations',
        failure: null,
        warnings: [],
      },
    });
    assert.deepEqual(result.stages[5].notRun, { kind: 'not-needed', builtBy: [5] });
    assert.deepEqual(
      [result.stages[3].firstLine, result.stages[3].lastLine, result.stages[3].steps[0].vertices, result.stages[3].reachable],
      [35, 61, [14], true],
    );
  });

  it('parallel-rebuild.log: every stage cached, in 0 ms, and cached is why it did not run', () => {
    const result = timeline('parallel-rebuild.log', 'parallel.Dockerfile');
    assert.deepEqual(summary(result).stages, [
      // The FROM image is still loaded (`#4 DONE 0.0s`); nothing after FROM ran.
      '#0 base cached 0: 2 FROM built 0 shared, 3 WORKDIR cached 0, 4 RUN cached 0',
      '#1 deps cached 0: 8 RUN cached 0',
      '#2 stage-2 cached 0: 10 FROM built 0, 11 RUN cached 0',
      '#3 lint cached 0: 14 RUN cached 0',
      '#4 compile cached 0: 17 COPY cached 0, 18 COPY cached 0, 19 RUN cached 0',
      '#5 docs not-run null: ',
      '#6 final cached 0: 25 FROM built 0 shared, 26 COPY cached 0, 27 COPY cached 0',
    ]);
    assert.deepEqual(
      [result.outcome, result.criticalPath, result.criticalPathMs, result.overlaps, result.stages[1].notRun],
      ['succeeded', [0, 3, 6], 0, [], { kind: 'cached' }],
    );
    // BuildKit printed compile's last step first (line 23) and deps' before stage-2's.
    assert.deepEqual(result.appearanceOrder, [4, 6, 0, 1, 2, 3]);
  });

  it('parallel-target-compile.log with --target compile: lint, docs and final not needed, and which targets build them', () => {
    const result = timeline('parallel-target-compile.log', 'parallel.Dockerfile', { target: 'compile' });
    assert.deepEqual(summary(result).stages, [
      '#0 base built 1100: 2 FROM built 0 shared, 3 WORKDIR built 0, 4 RUN built 1100',
      '#1 deps built 2100: 8 RUN built 2100',
      '#2 stage-2 built 1100: 10 FROM built 0, 11 RUN built 1100',
      '#3 lint not-run null: ',
      '#4 compile built 100: 17 COPY built 0, 18 COPY built 0, 19 RUN built 100',
      '#5 docs not-run null: ',
      '#6 final not-run null: ',
    ]);
    assert.deepEqual(
      result.stages.map((stage) => stage.notRun),
      [null, null, null, { kind: 'not-needed', builtBy: [3, 6] }, null, { kind: 'not-needed', builtBy: [5] }, { kind: 'not-needed', builtBy: [6] }],
    );
    assert.deepEqual([result.outcome, result.target, result.criticalPath, result.criticalPathMs, result.warnings], ['succeeded', 4, [0, 1, 4], 3300, []]);
  });

  it('parallel-target-compile.log read for the default target: says the log is of another target instead of calling final cached', () => {
    const result = timeline('parallel-target-compile.log', 'parallel.Dockerfile');
    assert.deepEqual(
      [result.stages[3].status, result.stages[3].notRun, result.stages[6].status, result.stages[6].steps, result.stages[6].notRun],
      ['not-run', { kind: 'not-in-log' }, 'not-run', [], { kind: 'not-in-log' }],
    );
    assert.deepEqual(result.warnings, ["the log never shows target 'final': it was built for another target; it fits --target compile"]);
  });

  it('parallel.log read for --target compile: says the log builds stages that target does not need', () => {
    const result = timeline('parallel.log', 'parallel.Dockerfile', { target: 'compile' });
    assert.deepEqual(result.warnings, [
      "the log builds 'lint', 'final', which target 'compile' does not need: it was built for another target; it fits --target final",
    ]);
    assert.deepEqual([result.stages[3].status, result.stages[3].reachable, result.stages[5].notRun], ['built', false, { kind: 'not-needed', builtBy: [5] }]);
  });

  it('failure.log: the failing step, its CANCELED siblings, a stage the failure stopped, the error message', () => {
    const result = timeline('failure.log', 'failure.Dockerfile');
    assert.deepEqual(summary(result), {
      stages: [
        '#0 base built 100: 2 FROM built 0 shared, 3 RUN built 100',
        // `#6 CANCELED` and `#8 ERROR` give no time.
        '#1 slow canceled null: 6 RUN canceled null',
        '#2 test failed null: 9 RUN failed null',
        '#3 other canceled 0: 11 FROM built 0, 12 RUN canceled null',
        // Its FROM image was loaded for the others, but none of its steps started.
        '#4 release not-run null: ',
      ],
      rest: {
        kind: 'timeline',
        outcome: 'failed',
        target: 4,
        criticalPath: [0, 1, 4],
        criticalPathMs: 100,
        overlaps: [],
        appearanceOrder: [0, 3, 2, 1],
        completionOrder: [0, 3, 2, 1],
        bars: [
          { stage: 0, startMs: 0, endMs: 100 },
          { stage: 1, startMs: 100, endMs: 100 },
          { stage: 2, startMs: 100, endMs: 100 },
          { stage: 3, startMs: 0, endMs: 0 },
        ],
        barsFrom: 'durations',
        failure: { stage: 2, line: 9, message: 'executor failed running [/bin/sh -c sleep 1 && echo "running tests" && exit 3]: exit code: 3' },
        warnings: [],
      },
    });
    assert.deepEqual(result.stages[4].notRun, { kind: 'build-stopped' });
    assert.deepEqual([result.stages[2].steps[0].output, result.stages[2].steps[0].error], [
      ['running tests'],
      'executor failed running [/bin/sh -c sleep 1 && echo "running tests" && exit 3]: exit code: 3',
    ]);
  });

  it('failure.gha.log: the same timeline as failure.log, with bars at the times GitHub Actions recorded', () => {
    const stamped = timeline('failure.gha.log', 'failure.Dockerfile');
    const plain = timeline('failure.log', 'failure.Dockerfile');
    const withoutTimes = (result: BuildTimeline) => ({
      ...result,
      stages: result.stages.map((stage) => ({ ...stage, steps: stage.steps.map((step) => ({ ...step, startedAt: null, endedAt: null })) })),
      bars: [],
      barsFrom: null,
    });
    assert.deepEqual(withoutTimes(stamped), withoutTimes(plain));
    // Docker 20.10 printed everything up to base's DONE at 10:07:16.307 and the rest at 10:07:17.474; base's RUN
    // (0.1s) ended at .307, so the build started at .207.
    assert.deepEqual([stamped.barsFrom, stamped.bars], [
      'timestamps',
      [
        { stage: 0, startMs: 0, endMs: 100 },
        { stage: 1, startMs: 1267, endMs: 1267 },
        { stage: 2, startMs: 1267, endMs: 1267 },
        { stage: 3, startMs: 100, endMs: 1267 },
      ],
    ]);
  });

  it('unnamed.log: stages known as stage-N, COPY --from=0, a stage on scratch with no FROM step', () => {
    const result = timeline('unnamed.log', 'unnamed.Dockerfile');
    assert.deepEqual(summary(result).stages, [
      '#0 stage-0 built 100: 2 FROM built 0 shared, 3 RUN built 100',
      '#1 stage-1 built 1100: 5 FROM built 0, 6 RUN built 1100',
      '#2 stage-2 built 0: 9 COPY built 0, 10 COPY built 0',
    ]);
    // stage-2 copied from stage-0 (line 23) while stage-1's RUN ran (lines 27-29).
    assert.deepEqual([result.criticalPath, result.criticalPathMs, result.overlaps], [[1, 2], 1100, [[1, 2]]]);
  });

  it('single.log: the one stage of a one-stage file, with expanded variables, a joined continuation and two equal RUNs', () => {
    const result = timeline('single.log', 'single.Dockerfile');
    // ARG and ENV (lines 3-4) make no step; `#7` and `#8` (both `RUN echo again`) go to lines 8 and 9 in order.
    assert.deepEqual(summary(result).stages, ['#0 stage-0 built 1400: 2 FROM built 0, 5 RUN built 1100, 6 RUN built 100, 8 RUN built 100, 9 RUN built 100']);
    assert.deepEqual(
      result.stages[0].steps.map((step) => [step.vertices, step.output]),
      [
        [[4], []],
        [[5], ['hello from one stage']],
        [[6], []],
        [[7], ['again']],
        [[8], ['again']],
      ],
    );
    assert.deepEqual([result.criticalPath, result.criticalPathMs], [[0], 1400]);
  });

  it('mount.log: a RUN --mount from another stage, which is on the critical path', () => {
    const result = timeline('mount.log', 'mount.Dockerfile');
    assert.deepEqual(summary(result).stages, [
      '#0 assets built 100: 2 FROM built 0 shared, 3 RUN built 100',
      '#1 tools built 100: 5 FROM built 0, 6 RUN built 100',
      '#2 site built 100: 8 FROM built 0 shared, 9 RUN built 100, 10 COPY built 0',
    ]);
    // assets and tools both take 0.1s; the mount edge from assets comes first (lower index).
    assert.deepEqual([result.criticalPath, result.criticalPathMs], [[0, 2], 200]);
  });

  it("onbuild.log: the parent's ONBUILD trigger is the child's first step, at the trigger's line", () => {
    const result = timeline('onbuild.log', 'onbuild.Dockerfile');
    assert.deepEqual(summary(result).stages, [
      '#0 base built 300: 2 FROM built 0, 4 RUN built 300',
      '#1 child built 200: 3 ONBUILD built 100, 7 RUN built 100',
    ]);
  });

  it('shared-steps.log: steps BuildKit ran once for two stages that start alike count for both', () => {
    const result = timeline('shared-steps.log', 'shared-steps.Dockerfile');
    assert.deepEqual(summary(result).stages, [
      '#0 one built 400: 2 FROM built 100 shared, 3 RUN built 200 shared, 4 RUN built 100',
      '#1 two built 400: 6 FROM built 100, 7 RUN built 200, 8 RUN built 100',
      '#2 stage-2 built 0: 11 COPY built 0, 12 COPY built 0',
    ]);
    // one's own work (`#6`, lines 23-25) falls inside two's (lines 19-29).
    assert.deepEqual(result.overlaps, [[0, 1]]);
  });

  it('missing-image.log: a base image that cannot be loaded fails at its FROM line, before any stage starts', () => {
    const result = timeline('missing-image.log', 'missing-image.Dockerfile');
    assert.deepEqual(summary(result).stages, ['#0 tools not-run null: ', '#1 stage-1 not-run null: ']);
    assert.deepEqual([result.outcome, result.failure, result.criticalPathMs], [
      'failed',
      {
        stage: 1,
        line: 6,
        message: 'failed to do request: Head "http://localhost:1/v2/missing-image/manifests/1.0": dial tcp 127.0.0.1:1: connect: connection refused',
      },
      null,
    ]);
    assert.deepEqual(result.stages[0].notRun, { kind: 'build-stopped' });
  });

  it('syntax-error.log: a Dockerfile BuildKit cannot read fails with its closing error and no step', () => {
    const result = timeline('syntax-error.log', 'syntax-error.Dockerfile');
    assert.deepEqual([result.outcome, result.stages.map(brief), result.failure], [
      'failed',
      ['#0 stage-0 not-run null: '],
      { stage: null, line: null, message: 'failed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile parse error line 3: unknown instruction: RUNN' },
    ]);
  });
});

describe('buildTimeline of another Dockerfile', () => {
  const mismatches: [log: string, dockerfile: string, message: string][] = [
    ['parallel.log', 'failure.Dockerfile', "log line 15: this Dockerfile has no stage 'stage-2' (it has base, slow, test, other, release)"],
    ['parallel.log', 'single.Dockerfile', "log line 15: the log names stage 'stage-2', but BuildKit names no stage in a one-stage Dockerfile like this one"],
    ['single.log', 'mount.Dockerfile', "log line 15: '[1/5] FROM docker.io/library/busybox:local' is a step of a one-stage Dockerfile; this one has 3 stages"],
    ['unnamed.log', 'parallel.Dockerfile', "log line 15: this Dockerfile has no stage 'stage-1' (it has base, deps, stage-2, lint, compile, docs, final)"],
  ];
  for (const [log, dockerfile, message] of mismatches) {
    it(`says ${log} is not a build of ${dockerfile}`, () => {
      assert.deepEqual(timelineOf(log, dockerfile), { kind: 'mismatch', message, logLine: 14 });
    });
  }

  it('says so when a stage of the log ran an instruction this version of the file does not have', () => {
    const changed = buildLogFixture('parallel.Dockerfile').replace('RUN sleep 3 && echo lint', 'RUN sleep 4 && echo lint');
    assert.deepEqual(buildTimeline(readBuildLog(buildLogFixture('parallel.log')), buildStageGraph(changed)), {
      kind: 'mismatch',
      message: "log line 36: 'RUN sleep 3 && echo lint > /lint.txt' is not an instruction of stage 'lint' in this Dockerfile",
      logLine: 35,
    });
  });

  it('says so when a stage is built on another image, and matches once --build-arg gives the image of the build', () => {
    const parameterised = `ARG TOOLS_BASE=alpine:3.20\n${buildLogFixture('mount.Dockerfile').replace('FROM busybox:local AS tools', 'FROM ${TOOLS_BASE} AS tools')}`;
    const log = readBuildLog(buildLogFixture('mount.log'));
    assert.deepEqual(buildTimeline(log, buildStageGraph(parameterised)), {
      kind: 'mismatch',
      message: "log line 15: stage 'tools' builds on docker.io/library/alpine:3.20 in this Dockerfile, on docker.io/library/busybox:local in the log",
      logLine: 14,
    });
    const result = buildTimeline(log, buildStageGraph(parameterised, { buildArgs: { TOOLS_BASE: 'busybox:local' } }));
    assert.equal(result.kind === 'timeline' && result.stages.map(brief)[1], '#1 tools built 100: 6 FROM built 0, 7 RUN built 100');
  });
});

describe('buildTimeline of a log being read', () => {
  /** The timeline after the first `count` lines of parallel.log, the log still open. */
  function after(count: number): BuildTimeline {
    const reader = new BuildLogReader();
    reader.write(buildLogFixture('parallel.log').split('\n').slice(0, count).join('\n') + '\n');
    const result = buildTimeline(reader.snapshot(), buildStageGraph(buildLogFixture('parallel.Dockerfile')));
    return result as BuildTimeline;
  }

  it('shows stages queued, running and built as the lines arrive', () => {
    // Up to `#6 DONE 1.1s` (line 31): base is done; stage-2's FROM is, its RUN has not shown yet.
    const early = after(31);
    assert.deepEqual([early.outcome, early.stages.map((stage) => stage.status)], [
      'running',
      ['built', 'queued', 'running', 'queued', 'queued', 'not-run', 'queued'],
    ]);
    assert.deepEqual([early.stages[1].notRun, early.stages[5].notRun], [{ kind: 'waiting' }, { kind: 'not-needed', builtBy: [5] }]);
    // Up to `#14 ...` (line 39): lint's RUN has started and not ended.
    const middle = after(39);
    assert.deepEqual(middle.stages.map((stage) => stage.status), ['built', 'queued', 'built', 'running', 'queued', 'not-run', 'queued']);
    assert.deepEqual([middle.stages[3].steps[0].status, middle.stages[3].durationMs, middle.stages[3].lastLine], ['running', null, null]);
  });

  it('shows a log that ended mid-build as cut short: the step without an end unfinished, the rest not in the log', () => {
    const reader = new BuildLogReader();
    reader.write(buildLogFixture('parallel.log').split('\n').slice(0, 39).join('\n'));
    reader.end();
    const result = buildTimeline(reader.snapshot(), buildStageGraph(buildLogFixture('parallel.Dockerfile'))) as BuildTimeline;
    assert.deepEqual([result.outcome, result.stages.map((stage) => stage.status)], [
      'truncated',
      ['built', 'not-run', 'built', 'unfinished', 'not-run', 'not-run', 'not-run'],
    ]);
    assert.deepEqual([result.stages[3].steps[0].status, result.stages[1].notRun], ['unfinished', { kind: 'not-in-log' }]);
  });
});

describe('buildTimeline on damaged logs', () => {
  const logs = readdirSync(BUILD_LOGS).filter((file) => file.endsWith('.log'));
  const dockerfiles = readdirSync(BUILD_LOGS).filter((file) => file.endsWith('.Dockerfile'));

  it('never throws on any fixture log with lines dropped, repeated or swapped, against any fixture Dockerfile', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...logs),
        fc.constantFrom(...dockerfiles),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('drop', 'repeat', 'swap', 'cut')), { maxLength: 6 }),
        fc.option(fc.constantFrom('base', 'compile', 'test', 'nope')),
        (log, dockerfile, damages, target) => {
          const lines = buildLogFixture(log).split('\n');
          for (const [a, b, damage] of damages) {
            const i = a % lines.length;
            const j = b % lines.length;
            if (damage === 'drop') lines.splice(i, 1);
            else if (damage === 'repeat') lines.splice(i, 0, lines[j]);
            else if (damage === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
            else lines[i] = lines[i].slice(0, b % (lines[i].length + 1));
          }
          const graph = buildStageGraph(buildLogFixture(dockerfile), { target: target ?? undefined });
          const result = buildTimeline(readBuildLog(lines.join('\n')), graph);
          if (result.kind === 'timeline') {
            assert.equal(result.stages.length, graph.stages.length);
            toTimelineText(result);
            toMermaidGantt(result);
          } else {
            assert.match(result.message, /^log line \d+: /);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
