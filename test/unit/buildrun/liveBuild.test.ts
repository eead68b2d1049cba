import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BuildLogReader } from '../../../src/core/buildlog/buildLogReader';
import { buildTimeline } from '../../../src/core/buildlog/buildTimeline';
import type { BuildTimeline } from '../../../src/core/buildlog/model';
import { LiveBuild, type OutputStream } from '../../../src/core/buildrun/liveBuild';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { buildLogFixture } from '../buildlog/buildLogFixtures';

// parallel.log and failure.log are real builds (test/fixtures/buildlogs); log lines in comments are 1-based.

function timelineOf(live: LiveBuild): BuildTimeline {
  const timeline = live.timeline();
  assert.equal(timeline.kind, 'timeline', timeline.kind === 'mismatch' ? timeline.message : '');
  return timeline as BuildTimeline;
}

/** `label:status` of every stage. */
function statuses(timeline: BuildTimeline): string[] {
  return timeline.stages.map((stage) => `${stage.label}:${stage.status}`);
}

describe('LiveBuild', () => {
  const graph = buildStageGraph(buildLogFixture('parallel.Dockerfile'));
  const lines = buildLogFixture('parallel.log').split('\n');

  it('shows the stages queued, running and done as the lines of a real build arrive', () => {
    const live = new LiveBuild(graph);
    const seen: string[][] = [];
    lines.forEach((line, index) => {
      live.write('stderr', `${line}\n`, 1_000 + index);
      if ([18, 39, 55].includes(index + 1)) seen.push(statuses(timelineOf(live)));
    });
    live.end(2_000);
    assert.deepEqual(seen, [
      // After line 18: only the busybox image is loaded (#4, the FROM of base, stage-2 and final).
      ['base:queued', 'deps:queued', 'stage-2:running', 'lint:queued', 'compile:queued', 'docs:not-run', 'final:queued'],
      // After line 39: base and stage-2 done, lint's RUN (#14) started and paused.
      ['base:built', 'deps:queued', 'stage-2:built', 'lint:running', 'compile:queued', 'docs:not-run', 'final:queued'],
      // After line 55: deps and compile done while lint still runs.
      ['base:built', 'deps:built', 'stage-2:built', 'lint:running', 'compile:built', 'docs:not-run', 'final:queued'],
    ]);
    assert.equal(timelineOf(live).outcome, 'succeeded');
    assert.deepEqual(statuses(timelineOf(live)), ['base:built', 'deps:built', 'stage-2:built', 'lint:built', 'compile:built', 'docs:not-run', 'final:built']);
  });

  it('computes the timeline again only when something new arrived', () => {
    const live = new LiveBuild(graph);
    live.write('stderr', lines.slice(0, 30).join('\n') + '\n', 0);
    const first = live.timeline();
    assert.equal(live.timeline(), first);
    live.write('stdout', 'half a li', 1);
    assert.equal(live.timeline(), first, 'a partial line changes nothing');
    live.write('stderr', `${lines[30]}\n`, 2);
    assert.notEqual(live.timeline(), first);
  });

  it('keeps each stream whole: a stdout chunk never splits a stderr line', () => {
    const live = new LiveBuild(graph);
    live.write('stderr', '#6 [base 3/3] RUN echo base > /ba', 0);
    live.write('stdout', 'sha256:0123\n', 1);
    live.write('stderr', 'se.txt && sleep 1\n#6 DONE 1.1s\n', 2);
    assert.deepEqual(
      live.log().vertices.map((vertex) => [vertex.name, vertex.state, vertex.durationMs]),
      [['[base 3/3] RUN echo base > /base.txt && sleep 1', 'done', 1100]],
    );
    assert.equal(live.log().otherLineCount, 1);
  });

  it('reads a build split anywhere across its two streams as the whole log', () => {
    const text = buildLogFixture('failure.log');
    // The whole log read at once, every line received at time 0 as below.
    const whole = new BuildLogReader();
    whole.write(text, 0);
    whole.end(0);
    const expected = buildTimeline(whole.snapshot(), buildStageGraph(buildLogFixture('failure.Dockerfile')));
    const logLines = text.split('\n').slice(0, -1);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom<OutputStream>('stdout', 'stderr'), fc.integer({ min: 0, max: 80 })), { minLength: logLines.length, maxLength: logLines.length }),
        (cuts) => {
          const live = new LiveBuild(buildStageGraph(buildLogFixture('failure.Dockerfile')));
          logLines.forEach((line, i) => {
            const [stream, cut] = cuts[i];
            const at = Math.min(cut, line.length);
            live.write(stream, line.slice(0, at), 0);
            live.write(stream, `${line.slice(at)}\n`, 0);
          });
          live.end(0);
          assert.deepEqual(live.timeline(), expected);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("keeps what the process printed first and last, not the page between", () => {
    const live = new LiveBuild(graph);
    live.write('stderr', 'unknown flag: --progress\n\n', 0);
    for (let i = 0; i < 100; i++) live.write('stdout', `usage line ${i}\n`, 0);
    live.end(0);
    const printed = live.printedLines();
    assert.equal(printed.length, 60);
    assert.equal(printed[0], 'unknown flag: --progress');
    assert.equal(printed[39], 'usage line 38');
    assert.equal(printed[40], 'usage line 80');
    assert.equal(printed[59], 'usage line 99');
  });
});
