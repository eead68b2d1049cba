import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkEntryPoints } from '../../../src/core/entrypoints/checkEntryPoints';
import { dockerfileFacts, type DockerfileFacts } from '../../../src/core/entrypoints/dockerfileFacts';
import type { EntryPoint, EntryPointScan, SourceFile } from '../../../src/core/entrypoints/entryPointModel';
import { entryPointStage } from '../../../src/core/entrypoints/entryPointStage';
import { readEntryPoints } from '../../../src/core/entrypoints/readEntryPoints';
import { renameStageInEntryPoints } from '../../../src/core/entrypoints/renameStageInEntryPoints';
import { filesUnder, summary } from './entryPointHelpers';

const ROOT = 'test/fixtures/entrypoints/real';

/** Every file of a fixture folder, paths relative to the fixtures' root (see SOURCES.md for where each is from). */
const filesOf = (folder: string): SourceFile[] => filesUnder(ROOT, folder);

const facts = new Map<string, DockerfileFacts | undefined>();
function lookup(corePath: string): DockerfileFacts | undefined {
  if (!facts.has(corePath)) {
    const full = path.join(ROOT, corePath);
    facts.set(corePath, existsSync(full) ? dockerfileFacts(readFileSync(full, 'utf8')) : undefined);
  }
  return facts.get(corePath);
}

function entry(scan: EntryPointScan, kind: string, name: string): EntryPoint {
  const found = scan.entries.find((candidate) => candidate.kind === kind && candidate.name === name);
  assert.ok(found, `no ${kind} ${name}`);
  return found;
}

function stageOf(scan: EntryPointScan, kind: string, name: string): string | null {
  const found = entry(scan, kind, name);
  const graph = lookup(found.dockerfile!)!.graph;
  const index = entryPointStage(found, graph);
  return index === null ? null : `${index} ${graph.stages[index].label}`;
}

/** Entry points of real projects' Compose and Bake files; every expected value was read off the files themselves. */
describe('entry points of real projects', () => {
  it('docker/buildx docker-bake.hcl: targets through _common, DOCS_FORMATS and null defaults, groups', () => {
    const scan = readEntryPoints(filesOf('buildx'));
    assert.deepEqual(scan.diagnostics, []);
    assert.deepEqual(summary(entry(scan, 'bake', 'binaries')), { name: 'bake:binaries', source: 'buildx/docker-bake.hcl', context: 'buildx', dockerfile: 'buildx/Dockerfile', target: 'binaries', args: { BUILDKIT_CONTEXT_KEEP_GIT_DIR: '1' } });
    assert.deepEqual(entry(scan, 'bake', 'binaries').target?.location.range, { start: { line: 148, character: 12 }, end: { line: 148, character: 20 } });
    assert.deepEqual(summary(entry(scan, 'bake', 'validate-docs')).args, { BUILDKIT_CONTEXT_KEEP_GIT_DIR: '1', BUILDX_EXPERIMENTAL: '1', FORMATS: 'md' });
    // GO_EXTRA_FLAGS is null (TEST_COVERAGE defaults to null) and BUILDKIT_VERSION is null: Bake drops both.
    assert.deepEqual(summary(entry(scan, 'bake', 'integration-test')), {
      name: 'bake:integration-test', source: 'buildx/docker-bake.hcl', context: 'buildx', dockerfile: 'buildx/Dockerfile', target: 'integration-test',
      args: { BUILDKIT_CONTEXT_KEEP_GIT_DIR: '1', HTTPS_PROXY: '', HTTP_PROXY: '', NO_PROXY: '' },
    });
    assert.equal(entry(scan, 'bake', 'lint-gopls').dockerfile, 'buildx/hack/dockerfiles/lint.Dockerfile');
    assert.deepEqual(scan.groups.map((group) => [group.name, group.targets]), [['default', ['binaries']], ['validate', ['lint', 'lint-gopls', 'validate-golangci', 'validate-vendor', 'validate-docs']]]);
    assert.equal(stageOf(scan, 'bake', 'binaries'), '25 binaries');
    assert.equal(stageOf(scan, 'bake', 'test'), '17 test-coverage');
    assert.equal(stageOf(scan, 'bake', 'image-local'), '25 binaries');
    assert.equal(stageOf(scan, 'bake', 'meta-helper'), '32 stage-32');
    assert.equal(stageOf(scan, 'bake', 'lint-gopls'), '10 gopls-analyze');
    assert.deepEqual(checkEntryPoints(scan, lookup), []);
  });

  it('moby/buildkit docker-bake.hcl: a null IMAGE_TARGET, the lint matrix, a function, and its compose.yaml two levels up', () => {
    const scan = readEntryPoints(filesOf('buildkit'));
    assert.deepEqual(scan.diagnostics, []);
    const image = entry(scan, 'bake', 'image');
    assert.equal(image.target, null);
    assert.equal(entryPointStage(image, lookup('buildkit/Dockerfile')!.graph), lookup('buildkit/Dockerfile')!.graph.stages.length - 1);
    const lint = scan.entries.filter((candidate) => candidate.name.startsWith('lint-'));
    assert.deepEqual(lint.map((candidate) => [candidate.name, candidate.target?.value]), [
      ['lint-default', 'golangci-lint'], ['lint-labs', 'golangci-lint'], ['lint-nydus', 'golangci-lint'], ['lint-yaml', 'yamllint'],
      ['lint-golangci-verify', 'golangci-verify'], ['lint-proto', 'protolint'], ['lint-gopls', 'gopls-analyze'],
    ]);
    assert.equal(summary(entry(scan, 'bake', 'lint-gopls')).args.TARGETNAME, 'gopls');
    assert.equal(summary(entry(scan, 'bake', 'frontend-image')).args.CHANNEL, 'mainline');
    assert.equal(entry(scan, 'bake', 'integration-tests').context, 'buildkit');
    assert.equal(stageOf(scan, 'bake', 'binaries'), `${lookup('buildkit/Dockerfile')!.graph.stages.findIndex((stage) => stage.name === 'binaries')} binaries`);
    assert.deepEqual(summary(entry(scan, 'compose', 'buildkit')), { name: 'compose:buildkit', source: 'buildkit/hack/composefiles/compose.yaml', context: 'buildkit', dockerfile: 'buildkit/Dockerfile', target: null, args: {} });
    assert.deepEqual(checkEntryPoints(scan, lookup), []);
  });

  it('docker/awesome-compose: targets in backend/ and frontend/, args in list form', () => {
    const scan = readEntryPoints(filesOf('awesome-compose'));
    assert.deepEqual(scan.entries.map(summary), [
      { name: 'compose:backend', source: 'awesome-compose/nginx-golang-postgres/compose.yaml', context: 'awesome-compose/nginx-golang-postgres/backend', dockerfile: 'awesome-compose/nginx-golang-postgres/backend/Dockerfile', target: 'builder', args: {} },
      { name: 'compose:backend', source: 'awesome-compose/react-express-mysql/compose.yaml', context: 'awesome-compose/react-express-mysql/backend', dockerfile: 'awesome-compose/react-express-mysql/backend/Dockerfile', target: 'development', args: { NODE_ENV: 'development' } },
      { name: 'compose:frontend', source: 'awesome-compose/react-express-mysql/compose.yaml', context: 'awesome-compose/react-express-mysql/frontend', dockerfile: 'awesome-compose/react-express-mysql/frontend/Dockerfile', target: 'development', args: {} },
    ]);
    assert.deepEqual(scan.entries.map((found) => entryPointStage(found, lookup(found.dockerfile!)!.graph)), [0, 0, 0]);
    assert.deepEqual(checkEntryPoints(scan, lookup), []);
  });

  it('libretime: docker-compose.override.yml adds builds to docker-compose.yml services; docker-bake.json names the same stages', () => {
    const scan = readEntryPoints(filesOf('libretime'));
    assert.deepEqual(scan.entries.map((found) => `${found.kind}:${found.name} ${found.source.path}:${found.source.range.start.line + 1} -> ${stageOf(scan, found.kind, found.name)}`), [
      'compose:playout libretime/docker-compose.override.yml:16 -> 4 libretime-playout',
      'compose:liquidsoap libretime/docker-compose.override.yml:24 -> 4 libretime-playout',
      'compose:analyzer libretime/docker-compose.override.yml:38 -> 3 libretime-analyzer',
      'compose:worker libretime/docker-compose.override.yml:45 -> 6 libretime-worker',
      'compose:api libretime/docker-compose.override.yml:52 -> 5 libretime-api',
      'compose:legacy libretime/docker-compose.override.yml:62 -> 7 libretime-legacy',
      'compose:nginx libretime/docker-compose.override.yml:69 -> 8 libretime-nginx',
      'bake:analyzer libretime/docker-bake.json:8 -> 3 libretime-analyzer',
      'bake:playout libretime/docker-bake.json:11 -> 4 libretime-playout',
      'bake:api libretime/docker-bake.json:14 -> 5 libretime-api',
      'bake:worker libretime/docker-bake.json:17 -> 6 libretime-worker',
      'bake:legacy libretime/docker-bake.json:20 -> 7 libretime-legacy',
      'bake:nginx libretime/docker-bake.json:23 -> 8 libretime-nginx',
    ]);
    assert.deepEqual(scan.groups.map((group) => group.targets), [['analyzer', 'playout', 'api', 'worker', 'legacy', 'nginx']]);
    assert.deepEqual(checkEntryPoints(scan, lookup), []);
  });

  it('libretime: renaming stage libretime-api edits line 55 of the Compose override and line 15 of docker-bake.json', () => {
    const scan = readEntryPoints(filesOf('libretime'));
    const graph = lookup('libretime/Dockerfile')!.graph;
    const { files, skipped } = renameStageInEntryPoints(scan, 'libretime/Dockerfile', graph, 5, 'api');
    assert.deepEqual(skipped, []);
    assert.deepEqual(files, [
      { path: 'libretime/docker-bake.json', edits: [{ range: { start: { line: 14, character: 17 }, end: { line: 14, character: 30 } }, newText: 'api' }] },
      { path: 'libretime/docker-compose.override.yml', edits: [{ range: { start: { line: 54, character: 14 }, end: { line: 54, character: 27 } }, newText: 'api' }] },
    ]);
  });
});
