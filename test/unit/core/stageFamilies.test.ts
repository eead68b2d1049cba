import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { findStageFamilies } from '../../../src/core/graph/stageFamilies';

/** Families as `stem: member member…`, for a Dockerfile's text. */
function familiesOf(text: string): string[] {
  const graph = buildStageGraph(text);
  return findStageFamilies(graph).map((family) => `${family.id}: ${family.members.map((index) => graph.stages[index].name).join(' ')}`);
}

const real = (name: string): string => readFileSync(`test/fixtures/real/${name}.Dockerfile`, 'utf8');

describe('findStageFamilies', () => {
  it('groups platform variants on one base by their shared stem', () => {
    const text = ['FROM alpine:3.20 AS alpine-amd64', 'FROM alpine:3.19 AS alpine-arm64', 'FROM alpine AS alpine-ppc64le', 'FROM debian AS alpine-s390x', 'FROM alpine-amd64'].join('\n');
    // alpine-s390x builds on debian: a different base, so not a variant of the others.
    assert.deepEqual(familiesOf(text), ['family:alpine: alpine-amd64 alpine-arm64 alpine-ppc64le']);
  });

  it('does not take stages with role names (-build, -test) for variants, nor stages that need one another', () => {
    assert.deepEqual(familiesOf('FROM node AS web-build\nFROM node AS web-test\nFROM nginx\nCOPY --from=web-build /a /b\n'), []);
    assert.deepEqual(familiesOf('FROM scratch AS out-linux\nFROM scratch AS out-windows\nCOPY --from=out-linux /a /b\n'), []);
  });

  it('finds the stages a FROM with ARGs picks among (moby/buildkit: binaries-$TARGETOS, buildkit-export-${EXPORT_BASE})', () => {
    assert.deepEqual(familiesOf(real('moby-buildkit')), [
      'family:binaries: binaries-linux binaries-darwin binaries-windows binaries-freebsd',
      'family:buildkit-export: buildkit-export-alpine buildkit-export-ubuntu',
      'family:containerd-alt: containerd-alt-22 containerd-alt-17',
      // buildkit-$TARGETOS${BUILDKIT_DEBUG:+-debug} also matches buildkit-linux-debug, which builds on buildkit-linux.
      'family:buildkit: buildkit-linux buildkit-darwin buildkit-freebsd buildkit-windows',
    ]);
  });

  it('keeps the stage the FROM picks and leaves out a helper that only matches the pattern (moby/moby: delve-src)', () => {
    const families = familiesOf(real('moby-moby'));
    assert.ok(families.includes('family:delve: delve-supported delve-unsupported'), families.join('\n'));
    assert.ok(families.includes('family:runc: runc-linux runc-windows'));
    assert.ok(!families.some((family) => family.includes('runc-src') || family.includes('runc-build')));
  });

  it('merges the two ways of finding a family (docker/buildx: five binaries-* on binaries-unix, and binaries-windows the FROM picks)', () => {
    assert.deepEqual(familiesOf(real('docker-buildx')), [
      'family:docker-engine: docker-engine-alt28 docker-engine-alt27',
      'family:docker-cli: docker-cli-alt28 docker-cli-alt27',
      'family:binaries: binaries-darwin binaries-freebsd binaries-linux binaries-netbsd binaries-openbsd binaries-windows',
    ]);
  });

  it('numbers families that share a stem', () => {
    const text = ['FROM alpine AS tool-amd64', 'FROM alpine AS tool-arm64', 'FROM debian AS tool-v1', 'FROM debian AS tool-v2'].join('\n');
    assert.deepEqual(familiesOf(text), ['family:tool: tool-amd64 tool-arm64', 'family:tool#2: tool-v1 tool-v2']);
  });
});
