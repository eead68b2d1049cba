import * as assert from 'node:assert/strict';
import { entryPointFileKind, inSkippedFolder } from '../../../src/core/entrypoints/entryPointFileKind';
import { lines, rangeOf, scanOf, summary } from './entryPointHelpers';

/** Compose's build section (compose-spec build.md): context, dockerfile relative to it, target, args, overrides. */
describe('Compose entry points', () => {
  it('recognises Compose and Bake file names, overrides and variants', () => {
    const kinds = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml', 'compose.override.yaml', 'docker-compose.override.yml', 'compose.prod.yaml', 'docker-bake.hcl', 'docker-bake.json', 'docker-bake.override.hcl', 'docker-bake.ci.hcl', 'Dockerfile', 'compose.json', 'my-compose.yaml'].map((name) => {
      const kind = entryPointFileKind(`dir/${name}`);
      return kind && `${kind.tool}/${kind.syntax}/${kind.role}`;
    });
    assert.deepEqual(kinds, ['compose/yaml/base', 'compose/yaml/base', 'compose/yaml/base', 'compose/yaml/base', 'compose/yaml/override', 'compose/yaml/override', 'compose/yaml/variant', 'bake/hcl/base', 'bake/json/base', 'bake/hcl/override', 'bake/hcl/variant', null, null, null]);
  });

  it('skips files inside node_modules and .git, as the CLI and the editor search', () => {
    assert.deepEqual(
      ['node_modules/pkg/compose.yaml', 'app/.git/compose.yaml', 'app/compose.yaml', 'node_modules', '/work/my_node_modules/compose.yaml'].map(inSkippedFolder),
      [true, true, false, false, false],
    );
  });

  it('reads `build: PATH` as the context, with the Dockerfile named Dockerfile inside it and the last stage', () => {
    const scan = scanOf({ 'app/compose.yaml': lines('services:', '  web:', '    build: ./web', '  db:', '    image: postgres') });
    assert.deepEqual(scan.entries.map(summary), [{ name: 'compose:web', source: 'app/compose.yaml', context: 'app/web', dockerfile: 'app/web/Dockerfile', target: null, args: {} }]);
    assert.deepEqual(scan.entries[0].source.range, rangeOf(lines('services:', '  web:'), 'web'));
  });

  it('resolves dockerfile relative to the context, and reads target and both forms of args', () => {
    const text = lines(
      'services:',
      '  api:',
      '    build:',
      '      context: ../src',
      '      dockerfile: docker/api.Dockerfile',
      '      target: runtime',
      '      args:',
      '        GO_VERSION: "1.23"',
      '        DEBUG: 1.10',
      '  worker:',
      '    build:',
      '      context: .',
      '      args:',
      '        - MODE=batch',
      '        - TOKEN',
    );
    const scan = scanOf({ 'deploy/compose.yaml': text });
    assert.deepEqual(scan.entries.map(summary), [
      { name: 'compose:api', source: 'deploy/compose.yaml', context: 'src', dockerfile: 'src/docker/api.Dockerfile', target: 'runtime', args: { DEBUG: '1.10', GO_VERSION: '1.23' } },
      { name: 'compose:worker', source: 'deploy/compose.yaml', context: 'deploy', dockerfile: 'deploy/Dockerfile', target: null, args: { MODE: 'batch', TOKEN: null } },
    ]);
    const [api, worker] = scan.entries;
    assert.deepEqual(api.target, { value: 'runtime', location: { path: 'deploy/compose.yaml', range: rangeOf(text, 'runtime') }, literal: true, style: 'plain' });
    assert.deepEqual(api.args.find((arg) => arg.name === 'GO_VERSION')?.value?.location.range, rangeOf(text, '1.23'));
    assert.deepEqual(worker.args[0].nameLocation.range, rangeOf(text, 'MODE'));
    assert.deepEqual(worker.args[0].value?.location.range, rangeOf(text, 'batch'));
  });

  it('keeps the quoting of a target: a quoted literal is located between its quotes', () => {
    const text = lines('services:', '  a:', '    build:', '      target: "dev"', '  b:', "    build: { target: 'test' }");
    const [a, b] = scanOf({ 'compose.yaml': text }).entries;
    assert.deepEqual([a.target?.style, a.target?.location.range], ['double-quoted', rangeOf(text, 'dev')]);
    assert.deepEqual([b.target?.style, b.target?.location.range], ['single-quoted', rangeOf(text, 'test')]);
  });

  it('takes ${VAR:-default} defaults, and leaves a value only the environment knows unknown and not literal', () => {
    const text = lines('services:', '  a:', '    build:', '      context: ${DIR:-./app}', '      target: ${TARGET}', '      args:', '        V: ${VERSION-1.0}', '        PRICE: $$5');
    const [entry] = scanOf({ 'compose.yaml': text }).entries;
    assert.equal(entry.context, 'app');
    assert.deepEqual(entry.target, { value: null, location: { path: 'compose.yaml', range: rangeOf(text, '${TARGET}') }, literal: false, style: null });
    assert.deepEqual(summary(entry).args, { PRICE: '$5', V: '1.0' });
  });

  it('follows anchors and merge keys, the service keeping its own settings over merged ones', () => {
    const text = lines(
      'x-build: &build',
      '  context: ./svc',
      '  target: base',
      'services:',
      '  one:',
      '    build: *build',
      '  two:',
      '    build:',
      '      <<: *build',
      '      target: extra',
    );
    const scan = scanOf({ 'compose.yaml': text });
    assert.deepEqual(scan.entries.map((entry) => [entry.name, entry.dockerfile, entry.target?.value]), [['one', 'svc/Dockerfile', 'base'], ['two', 'svc/Dockerfile', 'extra']]);
    // The alias points at the anchor's own text: renaming there renames both users.
    assert.deepEqual(scan.entries[0].target?.location.range, rangeOf(text, 'base'));
  });

  it('merges compose.override.yaml over compose.yaml, field by field and arg by arg', () => {
    const scan = scanOf({
      'compose.yaml': lines('services:', '  api:', '    build:', '      context: api', '      args: { A: "1", B: "2" }', '  db:', '    image: postgres'),
      'compose.override.yaml': lines('services:', '  api:', '    build:', '      target: debug', '      args: { B: "3" }', '  db:', '    build: ./db'),
    });
    assert.deepEqual(scan.entries.map(summary), [
      { name: 'compose:api', source: 'compose.yaml', context: 'api', dockerfile: 'api/Dockerfile', target: 'debug', args: { A: '1', B: '3' } },
      { name: 'compose:db', source: 'compose.override.yaml', context: 'db', dockerfile: 'db/Dockerfile', target: null, args: {} },
    ]);
    assert.equal(scan.entries[0].target?.location.path, 'compose.override.yaml');
  });

  it('reads a compose.NAME.yaml variant on top of the base file, listing the services it mentions', () => {
    const scan = scanOf({
      'compose.yaml': lines('services:', '  api:', '    build: api', '  web:', '    build: web'),
      'compose.prod.yaml': lines('services:', '  api:', '    build:', '      target: prod'),
    });
    assert.deepEqual(scan.entries.map((entry) => [entry.name, entry.source.path, entry.dockerfile, entry.target?.value ?? null]), [
      ['api', 'compose.yaml', 'api/Dockerfile', null],
      ['web', 'compose.yaml', 'web/Dockerfile', null],
      ['api', 'compose.yaml', 'api/Dockerfile', 'prod'],
    ]);
  });

  it('has no Dockerfile path for a remote context or an inline Dockerfile', () => {
    const scan = scanOf({ 'compose.yaml': lines('services:', '  a:', '    build: https://github.com/docker/buildx.git', '  b:', '    build:', '      dockerfile_inline: |', '        FROM alpine') });
    assert.deepEqual(scan.entries.map((entry) => [entry.context, entry.dockerfile]), [[null, null], ['.', null]]);
  });

  it('reports malformed YAML as one diagnostic at its place, and no entries from that file', () => {
    const text = lines('services:', '  api:', '    build: [', '  db: x');
    const scan = scanOf({ 'compose.yaml': text });
    assert.deepEqual(scan.entries, []);
    assert.equal(scan.diagnostics.length > 0, true);
    assert.deepEqual(scan.diagnostics.map((item) => [item.path, item.diagnostic.severity, item.diagnostic.code]), scan.diagnostics.map(() => ['compose.yaml', 'error', 'stageflow.malformedEntryPointFile']));
    assert.equal(scan.diagnostics[0].diagnostic.range.start.line, 3);
  });

  it('reports settings of the wrong shape and keeps the other services', () => {
    const text = lines('services:', '  a:', '    build: [x]', '  b:', '    build:', '      args: 3', '  c:', '    build: c');
    const scan = scanOf({ 'compose.yaml': text });
    assert.deepEqual(scan.diagnostics.map((item) => [item.diagnostic.message, item.diagnostic.range]), [
      ['The build of service a must be a context path or a mapping', rangeOf(text, '[x]')],
      ['`args` of service b must be a mapping or a list of NAME=value', rangeOf(text, '3')],
    ]);
    assert.deepEqual(scan.entries.map((entry) => entry.name), ['b', 'c']);
  });

  it('ignores an empty file and one that is not a mapping of services', () => {
    const scan = scanOf({ 'a/compose.yaml': '', 'b/compose.yaml': 'services: []\n' });
    assert.deepEqual(scan.entries, []);
    assert.deepEqual(scan.diagnostics.map((item) => item.diagnostic.message), ['`services` must be a mapping of service names to their settings']);
  });
});
