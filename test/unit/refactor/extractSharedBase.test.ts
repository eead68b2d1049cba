import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractSharedBase } from '../../../src/core/refactor/extractSharedBase';
import { findSharedBaseCandidates } from '../../../src/core/refactor/findSharedBaseCandidates';
import { applied, dockerfile, graphOf, refusal } from './refactorAssertions';

const nodeStages = dockerfile([
  'FROM node:20-alpine AS deps',
  'WORKDIR /app',
  'COPY package.json package-lock.json ./',
  'RUN npm ci',
  '',
  'FROM node:20-alpine AS build',
  'WORKDIR /app',
  'COPY package.json package-lock.json ./',
  'RUN npm ci',
  'COPY . .',
  'RUN npm run build',
  '',
  'FROM nginx:1.27 AS web',
  'COPY --from=1 /app/dist /usr/share/nginx/html',
]);

/** Rules cited from shared/SEMANTICS.md: "Stages and names", "References between stages" (numeric --from). */
describe('extractSharedBase', () => {
  it('moves the base and the leading instructions two stages share into a new stage both continue FROM', () => {
    const result = applied(nodeStages, extractSharedBase(nodeStages, graphOf(nodeStages), [0, 1], 'node-base'));
    assert.equal(
      result.text,
      dockerfile([
        'FROM node:20-alpine AS node-base',
        'WORKDIR /app',
        'COPY package.json package-lock.json ./',
        'RUN npm ci',
        '',
        'FROM node-base AS deps',
        '',
        'FROM node-base AS build',
        'COPY . .',
        'RUN npm run build',
        '',
        'FROM nginx:1.27 AS web',
        'COPY --from=2 /app/dist /usr/share/nginx/html',
      ]),
    );
  });

  it('keeps --platform on the shared base only', () => {
    const text = dockerfile([
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS lint',
      'WORKDIR /src',
      'RUN golangci-lint run',
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS test',
      'WORKDIR /src',
      'RUN go test ./...',
    ]);
    assert.equal(
      applied(text, extractSharedBase(text, graphOf(text), [0, 1], 'go')).text,
      dockerfile([
        'FROM --platform=$BUILDPLATFORM golang:1.22 AS go',
        'WORKDIR /src',
        '',
        'FROM go AS lint',
        'RUN golangci-lint run',
        'FROM go AS test',
        'RUN go test ./...',
      ]),
    );
  });

  it('sets the new stage apart with a blank line when a stage ends right above it', () => {
    const text = dockerfile(['FROM alpine AS tools', 'RUN apk add git', 'FROM node:20 AS a', 'RUN npm ci', 'FROM node:20 AS b', 'RUN npm ci', 'RUN npm test']);
    assert.equal(
      applied(text, extractSharedBase(text, graphOf(text), [1, 2], 'node-base')).text,
      dockerfile(['FROM alpine AS tools', 'RUN apk add git', '', 'FROM node:20 AS node-base', 'RUN npm ci', '', 'FROM node-base AS a', 'FROM node-base AS b', 'RUN npm test']),
    );
  });

  describe('refuses, with the reason', () => {
    it('when fewer than two stages are given', () => {
      assert.equal(refusal(extractSharedBase(nodeStages, graphOf(nodeStages), [1], 'x')), 'Pick at least two stages');
    });

    it('when the bases differ', () => {
      assert.equal(refusal(extractSharedBase(nodeStages, graphOf(nodeStages), [1, 2], 'x')), 'build and web start from different bases (node:20-alpine, nginx:1.27)');
    });

    it('when the platforms differ', () => {
      const text = dockerfile(['FROM --platform=linux/arm64 alpine AS a', 'RUN x', 'FROM alpine AS b', 'RUN x']);
      assert.equal(refusal(extractSharedBase(text, graphOf(text), [0, 1], 'base')), 'a and b start from different bases (--platform=linux/arm64 alpine, alpine)');
    });

    it('when the stages share no leading instruction', () => {
      const text = dockerfile(['FROM alpine AS a', 'RUN x', 'FROM alpine AS b', 'RUN y']);
      assert.equal(refusal(extractSharedBase(text, graphOf(text), [0, 1], 'base')), 'a, b share no leading instruction');
    });

    it('when the shared part holds ONBUILD', () => {
      const text = dockerfile(['FROM alpine AS a', 'ONBUILD RUN x', 'FROM alpine AS b', 'ONBUILD RUN x']);
      assert.equal(refusal(extractSharedBase(text, graphOf(text), [0, 1], 'base')), 'ONBUILD on line 2 would move into `base` and fire in a, which builds on it');
    });
  });
});

describe('findSharedBaseCandidates', () => {
  it('finds stages with the same base and first instruction, with their common prefix and a proposed name', () => {
    assert.deepEqual(findSharedBaseCandidates(graphOf(nodeStages), nodeStages), [{ stageIndexes: [0, 1], prefixLength: 3, proposedName: 'node-base' }]);
  });

  it('finds the Go and web build stages of the monorepo example', () => {
    const text = readFileSync('examples/monorepo.Dockerfile', 'utf8');
    const graph = graphOf(text);
    const found = findSharedBaseCandidates(graph, text).map((candidate) => ({
      stages: candidate.stageIndexes.map((index) => graph.stages[index].name),
      prefixLength: candidate.prefixLength,
    }));
    assert.deepEqual(found, [
      { stages: ['gateway-build', 'billing-build', 'go-test'], prefixLength: 1 },
      { stages: ['web-build', 'web-test'], prefixLength: 2 },
    ]);
  });
});
