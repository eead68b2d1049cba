/**
 * Real Dockerfiles of well-known projects (test/fixtures/real, sources in SOURCES.md) resolve without errors, and to
 * what reading them by hand says BuildKit builds: stage counts, the default target (the last stage), the stage a
 * `FROM name-$TARGETOS` or `FROM name-${ARG}` picks for the default platform `linux/amd64` and for others (SEMANTICS:
 * FROM expands meta ARGs and the automatic platform ARGs), and COPY/mount edges that the file plainly contains.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import type { Edge, ResolveOptions, StageGraph } from '../../../src/core/model';

const folder = path.join(__dirname, '..', '..', 'fixtures', 'real');
const read = (file: string): string => readFileSync(path.join(folder, file), 'utf8');

/** The stage called `name` (BuildKit's display name); fails the test when there is none. */
function stage(graph: StageGraph, name: string): StageGraph['stages'][number] {
  const found = graph.stages.find((candidate) => candidate.displayName === name);
  assert.ok(found, `a stage named ${name}`);
  return found;
}

/** Where an edge comes from, as a name: the stage's display name or the image reference. */
function sourceName(graph: StageGraph, edge: Edge): string {
  return 'stage' in edge.from ? graph.stages[edge.from.stage].displayName : edge.from.image;
}

/** The edges of `kind` from `from` (stage name or image) into the stage `to`. */
function edgesBetween(graph: StageGraph, kind: Edge['kind'], from: string, to: string): Edge[] {
  const target = stage(graph, to).index;
  return graph.edges.filter((edge) => edge.kind === kind && edge.to === target && sourceName(graph, edge) === from);
}

/** The one copy or mount edge of `kind` from `from` into `to` at `line`, with its artifact. */
function edgeAt(graph: StageGraph, kind: Edge['kind'], from: string, to: string, line: number): Edge {
  const found = edgesBetween(graph, kind, from, to).filter((edge) => edge.line === line);
  assert.equal(found.length, 1, `one ${kind} edge ${from} -> ${to} on line ${line}`);
  return found[0];
}

/** The stage the FROM of `name` builds on, by name. */
function baseOf(graph: StageGraph, name: string): string | null {
  const { baseStage, baseImage } = stage(graph, name);
  return baseStage !== null ? graph.stages[baseStage].displayName : baseImage;
}

/** Names of the stages the target does not build, in file order. */
const skipped = (graph: StageGraph): string[] => graph.stages.filter((candidate) => candidate.reachable === false).map((candidate) => candidate.displayName);

const resolve = (file: string, options: ResolveOptions = {}): StageGraph => buildStageGraph(read(file), options);

/** What was verified by reading each file; every file in the folder must have an entry. */
const facts: Record<string, (graph: StageGraph, file: string) => void> = {
  'moby-buildkit.Dockerfile': (graph, file) => {
    assert.equal(graph.stages.length, 49);
    assert.equal(graph.stages[graph.target!].displayName, 'buildkit');
    // FROM buildkit-$TARGETOS${BUILDKIT_DEBUG:+-debug}: BUILDKIT_DEBUG is declared without a value.
    assert.equal(baseOf(graph, 'buildkit'), 'buildkit-linux');
    assert.equal(baseOf(resolve(file, { buildArgs: { BUILDKIT_DEBUG: '1' } }), 'buildkit'), 'buildkit-linux-debug');
    assert.equal(baseOf(resolve(file, { targetPlatform: 'windows/amd64' }), 'buildkit'), 'buildkit-windows');
    assert.equal(baseOf(graph, 'binaries'), 'binaries-linux');
    assert.equal(baseOf(graph, 'buildkit-export'), 'buildkit-export-alpine');
    assert.equal(baseOf(graph, 'binaries-linux'), 'scratch');
    const runc = edgeAt(graph, 'copy', 'runc', 'binaries-linux', 190);
    assert.deepEqual([runc.artifact?.sources, runc.artifact?.destination], [['/usr/bin/runc'], '/buildkit-runc']);
    assert.equal(edgesBetween(graph, 'copy', 'tonistiigi/binfmt:buildkit-v10.2.3-66@sha256:6014c1e52b8e51a67fbf76f691ffbe20ac0204c31c2f086df3e8ef3ce134b488', 'binfmt-filter').length, 1);
    assert.equal(edgeAt(graph, 'mount', 'buildkit-version', 'buildctl', 101).artifact?.sources[0], '/tmp/.ldflags');
    // `--mount=from=binaries` names no source: the whole stage.
    assert.deepEqual(edgeAt(graph, 'mount', 'binaries', 'releaser', 215).artifact?.sources, ['/']);
    // Lines 462-480 copy sixteen artifacts into the integration test image.
    const intoTests = graph.edges.filter((edge) => edge.kind === 'copy' && edge.to === stage(graph, 'integration-tests-base').index);
    assert.equal(intoTests.length, 16);
    for (const name of ['runc', 'buildctl', 'buildkitd', 'cni-plugins', 'xx', 'buildkit-export-alpine']) assert.equal(stage(graph, name).reachable, true, name);
    for (const name of ['dlv', 'integration-tests', 'rootless', 'buildkit-export-ubuntu', 'binaries-windows']) assert.equal(stage(graph, name).reachable, false, name);
  },
  'moby-moby.Dockerfile': (graph, file) => {
    assert.equal(graph.stages.length, 59);
    assert.equal(graph.stages[graph.target!].displayName, 'dev');
    // dev <- dev-base <- dev-firewalld-${FIREWALLD} <- dev-systemd-${SYSTEMD}, both "false" by default.
    assert.deepEqual(['dev', 'dev-base', 'dev-firewalld-false'].map((name) => baseOf(graph, name)), ['dev-base', 'dev-firewalld-false', 'dev-systemd-false']);
    const systemd = resolve(file, { buildArgs: { SYSTEMD: 'true' } });
    assert.equal(baseOf(systemd, 'dev-firewalld-false'), 'dev-systemd-true');
    // DELVE_SUPPORTED strips linux/amd64, arm64, ppc64le and riscv64 from TARGETPLATFORM: what is left is unsupported.
    assert.equal(baseOf(graph, 'delve'), 'delve-supported');
    assert.equal(baseOf(resolve(file, { targetPlatform: 'linux/s390x' }), 'delve'), 'delve-unsupported');
    const windows = resolve(file, { targetPlatform: 'windows/amd64' });
    assert.deepEqual(['containerd', 'runc', 'containerutil-windows'].map((name) => baseOf(windows, name)), ['containerd-windows', 'runc-windows', 'containerutil-windows-amd64']);
    assert.equal(baseOf(graph, 'containerd'), 'containerd-linux');
    assert.equal(baseOf(graph, 'dind'), 'docker:dind');
    const buildx = edgeAt(graph, 'copy', 'buildx', 'dev-systemd-false', 439);
    assert.deepEqual([buildx.artifact?.sources, buildx.artifact?.destination], [['/buildx'], '/usr/local/libexec/docker/cli-plugins/docker-buildx']);
    assert.equal(edgeAt(graph, 'mount', 'delve-src', 'delve-supported', 117).artifact?.sources[0], '/usr/src/delve');
    // Fifteen COPY --from lines feed dev-systemd-false; the one from criu (line 429) is commented out.
    const intoDev = graph.edges.filter((edge) => edge.kind === 'copy' && edge.to === stage(graph, 'dev-systemd-false').index);
    assert.equal(intoDev.length, 15);
    assert.equal(edgesBetween(graph, 'copy', 'criu', 'dev-systemd-false').length, 0);
    assert.equal(stage(graph, 'criu').reachable, false);
    for (const name of ['frozen-images', 'delve-src', 'containerd-build', 'dockercli-integration']) assert.equal(stage(graph, name).reachable, true, name);
  },
  'docker-buildx.Dockerfile': (graph, file) => {
    assert.equal(graph.stages.length, 33);
    // The last stage, `FROM binaries` with no AS, is the default target.
    const target = graph.stages[graph.target!];
    assert.deepEqual([target.index, target.name, target.displayName], [32, null, 'stage-32']);
    assert.equal(baseOf(graph, 'stage-32'), 'binaries');
    assert.equal(baseOf(graph, 'binaries'), 'binaries-linux');
    assert.equal(baseOf(resolve(file, { targetPlatform: 'darwin/arm64' }), 'binaries'), 'binaries-darwin');
    const buildx = edgeAt(graph, 'copy', 'buildx-build', 'binaries-unix', 111);
    assert.deepEqual([buildx.artifact?.sources, buildx.artifact?.destination], [['/usr/bin/docker-buildx'], '/buildx']);
    assert.equal(edgeAt(graph, 'mount', 'buildx-version', 'buildx-build', 89).artifact?.sources[0], '/tmp/.ldflags');
    assert.equal(graph.edges.filter((edge) => edge.kind === 'copy' && edge.to === stage(graph, 'integration-test-base').index).length, 13);
    const built = graph.stages.filter((candidate) => candidate.reachable).map((candidate) => candidate.displayName);
    assert.deepEqual(built, ['xx', 'golatest', 'gobase', 'buildx-version', 'buildx-build', 'binaries-unix', 'binaries-linux', 'binaries', 'stage-32']);
    assert.ok(skipped(graph).includes('integration-test'));
  },
  'docker-cli.Dockerfile': (graph, file) => {
    assert.equal(graph.stages.length, 23);
    assert.equal(graph.stages[graph.target!].displayName, 'binary');
    // FROM build-${BASE_VARIANT} and build-base-${BASE_VARIANT}: a meta ARG picks the alpine or the debian stages.
    assert.deepEqual(['build', 'test', 'goversioninfo', 'e2e', 'dev'].map((name) => baseOf(graph, name)), ['build-alpine', 'build-alpine', 'build-base-alpine', 'e2e-base-alpine', 'build-base-alpine']);
    const debian = resolve(file, { buildArgs: { BASE_VARIANT: 'debian' } });
    assert.deepEqual(['build', 'goversioninfo'].map((name) => baseOf(debian, name)), ['build-debian', 'build-base-debian']);
    assert.deepEqual(skipped(debian).filter((name) => name.includes('alpine')), ['build-base-alpine', 'build-alpine', 'e2e-base-alpine']);
    // Meta ARGs compose the image names; --platform=$BUILDPLATFORM keeps the builders on the build platform.
    assert.deepEqual(['xx', 'build-base-alpine', 'build-base-debian', 'buildx'].map((name) => baseOf(graph, name)), ['tonistiigi/xx:1.9.0', 'golang:1.26.7-alpine3.23', 'golang:1.26.7-bookworm', 'docker/buildx-bin:0.34.1']);
    assert.equal(stage(resolve(file, { targetPlatform: 'windows/arm64' }), 'build-base-alpine').platform, 'linux/amd64');
    // FROM bin-image-${TARGETOS}: the automatic platform ARG picks the variant.
    assert.equal(baseOf(graph, 'bin-image'), 'bin-image-linux');
    assert.equal(baseOf(resolve(file, { targetPlatform: 'darwin/arm64' }), 'bin-image'), 'bin-image-darwin');
    // COPY --link --from: the flag does not change what is copied from where.
    assert.equal(edgeAt(graph, 'copy', 'xx', 'build-base-alpine', 39).artifact?.sources[0], '/');
    const buildx = edgeAt(graph, 'copy', 'buildx', 'e2e', 128);
    assert.deepEqual([buildx.artifact?.sources, buildx.artifact?.destination], [['/buildx'], '/usr/libexec/docker/cli-plugins/docker-buildx']);
    assert.equal(edgesBetween(graph, 'copy', 'build', 'bin-image-windows').length, 1);
    // Bare `--mount=ro` and bind mounts of the context are no edges.
    assert.equal(graph.edges.filter((edge) => edge.kind === 'mount').length, 0);
    const built = graph.stages.filter((candidate) => candidate.reachable).map((candidate) => candidate.displayName);
    assert.deepEqual(built, ['xx', 'build-base-alpine', 'build-alpine', 'goversioninfo', 'build', 'binary']);
    // The e2e target pulls the two plugin images and the test helpers in.
    const e2e = resolve(file, { target: 'e2e' });
    for (const name of ['buildx', 'compose', 'gotestsum', 'build-plugins', 'e2e-base-alpine']) assert.equal(stage(e2e, name).reachable, true, name);
  },
  'cilium-cilium.Dockerfile': (graph, file) => {
    assert.equal(graph.stages.length, 4);
    assert.equal(graph.stages[graph.target!].displayName, 'stage-3');
    // --platform=${BUILDPLATFORM}: the builders run on the build platform whatever the target platform.
    const arm = resolve(file, { targetPlatform: 'linux/arm64' });
    assert.deepEqual(['hubble', 'builder', 'stage-3'].map((name) => stage(arm, name).platform), ['linux/amd64', 'linux/amd64', null]);
    assert.equal(baseOf(graph, 'builder'), 'quay.io/cilium/cilium-builder:a2dc3278c48e1593b1f6c8fd9e5c6a982d56a875@sha256:98c4e694805e9a9d410ed73d555e97e91d77e2ab4529b6b51f5243b33ab411b1');
    assert.equal(baseOf(graph, 'hubble'), baseOf(graph, 'builder'));
    assert.deepEqual(edgeAt(graph, 'copy', 'cilium-envoy', 'stage-3', 85).artifact?.sources, ['/']);
    assert.equal(edgeAt(graph, 'copy', 'hubble', 'stage-3', 90).artifact?.destination, '/etc/bash_completion.d/hubble');
    assert.equal(edgeAt(graph, 'copy', 'builder', 'stage-3', 92).artifact?.destination, '/');
    // Bind mounts of the context and cache mounts (no from=) are not edges (SEMANTICS: type=cache without from).
    assert.equal(graph.edges.filter((edge) => edge.kind === 'mount').length, 0);
    assert.deepEqual(skipped(graph), []);
  },
  'containerd-release.Dockerfile': (graph, file) => {
    assert.equal(graph.stages.length, 7);
    assert.equal(graph.stages[graph.target!].displayName, 'release');
    // ARG BASE_IMAGE=ubuntu:${UBUNTU_VERSION}: a meta ARG's default expands the meta ARGs before it.
    assert.deepEqual(['go', 'base', 'release'].map((name) => baseOf(graph, name)), ['golang:1.26.6', 'ubuntu:22.04', 'scratch']);
    assert.equal(baseOf(resolve(file, { buildArgs: { UBUNTU_VERSION: '24.04' } }), 'base'), 'ubuntu:24.04');
    // FROM ${TARGETOS} AS target picks the stage named after the target's OS (SEMANTICS: automatic platform ARGs).
    assert.equal(baseOf(graph, 'target'), 'linux');
    const windows = resolve(file, { targetPlatform: 'windows/amd64' });
    assert.equal(baseOf(windows, 'target'), 'windows');
    assert.deepEqual(skipped(windows), ['linux']);
    assert.deepEqual(skipped(graph), ['windows']);
    // $BUILDPLATFORM is the build platform for a windows target too.
    assert.deepEqual(['go', 'xx', 'base'].map((name) => stage(windows, name).platform), ['linux/amd64', 'linux/amd64', 'linux/amd64']);
    const go = edgeAt(graph, 'mount', 'go', 'target', 47);
    assert.deepEqual([go.artifact?.sources, go.artifact?.destination], [['/usr/local/go'], '/usr/local/go']);
    assert.deepEqual(edgeAt(graph, 'copy', 'xx', 'base', 23).artifact?.sources, ['/']);
    assert.deepEqual(edgeAt(graph, 'copy', 'target', 'release', 61).artifact?.sources, ['/go/src/github.com/containerd/containerd/releases/']);
  },
};

/** BuildKit's build-check warnings a file gets, as [rule, line]; every file not listed gets none. */
const warnings: Record<string, [string, number][]> = {
  // `FROM ... as name`: BuildKit's FromAsCasing (SEMANTICS: lint, not error).
  'cilium-cilium.Dockerfile': [['FromAsCasing', 11], ['FromAsCasing', 16], ['FromAsCasing', 33]],
};

describe('real Dockerfiles (test/fixtures/real)', () => {
  const files = readdirSync(folder).filter((file) => file.endsWith('.Dockerfile'));

  it('has a fact sheet for every file, and a source for every file in SOURCES.md', () => {
    assert.deepEqual(files.sort(), Object.keys(facts).sort());
    const sources = read('SOURCES.md');
    for (const file of files) assert.ok(sources.includes(`\`${file}\``), `${file} is listed in SOURCES.md`);
  });

  for (const file of Object.keys(facts)) {
    it(`${file}: resolves with no errors and BuildKit's warnings alone, as read by hand`, () => {
      const graph = resolve(file);
      assert.equal(graph.ok, true, graph.error ?? '');
      assert.deepEqual(graph.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'), []);
      const warned = graph.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').map((diagnostic): [string, number] => [String(diagnostic.code), diagnostic.range.start.line + 1]);
      assert.deepEqual(warned, warnings[file] ?? []);
      facts[file](graph, file);
    });
  }
});
