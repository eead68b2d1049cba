import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPOSITORY } from './stageflowProcess';

/**
 * The npm package as pre-commit installs a `language: node` hook from this repository (.pre-commit-hooks.yaml): in a
 * copy of the sources, `npm pack` must print nothing but the tarball's name (pre-commit reads it from stdout), the
 * tarball must hold the `stageflow` command, and `npm install -g` of it must give a command that runs the hook.
 */
describe('the npm package that pre-commit installs', function () {
  this.timeout(180_000);
  let work: string;
  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'stageflow-npm-package-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('packs to a tarball named alone on stdout, whose global install runs stageflow docs --check', () => {
    const source = path.join(work, 'source');
    for (const entry of ['package.json', 'package-lock.json', '.npmignore', '.npmrc', 'README.md', 'LICENSE', 'scripts', 'src']) {
      cpSync(path.join(REPOSITORY, entry), path.join(source, entry), { recursive: true });
    }
    // pre-commit runs `npm install` first; the repository's own modules stand in for it (offline, and faster).
    symlinkSync(path.join(REPOSITORY, 'node_modules'), path.join(source, 'node_modules'), 'dir');
    const pack = spawnSync('npm', ['pack'], { cwd: source, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
    assert.equal(pack.stdout, `stageflow-${version}.tgz\n`);
    const tarball = path.join(source, pack.stdout.trim());
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter((line) => line !== '').sort();
    assert.deepEqual(listing, ['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/package.json']);

    const prefix = path.join(work, 'global');
    const install = spawnSync('npm', ['install', '-g', '--prefer-offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], { encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    const project = path.join(work, 'project');
    cpSync(path.join(REPOSITORY, 'examples/go-service.Dockerfile'), path.join(project, 'Dockerfile'));
    writeFileSync(path.join(project, 'README.md'), '<!-- stageflow: Dockerfile -->\n<!-- /stageflow -->\n');
    const stageflow = path.join(prefix, 'bin', 'stageflow');
    const check = spawnSync(stageflow, ['docs', '--check', 'README.md'], { cwd: project, encoding: 'utf8' });
    assert.deepEqual([check.status, check.stdout], [1, "README.md:1: the diagram of Dockerfile is stale (run 'stageflow docs README.md')\n"]);
    assert.equal(spawnSync(stageflow, ['docs', 'README.md'], { cwd: project }).status, 0);
    assert.equal(spawnSync(stageflow, ['docs', '--check', 'README.md'], { cwd: project }).status, 0);
  });
});
