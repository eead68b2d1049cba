import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { StageflowProcess, type ProcessResult } from './stageflowProcess';

/**
 * Everything the CLI cannot run on must end the same way: nothing on stdout, exactly one line on stderr that says
 * what is wrong (starting `stageflow: `, no stack trace), exit status 2.
 */
describe('stageflow on bad input', () => {
  let cli: StageflowProcess;
  let scratch: string;

  before(async () => {
    cli = await StageflowProcess.build();
    scratch = mkdtempSync(path.join(tmpdir(), 'stageflow-bad-input-'));
    writeFileSync(path.join(scratch, 'binary.Dockerfile'), Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0x02]));
    writeFileSync(path.join(scratch, 'latin1.Dockerfile'), Buffer.from('FROM alpine\nLABEL author="Andr\xe9"\n', 'latin1'));
    writeFileSync(path.join(scratch, 'ok.Dockerfile'), 'FROM alpine\n');
  });

  after(() => {
    cli.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  function assertRefused(result: ProcessResult, line: string): void {
    assert.deepEqual(result, { status: 2, stdout: '', stderr: `${line}\n` });
  }

  const usageCases: [args: string[], line: string][] = [
    [[], `stageflow: missing command (see 'stageflow --help')`],
    [['draw'], `stageflow: unknown command 'draw' (see 'stageflow --help')`],
    [['--verbose'], `stageflow: unknown option '--verbose' (see 'stageflow --help')`],
    [['graph', '--colour', 'x'], `stageflow: unknown option '--colour' for 'graph' (see 'stageflow graph --help')`],
    [['graph', 'x', '--format'], `stageflow: option '--format' needs a value (json|dot|mermaid|svg)`],
    [['graph', 'x', '--format', 'png'], `stageflow: unknown format 'png' (expected json, dot, mermaid, svg)`],
    [['graph', 'a', 'b'], `stageflow: 'graph' takes one Dockerfile, got 2 (use 'check' for several)`],
    [['graph', 'x', '--target='], `stageflow: option '--target' needs a stage name`],
    [['graph', 'x', '--build-arg', '=1'], `stageflow: option '--build-arg' needs NAME=VALUE, got '=1'`],
    [['graph', 'x', '--platform', 'linux arm64'], `stageflow: option '--platform' needs OS/ARCH[/VARIANT], e.g. linux/arm64, got 'linux arm64'`],
    [['graph', 'x', '--help=yes'], `stageflow: option '--help' takes no value`],
    [['check'], `stageflow: 'check' needs at least one Dockerfile (- reads stdin)`],
    [['timeline'], `stageflow: 'timeline' takes one build log, got 0 (- reads stdin)`],
    [['timeline', 'build.log'], `stageflow: 'timeline' needs --dockerfile FILE, the Dockerfile the log is a build of`],
    [['timeline', '-', '--dockerfile', '-'], `stageflow: only one of the log and the Dockerfile can be read from stdin`],
    [['timeline', 'a.log', '--dockerfile', 'x', '--format', 'dot'], `stageflow: unknown format 'dot' (expected text, json, mermaid)`],
    [['timeline', 'a.log', '--dockerfile', 'x', '--platform', 'linux/arm64'], `stageflow: unknown option '--platform' for 'timeline' (see 'stageflow timeline --help')`],
  ];
  for (const [args, line] of usageCases) {
    it(`refuses \`stageflow ${args.join(' ')}\` as a usage error`, () => {
      assertRefused(cli.run(args), line);
    });
  }

  it('refuses a file that does not exist', () => {
    assertRefused(cli.run(['graph', 'missing.Dockerfile'], { cwd: scratch }), `stageflow: cannot read 'missing.Dockerfile': no such file`);
  });

  it('refuses a missing ./Dockerfile when graph is given no file', () => {
    assertRefused(cli.run(['graph'], { cwd: scratch }), `stageflow: cannot read 'Dockerfile': no such file`);
  });

  it('refuses a directory', () => {
    assertRefused(cli.run(['check', '.'], { cwd: scratch }), `stageflow: '.' is a directory, not a Dockerfile`);
  });

  it('refuses a device that is not a regular file', () => {
    assertRefused(cli.run(['graph', '/dev/zero']), `stageflow: '/dev/zero' is not a regular file`);
  });

  it('refuses a binary file (a NUL byte)', () => {
    assertRefused(cli.run(['graph', 'binary.Dockerfile'], { cwd: scratch }), `stageflow: 'binary.Dockerfile' is a binary file, not a Dockerfile`);
  });

  it('refuses a file that is not UTF-8', () => {
    assertRefused(cli.run(['check', 'latin1.Dockerfile'], { cwd: scratch }), `stageflow: 'latin1.Dockerfile' is not valid UTF-8 text`);
  });

  it('refuses binary input on stdin', () => {
    assertRefused(cli.run(['graph', '-'], { input: Buffer.from([0, 1, 2]) }), `stageflow: '<stdin>' is a binary file, not a Dockerfile`);
  });

  it('refuses more than 16 MiB on stdin rather than reading without end', () => {
    const huge = Buffer.alloc(16 * 1024 * 1024 + 1, 'a');
    assertRefused(cli.run(['graph', '-'], { input: huge }), `stageflow: '<stdin>' is too large for a Dockerfile (over 16 MiB)`);
  });

  describe('an unreadable build log for timeline', () => {
    const timeline = (log: string, options: { input?: Buffer } = {}) =>
      cli.run(['timeline', log, '--dockerfile', 'ok.Dockerfile'], { cwd: scratch, ...options });

    it('refuses a missing log, a directory, a binary file and a file that is not UTF-8', () => {
      assertRefused(timeline('build.log'), `stageflow: cannot read 'build.log': no such file`);
      assertRefused(timeline('.'), `stageflow: '.' is a directory, not a build log`);
      assertRefused(timeline('binary.Dockerfile'), `stageflow: 'binary.Dockerfile' is a binary file, not a build log`);
      assertRefused(timeline('latin1.Dockerfile'), `stageflow: 'latin1.Dockerfile' is not valid UTF-8 text`);
      assertRefused(timeline('-', { input: Buffer.from([0, 1, 2]) }), `stageflow: '<stdin>' is a binary file, not a build log`);
    });

    it('refuses text that holds no BuildKit progress', () => {
      assertRefused(
        timeline('ok.Dockerfile'),
        `stageflow: 'ok.Dockerfile' holds no BuildKit progress (the '#1 ...' lines of docker build --progress=plain)`,
      );
    });
  });

  it('keeps the message on one line when the file name holds a line break', () => {
    assertRefused(cli.run(['graph', 'two\nlines'], { cwd: scratch }), `stageflow: cannot read 'two\\nlines': no such file`);
  });

  it('refuses a file it may not read', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads everything
    const locked = path.join(scratch, 'locked.Dockerfile');
    writeFileSync(locked, 'FROM alpine\n', { mode: 0o000 });
    assertRefused(cli.run(['graph', 'locked.Dockerfile'], { cwd: scratch }), `stageflow: cannot read 'locked.Dockerfile': permission denied`);
  });

  it('checks the readable files of several, reports each unreadable one in one line, and exits 2', () => {
    const result = cli.run(['check', 'ok.Dockerfile', 'missing.Dockerfile', 'binary.Dockerfile'], { cwd: scratch });
    assert.deepEqual(result, {
      status: 2,
      stdout: '',
      stderr:
        `stageflow: cannot read 'missing.Dockerfile': no such file\n` +
        `stageflow: 'binary.Dockerfile' is a binary file, not a Dockerfile\n`,
    });
  });
});
