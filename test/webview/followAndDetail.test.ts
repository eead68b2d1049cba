// The graph view's level of detail, follow and resize behaviour, in Chromium with the panel's real HTML.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { GraphMessage } from '../../src/shared/protocol';
import { panelMessageFor } from './panelMessage';
import { WebviewHarness, type ViewPage } from './webviewHarness';

function messageFor(path: string): GraphMessage {
  const message = panelMessageFor(readFileSync(path, 'utf8'), {}, 1, path.split('/').pop());
  assert.equal(message.type, 'graph');
  return message as GraphMessage;
}

/** The zoom's scale and translation as the viewport is drawn. */
const transformOf = (view: ViewPage): Promise<{ x: number; y: number; k: number }> =>
  view.page.evaluate(() => {
    const matrix = document.querySelector<SVGGElement>('g.viewport')!.transform.baseVal.consolidate()?.matrix;
    return { x: matrix?.e ?? 0, y: matrix?.f ?? 0, k: matrix?.a ?? 1 };
  });

/** Zooms with the mouse wheel over the middle of the drawing (negative: in). */
async function wheel(view: ViewPage, deltaY: number): Promise<void> {
  const box = (await view.page.locator('svg.graph').boundingBox())!;
  await view.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await view.page.mouse.wheel(0, deltaY);
  await view.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** What is displayed: full box lines, compact names (with their on-screen font size) and edge labels. */
function displayed(view: ViewPage): Promise<{ fullLines: number; compactNames: number[]; edgeLabels: number }> {
  return view.page.evaluate(() => ({
    fullLines: Array.from(document.querySelectorAll('svg.graph g.node > text:not(.compact-name):not(.elided-mark)')).filter((text) => text.getClientRects().length > 0).length,
    compactNames: Array.from(document.querySelectorAll<SVGTextElement>('svg.graph g.node text.compact-name'))
      .filter((text) => text.getClientRects().length > 0)
      .map((text) => Math.round(parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM()!.a * 10) / 10),
    edgeLabels: Array.from(document.querySelectorAll('svg.graph g.edge-label text')).filter((text) => text.getClientRects().length > 0 && text.textContent !== '').length,
  }));
}

/** Whether the node's box is wholly inside the drawing area on screen. */
const inView = (view: ViewPage, id: string): Promise<boolean> =>
  view.page.evaluate((nodeId) => {
    const box = document.querySelector(`svg.graph g.node[data-id="${nodeId}"] rect`)!.getBoundingClientRect();
    const area = document.querySelector('svg.graph')!.getBoundingClientRect();
    return box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom;
  }, id);

describe('graph view: level of detail, follow and resize', function () {
  this.timeout(60000);
  let harness: WebviewHarness;
  let view: ViewPage;

  before(async () => (harness = await WebviewHarness.start()));
  after(async () => harness?.stop());
  afterEach(() => view.closeChecked());

  it('draws names alone at one readable size when zoomed out, and the boxes in full with edge labels when zoomed in', async () => {
    view = await harness.open('vscode-light', { width: 1200, height: 720 });
    await view.post(messageFor('examples/go-service.Dockerfile'));
    assert.ok((await transformOf(view)).k >= 1, 'a small file is shown at full size');
    let shown = await displayed(view);
    assert.ok(shown.fullLines > 0 && shown.edgeLabels > 0);
    assert.deepEqual(shown.compactNames, []);
    await wheel(view, 700);
    const out = (await transformOf(view)).k;
    assert.ok(out < 0.6, `zoomed out to ${out}`);
    shown = await displayed(view);
    assert.equal(shown.fullLines, 0, 'no box lines shrunk into noise');
    assert.equal(shown.edgeLabels, 0, 'no edge labels too small to read');
    assert.deepEqual(new Set(shown.compactNames), new Set([12]), 'every name drawn is 12px on screen');
    await wheel(view, 600);
    assert.deepEqual(new Set((await displayed(view)).compactNames), new Set([12]), 'still 12px further out');
    await wheel(view, -1600);
    shown = await displayed(view);
    assert.ok(shown.fullLines > 0 && shown.edgeLabels > 0, 'details are back');
    assert.deepEqual(shown.compactNames, []);
  });

  it('draws every edge label above all the lines, so no other edge runs over its words; a click on it is a click on its edge', async () => {
    view = await harness.open('vscode-light', { width: 700, height: 900 });
    const message = messageFor('test/fixtures/real/moby-buildkit.Dockerfile');
    await view.post(message);
    // Fourteen copies enter integration-tests-base: their lines cross one another's labels.
    const stage = message.layout.nodes.find((node) => node.key === 'stage:integration-tests-base')!.stage!;
    await view.post({ type: 'highlightStage', stage, version: 1, reveal: true });
    await view.nextFrame();
    const labels = await view.page.evaluate(() => {
      const boxes = Array.from(document.querySelectorAll('svg.graph g.node rect.box')).map((rect) => rect.getBoundingClientRect());
      const area = document.querySelector('svg.graph')!.getBoundingClientRect();
      const lines = Array.from(document.querySelectorAll<SVGPathElement>('svg.graph g.edge path.line'));
      return Array.from(document.querySelectorAll<SVGTextElement>('svg.graph g.edge-label text'))
        .filter((text) => text.getClientRects().length > 0)
        .map((text) => {
          const box = text.getBoundingClientRect();
          const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
          const underBox = boxes.some((rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom);
          const inArea = x > area.left && x < area.right && y > area.top && y < area.bottom;
          // A line under the label is painted first when it comes before the label in document order.
          const crossing = lines.filter((line) => {
            const lineBox = line.getBoundingClientRect();
            return lineBox.left <= box.right && box.left <= lineBox.right && lineBox.top <= box.bottom && box.top <= lineBox.bottom;
          });
          return {
            id: text.parentElement!.getAttribute('data-id')!,
            checked: inArea && !underBox,
            atCentre: document.elementFromPoint(x, y)?.closest('g.edge-label')?.getAttribute('data-id') ?? null,
            crossing: crossing.length,
            linesAfter: crossing.filter((line) => text.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).length,
          };
        });
    });
    const checked = labels.filter((label) => label.checked);
    assert.ok(checked.length >= 8, `${checked.length} labels in view`);
    assert.ok(checked.some((label) => label.crossing > 1), 'some label has other edges\' lines across it');
    for (const label of checked) {
      assert.equal(label.linesAfter, 0, `no line is painted over the label of ${label.id}`);
      assert.equal(label.atCentre, label.id, `the label of ${label.id} is what is under the pointer at its middle`);
    }
    const asked = (await view.actions()).length;
    const { x, y } = await view.page.$eval(`svg.graph g.edge-label[data-id="${checked[0].id}"] text`, (text) => {
      const box = text.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await view.page.mouse.click(x, y);
    const clicked = (await view.actions()).slice(asked);
    assert.ok(clicked.some((action) => action.type === 'revealLine'), `a click on a label goes to its instruction (${JSON.stringify(clicked)})`);
  });

  it('leaves out names that would overlap, never the target\'s or the cursor\'s', async () => {
    view = await harness.open('vscode-light', { width: 700, height: 900 });
    await view.post(messageFor('test/fixtures/real/moby-buildkit.Dockerfile'));
    await view.page.click('.toolbar button[title^="Fit"]');
    await view.nextFrame();
    assert.ok((await transformOf(view)).k < 0.25, 'the whole file is tiny');
    const boxes = await view.page.$$eval('svg.graph g.node text.compact-name', (texts) =>
      texts.filter((text) => text.getClientRects().length > 0).map((text) => text.getBoundingClientRect()).map(({ left, right, top, bottom }) => ({ left, right, top, bottom })),
    );
    assert.ok(boxes.length > 5);
    for (const [index, a] of boxes.entries()) {
      for (const b of boxes.slice(index + 1)) assert.ok(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, 'two drawn names overlap');
    }
    const nameShown = (key: string): Promise<boolean> => view.page.$eval(`svg.graph g.node[data-key="${key}"] text.compact-name`, (text) => text.getClientRects().length > 0);
    assert.ok(await nameShown('stage:buildkit'), 'the target keeps its name');
    const hidden = await view.page.$eval('svg.graph g.node-stage.culled', (node) => Number(node.getAttribute('data-id')!.slice('stage:'.length)));
    await view.post({ type: 'highlightStage', stage: hidden, version: 1, reveal: false });
    assert.equal(await view.page.$eval(`svg.graph g.node[data-id="stage:${hidden}"]`, (node) => node.classList.contains('culled')), false, 'the cursor\'s stage gets its name');
  });

  it('follows the editor\'s cursor with a pan that keeps the zoom, unless the user just moved the view; "Show in graph" always', async () => {
    view = await harness.open('vscode-light', { width: 700, height: 900 });
    const message = messageFor('test/fixtures/real/moby-buildkit.Dockerfile');
    await view.post(message);
    const first = await transformOf(view);
    const offScreen: number[] = [];
    for (const node of message.layout.nodes) if (node.stage !== null && !(await inView(view, node.id))) offScreen.push(node.stage);
    assert.ok(offScreen.length >= 3, 'some stages start off screen');
    await view.post({ type: 'highlightStage', stage: offScreen[0], version: 1, reveal: false });
    assert.ok(await inView(view, `stage:${offScreen[0]}`), 'the cursor\'s stage came into view');
    assert.equal((await transformOf(view)).k, first.k, 'by a pan alone');
    const still = await transformOf(view);
    await view.post({ type: 'highlightStage', stage: offScreen[0], version: 1, reveal: false });
    assert.deepEqual(await transformOf(view), still, 'a stage in view does not move the view');
    // The user pans by hand: the cursor moving on does not take the view away from what they are looking at.
    const box = (await view.page.locator('svg.graph').boundingBox())!;
    await view.page.mouse.move(box.x + 300, box.y + 400);
    await view.page.mouse.down();
    await view.page.mouse.move(box.x + 200, box.y + 300, { steps: 4 });
    await view.page.mouse.up();
    const panned = await transformOf(view);
    const stillOff: number[] = [];
    for (const stage of offScreen) if (!(await inView(view, `stage:${stage}`))) stillOff.push(stage);
    const [elsewhere, another] = stillOff;
    await view.post({ type: 'highlightStage', stage: another, version: 1, reveal: false });
    assert.deepEqual(await transformOf(view), panned, 'no follow right after a pan by hand');
    assert.equal(await inView(view, `stage:${another}`), false);
    await view.post({ type: 'highlightStage', stage: elsewhere, version: 1, reveal: true });
    assert.ok(await inView(view, `stage:${elsewhere}`), '"Show in graph" brings the stage into view');
    assert.ok((await transformOf(view)).k >= 1, 'at a scale where its details read');
  });

  it('animates the move to a stage, or jumps when the user prefers reduced motion', async () => {
    for (const motion of [true, false]) {
      view = await harness.open('vscode-light', { width: 700, height: 900 }, motion);
      await view.post(messageFor('test/fixtures/real/moby-buildkit.Dockerfile'));
      const before = await transformOf(view);
      // The viewport's transform at every frame from the reveal until it has held still for ten frames (at most 5 s):
      // sampling every frame, rather than at fixed times, keeps the test right however slow a loaded machine is.
      // (A string, as tsx would wrap a named function in a helper the page does not have.)
      const frames: string[] = await view.page.evaluate(`new Promise((resolve) => {
        const viewport = document.querySelector('g.viewport');
        const seen = [];
        const started = performance.now();
        window.postMessage({ type: 'highlightStage', stage: 0, version: 1, reveal: true }, '*');
        requestAnimationFrame(function sample() {
          seen.push(viewport.getAttribute('transform') || '');
          const still = seen.length > 10 && seen.slice(-10).every((value) => value === seen[seen.length - 1]);
          if (still || performance.now() - started > 5000) resolve(seen);
          else requestAnimationFrame(sample);
        });
      })`);
      const after = await transformOf(view);
      assert.notDeepEqual(after, before, 'the view moved');
      const final = frames.at(-1);
      const between = frames.filter((frame) => frame !== final && frame !== frames[0]);
      if (motion) assert.ok(between.length > 0, `part way through the animation: ${frames.length} frames`);
      else assert.deepEqual(between, [], 'no animation: the view goes straight from where it was to where it ends');
      if (motion) await view.close();
    }
  });

  it('places the view again when the panel is resized, until the user zooms; then keeps the middle of what they look at', async () => {
    view = await harness.open('vscode-light', { width: 1600, height: 900 });
    const message = messageFor('examples/monorepo.Dockerfile');
    await view.post(message);
    const wide = await transformOf(view);
    await view.page.setViewportSize({ width: 700, height: 900 });
    await view.page.waitForFunction((k) => {
      const matrix = document.querySelector<SVGGElement>('g.viewport')!.transform.baseVal.consolidate()?.matrix;
      return matrix !== undefined && matrix.a < k;
    }, wide.k);
    const narrow = await transformOf(view);
    assert.ok(narrow.k < wide.k, 'refitted to the narrower panel');
    const area = (await view.page.locator('svg.graph').boundingBox())!;
    // The middle of the view shows the same drawing point before and after a resize once the user has zoomed.
    await wheel(view, -100);
    const zoomed = await transformOf(view);
    const middle = { x: (area.width / 2 - zoomed.x) / zoomed.k, y: (area.height / 2 - zoomed.y) / zoomed.k };
    await view.page.setViewportSize({ width: 900, height: 900 });
    await view.page.waitForFunction((x) => {
      const matrix = document.querySelector<SVGGElement>('g.viewport')!.transform.baseVal.consolidate()?.matrix;
      return matrix !== undefined && matrix.e !== x;
    }, zoomed.x);
    const resized = await transformOf(view);
    const widened = (await view.page.locator('svg.graph').boundingBox())!;
    assert.equal(resized.k, zoomed.k, 'the zoom the user chose stays');
    assert.ok(Math.abs((widened.width / 2 - resized.x) / resized.k - middle.x) < 1 && Math.abs((widened.height / 2 - resized.y) / resized.k - middle.y) < 1);
  });
});
