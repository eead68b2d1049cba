import * as assert from 'node:assert/strict';
import { nameAllStages } from '../../../src/core/refactor/nameAllStages';
import { nameStage } from '../../../src/core/refactor/nameStage';
import { proposeStageName } from '../../../src/core/refactor/proposeStageName';
import { applied, dockerfile, graphOf, refusal } from './refactorAssertions';

/** Rules cited from shared/SEMANTICS.md: "References between stages" (numeric `--from`, mounts), "Stages and names". */
describe('nameStage', () => {
  function name(text: string, stage: number, newName: string) {
    return nameStage(text, graphOf(text), stage, newName);
  }

  it('adds AS name to the FROM and rewrites the numeric --from to the name', () => {
    const text = dockerfile(['FROM golang:1.22', 'RUN go build -o /app .', 'FROM alpine', 'COPY --from=0 /app /app']);
    assert.equal(
      applied(text, name(text, 0, 'build')).text,
      dockerfile(['FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM alpine', 'COPY --from=build /app /app']),
    );
  });

  it('writes `as` after a lower-case `from` (FromAsCasing)', () => {
    const text = dockerfile(['from golang:1.22', 'run go build -o /app .', 'from alpine', 'copy --from=0 /app /app']);
    assert.equal(
      applied(text, name(text, 0, 'build')).text,
      dockerfile(['from golang:1.22 as build', 'run go build -o /app .', 'from alpine', 'copy --from=build /app /app']),
    );
  });

  it('puts the name after the base even when the FROM is continued with the escape directive`s backtick', () => {
    const text = dockerfile([
      '# escape=`',
      'FROM --platform=linux/amd64 `',
      '    mcr.microsoft.com/windows/servercore:ltsc2022',
      'RUN echo hi',
      'FROM alpine',
      'COPY --from=0 C:/x /y',
    ]);
    assert.equal(
      applied(text, name(text, 0, 'win')).text,
      dockerfile([
        '# escape=`',
        'FROM --platform=linux/amd64 `',
        '    mcr.microsoft.com/windows/servercore:ltsc2022 AS win',
        'RUN echo hi',
        'FROM alpine',
        'COPY --from=win C:/x /y',
      ]),
    );
  });

  it('rewrites 00, +0 and ONBUILD COPY --from=0 that fires in a child (all resolve to stage 0)', () => {
    const text = dockerfile([
      'FROM alpine',
      'RUN touch /x',
      'FROM alpine AS base',
      'ONBUILD COPY --from=0 /x /onbuild',
      'COPY --from=00 /x /a',
      'COPY --from=+0 /x /b',
      'FROM base',
    ]);
    assert.equal(
      applied(text, name(text, 0, 'tools')).text,
      dockerfile([
        'FROM alpine AS tools',
        'RUN touch /x',
        'FROM alpine AS base',
        'ONBUILD COPY --from=tools /x /onbuild',
        'COPY --from=tools /x /a',
        'COPY --from=tools /x /b',
        'FROM base',
      ]),
    );
  });

  it('leaves a mount`s from=0 alone and says why: mounts take no index, BuildKit pulls an image "0"', () => {
    const text = dockerfile(['FROM alpine', 'FROM alpine', 'RUN --mount=from=0,target=/x true', 'COPY --from=0 /a /b']);
    const result = applied(text, name(text, 0, 'first'));
    assert.equal(result.text, dockerfile(['FROM alpine AS first', 'FROM alpine', 'RUN --mount=from=0,target=/x true', 'COPY --from=first /a /b']));
    assert.deepEqual(result.notes, ['`0` on line 3 is left as is: RUN --mount from= takes no index, BuildKit reads it as an image called "0".']);
  });

  it('leaves an ONBUILD COPY --from=0 that fires in no stage of the file: only other Dockerfiles resolve it', () => {
    const text = dockerfile(['FROM alpine', 'RUN x', 'FROM alpine AS parent', 'ONBUILD COPY --from=0 /x /x', 'COPY --from=0 /y /y']);
    const result = applied(text, name(text, 0, 'tools'));
    assert.equal(result.text, dockerfile(['FROM alpine AS tools', 'RUN x', 'FROM alpine AS parent', 'ONBUILD COPY --from=0 /x /x', 'COPY --from=tools /y /y']));
    assert.deepEqual(result.notes, ['`0` on line 4 is left as is: this ONBUILD trigger fires in no stage of this file, so it does not reach stage 0 here.']);
  });

  it('refuses a stage that already has a name', () => {
    const text = dockerfile(['FROM alpine AS a', 'FROM alpine', 'COPY --from=0 /a /b']);
    assert.equal(refusal(name(text, 0, 'other')), 'Stage 0 is already named `a`; rename it instead');
  });

  it('given a stage`s existing name, rewrites only the numeric references to it', () => {
    const text = dockerfile(['FROM alpine AS Tools', 'FROM alpine', 'COPY --from=0 /a /b', 'COPY --from=00 /c /d']);
    assert.equal(applied(text, name(text, 0, 'Tools')).text, dockerfile(['FROM alpine AS Tools', 'FROM alpine', 'COPY --from=Tools /a /b', 'COPY --from=Tools /c /d']));
  });

  it('refuses the existing name when a later stage of the same name would take the reference', () => {
    const text = dockerfile(['FROM alpine AS x', 'FROM alpine AS x', 'COPY --from=0 /a /b']);
    assert.equal(refusal(name(text, 0, 'x')), 'Stage 1 is also named `x`; --from=x would reach it instead of stage 0');
  });

  it('refuses a name an image reference already uses: the reference would bind to the stage', () => {
    const text = dockerfile(['FROM alpine', 'FROM alpine', 'COPY --from=0 /a /b', 'COPY --from=busybox /bin/sh /sh']);
    assert.equal(refusal(name(text, 0, 'busybox')), '`busybox` already names an image on line 4; a stage called so would take its place');
  });

  it('refuses names BuildKit would not accept or that are taken', () => {
    const text = dockerfile(['FROM alpine AS a', 'FROM alpine', 'FROM alpine', 'COPY --from=1 /a /b']);
    for (const bad of ['a', 'scratch', 'context', '1st', 'has space', '']) {
      assert.ok(refusal(name(text, 1, bad)).length > 0, `"${bad}" is refused`);
    }
  });

  it('refuses a file BuildKit rejects, since its meaning cannot be kept', () => {
    const text = dockerfile(['FROM alpine', 'COPY --from=0 /x /y']);
    assert.match(refusal(name(text, 0, 'a')), /^BuildKit rejects this file \(circular dependency/);
  });

  it('refuses an index that is not a stage', () => {
    const text = dockerfile(['FROM alpine']);
    assert.equal(refusal(name(text, 3, 'a')), 'There is no stage 3');
  });
});

describe('proposeStageName', () => {
  it('prefers the role the RUN commands show', () => {
    const text = dockerfile(['FROM golang:1.22', 'RUN go build -o /app .', 'FROM alpine', 'COPY --from=0 /app /app']);
    assert.equal(proposeStageName(graphOf(text), 0), 'build');
  });

  it('falls back to the base image`s short name, then to stage-N', () => {
    const text = dockerfile(['FROM gcr.io/distroless/static-debian12:nonroot', 'FROM scratch', 'COPY x /x', 'FROM golang:1.22@sha256:abc', 'RUN echo hi']);
    const graph = graphOf(text);
    assert.equal(proposeStageName(graph, 0), 'static-debian12');
    assert.equal(proposeStageName(graph, 1), 'stage-1');
    assert.equal(proposeStageName(graph, 2), 'golang');
  });

  it('skips names already taken by a stage or by the same change', () => {
    const text = dockerfile(['FROM alpine AS build', 'FROM golang:1.22', 'RUN go build .', 'FROM alpine', 'COPY --from=1 /a /b']);
    const graph = graphOf(text);
    assert.equal(proposeStageName(graph, 1), 'golang');
    assert.equal(proposeStageName(graph, 1, new Set(['golang'])), 'stage-1');
  });
});

describe('nameAllStages', () => {
  it('names every unnamed stage referenced by index in one edit list', () => {
    const text = dockerfile([
      'FROM golang:1.22',
      'RUN go build -o /app .',
      'FROM node:20',
      'RUN npm ci',
      'FROM alpine',
      'COPY --from=0 /app /app',
      'COPY --from=1 /node_modules /node_modules',
    ]);
    assert.equal(
      applied(text, nameAllStages(text, graphOf(text))).text,
      dockerfile([
        'FROM golang:1.22 AS build',
        'RUN go build -o /app .',
        'FROM node:20 AS deps',
        'RUN npm ci',
        'FROM alpine',
        'COPY --from=build /app /app',
        'COPY --from=deps /node_modules /node_modules',
      ]),
    );
  });

  it('also rewrites numeric references to named stages, so no numeric stage reference is left', () => {
    const text = dockerfile([
      'FROM golang:1.22 AS base',
      'RUN go build -o /app .',
      'FROM node:20',
      'RUN npm ci',
      'FROM alpine',
      'COPY --from=0 /app /app',
      'COPY --from=base /app /app2',
      'COPY --from=1 /node_modules /node_modules',
    ]);
    const result = applied(text, nameAllStages(text, graphOf(text)));
    assert.equal(
      result.text,
      dockerfile([
        'FROM golang:1.22 AS base',
        'RUN go build -o /app .',
        'FROM node:20 AS deps',
        'RUN npm ci',
        'FROM alpine',
        'COPY --from=base /app /app',
        'COPY --from=base /app /app2',
        'COPY --from=deps /node_modules /node_modules',
      ]),
    );
    assert.deepEqual(result.notes, []);
  });

  it('applies to a file whose numeric references all reach named stages (it used to refuse it)', () => {
    const text = dockerfile(['FROM alpine AS Tools', 'RUN apk add git', 'FROM alpine', 'COPY --from=0 /usr/bin/git /git', 'COPY --from=00 /etc /etc']);
    assert.equal(
      applied(text, nameAllStages(text, graphOf(text))).text,
      dockerfile(['FROM alpine AS Tools', 'RUN apk add git', 'FROM alpine', 'COPY --from=Tools /usr/bin/git /git', 'COPY --from=Tools /etc /etc']),
    );
  });

  it('keeps the index of a named stage whose name a later stage takes, and says why', () => {
    const text = dockerfile(['FROM alpine AS x', 'FROM busybox AS x', 'FROM golang:1.22', 'FROM alpine', 'COPY --from=0 /a /a', 'COPY --from=2 /b /b']);
    const result = applied(text, nameAllStages(text, graphOf(text)));
    assert.equal(result.text, dockerfile(['FROM alpine AS x', 'FROM busybox AS x', 'FROM golang:1.22 AS golang', 'FROM alpine', 'COPY --from=0 /a /a', 'COPY --from=golang /b /b']));
    assert.deepEqual(result.notes, ['Stage 0 keeps its numeric references: Stage 1 is also named `x`; --from=x would reach it instead of stage 0.']);
  });

  it('with no numeric stage reference, changes nothing and says there is nothing to rename (not a refusal)', () => {
    const text = dockerfile(['FROM alpine AS a', 'FROM alpine', 'COPY --from=a /a /b']);
    assert.deepEqual(nameAllStages(text, graphOf(text)), { edits: [], notes: ['Nothing to rename: no stage is referenced by index.'] });
    const kept = dockerfile(['FROM alpine AS x', 'FROM alpine AS x', 'COPY --from=0 /a /b']);
    assert.deepEqual(nameAllStages(kept, graphOf(kept)), {
      edits: [],
      notes: ['Nothing to rename.', 'Stage 0 keeps its numeric references: Stage 1 is also named `x`; --from=x would reach it instead of stage 0.'],
    });
  });

  it('refuses a file BuildKit rejects', () => {
    const text = dockerfile(['FROM alpine', 'COPY --from=0 /x /y']);
    assert.match(refusal(nameAllStages(text, graphOf(text))), /^BuildKit rejects this file \(circular dependency/);
  });
});
