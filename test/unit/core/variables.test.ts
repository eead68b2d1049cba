/** SEMANTICS.md "Variables": meta ARGs and built-ins in FROM and --platform (`dockerfile2llb/convert.go`, `platform.go`). */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { diagnosticLines, edgeLines, stageLines, verdict } from './graphText';

const buildKitChecks = (code: string) => !code.startsWith('stageflow.');

describe('variables in FROM', () => {
  it('expands meta ARGs (declared before the first FROM) with their defaults and shell modifiers', () => {
    const graph = buildStageGraph('ARG REG=docker.io/library\nARG VERSION=3.19.1\nFROM ${REG}/alpine:${VERSION%.*}\n');
    assert.deepEqual(
      graph.stages.map((s) => [s.rawBaseName, s.baseName, s.baseImage]),
      [['${REG}/alpine:${VERSION%.*}', 'docker.io/library/alpine:3.19', 'docker.io/library/alpine:3.19']],
    );
    assert.deepEqual(
      graph.metaArgs.map((a) => [a.name, a.default, a.line]),
      [
        ['REG', 'docker.io/library', 1],
        ['VERSION', '3.19.1', 2],
      ],
    );
  });

  it('lets --build-arg override a meta ARG, and expands later defaults with it', () => {
    const text = 'ARG V=3.18\nARG IMAGE=alpine:$V\nFROM $IMAGE\n';
    assert.equal(buildStageGraph(text).stages[0].baseName, 'alpine:3.18');
    assert.equal(buildStageGraph(text, { buildArgs: { V: '3.20' } }).stages[0].baseName, 'alpine:3.20');
    assert.equal(buildStageGraph(text, { buildArgs: { IMAGE: 'debian' } }).stages[0].baseName, 'debian');
  });

  it('resolves an ARG that names a stage to that stage', () => {
    const graph = buildStageGraph('ARG BASE=builder\nFROM alpine AS builder\nFROM ${BASE}\n');
    assert.deepEqual(edgeLines(graph).slice(1), ['from stage 0 -> 1 via name "builder" line 3']);
  });

  it('provides the BUILD* and TARGET* built-ins, from the build and target platforms', () => {
    const text = 'FROM --platform=$BUILDPLATFORM golang AS build\nFROM alpine:$TARGETARCH-$TARGETOS-$BUILDARCH-$TARGETSTAGE\n';
    const graph = buildStageGraph(text, { buildPlatform: 'linux/arm64', targetPlatform: 'linux/riscv64' });
    assert.deepEqual(
      graph.stages.map((s) => [s.platform, s.baseName]),
      [
        ['linux/arm64', 'golang'],
        [null, 'alpine:riscv64-linux-arm64-default'],
      ],
    );
    assert.equal(buildStageGraph(text, { target: 'build' }).stages[1].baseName, 'alpine:amd64-linux-amd64-build');
  });

  it("does not see a stage's own ARGs in a later FROM, and warns UndefinedArgInFrom", () => {
    const graph = buildStageGraph('FROM alpine AS a\nARG V=3.19\nFROM alpine:${V:-latest} AS b\n');
    assert.equal(graph.stages[1].baseName, 'alpine:latest');
    assert.deepEqual(diagnosticLines(graph, buildKitChecks), ["warning UndefinedArgInFrom 2:0-2:29 FROM argument 'V' is not declared"]);
  });

  it('suggests a declared ARG for a misspelt one', () => {
    const graph = buildStageGraph('ARG VERSION=1\nFROM alpine:$VERSON\n');
    assert.deepEqual(diagnosticLines(graph, buildKitChecks), [
      'error InvalidImageReference 1:5-1:19 failed to parse stage name "alpine:": invalid reference format',
      'warning InvalidDefaultArgInFrom 1:0-1:19 Default value for ARG alpine:$VERSON results in empty or invalid base image name',
      "warning UndefinedArgInFrom 1:0-1:19 FROM argument 'VERSON' is not declared (did you mean VERSION?)",
    ]);
    assert.equal(verdict(graph), 'error: failed to parse stage name "alpine:": invalid reference format');
  });

  it('fails on a meta ARG default that does not expand, still showing the stages', () => {
    const graph = buildStageGraph('ARG V=${oops:-x\nFROM alpine AS a\nFROM a\n');
    assert.equal(verdict(graph), `error: failed to process "\${oops:-x": syntax error: missing '}'`);
    assert.deepEqual(stageLines(graph), ['0 a <- image alpine [unknown] lines 2-2', '1 stage-1 <- stage 0 [unknown] lines 3-3']);
  });

  it('fails when FROM expands to nothing', () => {
    const graph = buildStageGraph('ARG IMAGE\nFROM $IMAGE\n');
    assert.equal(verdict(graph), 'error: base name ($IMAGE) should not be blank');
    assert.equal(graph.diagnostics[0].code, 'EmptyBaseName');
    assert.deepEqual(graph.diagnostics[0].range, { start: { line: 1, character: 5 }, end: { line: 1, character: 11 } });
  });

  it('warns that --platform=$TARGETPLATFORM is redundant and that a constant platform is discouraged', () => {
    const graph = buildStageGraph('FROM --platform=$TARGETPLATFORM alpine AS a\nFROM --platform=linux/arm64 alpine AS b\n');
    assert.deepEqual(diagnosticLines(graph, buildKitChecks), [
      'warning RedundantTargetPlatform 0:0-0:43 Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
      'warning FromPlatformFlagConstDisallowed 1:0-1:39 FROM --platform flag should not use constant value "linux/arm64"',
    ]);
    assert.deepEqual(graph.stages.map((s) => [s.rawPlatform, s.platform]), [
      ['$TARGETPLATFORM', 'linux/amd64'],
      ['linux/arm64', 'linux/arm64'],
    ]);
  });

  it('fails on a platform that expands to nothing or does not parse', () => {
    assert.equal(verdict(buildStageGraph('ARG P\nFROM --platform=$P alpine\n')), 'error: empty platform value from expression $P');
    assert.equal(
      verdict(buildStageGraph('FROM --platform=linux/amd64/v2/x alpine\n')),
      'error: failed to parse platform linux/amd64/v2/x: "linux/amd64/v2/x": cannot parse platform specifier: invalid argument',
    );
  });
});
