import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { compactBoxWidth, compactCandidates, visibleCompactLabels } from '../../../src/core/layout/compactLabels';
import { firstViewTransform, fitWholeDrawing, readableScale } from '../../../src/core/layout/firstView';
import { detailAt, FULL_DETAIL_SCALE } from '../../../src/core/layout/levelOfDetail';
import { layoutStageGraph } from '../../../src/core/layout/layoutStageGraph';
import { pinnedLabelBox, uncrowdedLabels, type PinnedLabel } from '../../../src/core/layout/pinnedLabels';
import { centreTransform, fitTransform, isInView, revealTransform, screenBox } from '../../../src/core/layout/viewTransforms';

const view = { width: 700, height: 830 };

describe('view transforms', () => {
  it('fits an area centred, with a margin, never enlarging past 1.5', () => {
    const fit = fitTransform({ x: 0, y: 0, width: 1368, height: 400 }, view);
    assert.equal(fit.k, 0.5);
    assert.deepEqual(screenBox({ x: 0, y: 0, width: 1368, height: 400 }, fit), { x: 8, y: 315, width: 684, height: 200 });
    assert.equal(fitTransform({ x: 0, y: 0, width: 10, height: 10 }, view).k, 1.5);
  });

  it('leaves the view still when the box is already shown whole at a high enough scale', () => {
    const current = { x: 0, y: 0, k: 1 };
    assert.equal(revealTransform({ x: 100, y: 100, width: 150, height: 60 }, current, view, 1), null);
  });

  it('pans just far enough to bring a box in from the edge it was beyond, keeping the zoom', () => {
    const current = { x: 0, y: 0, k: 1 };
    const moved = revealTransform({ x: 900, y: 100, width: 150, height: 60 }, current, view, 0)!;
    assert.equal(moved.k, 1);
    assert.equal(moved.y, 0, 'no vertical move needed');
    assert.equal(screenBox({ x: 900, y: 100, width: 150, height: 60 }, moved).x + 150, view.width - 24, 'arrives 24px inside the right edge');
  });

  it('zooms in to the scale asked for and centres the box there', () => {
    const box = { x: 2000, y: 1500, width: 150, height: 60 };
    const moved = revealTransform(box, { x: 0, y: 0, k: 0.2 }, view, 1)!;
    assert.equal(moved.k, 1);
    assert.deepEqual(moved, centreTransform(box, view, 1));
    assert.ok(isInView(box, moved, view));
  });

  it('zooms out instead when the box could not be shown whole at that scale', () => {
    const huge = { x: 0, y: 0, width: 2000, height: 60 };
    const moved = revealTransform(huge, { x: 0, y: 0, k: 2 }, view, 1)!;
    assert.ok(moved.k < 1 && isInView(huge, moved, view));
  });
});

describe('fitWholeDrawing with words pinned to the drawing', () => {
  const layout = layoutStageGraph(buildStageGraph(readFileSync('test/fixtures/real/moby-buildkit.Dockerfile', 'utf8')));
  // A 90 px word on the rightmost box and one above the topmost: compact at this size, so they keep their size on screen.
  const right = layout.nodes.reduce((best, node) => (node.x + node.width > best.x + best.width ? node : best));
  const top = layout.nodes.reduce((best, node) => (node.y < best.y ? node : best));
  const labels: PinnedLabel[] = [
    { x: right.x, y: right.y, box: { x: 0, y: -22, width: 90, height: 13 } },
    { x: top.x, y: top.y, box: { x: 0, y: -22, width: 90, height: 13 } },
  ];

  it('scales down to hold them whole in the view, where the drawing alone would cut them', () => {
    const without = fitWholeDrawing(layout, view);
    assert.equal(detailAt(without.k), 'compact');
    const onScreen = (label: PinnedLabel, scale: { x: number; y: number; k: number }) => screenBox(pinnedLabelBox(label, scale.k), scale);
    const cut = onScreen(labels[0], without);
    assert.ok(cut.x + cut.width > view.width, 'the drawing alone leaves the word on the right cut');
    const fit = fitWholeDrawing(layout, view, labels);
    assert.ok(fit.k < without.k);
    for (const label of labels) {
      const shown = onScreen(label, fit);
      assert.ok(shown.x >= 0 && shown.y >= 0 && shown.x + shown.width <= view.width && shown.y + shown.height <= view.height, `${JSON.stringify(shown)} is in view`);
      assert.ok(Math.abs(shown.width - 90) < 1e-6, 'drawn compact: its on-screen size');
    }
    assert.deepEqual(firstViewTransform(layout, view, null, labels).k, layout.readableScale > fit.k ? layout.readableScale : fit.k);
  });

  it('leaves out, zoomed out, the words that would lie on words drawn before them; all are drawn in full detail', () => {
    const word = { x: 0, y: -22, width: 50, height: 13 };
    // Three words 100 drawing units apart: 30 px at 0.3, so the second lies on the first; the third is 60 px on.
    const row: PinnedLabel[] = [0, 100, 200].map((x) => ({ x, y: 0, box: word }));
    assert.deepEqual(uncrowdedLabels(row, 0.3), [true, false, true]);
    assert.deepEqual(uncrowdedLabels(row, 0.1), [true, false, false]);
    assert.deepEqual(uncrowdedLabels(row, FULL_DETAIL_SCALE), [true, true, true]);
  });

  it('takes them in drawing units when the drawing is shown in full', () => {
    const small = layoutStageGraph(buildStageGraph('FROM alpine AS a\nFROM a AS b\n'));
    const wide = { width: 1600, height: 830 };
    const above = { x: 0, y: 0, box: { x: 0, y: -40, width: 10, height: 13 } };
    const fit = fitWholeDrawing(small, wide, [above]);
    assert.equal(detailAt(fit.k), 'full');
    assert.deepEqual(fit, fitTransform({ x: 0, y: -40, width: small.width, height: small.height + 40 }, wide));
  });
});

describe('firstViewTransform', () => {
  it('shows a small drawing whole, with room for names wider than their boxes when it shows them compact', () => {
    const layout = layoutStageGraph(buildStageGraph(readFileSync('examples/go-service.Dockerfile', 'utf8')));
    const wide = { width: 1600, height: 830 };
    assert.deepEqual(firstViewTransform(layout, wide), fitTransform({ x: 0, y: 0, width: layout.width, height: layout.height }, wide));
    const first = firstViewTransform(layout, view);
    assert.deepEqual(first, fitWholeDrawing(layout, view));
    assert.equal(detailAt(first.k), 'compact');
    for (const node of layout.nodes) {
      const half = compactBoxWidth(node.lines[0]) / 2;
      const centre = (node.x + node.width / 2) * first.k + first.x;
      assert.ok(centre - half >= 0 && centre + half <= view.width, `${node.lines[0]}'s name is not cut off`);
    }
  });

  it('shows a big drawing (moby/buildkit beside the editor) at a readable scale around its target, not shrunk whole', () => {
    // As the view lays it out: its families collapsed (FAMILIES_COLLAPSED_FROM in the panel).
    const layout = layoutStageGraph(buildStageGraph(readFileSync('test/fixtures/real/moby-buildkit.Dockerfile', 'utf8')), { collapseFamiliesFrom: 20 });
    const fit = fitTransform({ x: 0, y: 0, width: layout.width, height: layout.height }, view);
    const first = firstViewTransform(layout, view);
    assert.ok(first.k > fit.k * 1.5, `${first.k} is well above the fit scale ${fit.k}`);
    const target = layout.nodes.find((node) => node.isTarget)!;
    assert.ok(isInView(target, first, view), 'the target is in view');
    if (detailAt(first.k) === 'compact') {
      const stages = layout.nodes.filter((node) => node.kind === 'stage');
      const drawn = visibleCompactLabels(compactCandidates({ ...layout, nodes: stages }), first.k).named;
      assert.ok(drawn.size >= 0.9 * stages.length, 'nearly every name can be drawn at that scale');
    }
    const shown = layout.nodes.filter((node) => (node.kind === 'stage' || node.kind === 'family') && node.reachable && isInView(node, first, view));
    assert.ok(shown.length >= 5, `${shown.length} built stages in view`);
  });

  it('opens at the scale the layout says the drawing reads from, which the host works out once', () => {
    for (const name of ['moby-buildkit', 'moby-moby', 'docker-buildx']) {
      const layout = layoutStageGraph(buildStageGraph(readFileSync(`test/fixtures/real/${name}.Dockerfile`, 'utf8')), { collapseFamiliesFrom: 20 });
      assert.equal(layout.readableScale, readableScale(layout), `${name}: the layout carries its readable scale`);
      const stages = layout.nodes.filter((node) => node.kind === 'stage');
      const candidates = compactCandidates(layout);
      const namedAt = (scale: number): number => stages.filter((stage) => visibleCompactLabels(candidates, scale).named.has(stage.id)).length;
      const scale = layout.readableScale;
      assert.ok(scale < FULL_DETAIL_SCALE, `${name} is big enough to be read compact`);
      assert.ok(namedAt(scale) >= 0.9 * stages.length, `${name}: nearly every name is drawn at ${scale}`);
      assert.ok(namedAt(scale / 1.1) < 0.9 * stages.length, `${name}: 10% further out, too many names are left out`);
      const first = firstViewTransform(layout, view);
      assert.equal(first.k, Math.max(scale, fitWholeDrawing(layout, view).k), `${name}: the first view is at that scale, or the fit when larger`);
    }
  });
});
