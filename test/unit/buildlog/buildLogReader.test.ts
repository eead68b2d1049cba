import * as assert from 'node:assert/strict';
import { BuildLogReader, readBuildLog } from '../../../src/core/buildlog/buildLogReader';
import type { BuildLog, LogVertex } from '../../../src/core/buildlog/model';
import { buildLogFixture } from './buildLogFixtures';

/** A vertex in one line: `#id state duration first-end name`. */
function brief(vertex: LogVertex): string {
  return `#${vertex.id} ${vertex.state} ${vertex.durationMs} ${vertex.firstLine}-${vertex.endLine} ${vertex.name}`;
}

describe('BuildLogReader', () => {
  it('reads every vertex of parallel.log once, in order of first appearance, with its end and DONE time', () => {
    const log = readBuildLog(buildLogFixture('parallel.log'));
    assert.deepEqual(log.vertices.map(brief), [
      '#1 done 0 0-3 [internal] load build definition from parallel.Dockerfile',
      '#2 done 0 5-8 [internal] load .dockerignore',
      '#3 done 0 10-12 [internal] load metadata for docker.io/library/busybox:local',
      '#4 done 0 14-16 [stage-2 1/2] FROM docker.io/library/busybox:local',
      '#10 done 0 18-21 [internal] load build context',
      '#5 done 0 23-25 [base 2/3] WORKDIR /work',
      '#6 done 1100 27-29 [base 3/3] RUN echo base > /base.txt && sleep 1',
      '#8 done 1100 31-33 [stage-2 2/2] RUN sleep 1 && echo unnamed > /u.txt',
      // `#14 ...` at line 37, then its header again at line 59: one vertex.
      '#14 done 3100 35-61 [lint 1/1] RUN sleep 3 && echo lint > /lint.txt',
      '#7 done 2100 39-41 [deps 1/1] RUN sleep 2 && echo deps > /deps.txt',
      '#9 done 0 43-45 [compile 1/3] COPY --from=2 /u.txt /u.txt',
      '#11 done 0 47-49 [compile 2/3] COPY app.txt /src/app.txt',
      '#12 done 100 51-53 [compile 3/3] RUN cat /deps.txt /u.txt /src/app.txt > /app.bin',
      '#13 done 0 55-57 [final 2/3] COPY --from=compile /app.bin /app.bin',
      '#15 done 0 63-65 [final 3/3] COPY --from=lint /lint.txt /lint.txt',
      '#16 done 900 67-72 exporting to image',
    ]);
    assert.deepEqual(log.vertices[8].label, { platform: null, stage: 'lint', index: 1, total: 1, instruction: 'RUN sleep 3 && echo lint > /lint.txt' });
    assert.deepEqual(
      { ...log, vertices: log.vertices.length },
      { vertices: 16, lineCount: 73, otherLineCount: 0, timestamped: false, dockerfileName: 'parallel.Dockerfile', buildError: null, ended: true },
    );
  });

  it('reads CACHED as a duration of 0 (parallel-rebuild.log)', () => {
    const log = readBuildLog(buildLogFixture('parallel-rebuild.log'));
    assert.deepEqual(
      log.vertices.filter((vertex) => vertex.label).map((vertex) => `${vertex.id} ${vertex.state} ${vertex.durationMs}`),
      ['4 done 0', '12 cached 0', '13 cached 0', '11 cached 0', '6 cached 0', '7 cached 0', '8 cached 0', '14 cached 0', '5 cached 0', '9 cached 0', '15 cached 0'],
    );
  });

  it("reads a failed step's error and output once, though BuildKit repeats the step after the build (failure.log)", () => {
    const log = readBuildLog(buildLogFixture('failure.log'));
    const failed = log.vertices.find((vertex) => vertex.id === 8)!;
    assert.deepEqual([failed.state, failed.durationMs, failed.error, failed.output], [
      'error',
      null,
      'executor failed running [/bin/sh -c sleep 1 && echo "running tests" && exit 3]: exit code: 3',
      [{ seconds: 1.089, text: 'running tests' }],
    ]);
    assert.deepEqual(
      log.vertices.filter((vertex) => vertex.state === 'canceled').map(brief),
      ['#10 canceled null 22-24 [other 2/2] RUN sleep 4 && echo other > /other.txt', '#6 canceled null 31-33 [slow 1/1] RUN sleep 5 && echo slow > /slow.txt'],
    );
    // The summary's ` > [test 1/1] ...:` line is skipped; docker's closing message is the one line left over.
    assert.deepEqual([log.otherLineCount, log.buildError, log.lineCount], [1, null, 38]);
  });

  it('reads the timestamps GitHub Actions puts before each line, and otherwise the same log (failure.gha.log)', () => {
    const plain = readBuildLog(buildLogFixture('failure.log'));
    const stamped = readBuildLog(buildLogFixture('failure.gha.log'));
    const withoutTimes = (log: BuildLog) => ({
      ...log,
      timestamped: false,
      vertices: log.vertices.map((vertex) => ({ ...vertex, firstSeenAt: null, endedAt: null })),
    });
    assert.deepEqual(withoutTimes(stamped), plain);
    assert.equal(stamped.timestamped, true);
    const test = stamped.vertices.find((vertex) => vertex.id === 8)!;
    // `2026-11-30T10:07:17.4748987Z #8 [test 1/1] ...` and `... #8 ERROR: ...`, to the millisecond.
    assert.deepEqual([test.firstSeenAt, test.endedAt], [Date.UTC(2026, 10, 30, 10, 7, 17, 474), Date.UTC(2026, 10, 30, 10, 7, 17, 474)]);
    assert.equal(stamped.vertices[0].firstSeenAt, Date.UTC(2026, 10, 30, 10, 7, 16, 307));
  });

  it("reads the build's closing error when no step reports one (syntax-error.log)", () => {
    const log = readBuildLog(buildLogFixture('syntax-error.log'));
    assert.deepEqual(
      [log.vertices.map(brief), log.buildError],
      [
        ['#1 done 0 0-3 [internal] load build definition from syntax-error.Dockerfile', '#2 done 0 5-8 [internal] load .dockerignore'],
        'failed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile parse error line 3: unknown instruction: RUNN',
      ],
    );
  });

  it('reads the same log whatever pieces it arrives in, and keeps a partial line until its end', () => {
    const text = buildLogFixture('parallel.log');
    const whole = readBuildLog(text);
    for (const size of [1, 7, 64, 1000]) {
      const reader = new BuildLogReader();
      for (let i = 0; i < text.length; i += size) reader.write(text.slice(i, i + size));
      reader.end();
      assert.deepEqual(reader.snapshot(), whole, `pieces of ${size}`);
    }
  });

  it('shows the state so far at any time: a vertex without its DONE yet is running', () => {
    const lines = buildLogFixture('parallel.log').split('\n');
    const reader = new BuildLogReader();
    // Up to `#14 ...` (line 37): lint has started, deps not yet.
    reader.write(lines.slice(0, 38).join('\n') + '\n#7 [deps 1/1] RUN sle');
    const log = reader.snapshot();
    assert.deepEqual([log.ended, log.lineCount, log.vertices.at(-1)?.id, log.vertices.at(-1)?.state], [false, 38, 14, 'running']);
    reader.write('ep 2 && echo deps > /deps.txt\n');
    assert.equal(reader.snapshot().vertices.at(-1)?.name, '[deps 1/1] RUN sleep 2 && echo deps > /deps.txt');
    // A snapshot is a copy: reading on does not change it.
    assert.equal(log.vertices.length, 9);
  });

  it('records the arrival time given with each piece when the lines carry none (a live build)', () => {
    const lines = buildLogFixture('unnamed.log').split('\n');
    const reader = new BuildLogReader();
    reader.write(lines.slice(0, 28).join('\n') + '\n', 1000);
    // Without the last line break: the last line is read at the end, with the end's time.
    reader.write(lines.slice(28).join('\n').trimEnd(), 2500);
    reader.end(2600);
    const stageOne = reader.snapshot().vertices.find((vertex) => vertex.id === 7)!;
    // `#7 [stage-1 2/2] RUN sleep 1 ...` (line 26) arrives in the first piece, `#7 DONE 1.1s` (line 28) in the second.
    assert.deepEqual([stageOne.firstSeenAt, stageOne.endedAt, stageOne.durationMs], [1000, 2500, 1100]);
    assert.equal(reader.snapshot().vertices.at(-1)?.endedAt, 2600);
  });

  it('reads a log cut in the middle of a vertex, naming it when its header repeats', () => {
    // From `#14 sha256:...` (line 36) on: the first line of #14 is a status line, its header comes at line 59.
    const cut = buildLogFixture('parallel.log').split('\n').slice(36).join('\n');
    const lint = readBuildLog(cut).vertices[0];
    assert.deepEqual([lint.id, lint.name, lint.state, lint.durationMs], [14, '[lint 1/1] RUN sleep 3 && echo lint > /lint.txt', 'done', 3100]);
  });

  it('leaves a vertex of a log that stops mid-step running after the end', () => {
    // Up to `#5 0.063 hello from one stage` (line 20), before `#5 DONE 1.1s`.
    const cut = buildLogFixture('single.log').split('\n').slice(0, 21).join('\n');
    const log = readBuildLog(cut);
    assert.deepEqual([log.ended, brief(log.vertices.at(-1)!), log.vertices.at(-1)?.output], [
      true,
      '#5 running null 18-null [2/5] RUN echo "hello from one stage" && sleep 1',
      [{ seconds: 0.063, text: 'hello from one stage' }],
    ]);
  });

  it('counts what is not progress and never throws on it', () => {
    const log = readBuildLog('Run docker build .\n\u0000\u0001 binary\n#\n# a comment\n#-1 DONE 1s\n');
    assert.deepEqual(log, { vertices: [], lineCount: 5, otherLineCount: 5, timestamped: false, dockerfileName: null, buildError: null, ended: true });
  });
});
