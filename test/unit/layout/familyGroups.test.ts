import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { findStageFamilies } from '../../../src/core/graph/stageFamilies';
import { boxesOverlap } from '../../../src/core/layout/boxGrid';
import { layoutStageGraph } from '../../../src/core/layout/layoutStageGraph';

const buildkit = buildStageGraph(readFileSync('test/fixtures/real/moby-buildkit.Dockerfile', 'utf8'));
const inside = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

describe('families in the layout', () => {
  for (const direction of ['LR', 'TB'] as const) {
    it(`draws each family side by side in one box that nothing else enters (${direction}, moby/buildkit)`, () => {
      const layout = layoutStageGraph(buildkit, { direction });
      assert.deepEqual(layout.groups.map((group) => group.id), findStageFamilies(buildkit).map((family) => family.id));
      for (const group of layout.groups) {
        const members = layout.nodes.filter((node) => group.members.includes(node.id));
        assert.equal(members.length, group.members.length);
        for (const member of members) assert.ok(inside(member, group), `${member.id} inside ${group.id}`);
        for (const other of layout.nodes.filter((node) => !group.members.includes(node.id))) assert.ok(!boxesOverlap(other, group), `${other.id} stays out of ${group.id}`);
        // Every edge of a member ends on that member's side.
        for (const edge of layout.edges.filter((candidate) => group.members.includes(candidate.target))) {
          const end = edge.points[edge.points.length - 1];
          const member = members.find((node) => node.id === edge.target)!;
          if (direction === 'LR') assert.ok(end.x === member.x && end.y > member.y && end.y < member.y + member.height, `${edge.id} ends on ${member.id}`);
          else assert.ok(end.y === member.y && end.x > member.x && end.x < member.x + member.width, `${edge.id} ends on ${member.id}`);
        }
      }
      for (const [position, a] of layout.nodes.entries()) for (const b of layout.nodes.slice(position + 1)) assert.ok(!boxesOverlap(a, b), `${a.id} and ${b.id} overlap`);
    });
  }

  it('collapses the families of a big file by default, and each as the view chose', () => {
    const ids = (options: Parameters<typeof layoutStageGraph>[1]): string[] => layoutStageGraph(buildkit, options).nodes.filter((node) => node.kind === 'family').map((node) => node.id);
    assert.deepEqual(ids({ collapseFamiliesFrom: 50 }), [], '49 stages: under the threshold');
    assert.deepEqual(ids({ collapseFamiliesFrom: 20 }), findStageFamilies(buildkit).map((family) => family.id));
    assert.deepEqual(ids({ collapseFamiliesFrom: 20, families: { 'family:binaries': false } }), ['family:buildkit-export', 'family:containerd-alt', 'family:buildkit']);
  });

  it('draws a collapsed family as one box standing for its members, their edges merged onto it', () => {
    const layout = layoutStageGraph(buildkit, { families: { 'family:binaries': true } });
    const family = layout.nodes.find((node) => node.id === 'family:binaries')!;
    assert.equal(family.kind, 'family');
    assert.deepEqual(family.members.map((index) => buildkit.stages[index].name), ['binaries-linux', 'binaries-darwin', 'binaries-windows', 'binaries-freebsd']);
    assert.deepEqual(family.lines, ['binaries-*', 'linux · darwin · windows · freebsd', '4 variants · 1 built']);
    assert.ok(!layout.nodes.some((node) => node.id === 'stage:' + family.members[0]));
    assert.ok(!layout.groups.some((group) => group.id === 'family:binaries'));
    // buildctl is copied into all four: one edge into the family, counting the four copies.
    const buildctl = buildkit.stages.find((stage) => stage.name === 'buildctl')!.index;
    const copies = layout.edges.find((edge) => edge.id === `copy:stage:${buildctl}->family:binaries`)!;
    assert.equal(copies.edges.length, 4);
    assert.match(copies.label, /^×4 buildctl/);
    assert.ok(layout.edges.some((edge) => edge.source === 'family:binaries'), 'what builds on the family points at it');
  });
});
