/**
 * The whole StageGraph of one small, typical Dockerfile, field by field: a specification of the model that the
 * editor, the CLI's JSON and the graph view read (SEMANTICS.md rules cited where they decide a value).
 */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import type { Range, StageGraph } from '../../../src/core/model';

const r = (line: number, character: number, endLine: number, endCharacter: number): Range => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

const text = [
  '# syntax=docker/dockerfile:1',
  'ARG GO=1.22',
  '',
  '# Compile the server.',
  'FROM golang:${GO} AS build',
  'WORKDIR /src',
  'RUN --mount=type=cache,target=/root/.cache go build -o /out/app .',
  '',
  'FROM alpine',
  'COPY --from=build --chmod=755 /out/app /usr/local/bin/app',
  'ENTRYPOINT ["app"]',
  '',
].join('\n');

const expected: StageGraph = {
  ok: true,
  error: null,
  errorRange: null,
  escapeToken: '\\',
  syntax: 'docker/dockerfile:1',
  // "Variables": ARGs before the first FROM are meta ARGs.
  metaArgs: [{ name: 'GO', default: '1.22', line: 2, range: r(1, 0, 1, 11) }],
  stages: [
    {
      index: 0,
      name: 'build',
      rawName: 'build',
      displayName: 'build',
      label: 'build',
      rawBaseName: 'golang:${GO}',
      baseName: 'golang:1.22',
      baseStage: null,
      baseImage: 'golang:1.22',
      rawPlatform: null,
      platform: null,
      startLine: 5,
      endLine: 7,
      reachable: true,
      isTarget: false,
      description: 'Compile the server.',
      instructionCount: 2,
      workdir: '/src',
      user: null,
      expose: [],
      entrypoint: null,
      cmd: null,
      instructions: [
        { keyword: 'WORKDIR', text: 'WORKDIR /src', startLine: 6, endLine: 6, range: r(5, 0, 5, 12) },
        {
          keyword: 'RUN',
          text: 'RUN --mount=type=cache,target=/root/.cache go build -o /out/app .',
          startLine: 7,
          endLine: 7,
          range: r(6, 0, 6, 65),
        },
      ],
      ranges: { stage: r(4, 0, 6, 65), from: r(4, 0, 4, 26), baseName: r(4, 5, 4, 17), name: r(4, 21, 4, 26), asKeyword: r(4, 18, 4, 20), platform: null },
    },
    {
      index: 1,
      name: null,
      rawName: null,
      displayName: 'stage-1',
      label: 'stage-1',
      rawBaseName: 'alpine',
      baseName: 'alpine',
      baseStage: null,
      baseImage: 'alpine',
      rawPlatform: null,
      platform: null,
      startLine: 9,
      endLine: 11,
      // "What gets built": the last stage is the target.
      reachable: true,
      isTarget: true,
      description: null,
      instructionCount: 2,
      workdir: null,
      user: null,
      expose: [],
      entrypoint: '["app"]',
      cmd: null,
      instructions: [
        { keyword: 'COPY', text: 'COPY --from=build --chmod=755 /out/app /usr/local/bin/app', startLine: 10, endLine: 10, range: r(9, 0, 9, 57) },
        { keyword: 'ENTRYPOINT', text: 'ENTRYPOINT ["app"]', startLine: 11, endLine: 11, range: r(10, 0, 10, 18) },
      ],
      ranges: { stage: r(8, 0, 10, 18), from: r(8, 0, 8, 11), baseName: r(8, 5, 8, 11), name: null, asKeyword: null, platform: null },
    },
  ],
  // A cache mount without from= is not an edge ("References between stages").
  edges: [
    { from: { image: 'golang:1.22' }, to: 0, kind: 'from', ref: 'golang:1.22', via: 'image', line: 5, range: r(4, 0, 4, 26) },
    { from: { image: 'alpine' }, to: 1, kind: 'from', ref: 'alpine', via: 'image', line: 9, range: r(8, 0, 8, 11) },
    {
      from: { stage: 0 },
      to: 1,
      kind: 'copy',
      ref: 'build',
      via: 'name',
      line: 10,
      range: r(9, 0, 9, 57),
      artifact: { sources: ['/out/app'], destination: '/usr/local/bin/app', flags: { chmod: '755' } },
    },
  ],
  references: [
    { kind: 'from', text: 'golang:${GO}', range: r(4, 5, 4, 17), inStage: 0, stage: null, via: 'image', onbuild: false, line: 5 },
    { kind: 'from', text: 'alpine', range: r(8, 5, 8, 11), inStage: 1, stage: null, via: 'image', onbuild: false, line: 9 },
    { kind: 'copy', text: 'build', range: r(9, 12, 9, 17), inStage: 1, stage: 0, via: 'name', onbuild: false, line: 10 },
  ],
  images: [
    { ref: 'golang:1.22', reachable: true },
    { ref: 'alpine', reachable: true },
  ],
  target: 1,
  reachable: [0, 1],
  diagnostics: [],
  options: { target: '', buildArgs: {}, buildPlatform: 'linux/amd64', targetPlatform: 'linux/amd64' },
};

describe('buildStageGraph', () => {
  it('resolves a typical two-stage Dockerfile into the full model', () => {
    assert.deepEqual(buildStageGraph(text), expected);
  });

  it('returns plain JSON data (what the CLI prints and the webview receives)', () => {
    const graph = buildStageGraph(text);
    assert.deepEqual(JSON.parse(JSON.stringify(graph)), graph);
  });

  it('never throws, whatever it is given', () => {
    for (const input of ['', '\u0000', 'FROM', '\\', 'FROM a\nCOPY --from=', 'RUN <<', '\ufeff', '#'.repeat(10000)]) {
      assert.equal(typeof buildStageGraph(input).ok, 'boolean');
    }
  });
});
