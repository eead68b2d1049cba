import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readBuildLog } from '../../../src/core/buildlog/buildLogReader';
import { buildTimeline } from '../../../src/core/buildlog/buildTimeline';
import type { BuildTimeline } from '../../../src/core/buildlog/model';
import { toTimelineJson } from '../../../src/core/buildlog/timelineJson';
import { toMermaidGantt } from '../../../src/core/buildlog/toMermaidGantt';
import { toTimelineText } from '../../../src/core/buildlog/toTimelineText';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import type { ResolveOptions } from '../../../src/core/model';
import { REPOSITORY, StageflowProcess } from './stageflowProcess';

const FIXTURES = 'test/fixtures/buildlogs';
const fixture = (name: string) => readFileSync(path.join(REPOSITORY, FIXTURES, name), 'utf8');

function timeline(log: string, dockerfile: string, options: ResolveOptions = {}): BuildTimeline {
  return buildTimeline(readBuildLog(fixture(log)), buildStageGraph(fixture(dockerfile), options)) as BuildTimeline;
}

describe('stageflow timeline', () => {
  let cli: StageflowProcess;
  before(async () => {
    cli = await StageflowProcess.build();
  });
  after(() => cli.dispose());

  const run = (...args: string[]) => cli.run(['timeline', ...args], { cwd: path.join(REPOSITORY, FIXTURES) });

  it('prints the per-stage table with the critical path by default, exit 0', () => {
    assert.deepEqual(run('parallel.log', '--dockerfile', 'parallel.Dockerfile'), {
      status: 0,
      stdout: toTimelineText(timeline('parallel.log', 'parallel.Dockerfile')),
      stderr: '',
    });
  });

  it('prints the JSON of issue 9 and the Mermaid gantt chart, also for a failed build (exit 0: the log was read)', () => {
    const failed = timeline('failure.log', 'failure.Dockerfile');
    assert.deepEqual(run('failure.log', '--dockerfile', 'failure.Dockerfile', '--format', 'json'), {
      status: 0,
      stdout: `${JSON.stringify(toTimelineJson(failed), null, 2)}\n`,
      stderr: '',
    });
    assert.deepEqual(run('failure.gha.log', '--dockerfile=failure.Dockerfile', '--format=mermaid'), {
      status: 0,
      stdout: toMermaidGantt(timeline('failure.gha.log', 'failure.Dockerfile')),
      stderr: '',
    });
  });

  it('resolves the Dockerfile with the --target and --build-arg of the build', () => {
    const compile = run('parallel-target-compile.log', '--dockerfile', 'parallel.Dockerfile', '--target', 'compile', '--format', 'json');
    assert.deepEqual(compile, {
      status: 0,
      stdout: `${JSON.stringify(toTimelineJson(timeline('parallel-target-compile.log', 'parallel.Dockerfile', { target: 'compile' })), null, 2)}\n`,
      stderr: '',
    });
    assert.deepEqual(JSON.parse(compile.stdout).criticalPath, [0, 1, 4]);
    assert.equal(run('mount.log', '--dockerfile', 'mount.Dockerfile', '--build-arg', 'UNUSED=1').status, 0);
  });

  it('reads the log from stdin for -', () => {
    assert.deepEqual(cli.run(['timeline', '-', '--dockerfile', `${FIXTURES}/single.Dockerfile`, '--format', 'json'], { input: fixture('single.log') }), {
      status: 0,
      stdout: `${JSON.stringify(toTimelineJson(timeline('single.log', 'single.Dockerfile')), null, 2)}\n`,
      stderr: '',
    });
  });

  it('says so, exit 1 and nothing printed, when the log is a build of another Dockerfile', () => {
    assert.deepEqual(run('parallel.log', '--dockerfile', 'failure.Dockerfile'), {
      status: 1,
      stdout: '',
      stderr:
        "stageflow: 'parallel.log' is not a build of 'failure.Dockerfile': log line 15: this Dockerfile has no stage 'stage-2' " +
        '(it has base, slow, test, other, release)\n',
    });
  });

  it('exits 1 with BuildKit\'s error for an unknown --target, and for a Dockerfile BuildKit cannot read after the timeline', () => {
    assert.deepEqual(run('parallel.log', '--dockerfile', 'parallel.Dockerfile', '--target', 'nope'), {
      status: 1,
      stdout: '',
      stderr: `stageflow: 'parallel.Dockerfile': target stage "nope" could not be found\n`,
    });
    const unreadable = run('syntax-error.log', '--dockerfile', 'syntax-error.Dockerfile', '--format', 'json');
    assert.deepEqual([unreadable.status, JSON.parse(unreadable.stdout).failure.stage, unreadable.stderr.split('\n').length], [1, null, 2]);
    assert.match(unreadable.stderr, /^stageflow: 'syntax-error\.Dockerfile': .*RUNN/);
  });
});
