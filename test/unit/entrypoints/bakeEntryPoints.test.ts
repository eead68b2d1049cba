import * as assert from 'node:assert/strict';
import { readEntryPoints } from '../../../src/core/entrypoints/readEntryPoints';
import { lines, rangeOf, scanOf, summary } from './entryPointHelpers';

/** Bake's rules (docker/buildx bake/bake.go, bake/hclparser): inherits, variables, groups, matrix, JSON files. */
describe('Bake entry points', () => {
  it('merges inherits in order, then the target own settings; args merge by name', () => {
    const text = lines(
      'target "_common" {',
      '  args = { A = "common", B = "common" }',
      '  dockerfile = "build/Dockerfile"',
      '}',
      'target "_debug" {',
      '  args = { B = "debug" }',
      '  target = "debug"',
      '}',
      'target "app" {',
      '  inherits = ["_common", "_debug"]',
      '  args = { C = "own" }',
      '}',
    );
    const app = scanOf({ 'docker-bake.hcl': text }).entries.find((entry) => entry.name === 'app')!;
    assert.deepEqual(summary(app), { name: 'bake:app', source: 'docker-bake.hcl', context: '.', dockerfile: 'build/Dockerfile', target: 'debug', args: { A: 'common', B: 'debug', C: 'own' } });
    assert.deepEqual(app.target?.location.range, rangeOf(text, 'debug', 2));
    assert.deepEqual(app.source.range, rangeOf(text, 'app'));
  });

  it('interpolates variable defaults, lets defaults use other variables, and overrides them with given values', () => {
    const text = lines(
      'variable "GO" { default = "1.23" }',
      'variable "IMAGE" { default = "golang:${GO}" }',
      'variable "STAGE" { default = "runtime" }',
      'variable "EMPTY" {}',
      'target "app" {',
      '  context = "./src"',
      '  target = STAGE',
      '  args = { BASE = IMAGE, GO_VERSION = GO, E = "x${EMPTY}" }',
      '}',
    );
    const [app] = readEntryPoints([{ path: 'docker-bake.hcl', text }]).entries;
    assert.deepEqual(summary(app), { name: 'bake:app', source: 'docker-bake.hcl', context: 'src', dockerfile: 'src/Dockerfile', target: 'runtime', args: { BASE: 'golang:1.23', E: 'x', GO_VERSION: '1.23' } });
    // A target set through a variable is located at the expression and is not a literal: rename cannot edit it.
    assert.deepEqual([app.target?.literal, app.target?.location.range], [false, rangeOf(text, 'STAGE', 1)]);
    const [overridden] = readEntryPoints([{ path: 'docker-bake.hcl', text }], { bakeVariables: { GO: '1.24' } }).entries;
    assert.equal(summary(overridden).args.BASE, 'golang:1.24');
  });

  it('treats null as unset: a null target keeps the inherited one, a null arg is dropped', () => {
    const text = lines(
      'variable "IMAGE_TARGET" { default = null }',
      'variable "DEBUG" { default = null }',
      'target "base" {',
      '  target = "binaries"',
      '  args = { DEBUG = "0" }',
      '}',
      'target "image" {',
      '  inherits = ["base"]',
      '  target = IMAGE_TARGET',
      '  args = { DEBUG = DEBUG, OTHER = DEBUG }',
      '}',
    );
    const image = scanOf({ 'docker-bake.hcl': text }).entries.find((entry) => entry.name === 'image')!;
    assert.deepEqual([image.target?.value, summary(image).args], ['binaries', { DEBUG: '0' }]);
  });

  it('expands groups, nested groups included, and keeps the value of an unknown expression unknown', () => {
    const scan = scanOf({
      'docker-bake.hcl': lines(
        'group "default" { targets = ["app", "tests"] }',
        'group "tests" { targets = ["unit", "lint"] }',
        'target "app" { target = md5("x") }',
        'target "unit" {}',
        'target "lint" {}',
      ),
    });
    assert.deepEqual(scan.groups.map((group) => [group.name, group.targets]), [['default', ['app', 'unit', 'lint']], ['tests', ['unit', 'lint']]]);
    assert.deepEqual(scan.entries[0].target && { value: scan.entries[0].target.value, literal: scan.entries[0].target.literal }, { value: null, literal: false });
  });

  it('expands a matrix into one target per combination, named by its name attribute', () => {
    const text = lines(
      'target "lint" {',
      '  name = "lint-${item.name}"',
      '  target = item.stage',
      '  matrix = {',
      '    item = [',
      '      { name = "go", stage = "golangci" },',
      '      { name = "yaml", stage = "yamllint" },',
      '    ]',
      '  }',
      '}',
      'target "unnamed" {',
      '  name = "x-${md5(v)}"',
      '  matrix = { v = ["a"] }',
      '}',
    );
    const scan = scanOf({ 'docker-bake.hcl': text });
    assert.deepEqual(scan.entries.map((entry) => [entry.name, entry.target?.value]), [['lint-go', 'golangci'], ['lint-yaml', 'yamllint']]);
  });

  it('reports an inherits that names no target, where it is written', () => {
    const text = lines('target "app" {', '  inherits = ["_comon"]', '}', 'target "_common" {}');
    const scan = scanOf({ 'docker-bake.hcl': text });
    assert.deepEqual(scan.diagnostics, [
      { path: 'docker-bake.hcl', diagnostic: { severity: 'error', code: 'stageflow.unknownBakeTarget', message: 'Target _comon is not defined in the Bake files', range: rangeOf(text, '_comon') } },
    ]);
  });

  it('survives an inherits cycle', () => {
    const scan = scanOf({ 'docker-bake.hcl': lines('target "a" {', '  inherits = ["b"]', '  target = "x"', '}', 'target "b" {', '  inherits = ["a"]', '}') });
    assert.deepEqual(scan.entries.map((entry) => [entry.name, entry.target?.value ?? null]), [['a', 'x'], ['b', 'x']]);
  });

  it('reads docker-bake.json like HCL: strings interpolate, plain strings are located between their quotes', () => {
    const text = '{\n  "variable": { "TAG": { "default": "dev" } },\n  "group": { "default": { "targets": ["app"] } },\n  "target": {\n    "app": { "target": "runtime", "args": { "TAG": "v-${TAG}" } }\n  }\n}\n';
    const scan = scanOf({ 'docker-bake.json': text });
    assert.deepEqual(scan.entries.map(summary), [{ name: 'bake:app', source: 'docker-bake.json', context: '.', dockerfile: 'Dockerfile', target: 'runtime', args: { TAG: 'v-dev' } }]);
    assert.deepEqual(scan.entries[0].target?.location.range, rangeOf(text, 'runtime'));
    assert.deepEqual(scan.entries[0].source.range, rangeOf(text, 'app', 1));
    assert.deepEqual(scan.groups.map((group) => group.targets), [['app']]);
  });

  it('merges docker-bake.override.hcl over docker-bake.hcl, and reads a variant on top of both', () => {
    const scan = scanOf({
      'docker-bake.hcl': lines('variable "T" { default = "prod" }', 'target "app" {', '  target = T', '  args = { A = "1" }', '}'),
      'docker-bake.override.hcl': lines('variable "T" { default = "dev" }', 'target "app" {', '  args = { B = "2" }', '}'),
      'docker-bake.ci.hcl': lines('target "app" {', '  target = "ci"', '}', 'target "other" {}'),
    });
    assert.deepEqual(scan.entries.map(summary), [
      { name: 'bake:app', source: 'docker-bake.hcl', context: '.', dockerfile: 'Dockerfile', target: 'dev', args: { A: '1', B: '2' } },
      { name: 'bake:app', source: 'docker-bake.hcl', context: '.', dockerfile: 'Dockerfile', target: 'ci', args: { A: '1', B: '2' } },
      { name: 'bake:other', source: 'docker-bake.ci.hcl', context: '.', dockerfile: 'Dockerfile', target: null, args: {} },
    ]);
  });

  it('reports a malformed Bake file and keeps the targets before the error', () => {
    const text = lines('target "ok" {}', 'target "bad" {', '  target = "x', '}');
    const scan = scanOf({ 'docker-bake.hcl': text, 'sub/docker-bake.json': '{"target": ' });
    assert.deepEqual(scan.entries.map((entry) => entry.name), ['ok']);
    assert.deepEqual(scan.diagnostics.map((item) => [item.path, item.diagnostic.code, item.diagnostic.range.start.line]), [
      ['docker-bake.hcl', 'stageflow.malformedEntryPointFile', 2],
      ['sub/docker-bake.json', 'stageflow.malformedEntryPointFile', 0],
    ]);
  });

  it('has no Dockerfile for an inline one or a remote context', () => {
    const scan = scanOf({ 'docker-bake.hcl': lines('target "a" {', '  dockerfile-inline = "FROM alpine"', '}', 'target "b" {', '  context = "https://github.com/docker/buildx.git"', '}') });
    assert.deepEqual(scan.entries.map((entry) => entry.dockerfile), [null, null]);
  });
});
