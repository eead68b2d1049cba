import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { compareDockerfiles } from '../../../src/core/diff/compareDockerfiles';
import { toGraphDiff, type GraphDiff } from '../../../src/core/diff/toGraphDiff';

const FIXTURES = path.join(__dirname, '../../fixtures/diff');

/** The diff between two fixture versions (`loki/9b1407e736`, see test/fixtures/diff/README.md for the sources). */
function diffFixtures(older: string, newer: string): GraphDiff {
  const read = (name: string): string => readFileSync(path.join(FIXTURES, `${name}.Dockerfile`), 'utf8');
  return toGraphDiff(compareDockerfiles(read(older), read(newer)));
}

function diffTexts(older: string, newer: string): GraphDiff {
  return toGraphDiff(compareDockerfiles(older, newer));
}

/** A diff with nothing in it, and the given parts. */
function diffOf(parts: { stages?: Partial<GraphDiff['stages']>; edges?: Partial<GraphDiff['edges']>; reachability?: Partial<GraphDiff['reachability']> }): GraphDiff {
  return {
    stages: { added: [], removed: [], renamed: [], changed: [], ...parts.stages },
    edges: { added: [], removed: [], ...parts.edges },
    reachability: { nowBuilt: [], nowSkipped: [], ...parts.reachability },
  };
}

describe('compareDockerfiles on real histories', () => {
  it('grafana/loki 5f670a4b18: the unnamed final stage changes its base image', () => {
    assert.deepEqual(
      diffFixtures('loki/6875c872a6', 'loki/5f670a4b18'),
      diffOf({
        stages: { changed: [{ name: 'stage-1', base: { from: 'gcr.io/distroless/base-nossl:debug', to: 'gcr.io/distroless/static:debug' } }] },
        edges: {
          added: [{ from: 'gcr.io/distroless/static:debug', to: 'stage-1', kind: 'from' }],
          removed: [{ from: 'gcr.io/distroless/base-nossl:debug', to: 'stage-1', kind: 'from' }],
        },
      }),
    );
  });

  it('grafana/loki 9b1407e736: a stage inserted at the top shifts the unnamed final stage from stage-1 to stage-2, which is not a change', () => {
    assert.deepEqual(
      diffFixtures('loki/5f670a4b18', 'loki/9b1407e736'),
      diffOf({
        stages: { added: ['ui-builder'], changed: [{ name: 'build', instructions: { from: 3, to: 4 } }] },
        edges: {
          added: [
            { from: 'node:20-alpine', to: 'ui-builder', kind: 'from' },
            { from: 'ui-builder', to: 'build', kind: 'copy' },
          ],
        },
        reachability: { nowBuilt: ['ui-builder'] },
      }),
    );
  });

  it('grafana/loki 48f5ade0e5: removing that stage shifts the final stage back, again without a change', () => {
    assert.deepEqual(
      diffFixtures('loki/ec8b012866', 'loki/48f5ade0e5'),
      diffOf({
        stages: { removed: ['ui-builder'], changed: [{ name: 'build', instructions: { from: 5, to: 4 } }] },
        edges: {
          removed: [
            { from: 'node:22-alpine', to: 'ui-builder', kind: 'from' },
            { from: 'ui-builder', to: 'build', kind: 'copy' },
          ],
        },
      }),
    );
  });

  it('grafana/loki f2ba692f76: a stage added above the unnamed final stage, which moves to stage-2 and changes its base', () => {
    assert.deepEqual(
      diffFixtures('loki/48f5ade0e5', 'loki/f2ba692f76'),
      diffOf({
        stages: {
          added: ['filesystem'],
          changed: [{ name: 'stage-2', base: { from: 'gcr.io/distroless/static:debug', to: 'gcr.io/distroless/static:nonroot' } }],
        },
        edges: {
          added: [
            { from: 'golang:1.24', to: 'filesystem', kind: 'from' },
            { from: 'gcr.io/distroless/static:nonroot', to: 'stage-2', kind: 'from' },
            { from: 'filesystem', to: 'stage-2', kind: 'copy' },
          ],
          removed: [{ from: 'gcr.io/distroless/static:debug', to: 'stage-1', kind: 'from' }],
        },
        reachability: { nowBuilt: ['filesystem'] },
      }),
    );
  });

  it('docker/compose d518da241: two stages appended; the default target moves to the last one, so the release stages are no longer built', () => {
    assert.deepEqual(
      diffFixtures('compose/5de4353a6', 'compose/d518da241'),
      diffOf({
        stages: { added: ['module-releaser', 'module'] },
        edges: {
          added: [
            { from: 'alpine', to: 'module-releaser', kind: 'from' },
            { from: 'binary', to: 'module-releaser', kind: 'mount' },
            { from: 'scratch', to: 'module', kind: 'from' },
            { from: 'module-releaser', to: 'module', kind: 'copy' },
          ],
        },
        reachability: { nowBuilt: ['module-releaser', 'module'], nowSkipped: ['releaser', 'release'] },
      }),
    );
  });

  it('a stage renamed with its references (nothing else changed) is a rename, and changes no edge', () => {
    assert.deepEqual(
      diffFixtures('compose/d518da241', 'compose/d518da241-renamed'),
      diffOf({ stages: { renamed: [{ from: 'releaser', to: 'packager' }] } }),
    );
  });

  it('a stage renamed and given one more instruction is a removal and an addition, with their edges', () => {
    assert.deepEqual(
      diffFixtures('compose/d518da241', 'compose/d518da241-renamed-edited'),
      diffOf({
        stages: { added: ['packager'], removed: ['releaser'] },
        edges: {
          added: [
            { from: 'alpine', to: 'packager', kind: 'from' },
            { from: 'binary', to: 'packager', kind: 'mount' },
            { from: 'packager', to: 'release', kind: 'copy' },
          ],
          removed: [
            { from: 'alpine', to: 'releaser', kind: 'from' },
            { from: 'binary', to: 'releaser', kind: 'mount' },
            { from: 'releaser', to: 'release', kind: 'copy' },
          ],
        },
      }),
    );
  });

  it('a file compared with itself has an empty diff', () => {
    assert.deepEqual(diffFixtures('compose/d518da241', 'compose/d518da241'), diffOf({}));
  });
});

describe('compareDockerfiles, each kind of change', () => {
  it('a changed platform and instruction count of a named stage', () => {
    assert.deepEqual(
      diffTexts('FROM alpine AS build\nRUN make\n', 'FROM --platform=linux/arm64 alpine AS build\nRUN make\nRUN make test\n'),
      diffOf({ stages: { changed: [{ name: 'build', platform: { from: null, to: 'linux/arm64' }, instructions: { from: 1, to: 2 } }] } }),
    );
  });

  it('a base that moves from one stage to another, named by the stages (SEMANTICS: FROM binds to an earlier stage name)', () => {
    const older = 'FROM alpine AS a\nFROM alpine AS b\nFROM a AS app\n';
    assert.deepEqual(
      diffTexts(older, older.replace('FROM a AS app', 'FROM b AS app')),
      diffOf({
        stages: { changed: [{ name: 'app', base: { from: 'a', to: 'b' } }] },
        edges: { added: [{ from: 'b', to: 'app', kind: 'from' }], removed: [{ from: 'a', to: 'app', kind: 'from' }] },
        reachability: { nowBuilt: ['b'], nowSkipped: ['a'] },
      }),
    );
  });

  it('naming an unnamed stage in the same place is a rename from stage-N', () => {
    assert.deepEqual(
      diffTexts('FROM golang\nRUN go build\nFROM scratch\nCOPY --from=0 /app /app\n', 'FROM golang AS build\nRUN go build\nFROM scratch\nCOPY --from=build /app /app\n'),
      diffOf({ stages: { renamed: [{ from: 'stage-0', to: 'build' }] } }),
    );
  });

  it('a stage inserted above one that others copy from by index changes what COPY --from=0 means (SEMANTICS: numeric --from counts stages from 0)', () => {
    const older = 'FROM golang\nRUN go build\nFROM scratch\nCOPY --from=0 /app /app\n';
    const newer = `FROM node\nRUN npm run build\n${older}`;
    assert.deepEqual(
      diffTexts(older, newer),
      diffOf({
        stages: { added: ['stage-0'] },
        edges: {
          added: [
            { from: 'node', to: 'stage-0', kind: 'from' },
            { from: 'stage-0', to: 'stage-2', kind: 'copy' },
          ],
          removed: [{ from: 'stage-0', to: 'stage-1', kind: 'copy' }],
        },
        reachability: { nowBuilt: ['stage-0'], nowSkipped: ['stage-1'] },
      }),
    );
  });

  it('an unnamed stage changed in place is a change even when a new unnamed stage sits before it', () => {
    assert.deepEqual(
      diffTexts('FROM golang\nRUN go build\n', 'FROM node\nRUN npm ci\nFROM golang\nRUN go build\nRUN go test\n'),
      diffOf({
        stages: { added: ['stage-0'], changed: [{ name: 'stage-1', instructions: { from: 1, to: 2 } }] },
        edges: { added: [{ from: 'node', to: 'stage-0', kind: 'from' }] },
      }),
    );
  });

  it('a mount edge added and a copy edge removed, each counted once however many instructions make it', () => {
    const older = 'FROM alpine AS deps\nFROM alpine AS app\nCOPY --from=deps /a /a\nCOPY --from=deps /b /b\n';
    const newer = 'FROM alpine AS deps\nFROM alpine AS app\nRUN --mount=from=deps,target=/d ls /d\nRUN --mount=from=deps,target=/e ls /e\n';
    assert.deepEqual(
      diffTexts(older, newer),
      diffOf({
        edges: { added: [{ from: 'deps', to: 'app', kind: 'mount' }], removed: [{ from: 'deps', to: 'app', kind: 'copy' }] },
      }),
    );
  });

  it('a stage that a duplicate name no longer shadows: the k-th stage of a name matches the k-th (SEMANTICS: DuplicateStageName is a warning)', () => {
    const older = 'FROM alpine AS x\nRUN one\nFROM x AS x\nRUN two\n';
    assert.deepEqual(
      diffTexts(older, 'FROM alpine AS x\nRUN one\n'),
      diffOf({ stages: { removed: ['x'] }, edges: { removed: [{ from: 'x', to: 'x', kind: 'from' }] } }),
    );
  });
});
