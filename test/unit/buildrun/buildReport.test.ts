import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildInvocation, type BuildInvocation } from '../../../src/core/buildrun/buildInvocation';
import { buildReport, type BuildEnd } from '../../../src/core/buildrun/buildReport';
import { LiveBuild } from '../../../src/core/buildrun/liveBuild';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { buildLogFixture } from '../buildlog/buildLogFixtures';

/** What a real docker CLI printed when it could not build (test/fixtures/docker-cli, with its README). */
function cliOutput(name: string): string {
  return readFileSync(path.join(__dirname, '../../fixtures/docker-cli', name), 'utf8');
}

function invocation(command: string): BuildInvocation {
  const result = buildInvocation({ command, extraArgs: [], dockerfile: 'Dockerfile', target: null, buildArgs: {}, environment: {} });
  assert.ok(!('error' in result));
  return result;
}

/** The end of a build of `dockerfile` that printed `output` on stderr and exited with `exitCode`. */
function ended(output: string, exitCode: number | null, options: { dockerfile?: string; command?: string; canceled?: boolean; spawnError?: string } = {}): BuildEnd {
  const live = new LiveBuild(buildStageGraph(buildLogFixture(options.dockerfile ?? 'parallel.Dockerfile')));
  live.write('stderr', output, 0);
  live.end(0);
  const { program, args } = invocation(options.command ?? 'docker build');
  return {
    program,
    args,
    spawnError: options.spawnError ?? null,
    exitCode,
    canceled: options.canceled ?? false,
    elapsedMs: 5_250,
    log: live.log(),
    timeline: live.timeline(),
    printed: live.printedLines(),
  };
}

describe('buildReport', () => {
  it('sums up a build that succeeded: its time, the critical path and the cache', () => {
    assert.deepEqual(buildReport(ended(buildLogFixture('parallel.log'), 0)), {
      kind: 'succeeded',
      message: 'Build succeeded in 5.3s; critical path base → lint → final, 4.2s.',
    });
    assert.deepEqual(buildReport(ended(buildLogFixture('parallel-rebuild.log'), 0)), {
      kind: 'succeeded',
      // Every stage took 0.0s: of equal chains, criticalPath takes the one through the lower index (lint 3, not compile 4).
      message: 'Build succeeded in 5.3s; critical path base → lint → final, 0.0s; 6 stages cached.',
    });
  });

  it('names the failing stage, line and BuildKit error of a failed build', () => {
    const report = buildReport(ended(buildLogFixture('failure.log'), 1, { dockerfile: 'failure.Dockerfile' }));
    const message = 'executor failed running [/bin/sh -c sleep 1 && echo "running tests" && exit 3]: exit code: 3';
    assert.deepEqual(report, { kind: 'failed', message: `Build failed in stage test at line 9: ${message}`, failure: { stage: 2, line: 9, message } });
  });

  it('says a build was canceled, whatever it printed', () => {
    assert.deepEqual(buildReport(ended(buildLogFixture('failure.log'), 130, { dockerfile: 'failure.Dockerfile', canceled: true })), {
      kind: 'canceled',
      message: 'Build canceled after 5.3s.',
    });
  });

  it('tells a docker that is not installed from one that cannot start', () => {
    assert.deepEqual(buildReport(ended('', null, { spawnError: 'ENOENT' })), {
      kind: 'docker-missing',
      message: '`docker` was not found: install Docker Desktop or Docker Engine, or set stageflow.build.command to the command that builds.',
    });
    assert.deepEqual(buildReport(ended('', null, { spawnError: 'EACCES', command: '/opt/docker build' })), {
      kind: 'failed',
      message: '`/opt/docker` could not start (EACCES).',
      failure: null,
    });
  });

  it("recognises each problem with Docker in the real CLIs' words", () => {
    const cases: [string, number, string, string][] = [
      ['daemon-down-20.10.txt', 1, 'docker build', 'daemon-unreachable'],
      ['unknown-host-20.10.txt', 1, 'docker build', 'daemon-unreachable'],
      ['permission-denied-20.10.txt', 1, 'docker build', 'permission-denied'],
      ['permission-denied-grpc-20.10.txt', 1, 'docker build', 'permission-denied'],
      ['buildx-missing-28.2.txt', 1, 'docker build', 'buildx-missing'],
      ['buildx-command-missing-28.2.txt', 125, 'docker buildx build', 'buildx-missing'],
      ['buildx-command-missing-20.10.txt', 125, 'docker buildx build', 'buildx-missing'],
      ['buildkit-disabled-28.2.txt', 125, 'docker build', 'no-buildkit'],
    ];
    for (const [file, exitCode, command, kind] of cases) {
      assert.equal(buildReport(ended(cliOutput(file), exitCode, { command })).kind, kind, file);
    }
  });

  it("quotes the line docker said with the fix", () => {
    assert.deepEqual(buildReport(ended(cliOutput('daemon-down-20.10.txt'), 1)), {
      kind: 'daemon-unreachable',
      message:
        'The Docker daemon is not running or cannot be reached: start Docker Desktop or the Docker Engine service, or check DOCKER_HOST and the docker context ' +
        '(docker said: Cannot connect to the Docker daemon at unix:///tmp/capture/none.sock. Is the docker daemon running?).',
    });
    assert.match(buildReport(ended(cliOutput('buildx-command-missing-20.10.txt'), 125, { command: 'docker buildx build' })).message, /^This docker needs the buildx plugin.*\(docker said: unknown flag: --progress\)\.$/);
  });

  it('says what a build that failed before any step printed last', () => {
    const parseError = 'failed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile parse error line 3: unknown instruction: RUNN';
    assert.deepEqual(buildReport(ended(buildLogFixture('syntax-error.log'), 1, { dockerfile: 'syntax-error.Dockerfile' })), {
      kind: 'failed',
      message: `Build failed: ${parseError}`,
      failure: { stage: null, line: null, message: parseError },
    });
    assert.deepEqual(buildReport(ended('unable to prepare context: path "ctx" not found\n', 1)), {
      kind: 'failed',
      message: 'The build failed: `docker` exited with code 1: unable to prepare context: path "ctx" not found',
      failure: null,
    });
  });
});
