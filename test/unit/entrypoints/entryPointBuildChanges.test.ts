import * as assert from 'node:assert/strict';
import { dockerfileFacts } from '../../../src/core/entrypoints/dockerfileFacts';
import { entryPointBuildChanges } from '../../../src/core/entrypoints/entryPointBuildChanges';
import { lines, scanOf } from './entryPointHelpers';

const graphOf = (...dockerfile: string[]) => dockerfileFacts(lines(...dockerfile)).graph;

/**
 * Compose and Bake build a stage by name, or the last stage without a target (SEMANTICS.md, "What gets built"), so
 * an edit of the Dockerfile keeps an entry point's build when the stage of that name (or the last one) stays.
 */
describe('entryPointBuildChanges', () => {
  const scan = scanOf({
    'compose.yaml': lines('services:', '  api:', '    build: .', '  debug:', '    build: { target: debug }', '  typo:', '    build: { target: tools }'),
  });
  const before = graphOf('FROM golang AS build', 'FROM build AS debug', 'FROM alpine AS runtime');

  it('accepts stages that move or are inserted when every named stage and the last keep their names', () => {
    const after = graphOf('FROM golang AS deps', 'FROM deps AS build', 'FROM build AS debug', 'FROM alpine AS runtime');
    assert.deepEqual(entryPointBuildChanges(scan.entries, before, after), []);
  });

  it('says which entry point a new name would capture, and which lose or change their stage', () => {
    assert.deepEqual(entryPointBuildChanges(scan.entries, before, graphOf('FROM golang AS tools', 'FROM tools AS debug', 'FROM alpine AS runtime')), [
      'service typo (compose.yaml) targets tools, which names no stage now but would then build stage 0 (tools)',
    ]);
    assert.deepEqual(entryPointBuildChanges(scan.entries, before, graphOf('FROM golang AS build', 'FROM alpine AS runtime')), [
      'service debug (compose.yaml) builds debug, which would no longer exist',
    ]);
    assert.deepEqual(entryPointBuildChanges(scan.entries, before, graphOf('FROM golang AS build', 'FROM build AS debug', 'FROM alpine AS runtime', 'FROM runtime')), [
      'service api (compose.yaml) builds runtime, but would build stage 3',
    ]);
  });
});
