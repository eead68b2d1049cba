import * as assert from 'node:assert/strict';
import { dockerfileFacts } from '../../../src/core/entrypoints/dockerfileFacts';
import { entryPointDockerfileAt, entryPointsOfDockerfile, entryPointTargetReferences } from '../../../src/core/entrypoints/entryPointQueries';
import { lines, rangeOf, scanOf } from './entryPointHelpers';

const graph = dockerfileFacts(lines('FROM golang AS build', 'FROM build AS debug', 'FROM alpine AS runtime')).graph;

/** What the editor asks of a scan: who builds a Dockerfile, where a stage is named, which Dockerfile a value opens. */
describe('entry-point queries', () => {
  const compose = lines(
    'services:',
    '  a:',
    '    build: { target: debug }',
    '  b:',
    '    build: .',
    '  c:',
    '    build: { context: other, target: debug }',
    '  d:',
    '    build: { dockerfile: Dockerfile, target: DEBUG }',
  );
  const bake = lines('target "_debug" {', '  target = "debug"', '}', 'target "x" { inherits = ["_debug"] }', 'target "y" { inherits = ["_debug"] }');

  it('lists the entry points of one Dockerfile, whatever the stage', () => {
    const scan = scanOf({ 'compose.yaml': compose });
    assert.deepEqual(entryPointsOfDockerfile(scan, './Dockerfile').map((entry) => entry.name), ['a', 'b', 'd']);
    assert.deepEqual(entryPointsOfDockerfile(scan, 'other/Dockerfile').map((entry) => entry.name), ['c']);
  });

  // Find All References: a target written once but inherited by several Bake targets is one reference; an entry
  // point without a target builds the last stage without naming it.
  it('gives each written target that names the stage once, in path and position order', () => {
    const scan = scanOf({ 'compose.yaml': compose, 'docker-bake.hcl': bake });
    assert.deepEqual(entryPointTargetReferences(scan, 'Dockerfile', graph, 1), [
      { path: 'compose.yaml', range: rangeOf(compose, 'debug') },
      { path: 'compose.yaml', range: rangeOf(compose, 'DEBUG') },
      { path: 'docker-bake.hcl', range: rangeOf(bake, 'debug', 1) },
    ]);
    assert.deepEqual(entryPointTargetReferences(scan, 'Dockerfile', graph, 2), []);
    assert.deepEqual(entryPointTargetReferences(scan, 'Dockerfile', graph, 0), []);
  });

  it('finds the dockerfile value under a position, only when it resolves to a file', () => {
    const text = lines('services:', '  a:', '    build: { context: app, dockerfile: build/app.Dockerfile }', '  b:', '    build: { dockerfile_inline: "FROM alpine" }');
    const scan = scanOf({ 'compose.yaml': text });
    const found = entryPointDockerfileAt(scan, 'compose.yaml', rangeOf(text, 'app.Dockerfile').start);
    assert.deepEqual([found?.name, found?.dockerfile], ['a', 'app/build/app.Dockerfile']);
    assert.equal(entryPointDockerfileAt(scan, 'compose.yaml', rangeOf(text, 'FROM alpine').start), null);
    assert.equal(entryPointDockerfileAt(scan, 'other.yaml', rangeOf(text, 'app.Dockerfile').start), null);
  });
});
