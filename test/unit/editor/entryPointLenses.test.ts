import * as assert from 'node:assert/strict';
import { entryPointLenses } from '../../../src/core/editor/entryPointLenses';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { lines, rangeOf, scanOf } from '../entrypoints/entryPointHelpers';

const dockerfile = lines('FROM golang AS build', 'FROM build AS debug', 'FROM alpine AS runtime');
const graph = buildStageGraph(dockerfile);

/** What builds each stage, above its FROM: short titles, the list in the tooltip, each entry point to open. */
describe('entryPointLenses', () => {
  const compose = lines('services:', '  api:', '    build: { context: .., args: { VERSION: "1" } }', '  api-debug:', '    build: { context: .., target: debug }');
  const bake = lines('target "app" {', '  context = ".."', '}', 'target "app-debug" {', '  context = ".."', '  target = "debug"', '}', 'target "a-very-long-target-name-for-debugging" {', '  context = ".."', '  target = "runtime"', '}');

  it('names one entry point, counts several, and lists them all in the tooltip', () => {
    const lenses = entryPointLenses(scanOf({ '/repo/deploy/compose.yaml': compose, '/repo/deploy/docker-bake.hcl': bake }), '/repo/Dockerfile', graph);
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.stage, lens.title, lens.entries.map((entry) => entry.label)]),
      [
        [1, 1, 'compose+bake ×2', ['compose: api-debug', 'bake: app-debug']],
        [2, 2, 'compose+bake ×3', ['compose: api', 'bake: app', 'bake: a-very-long-target-name-for-debugging']],
      ],
    );
    assert.equal(
      lenses[0].tooltip,
      'Built by compose: api-debug (deploy/compose.yaml:4, target debug), bake: app-debug (deploy/docker-bake.hcl:4, target debug): pick one to open',
    );
    assert.deepEqual(lenses[1].entries[0], {
      label: 'compose: api',
      detail: 'deploy/compose.yaml:2, no target: the last stage, args VERSION',
      location: { path: '/repo/deploy/compose.yaml', range: rangeOf(compose, 'api') },
    });
  });

  it('keeps titles within 16 characters, the room it takes from the FROM line', () => {
    const only = (text: string) => entryPointLenses(scanOf({ 'docker-bake.hcl': text }), 'Dockerfile', graph).map((lens) => lens.title);
    assert.deepEqual(only(lines('target "a-very-long-target-name-for-debugging" {}')), ['bake: a-ver…ging']);
    assert.deepEqual(only(lines('target "a" {}', 'target "b" {}')), ['bake ×2']);
    assert.deepEqual(entryPointLenses(scanOf({ 'compose.yaml': lines('services:', '  a:', '    build: .', '  b:', '    build: .') }), 'Dockerfile', graph).map((lens) => lens.title), ['compose ×2']);
  });

  it('gives no lens to a stage nothing builds, nor for another Dockerfile', () => {
    assert.deepEqual(entryPointLenses(scanOf({ 'compose.yaml': compose }), 'other/Dockerfile', graph), []);
  });
});
