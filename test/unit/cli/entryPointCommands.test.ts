import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPOSITORY, StageflowProcess } from './stageflowProcess';

const EXAMPLE = path.join(REPOSITORY, 'examples/compose-bake');

/** The diagnostics the example carries on purpose: a misspelt Compose target and an undeclared Bake build arg. */
const EXAMPLE_DIAGNOSTICS =
  'compose.yaml:24:15: error stageflow.unknownTarget: Target tset of service tests is no stage of Dockerfile (did you mean test?)\n' +
  'docker-bake.hcl:43:5: warning stageflow.undeclaredBuildArg: Build arg GOFLAGS of target unit-tests is not declared by any ARG in Dockerfile, so it has no effect\n';

/** `stageflow targets` and `stageflow rename-stage` (issue 11) on examples/compose-bake and copies of it. */
describe('stageflow targets and rename-stage', () => {
  let cli: StageflowProcess;
  let scratch: string;

  before(async () => {
    cli = await StageflowProcess.build();
    scratch = mkdtempSync(path.join(tmpdir(), 'stageflow-entrypoints-'));
  });

  after(() => {
    cli.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A fresh copy of the example (inside a folder with `.git`, so rename-stage stops there). */
  function exampleCopy(name: string): string {
    const folder = path.join(scratch, name);
    cpSync(EXAMPLE, folder, { recursive: true });
    mkdirSync(path.join(folder, '.git'));
    return folder;
  }

  it('prints every entry point of a folder as JSON, paths relative to it, and the problems on stderr (exit 1)', () => {
    const result = cli.run(['targets', 'examples/compose-bake']);
    assert.equal(result.status, 1);
    assert.equal(result.stderr, EXAMPLE_DIAGNOSTICS);
    const shared = { GO_VERSION: '1.23', VERSION: '1.4.0' };
    assert.deepEqual(JSON.parse(result.stdout), {
      entries: [
        { kind: 'compose', name: 'api', source: 'compose.yaml', line: 2, dockerfile: 'Dockerfile', target: null, stage: 4, args: { VERSION: '1.4.0' } },
        { kind: 'compose', name: 'api-debug', source: 'compose.yaml', line: 10, dockerfile: 'Dockerfile', target: 'debug', stage: 3, args: { GO_VERSION: null, VERSION: '1.4.0-debug' } },
        { kind: 'compose', name: 'tests', source: 'compose.yaml', line: 20, dockerfile: 'Dockerfile', target: 'tset', stage: null, args: {} },
        { kind: 'bake', name: '_common', source: 'docker-bake.hcl', line: 18, dockerfile: 'Dockerfile', target: null, stage: 4, args: shared },
        { kind: 'bake', name: 'app', source: 'docker-bake.hcl', line: 25, dockerfile: 'Dockerfile', target: 'runtime', stage: 4, args: shared },
        { kind: 'bake', name: 'app-debug', source: 'docker-bake.hcl', line: 31, dockerfile: 'Dockerfile', target: 'debug', stage: 3, args: shared },
        { kind: 'bake', name: 'unit-tests', source: 'docker-bake.hcl', line: 37, dockerfile: 'Dockerfile', target: 'test', stage: 2, args: { GOFLAGS: '-race', ...shared } },
      ],
    });
    // The shape is exactly the issue's, key order included.
    assert.match(result.stdout, /^\{\n {2}"entries": \[\n {4}\{\n {6}"kind": "compose",\n {6}"name": "api",\n {6}"source": "compose.yaml",\n {6}"line": 2,\n {6}"dockerfile": "Dockerfile",\n {6}"target": null,\n {6}"stage": 4,\n {6}"args": \{/);
  });

  it('prints one line per entry point with --format text', () => {
    const result = cli.run(['targets', '--format', 'text'], { cwd: EXAMPLE });
    assert.deepEqual(result, {
      status: 1,
      stdout: [
        'compose.yaml:2: compose api builds Dockerfile stage 4 (the last) with VERSION=1.4.0',
        'compose.yaml:10: compose api-debug builds Dockerfile stage 3 (debug) with GO_VERSION VERSION=1.4.0-debug',
        'compose.yaml:20: compose tests builds Dockerfile target tset (no such stage)',
        'docker-bake.hcl:18: bake _common builds Dockerfile stage 4 (the last) with GO_VERSION=1.23 VERSION=1.4.0',
        'docker-bake.hcl:25: bake app builds Dockerfile stage 4 (runtime) with GO_VERSION=1.23 VERSION=1.4.0',
        'docker-bake.hcl:31: bake app-debug builds Dockerfile stage 3 (debug) with GO_VERSION=1.23 VERSION=1.4.0',
        'docker-bake.hcl:37: bake unit-tests builds Dockerfile stage 2 (test) with GOFLAGS=-race GO_VERSION=1.23 VERSION=1.4.0',
        '',
      ].join('\n'),
      stderr: EXAMPLE_DIAGNOSTICS,
    });
  });

  it('finds files in subfolders, skips node_modules, and exits 0 when nothing is wrong', () => {
    const folder = path.join(scratch, 'nested');
    mkdirSync(path.join(folder, 'svc'), { recursive: true });
    mkdirSync(path.join(folder, 'node_modules/dep'), { recursive: true });
    writeFileSync(path.join(folder, 'svc/compose.yaml'), 'services:\n  web:\n    build: { context: ., target: web }\n');
    writeFileSync(path.join(folder, 'svc/Dockerfile'), 'FROM nginx AS web\n');
    writeFileSync(path.join(folder, 'node_modules/dep/compose.yaml'), 'services:\n  x:\n    build: .\n');
    assert.deepEqual(cli.run(['targets', folder, '--format=text']), { status: 0, stdout: 'svc/compose.yaml:2: compose web builds svc/Dockerfile stage 0 (web)\n', stderr: '' });
  });

  it('reports a malformed Compose file on stderr and exits 1, listing the rest', () => {
    const folder = path.join(scratch, 'malformed');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'compose.yaml'), 'services:\n  a: [\n');
    writeFileSync(path.join(folder, 'docker-bake.hcl'), 'target "b" {}\n');
    const result = cli.run(['targets', folder, '--format', 'text']);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, 'docker-bake.hcl:1: bake b builds Dockerfile (not found)\n');
    assert.match(result.stderr, /^compose\.yaml:3:1: error stageflow\.malformedEntryPointFile: /);
  });

  const usage: [string[], string][] = [
    [['targets', 'a', 'b'], `stageflow: 'targets' takes one directory, got 2`],
    [['targets', '--format', 'yaml'], `stageflow: unknown format 'yaml' (expected json, text)`],
    [['targets', 'no-such-folder'], `stageflow: cannot read 'no-such-folder': no such directory`],
    [['targets', 'package.json'], `stageflow: 'package.json' is not a directory`],
    [['rename-stage', 'examples/compose-bake/Dockerfile', 'debug'], `stageflow: 'rename-stage' takes FILE OLD NEW, got 2 arguments`],
    [['rename-stage', '-', 'a', 'b'], `stageflow: 'rename-stage' needs a file, not stdin (the files beside it are searched)`],
    [['rename-stage', 'examples/compose-bake/Dockerfile', 'nope', 'x'], `stageflow: no stage is named 'nope'`],
    [['rename-stage', 'examples/compose-bake/missing', 'a', 'b'], `stageflow: cannot read 'examples/compose-bake/missing': no such file`],
  ];
  for (const [args, line] of usage) {
    it(`refuses \`stageflow ${args.join(' ')}\` in one line, exit 2`, () => {
      assert.deepEqual(cli.run(args), { status: 2, stdout: '', stderr: `${line}\n` });
    });
  }

  it('prints what rename-stage would change in the Dockerfile, compose.yaml and docker-bake.hcl, changing nothing', () => {
    const folder = exampleCopy('dry-run');
    const before = readFileSync(path.join(folder, 'compose.yaml'), 'utf8');
    assert.deepEqual(cli.run(['rename-stage', 'Dockerfile', 'debug', 'debugger'], { cwd: folder }), {
      status: 0,
      stdout: ['Dockerfile:20:15: debug -> debugger', 'compose.yaml:13:15: debug -> debugger', 'docker-bake.hcl:33:15: debug -> debugger', ''].join('\n'),
      stderr: '',
    });
    assert.equal(readFileSync(path.join(folder, 'compose.yaml'), 'utf8'), before);
  });

  it('rewrites every file with --write, and follows a Dockerfile in a subfolder up to the Compose file above it', () => {
    const folder = exampleCopy('write');
    mkdirSync(path.join(folder, 'api'));
    writeFileSync(path.join(folder, 'api/Dockerfile'), 'FROM golang AS build\nFROM alpine AS runtime\nCOPY --from=build /x /x\n');
    writeFileSync(path.join(folder, 'compose.override.yaml'), 'services:\n  other:\n    build:\n      context: api\n      target: "build"\n');
    assert.deepEqual(cli.run(['rename-stage', 'api/Dockerfile', 'build', 'compile', '--write'], { cwd: folder }), { status: 0, stdout: '', stderr: '' });
    assert.equal(readFileSync(path.join(folder, 'api/Dockerfile'), 'utf8'), 'FROM golang AS compile\nFROM alpine AS runtime\nCOPY --from=compile /x /x\n');
    assert.equal(readFileSync(path.join(folder, 'compose.override.yaml'), 'utf8'), 'services:\n  other:\n    build:\n      context: api\n      target: "compile"\n');
    // compose.yaml's services build ./Dockerfile, whose stage "build" is another one: untouched.
    assert.equal(readFileSync(path.join(folder, 'compose.yaml'), 'utf8'), readFileSync(path.join(EXAMPLE, 'compose.yaml'), 'utf8'));
  });

  it('refuses a rename BuildKit would not accept, in one line with exit 1, writing nothing', () => {
    const folder = exampleCopy('refused');
    assert.deepEqual(cli.run(['rename-stage', 'Dockerfile', 'debug', 'Not Valid', '--write'], { cwd: folder }), {
      status: 1,
      stdout: '',
      stderr: `stageflow: Dockerfile: 'Not Valid' is not a valid stage name: it must start with a letter and contain only letters, digits, '-', '_' and '.'.\n`,
    });
    assert.equal(readFileSync(path.join(folder, 'Dockerfile'), 'utf8'), readFileSync(path.join(EXAMPLE, 'Dockerfile'), 'utf8'));
  });

  it('notes a target written through a variable, which it leaves alone', () => {
    const folder = exampleCopy('variable');
    writeFileSync(path.join(folder, 'docker-bake.override.hcl'), 'variable "T" { default = "test" }\ntarget "more" { target = T }\n');
    assert.deepEqual(cli.run(['rename-stage', 'Dockerfile', 'test', 'unit'], { cwd: folder }), {
      status: 0,
      stdout: ['Dockerfile:15:20: test -> unit', 'docker-bake.hcl:39:15: test -> unit', ''].join('\n'),
      stderr: 'stageflow: docker-bake.override.hcl:2:26: The target of target more is not written as a plain name, so it is left as it is\n',
    });
  });
});
