import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPOSITORY, StageflowProcess } from './stageflowProcess';

describe('stageflow --help and --version', () => {
  let cli: StageflowProcess;
  before(async () => {
    cli = await StageflowProcess.build();
  });
  after(() => cli.dispose());

  it('prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8'));
    assert.deepEqual(cli.run(['--version']), { status: 0, stdout: `${version}\n`, stderr: '' });
    assert.deepEqual(cli.run(['-V']), { status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists every command with its synopsis and summary, and the exit statuses', () => {
    const result = cli.run(['--help']);
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
    const lines = result.stdout.split('\n');
    assert.match(lines[0], /^stageflow \d+\.\d+\.\d+: the stage graph of a multi-stage Dockerfile/);
    for (const line of [
      '  stageflow graph [FILE|-] [--format json|dot|mermaid|svg] [--target NAME] [--build-arg K=V]... [--platform P]',
      '  stageflow check FILE... [--severity LEVEL] [--target NAME] [--build-arg K=V]... [--platform P]',
      '  stageflow targets [DIR] [--format json|text]',
      '  stageflow rename-stage FILE OLD NEW [--write]',
      '  stageflow timeline LOG --dockerfile FILE [--target T] [--build-arg K=V]... [--format text|json|mermaid]',
      '  stageflow COMMAND --help',
      '  stageflow --help | --version',
    ]) {
      assert.ok(lines.includes(line), `missing help line: ${line}`);
    }
    // Summaries are aligned after the longest command name, whatever other commands are registered.
    assert.match(result.stdout, /\n {2}graph +Print the stage graph of a Dockerfile \(default \.\/Dockerfile; - reads stdin\)\.\n/);
    assert.match(result.stdout, /\n {2}check +Print diagnostics as file:line:col: severity code: message; exit 1 on any error\.\n/);
    assert.match(result.stdout, /Exit status: 0 success; 1 the Dockerfile \(or a Compose or Bake file\) has errors .*; 2 the command could not run/);
    assert.deepEqual(cli.run(['-h']), result);
  });

  it('describes one command and every option it takes', () => {
    assert.deepEqual(cli.run(['check', '--help']), {
      status: 0,
      stdout: [
        'Usage: stageflow check FILE... [--severity LEVEL] [--target NAME] [--build-arg K=V]... [--platform P]',
        '',
        'Print diagnostics as file:line:col: severity code: message; exit 1 on any error.',
        '',
        'Options:',
        '  --severity LEVEL  Print diagnostics at least this severe: error, warning, info (default, leaves hints out), hint.',
        '  --target NAME     Resolve for this stage instead of the last one.',
        '  --build-arg K=V   Override a meta ARG (declared before the first FROM); `K` alone takes $K from the environment.',
        '  --platform P      The target platform, e.g. linux/arm64 (default: linux/amd64).',
        '  --help            Show this help.',
        '',
        'Exit status: 0 success; 1 the Dockerfile (or a Compose or Bake file) has errors (BuildKit would reject it), a ' +
          "refactoring was refused, a build log is of another Dockerfile or 'docs --check' found a stale diagram; " +
          '2 the command could not run (bad arguments, unreadable input).',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('shows a command help even when other arguments are wrong, as -h too', () => {
    const help = cli.run(['graph', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: stageflow graph \[FILE\|-\]/);
    assert.deepEqual(cli.run(['graph', 'missing.Dockerfile', '-h']), help);
  });
});
