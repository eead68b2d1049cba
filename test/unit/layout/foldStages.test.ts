import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { relatedStages } from '../../../src/core/graph/relatedStages';
import { boxesOverlap } from '../../../src/core/layout/boxGrid';
import { layoutStageGraph } from '../../../src/core/layout/layoutStageGraph';
import type { GraphLayout } from '../../../src/core/layout/layoutTypes';
import { stageKeys, stageOfKey } from '../../../src/core/layout/stageKeys';
import { targetBaseChain } from '../../../src/core/layout/targetBaseChain';
import { handBuiltGraph } from './handBuiltGraph';

const monorepo = buildStageGraph(readFileSync('examples/monorepo.Dockerfile', 'utf8'));
const index = (name: string): number => monorepo.stages.find((stage) => stage.name === name)!.index;
const names = (stages: Iterable<number>): string[] => [...stages].map((stage) => monorepo.stages[stage].label).sort();

function assertNoOverlaps(layout: GraphLayout): void {
  for (const [position, a] of layout.nodes.entries()) for (const b of layout.nodes.slice(position + 1)) assert.ok(!boxesOverlap(a, b), `${a.id} and ${b.id} overlap`);
}

describe('relatedStages', () => {
  it('is a stage with what it needs, transitively, and what needs it, transitively (FROM, COPY and mounts)', () => {
    // gateway-build builds on go-base and copies from proto; gateway and debug copy from it; release from gateway.
    // Its siblings (billing-build, go-test...) share go-base but are neither needed by it nor need it.
    assert.deepEqual(names(relatedStages(monorepo, index('gateway-build'))), ['debug', 'gateway', 'gateway-build', 'go-base', 'proto', 'release']);
  });

  it('is empty for a stage the graph does not have', () => {
    assert.equal(relatedStages(monorepo, 99).size, 0);
  });
});

describe('layoutStageGraph with the view\'s folding', () => {
  it('draws only what the target builds on the build path, the skipped stages as one summary box beside the target', () => {
    const layout = layoutStageGraph(monorepo, { buildPath: true });
    const skipped = monorepo.stages.filter((stage) => stage.reachable === false).map((stage) => stage.index);
    const summary = layout.nodes.find((node) => node.kind === 'summary')!;
    assert.equal(summary.id, 'summary:skipped');
    assert.deepEqual(summary.members, skipped);
    assert.deepEqual(summary.lines, [`${skipped.length} stages not built`, 'click to show them']);
    assert.match(summary.tooltip, /^Not built for release: py-base, go-test, go-lint, web-test, reports, debug\./);
    assert.deepEqual(
      layout.nodes.filter((node) => node.kind === 'stage').map((node) => node.stage),
      monorepo.stages.filter((stage) => stage.reachable).map((stage) => stage.index),
    );
    assert.ok(!layout.nodes.some((node) => node.image?.startsWith('golangci/')), 'an image only skipped stages use is gone');
    assert.ok(layout.edges.every((edge) => edge.reachable && !edge.target.startsWith('summary') && !edge.source.startsWith('summary')));
    const target = layout.nodes.find((node) => node.isTarget)!;
    assert.ok(summary.y >= target.y + target.height && summary.x < target.x + target.width && target.x < summary.x + summary.width, 'below the target');
    assertNoOverlaps(layout);
  });

  it('draws a focused stage with what it needs and what needs it, the rest as one summary box beside it', () => {
    for (const direction of ['LR', 'TB'] as const) {
      const layout = layoutStageGraph(monorepo, { focus: 'stage:gateway-build', direction });
      assert.deepEqual(layout.nodes.filter((node) => node.kind === 'stage').map((node) => node.lines[0]).sort(), names(relatedStages(monorepo, index('gateway-build'))));
      const summary = layout.nodes.find((node) => node.kind === 'summary')!;
      assert.equal(summary.id, 'summary:unrelated');
      assert.equal(summary.members.length, monorepo.stages.length - 6);
      assert.equal(summary.lines[1], 'click to show the whole graph');
      assertNoOverlaps(layout);
    }
  });

  it('folds nothing when there is nothing to fold, or a focus names no stage', () => {
    const allBuilt = handBuiltGraph([{ name: 'a', base: 'alpine' }, { name: 'b', base: '#0' }]);
    assert.ok(!layoutStageGraph(allBuilt, { buildPath: true }).nodes.some((node) => node.kind === 'summary'));
    assert.deepEqual(layoutStageGraph(monorepo, { focus: 'stage:renamed' }), layoutStageGraph(monorepo));
  });

  it('marks the target\'s own FROM chain: release, base, alpine', () => {
    const layout = layoutStageGraph(monorepo);
    assert.deepEqual([...targetBaseChain(layout)], [`from:stage:${index('base')}->stage:${index('release')}`, `from:image:alpine:3.20->stage:${index('base')}`]);
  });
});

describe('stage keys', () => {
  it('names a stage by its name while the name is unique, else by its index, and finds the stage a key names', () => {
    const graph = buildStageGraph('FROM alpine AS a\nFROM alpine AS b\nFROM alpine AS b\nFROM a\n');
    assert.deepEqual(stageKeys(graph), ['stage:a', 'stage:#1', 'stage:#2', 'stage:#3']);
    assert.deepEqual(['stage:a', 'stage:#3', 'stage:b', 'stage:#9', null].map((key) => stageOfKey(graph, key)), [0, 3, null, null, null]);
  });
});
