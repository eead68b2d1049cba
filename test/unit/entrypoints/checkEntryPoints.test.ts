import * as assert from 'node:assert/strict';
import { checkEntryPoints } from '../../../src/core/entrypoints/checkEntryPoints';
import { dockerfileFacts, type DockerfileFacts } from '../../../src/core/entrypoints/dockerfileFacts';
import { entryPointsBuildingStage, entryPointTargetAt } from '../../../src/core/entrypoints/entryPointQueries';
import { entryPointStage } from '../../../src/core/entrypoints/entryPointStage';
import { lines, rangeOf, scanOf } from './entryPointHelpers';

const dockerfile = lines('ARG GO_VERSION=1.23', 'FROM golang:${GO_VERSION} AS build', 'ARG VERSION', 'RUN go build', 'FROM build AS test', 'ONBUILD ARG LATE', 'FROM alpine AS Runtime');
const facts = (text = dockerfile) => new Map<string, DockerfileFacts>([['Dockerfile', dockerfileFacts(text)]]);

/** Targets resolve like `docker build --target` (SEMANTICS.md, "What gets built"); args against the ARGs declared. */
describe('checking entry points against their Dockerfile', () => {
  it('resolves a target case-insensitively, and no target to the last stage', () => {
    const scan = scanOf({ 'compose.yaml': lines('services:', '  a:', '    build: { target: TEST }', '  b:', '    build: .', '  c:', '    build: { target: runtime }') });
    const graph = facts().get('Dockerfile')!.graph;
    assert.deepEqual(scan.entries.map((entry) => entryPointStage(entry, graph)), [1, 2, 2]);
  });

  it('takes the last of duplicate stage names, as BuildKit keeps the last in its name table', () => {
    const graph = dockerfileFacts(lines('FROM alpine AS x', 'FROM alpine AS x', 'FROM alpine')).graph;
    const [entry] = scanOf({ 'compose.yaml': lines('services:', '  a:', '    build: { target: x }') }).entries;
    assert.equal(entryPointStage(entry, graph), 1);
  });

  it('reports a target that is no stage, with the closest name and a certain fix for a literal', () => {
    const text = lines('services:', '  api:', '    build:', '      target: tset');
    const scan = scanOf({ 'compose.yaml': text });
    assert.deepEqual(checkEntryPoints(scan, (path) => facts().get(path)), [
      {
        path: 'compose.yaml',
        diagnostic: {
          severity: 'error',
          code: 'stageflow.unknownTarget',
          message: 'Target tset of service api is no stage of Dockerfile (did you mean test?)',
          range: rangeOf(text, 'tset'),
          fix: { title: 'Change the target to test', replacement: 'test' },
        },
      },
    ]);
  });

  it('offers no fix when the target is not written as a literal, nor a suggestion when nothing is close', () => {
    const text = lines('variable "T" { default = "tset" }', 'target "a" { target = T }', 'target "b" { target = "production" }');
    const diagnostics = checkEntryPoints(scanOf({ 'docker-bake.hcl': text }), (path) => facts().get(path));
    assert.deepEqual(diagnostics.map(({ diagnostic }) => [diagnostic.message, diagnostic.range, diagnostic.fix]), [
      ['Target tset of target a is no stage of Dockerfile (did you mean test?)', rangeOf(text, 'T', 1), undefined],
      ['Target production of target b is no stage of Dockerfile', rangeOf(text, 'production'), undefined],
    ]);
  });

  it('warns about a build arg no ARG declares, but not about declared, ONBUILD or BuildKit-predefined ones', () => {
    const text = lines(
      'services:',
      '  api:',
      '    build:',
      '      args: [GO_VERSION=1.24, VERSION=2, LATE=1, http_proxy=x, BUILDKIT_CONTEXT_KEEP_GIT_DIR=1, GOFLAGS=-race]',
    );
    assert.deepEqual(checkEntryPoints(scanOf({ 'compose.yaml': text }), (path) => facts().get(path)), [
      {
        path: 'compose.yaml',
        diagnostic: {
          severity: 'warning',
          code: 'stageflow.undeclaredBuildArg',
          message: 'Build arg GOFLAGS of service api is not declared by any ARG in Dockerfile, so it has no effect',
          range: rangeOf(text, 'GOFLAGS'),
        },
      },
    ]);
  });

  it('names the Dockerfile as seen from the file the problem is in, however the caller gives paths', () => {
    const text = lines('services:', '  api:', '    build: { context: ../docker, target: tset, args: [GOFLAGS=-race] }');
    const dockerfiles = new Map([['/work/docker/Dockerfile', dockerfileFacts(dockerfile)]]);
    const messages = checkEntryPoints(scanOf({ '/work/app/compose.yaml': text }), (path) => dockerfiles.get(path)).map(({ diagnostic }) => diagnostic.message);
    assert.deepEqual(messages, [
      'Target tset of service api is no stage of ../docker/Dockerfile (did you mean test?)',
      'Build arg GOFLAGS of service api is not declared by any ARG in ../docker/Dockerfile, so it has no effect',
    ]);
  });

  it('reports a value shared through inherits once, where it is written', () => {
    const text = lines('target "_common" {', '  args = { NOPE = "1" }', '  target = "buld"', '}', 'target "a" { inherits = ["_common"] }', 'target "b" { inherits = ["_common"] }');
    const diagnostics = checkEntryPoints(scanOf({ 'docker-bake.hcl': text }), (path) => facts().get(path));
    assert.deepEqual(diagnostics.map(({ diagnostic }) => [diagnostic.code, diagnostic.range]), [
      ['stageflow.unknownTarget', rangeOf(text, 'buld')],
      ['stageflow.undeclaredBuildArg', rangeOf(text, 'NOPE')],
    ]);
  });

  it('checks nothing for a Dockerfile the caller does not have, or a target only the environment knows', () => {
    const scan = scanOf({ 'compose.yaml': lines('services:', '  a:', '    build: { target: nope, args: [X=1] }', '  b:', '    build: { context: other, target: "${T}" }') });
    assert.deepEqual(checkEntryPoints(scan, () => undefined), []);
    assert.deepEqual(checkEntryPoints(scanOf({ 'compose.yaml': lines('services:', '  b:', '    build: { target: "${T}" }') }), (path) => facts().get(path)), []);
  });

  it('finds the entry points that build a stage, and the one whose target is under the cursor', () => {
    const text = lines('services:', '  a:', '    build: { target: build }', '  b:', '    build: .', '  c:', '    build: { context: elsewhere, target: build }');
    const scan = scanOf({ 'compose.yaml': text });
    const graph = facts().get('Dockerfile')!.graph;
    assert.deepEqual(entryPointsBuildingStage(scan, 'Dockerfile', graph, 0).map((entry) => entry.name), ['a']);
    assert.deepEqual(entryPointsBuildingStage(scan, './Dockerfile', graph, 2).map((entry) => entry.name), ['b']);
    assert.equal(entryPointTargetAt(scan, 'compose.yaml', rangeOf(text, 'build }').start)?.name, 'a');
    assert.equal(entryPointTargetAt(scan, 'compose.yaml', { line: 0, character: 0 }), null);
  });
});
