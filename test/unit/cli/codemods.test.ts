import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { StageflowProcess } from './stageflowProcess';

const lines = (all: string[]) => all.join('\n') + '\n';

const goService = readFileSync('examples/go-service.Dockerfile', 'utf8');
const goServiceNamed = goService.replace('FROM golang:1.22-alpine\n', 'FROM golang:1.22-alpine AS build\n').replace('COPY --from=0 ', 'COPY --from=build ');

const nodeStages = lines([
  'FROM node:20-alpine AS deps',
  'WORKDIR /app',
  'RUN npm ci',
  'FROM node:20-alpine AS build',
  'WORKDIR /app',
  'RUN npm ci',
  'RUN npm run build',
]);

/** The refactoring codemods: print the new Dockerfile, or rewrite it with --write; a refusal is one line and exit 1. */
describe('stageflow codemods', () => {
  let cli: StageflowProcess;
  let scratch: string;

  before(async () => {
    cli = await StageflowProcess.build();
    scratch = mkdtempSync(path.join(tmpdir(), 'stageflow-codemods-'));
  });

  after(() => {
    cli.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  function file(name: string, text: string | Buffer): string {
    const full = path.join(scratch, name);
    writeFileSync(full, text);
    return full;
  }

  describe('name-stages', () => {
    it('prints the Dockerfile with every numeric stage named', () => {
      assert.deepEqual(cli.run(['name-stages', 'examples/go-service.Dockerfile']), { status: 0, stdout: goServiceNamed, stderr: '' });
    });

    it('reads stdin with -', () => {
      assert.deepEqual(cli.run(['name-stages', '-'], { input: goService }), { status: 0, stdout: goServiceNamed, stderr: '' });
    });

    it('rewrites the file in place with --write, keeping a byte order mark', () => {
      const target = file('bom.Dockerfile', '\ufeff' + goService);
      assert.deepEqual(cli.run(['name-stages', target, '--write']), { status: 0, stdout: '', stderr: '' });
      assert.equal(readFileSync(target, 'utf8'), '\ufeff' + goServiceNamed);
    });

    it('also rewrites numeric references to named stages (--from=0 where stage 0 is base becomes --from=base)', () => {
      const text = lines(['FROM golang:1.22 AS base', 'RUN go build -o /app .', 'FROM alpine', 'COPY --from=0 /app /app']);
      assert.deepEqual(cli.run(['name-stages', '-'], { input: text }), {
        status: 0,
        stdout: lines(['FROM golang:1.22 AS base', 'RUN go build -o /app .', 'FROM alpine', 'COPY --from=base /app /app']),
        stderr: '',
      });
    });

    it('with nothing to rename, prints the file unchanged, exits 0 and says so on stderr; --write leaves the file alone', () => {
      const text = lines(['FROM alpine AS a', 'FROM alpine', 'COPY --from=a /x /x']);
      const target = file('named.Dockerfile', text);
      const note = `stageflow: ${target}: Nothing to rename: no stage is referenced by index.\n`;
      assert.deepEqual(cli.run(['name-stages', target]), { status: 0, stdout: text, stderr: note });
      assert.deepEqual(cli.run(['name-stages', target, '--write']), { status: 0, stdout: '', stderr: note });
      assert.equal(readFileSync(target, 'utf8'), text);
    });

    it('refuses in one line on stderr with exit 1 and writes nothing', () => {
      const text = lines(['FROM alpine', 'COPY --from=0 /x /x']);
      const target = file('cycle.Dockerfile', text);
      assert.deepEqual(cli.run(['name-stages', target, '--write']), {
        status: 1,
        stdout: '',
        stderr: `stageflow: ${target}: BuildKit rejects this file (circular dependency detected on stage: stage-0); fix that first\n`,
      });
      assert.equal(readFileSync(target, 'utf8'), text);
    });

    it('needs a file, not stdin, to write to', () => {
      assert.deepEqual(cli.run(['name-stages', '-', '--write']), { status: 2, stdout: '', stderr: `stageflow: '--write' needs a file, not stdin\n` });
    });
  });

  describe('extract-stage', () => {
    it('prints the Dockerfile split before line N', () => {
      const target = file('split.Dockerfile', nodeStages);
      assert.deepEqual(cli.run(['extract-stage', target, '--line', '3', '--name', 'workdir']), {
        status: 0,
        stdout: lines(['FROM node:20-alpine AS workdir', 'WORKDIR /app', '', 'FROM workdir AS deps', 'RUN npm ci', 'FROM node:20-alpine AS build', 'WORKDIR /app', 'RUN npm ci', 'RUN npm run build']),
        stderr: '',
      });
    });

    it('refuses to split at the FROM itself, writing nothing', () => {
      const target = file('split-from.Dockerfile', nodeStages);
      assert.deepEqual(cli.run(['extract-stage', target, '--line', '1', '--name', 'x', '--write']), {
        status: 1,
        stdout: '',
        stderr: `stageflow: ${target}: The split point is the FROM itself; pick an instruction below it\n`,
      });
      assert.equal(readFileSync(target, 'utf8'), nodeStages);
    });

    it('treats a missing --name or a bad --line as usage errors (exit 2)', () => {
      assert.deepEqual(cli.run(['extract-stage', 'examples/go-service.Dockerfile', '--line', '5']), {
        status: 2,
        stdout: '',
        stderr: `stageflow: 'extract-stage' needs --name\n`,
      });
      assert.deepEqual(cli.run(['extract-stage', 'examples/go-service.Dockerfile', '--line', '0', '--name', 'x']), {
        status: 2,
        stdout: '',
        stderr: `stageflow: option '--line' needs a line number from 1, got '0'\n`,
      });
    });
  });

  describe('extract-base', () => {
    const shared = lines(['FROM node:20-alpine AS node-base', 'WORKDIR /app', 'RUN npm ci', '', 'FROM node-base AS deps', 'FROM node-base AS build', 'RUN npm run build']);

    it('rewrites the file with the shared base, stages given by name', () => {
      const target = file('base.Dockerfile', nodeStages);
      assert.deepEqual(cli.run(['extract-base', target, '--stages', 'deps,build', '--name', 'node-base', '--write']), { status: 0, stdout: '', stderr: '' });
      assert.equal(readFileSync(target, 'utf8'), shared);
    });

    it('takes stage indexes too', () => {
      const target = file('base-index.Dockerfile', nodeStages);
      assert.deepEqual(cli.run(['extract-base', target, '--stages', '0,1', '--name', 'node-base']), { status: 0, stdout: shared, stderr: '' });
    });

    it('refuses stages with different bases with exit 1', () => {
      const target = file('base-different.Dockerfile', lines(['FROM alpine AS a', 'RUN x', 'FROM debian AS b', 'RUN x']));
      assert.deepEqual(cli.run(['extract-base', target, '--stages', 'a,b', '--name', 'base']), {
        status: 1,
        stdout: '',
        stderr: `stageflow: ${target}: a and b start from different bases (alpine, debian)\n`,
      });
    });

    it('reports an unknown stage as a usage error (exit 2)', () => {
      assert.deepEqual(cli.run(['extract-base', 'examples/go-service.Dockerfile', '--stages', 'a,b', '--name', 'base']), {
        status: 2,
        stdout: '',
        stderr: `stageflow: no stage is named 'a'\n`,
      });
    });
  });
});
