import * as assert from 'node:assert/strict';
import { applyResolveOverride, isOverriding, NO_RESOLVE_OVERRIDE } from '../../../src/core/editor/resolveOverride';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';

const settings = { target: 'release', buildArgs: { GO_VERSION: '1.22', DEBUG: '0' } };

describe('resolveOverride', () => {
  it('resolves with the settings alone when the view chose nothing', () => {
    assert.deepEqual(applyResolveOverride(settings, NO_RESOLVE_OVERRIDE), settings);
    assert.equal(isOverriding(NO_RESOLVE_OVERRIDE), false);
  });

  it('lays a target and build args chosen in the view over the settings, as --target and --build-arg after them would', () => {
    const override = { target: 'test', buildArgs: { DEBUG: '1' }, entryPoint: null };
    assert.deepEqual(applyResolveOverride(settings, override), { target: 'test', buildArgs: { GO_VERSION: '1.22', DEBUG: '1' } });
    assert.equal(isOverriding(override), true);
    assert.equal(isOverriding({ ...NO_RESOLVE_OVERRIDE, buildArgs: { DEBUG: '1' } }), true, 'build args alone are an override');
  });

  it('resolves a Compose or Bake entry point with its own target and build args alone, the settings left out', () => {
    assert.deepEqual(applyResolveOverride(settings, { target: null, buildArgs: { DEBUG: '1' }, entryPoint: 'compose:api@compose.yaml' }), { target: '', buildArgs: { DEBUG: '1' } });
    assert.deepEqual(applyResolveOverride(settings, { target: 'debug', buildArgs: {}, entryPoint: 'bake:debug@docker-bake.hcl' }), { target: 'debug', buildArgs: {} });
  });

  it('gives options that BuildKit resolves as the override says: the target picked and the FROM the build arg names', () => {
    const text = 'ARG BASE=alpine\nFROM $BASE AS base\nFROM base AS release\nFROM base AS test\n';
    const graph = buildStageGraph(text, applyResolveOverride({ target: 'release', buildArgs: {} }, { target: 'test', buildArgs: { BASE: 'debian' }, entryPoint: null }));
    assert.equal(graph.stages[graph.target ?? -1]?.name, 'test');
    assert.equal(graph.stages[0].baseName, 'debian');
  });
});
