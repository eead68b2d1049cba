import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { StageflowProcess } from './stageflowProcess';

const FIXTURES = 'test/fixtures/diff';

/** `stageflow diff`: two files, or a file against a git revision; text, JSON or Mermaid. */
describe('stageflow diff', () => {
  let cli: StageflowProcess;
  before(async () => {
    cli = await StageflowProcess.build();
  });
  after(() => cli.dispose());

  it('prints the JSON shape of the issue for two real versions (grafana/loki 9b1407e736)', () => {
    const result = cli.run(['diff', `${FIXTURES}/loki/5f670a4b18.Dockerfile`, `${FIXTURES}/loki/9b1407e736.Dockerfile`, '--format', 'json']);
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
    assert.deepEqual(JSON.parse(result.stdout), {
      stages: { added: ['ui-builder'], removed: [], renamed: [], changed: [{ name: 'build', instructions: { from: 3, to: 4 } }] },
      edges: {
        added: [
          { from: 'node:20-alpine', to: 'ui-builder', kind: 'from' },
          { from: 'ui-builder', to: 'build', kind: 'copy' },
        ],
        removed: [],
      },
      reachability: { nowBuilt: ['ui-builder'], nowSkipped: [] },
    });
  });

  it('prints text by default and Mermaid on request, reading one side from stdin', () => {
    const newer = 'FROM alpine AS base\nFROM base AS app\n';
    const text = cli.run(['diff', '-', `${FIXTURES}/loki/5f670a4b18.Dockerfile`], { input: 'FROM alpine AS base\n' });
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^Stages added:\n {2}build\n {2}stage-1\nStages removed:\n {2}base\n/);
    const mermaid = cli.run(['diff', '-', `${FIXTURES}/loki/5f670a4b18.Dockerfile`, '--format=mermaid'], { input: newer });
    assert.equal(mermaid.status, 0);
    assert.match(mermaid.stdout, /^flowchart LR\n/);
    assert.match(mermaid.stdout, /^ {2}class [^\n]*rs0[^\n]* removed$/m);
  });

  it('exits 1 when either version does not build, still printing the difference', () => {
    const result = cli.run(['diff', '-', `${FIXTURES}/loki/5f670a4b18.Dockerfile`, '--target', 'build'], { input: 'FROM alpine AS a\nCOPY --from=a /x /y\n' });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^Stages added:/);
  });

  it('refuses bad arguments with one line and exit 2', () => {
    const cases: Array<[string[], string]> = [
      [['diff', 'a'], "'diff' takes two Dockerfiles, OLD and NEW, got 1 (or use --git REV)"],
      [['diff', '-', '-'], 'only one of OLD and NEW can be stdin'],
      [['diff', 'a', 'b', '--format', 'dot'], "unknown format 'dot' (expected text, json, mermaid)"],
      [['diff', 'gone', `${FIXTURES}/loki/5f670a4b18.Dockerfile`], "cannot read 'gone': no such file"],
      [['diff', '--git', 'HEAD', 'a', 'b'], "'diff --git' takes one Dockerfile, got 2"],
      [['diff', '--git', '--output=x'], "option '--git' needs a revision such as HEAD or main, got '--output=x'"],
    ];
    for (const [args, message] of cases) assert.deepEqual(cli.run(args), { status: 2, stdout: '', stderr: `stageflow: ${message}\n` }, args.join(' '));
  });

  describe('--git', () => {
    let repository: string;
    const git = (...args: string[]): string =>
      execFileSync('git', args, {
        cwd: repository,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
      });

    before(() => {
      repository = mkdtempSync(path.join(tmpdir(), 'stageflow-diff-git-'));
      git('init', '-q');
      git('config', 'commit.gpgsign', 'false');
      copyFileSync(`${FIXTURES}/compose/5de4353a6.Dockerfile`, path.join(repository, 'Dockerfile'));
      writeFileSync(path.join(repository, 'other.Dockerfile'), 'FROM alpine AS one\n');
      git('add', '.');
      git('commit', '-q', '-m', 'first');
      copyFileSync(`${FIXTURES}/compose/d518da241.Dockerfile`, path.join(repository, 'Dockerfile'));
    });
    after(() => rmSync(repository, { recursive: true, force: true }));

    it('compares ./Dockerfile as it was at REV with the working tree (docker/compose d518da241)', () => {
      const result = cli.run(['diff', '--git', 'HEAD', '--format', 'json'], { cwd: repository });
      assert.equal(result.stderr, '');
      assert.equal(result.status, 0);
      assert.deepEqual(JSON.parse(result.stdout).stages.added, ['module-releaser', 'module']);
      assert.deepEqual(JSON.parse(result.stdout).reachability, { nowBuilt: ['module-releaser', 'module'], nowSkipped: ['releaser', 'release'] });
    });

    it('takes FILE relative to the working directory, and reports no change as such', () => {
      assert.deepEqual(cli.run(['diff', '--git', 'HEAD', 'other.Dockerfile'], { cwd: repository }), {
        status: 0,
        stdout: 'The stage graph did not change.\n',
        stderr: '',
      });
    });

    it("gives git's reason for an unknown revision, a file the revision lacks, or a directory outside a repository", () => {
      const unknown = cli.run(['diff', '--git', 'nope'], { cwd: repository });
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /^stageflow: cannot read 'nope:Dockerfile' from git: .+\n$/);
      writeFileSync(path.join(repository, 'new.Dockerfile'), 'FROM alpine\n');
      const missing = cli.run(['diff', '--git', 'HEAD', 'new.Dockerfile'], { cwd: repository });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /^stageflow: cannot read 'HEAD:new.Dockerfile' from git: .*new\.Dockerfile.*\n$/);
      const outside = mkdtempSync(path.join(tmpdir(), 'stageflow-no-git-'));
      try {
        writeFileSync(path.join(outside, 'Dockerfile'), 'FROM alpine\n');
        const result = cli.run(['diff', '--git', 'HEAD'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
        assert.equal(result.status, 2);
        assert.match(result.stderr, /^stageflow: cannot read 'HEAD:Dockerfile' from git: .*not a git repository.*\n$/);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    });
  });
});
