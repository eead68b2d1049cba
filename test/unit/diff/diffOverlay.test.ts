/**
 * The graph diff laid onto the drawing ("Compare with HEAD" in the graph view): which drawn nodes and edges to mark,
 * and ghosts for what the drawing no longer has. The pair is a Go service's Dockerfile before and after a review
 * (the shape of test/fixtures/diff's real pairs, small enough to check every mark).
 */
import * as assert from 'node:assert/strict';
import { compareDockerfiles } from '../../../src/core/diff/compareDockerfiles';
import { diffMarkLabels, diffMarkText, MARK_BASELINE } from '../../../src/core/diff/diffMarkLabels';
import { diffOverlay } from '../../../src/core/diff/diffOverlay';
import { estimateTextWidth } from '../../../src/core/layout/textWidth';
import { layoutStageGraph } from '../../../src/core/layout/layoutStageGraph';

const before = [
  'FROM golang:1.22 AS build',
  'RUN go build -o /out/app .',
  'FROM alpine:3.20 AS tools',
  'RUN apk add curl',
  'FROM build AS test',
  'RUN go test ./... > /out/report',
  'FROM alpine:3.20',
  'COPY --from=build /out/app /app',
  'COPY --from=tools /usr/bin/curl /usr/bin/curl',
  '',
].join('\n');

const after = [
  'FROM golang:1.23 AS build',
  'RUN go build -o /out/app .',
  'FROM alpine:3.20 AS lint',
  'RUN echo lint',
  'FROM build AS unit-test',
  'RUN go test ./... > /out/report',
  'FROM alpine:3.20',
  'COPY --from=build /out/app /app',
  'COPY --from=unit-test /out/report /report',
  '',
].join('\n');

function overlayOf(oldText: string, newText: string, options: Parameters<typeof layoutStageGraph>[1] = {}) {
  const comparison = compareDockerfiles(oldText, newText);
  const layout = layoutStageGraph(comparison.after, options);
  return { layout, overlay: diffOverlay(comparison, layout, 'HEAD') };
}

describe('diffOverlay (a graph diff drawn on the current graph)', () => {
  it('marks added, changed, renamed and newly built stages on their own nodes, with what changed', () => {
    const { overlay } = overlayOf(before, after);
    const byId = Object.fromEntries(overlay.nodes.map((node) => [node.id, node]));
    assert.deepEqual(byId['stage:0'], { id: 'stage:0', marks: ['changed'], notes: ['changed: base golang:1.22 → golang:1.23'] });
    assert.deepEqual(byId['stage:1'], { id: 'stage:1', marks: ['added'], notes: ['added since HEAD'] });
    // Same place, same base and instructions, new name: a rename; the last stage now copies from it, so it is built.
    assert.deepEqual(byId['stage:2'], { id: 'stage:2', marks: ['renamed', 'nowBuilt'], notes: ['renamed from test', 'now built for the target'] });
    assert.equal(byId['stage:3'], undefined, 'the last stage changed only its sources, which the edges show');
    assert.equal(overlay.summary, 'Compared with HEAD: stages: 1 added, 1 removed, 1 renamed, 1 changed; edges: 3 added, 3 removed; for the target: 1 now built.');
  });

  it("pins each node's mark words above its box's top-left corner, clear of a build badge's band, and each ghost's name", () => {
    const { layout, overlay } = overlayOf(before, after);
    assert.equal(diffMarkText(['renamed', 'nowBuilt']), 'renamed · now built');
    assert.equal(diffMarkText(['nowSkipped']), 'no longer built');
    const labels = diffMarkLabels(overlay, layout);
    assert.equal(labels.length, overlay.nodes.length + overlay.removedStages.length);
    overlay.nodes.forEach((marked, index) => {
      const node = layout.nodes.find((candidate) => candidate.id === marked.id)!;
      const { x, y, box } = labels[index];
      assert.deepEqual([x, y], [node.x, node.y], `${marked.id} hangs from its corner`);
      // A build badge is 18 high, straddling the top edge: the words end above it.
      assert.ok(box.y + box.height <= -9, `${marked.id}'s words end ${box.y + box.height} above the edge`);
      assert.ok(box.y < MARK_BASELINE && box.y + box.height > MARK_BASELINE, 'the box holds the baseline');
      assert.ok(box.width >= estimateTextWidth(diffMarkText(marked.marks), 11), 'as wide as the words at least');
    });
    const ghost = overlay.removedStages[0];
    assert.deepEqual(labels[overlay.nodes.length].x, ghost.x + 10);
  });

  it('marks the drawn edges that are new, by their layout ids', () => {
    const { layout, overlay } = overlayOf(before, after);
    const described = overlay.addedEdges.map((id) => layout.edges.find((edge) => edge.id === id)!).map((edge) => `${edge.source} -> ${edge.target} ${edge.kind}`);
    assert.deepEqual(described.sort(), ['image:golang:1.23 -> stage:0 from', 'image:alpine:3.20 -> stage:1 from', 'stage:2 -> stage:3 copy'].sort());
  });

  it('draws what was removed as ghosts below the drawing, joined by dashed edges to what is still drawn', () => {
    const { layout, overlay } = overlayOf(before, after);
    assert.deepEqual(overlay.removedStages.map(({ id, label, detail }) => ({ id, label, detail })), [
      { id: 'ghost:stage:1', label: 'tools', detail: 'removed · FROM alpine:3.20' },
      { id: 'ghost:image:golang:1.22', label: 'golang:1.22', detail: 'no longer used' },
    ]);
    for (const ghost of overlay.removedStages) assert.ok(ghost.y >= layout.height, `${ghost.label} is below the drawing`);
    const [tools, golang] = overlay.removedStages;
    assert.ok(golang.x >= tools.x + tools.width, 'ghosts do not overlap');
    assert.equal(overlay.height, tools.y + tools.height);
    assert.ok(overlay.width >= layout.width);
    assert.deepEqual(overlay.removedEdges.map((edge) => edge.tooltip).sort(), [
      'Removed since HEAD: alpine:3.20 → tools (from)',
      'Removed since HEAD: golang:1.22 → build (from)',
      'Removed since HEAD: tools → stage-3 (copy)',
    ]);
    const point = '-?[\\d.]+,-?[\\d.]+';
    for (const edge of overlay.removedEdges) assert.match(edge.path, new RegExp(`^M${point}C${point} ${point} ${point}$`));
  });

  it('leaves removed image edges undrawn when images are hidden, and says when nothing changed', () => {
    const { overlay } = overlayOf(before, after, { hideImages: true });
    assert.deepEqual(overlay.removedStages.map((ghost) => ghost.label), ['tools']);
    assert.deepEqual(overlay.removedEdges.map((edge) => edge.tooltip), ['Removed since HEAD: tools → stage-3 (copy)']);
    const same = overlayOf(after, after).overlay;
    assert.equal(same.summary, 'Compared with HEAD: the stage graph did not change.');
    assert.deepEqual([same.nodes, same.addedEdges, same.removedStages, same.removedEdges], [[], [], [], []]);
  });

  it('marks a family or summary node for the stages folded into it, naming the stage', () => {
    const comparison = compareDockerfiles(before, after);
    const layout = layoutStageGraph(comparison.after, { buildPath: true });
    const overlay = diffOverlay(comparison, layout, 'HEAD');
    const summary = layout.nodes.find((node) => node.kind === 'summary');
    assert.ok(summary, 'the build path folds the lint stage away');
    assert.deepEqual(overlay.nodes.find((node) => node.id === summary.id)?.notes, ['lint: added since HEAD']);
  });
});
