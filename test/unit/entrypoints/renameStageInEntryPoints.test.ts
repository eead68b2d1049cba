import * as assert from 'node:assert/strict';
import { dockerfileFacts } from '../../../src/core/entrypoints/dockerfileFacts';
import { renameStageInEntryPoints } from '../../../src/core/entrypoints/renameStageInEntryPoints';
import { applyTextEdits } from '../../../src/core/refactor/applyTextEdits';
import { lines, rangeOf, scanOf } from './entryPointHelpers';

const graph = dockerfileFacts(lines('FROM golang AS build', 'FROM build AS debug', 'FROM alpine AS runtime')).graph;

/** Applies the edits to the inline files and returns every file's text after the rename. */
function renamed(files: Record<string, string>, stage: number, newName: string, dockerfile = 'Dockerfile') {
  const result = renameStageInEntryPoints(scanOf(files), dockerfile, graph, stage, newName);
  const texts = { ...files };
  for (const change of result.files) texts[change.path] = applyTextEdits(texts[change.path], change.edits);
  return { texts, skipped: result.skipped };
}

/** A stage rename followed into every Compose and Bake target that names the stage, each in its own quoting. */
describe('renameStageInEntryPoints', () => {
  it('edits plain, double- and single-quoted Compose targets, matched case-insensitively, and nothing else', () => {
    const compose = lines('services:', '  a:', '    build: { target: debug }', '  b:', '    build: { target: "Debug" }', "  c:", "    build: { target: 'debug' }", '  d:', '    build: { target: build }');
    const { texts, skipped } = renamed({ 'compose.yaml': compose }, 1, 'dev');
    assert.equal(texts['compose.yaml'], lines('services:', '  a:', '    build: { target: dev }', '  b:', '    build: { target: "dev" }', "  c:", "    build: { target: 'dev' }", '  d:', '    build: { target: build }'));
    assert.deepEqual(skipped, []);
  });

  it('quotes a plain YAML target when the new name would read as something else than a string', () => {
    const { texts } = renamed({ 'compose.yaml': lines('services:', '  a:', '    build:', '      target: debug') }, 1, 'null');
    assert.equal(texts['compose.yaml'], lines('services:', '  a:', '    build:', '      target: "null"'));
  });

  it('edits Bake HCL and JSON targets once each, even when several targets inherit them', () => {
    const hcl = lines('target "_debug" {', '  target = "debug"', '}', 'target "a" { inherits = ["_debug"] }', 'target "b" { inherits = ["_debug"] }');
    const json = '{"target": {"x": {"target": "debug"}, "y": {"target": "runtime"}}}\n';
    const { texts } = renamed({ 'docker-bake.hcl': hcl, 'docker-bake.json': json }, 1, 'debugger');
    assert.equal(texts['docker-bake.hcl'], hcl.replace('"debug"', '"debugger"'));
    assert.equal(texts['docker-bake.json'], json.replace('"debug"', '"debugger"'));
  });

  it('leaves targets written through a variable, and says where they are', () => {
    const hcl = lines('variable "T" { default = "debug" }', 'target "a" { target = T }', 'target "b" { target = "${T}" }');
    const { texts, skipped } = renamed({ 'docker-bake.hcl': hcl }, 1, 'dev');
    assert.equal(texts['docker-bake.hcl'], hcl);
    assert.deepEqual(skipped.map((item) => item.location.range), [rangeOf(hcl, 'T', 1), rangeOf(hcl, '"${T}"')]);
    assert.equal(skipped[0].reason, 'The target of target a is not written as a plain name, so it is left as it is');
  });

  it('only follows entry points that build this Dockerfile', () => {
    const compose = lines('services:', '  a:', '    build: { context: other, target: debug }', '  b:', '    build: { dockerfile: Dockerfile, target: debug }');
    const { texts } = renamed({ 'app/compose.yaml': compose }, 1, 'dev', 'app/Dockerfile');
    assert.equal(texts['app/compose.yaml'], compose.replace('Dockerfile, target: debug', 'Dockerfile, target: dev'));
  });

  it('edits a target shared through a YAML anchor once, at the anchor', () => {
    const compose = lines('x: &b', '  target: debug', 'services:', '  a:', '    build: *b', '  c:', '    build:', '      <<: *b');
    const { texts } = renamed({ 'compose.yaml': compose }, 1, 'dev');
    assert.equal(texts['compose.yaml'], compose.replace('target: debug', 'target: dev'));
  });
});
