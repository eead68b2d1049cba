// "Compare with HEAD" drawn in Chromium with the panel's real HTML and stylesheet: the view asks the host to compare,
// marks what the host's overlay names (it computes nothing itself), and goes back to the plain graph on request.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { compareDockerfiles } from '../../src/core/diff/compareDockerfiles';
import { diffOverlay, type DiffOverlay } from '../../src/core/diff/diffOverlay';
import type { BuildStateMessage, DiffOverlayMessage, GraphMessage } from '../../src/shared/protocol';
import { buildScene } from './buildStateMessage';
import { drawnClutter, type DrawnClutter } from './drawnClutter';
import { panelMessageFor } from './panelMessage';
import { WebviewHarness, type ViewPage } from './webviewHarness';

const SCREENSHOTS = 'test-output/screenshots';

/** A Go service before and after a review (the pair of test/unit/diff/diffOverlay.test.ts). */
const headText = 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20 AS tools\nRUN apk add curl\nFROM build AS test\nRUN go test ./... > /out/report\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nCOPY --from=tools /usr/bin/curl /usr/bin/curl\n';
const workingText = 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20 AS lint\nRUN echo lint\nFROM build AS unit-test\nRUN go test ./... > /out/report\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nCOPY --from=unit-test /out/report /report\n';

/** The drawing of `newText` and the overlay the host lays onto it when HEAD holds `oldText`. */
function compared(oldText: string, newText: string, version = 1): { graph: GraphMessage; overlay: DiffOverlayMessage } {
  const graph = panelMessageFor(newText, {}, version) as GraphMessage;
  const overlay = diffOverlay(compareDockerfiles(oldText, newText), graph.layout, 'HEAD');
  return { graph, overlay: { type: 'diffOverlay', version, overlay, message: null } };
}

/** Waits for the frame after a click on Fit (which names fit is decided in an animation frame). */
async function clickFit(view: ViewPage): Promise<void> {
  await view.page.click('.toolbar button:text-is("Fit")');
  await view.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The words of the marks of one kind that `clutter` found drawn. */
const marksOf = (clutter: DrawnClutter, kind: 'build badge' | 'compare mark' | 'removed'): string[] => clutter.marks.filter((mark) => mark.startsWith(`${kind} `));

const diffOf = (view: ViewPage, id: string): Promise<string | null> => view.page.getAttribute(`svg.graph g.node[data-id="${id}"]`, 'data-diff');
const pressed = (view: ViewPage): Promise<string | null> => view.page.getAttribute('.toolbar button[aria-label="Compare with HEAD"]', 'aria-pressed');

describe('graph view: Compare with HEAD', function () {
  this.timeout(60000);
  let harness: WebviewHarness;
  let view: ViewPage;

  before(async () => (harness = await WebviewHarness.start()));
  after(async () => harness?.stop());
  afterEach(() => view.closeChecked());

  it('asks the host to compare, then marks added, changed, renamed and newly built stages and the new edges', async () => {
    view = await harness.open('vscode-light', { width: 1200, height: 720 });
    const { graph, overlay } = compared(headText, workingText);
    await view.post(graph);
    assert.equal(await pressed(view), 'false');
    await view.page.click('.toolbar button[aria-label="Compare with HEAD"]');
    assert.deepEqual((await view.actions()).at(-1), { type: 'compareWithHead', compare: true });
    await view.post(overlay);
    assert.equal(await pressed(view), 'true');
    assert.equal(await diffOf(view, 'stage:0'), 'changed');
    assert.equal(await diffOf(view, 'stage:1'), 'added');
    assert.equal(await diffOf(view, 'stage:2'), 'renamed nowBuilt');
    assert.equal(await diffOf(view, 'stage:3'), null);
    assert.deepEqual(
      await view.page.$$eval('svg.graph .diff-badge text', (texts) => texts.map((text) => text.textContent).sort()),
      ['added', 'changed', 'renamed · now built'],
    );
    assert.equal(await view.page.textContent('svg.graph .diff-badge.diff-changed title'), 'changed: base golang:1.22 → golang:1.23');
    const added = await view.page.$$eval('svg.graph g.edge[data-diff="added"]', (edges) => edges.map((edge) => edge.getAttribute('data-id')).sort());
    assert.deepEqual(added, [...(overlay.overlay as DiffOverlay).addedEdges].sort());
    // The marks are drawn in their own colours (the stylesheet's), not the plain style.
    const stroke = (selector: string) => view.page.$eval(selector, (element) => getComputedStyle(element).stroke);
    assert.equal(await stroke('svg.graph g.node[data-id="stage:1"] rect.box'), 'rgb(56, 138, 52)');
    assert.equal(await stroke('svg.graph g.node[data-id="stage:0"] rect.box'), 'rgb(209, 134, 22)');
    assert.equal(await view.page.textContent('.diff-summary span'), (overlay.overlay as DiffOverlay).summary);
  });

  it('draws what was removed as dashed ghosts and edges below the drawing, all in view', async () => {
    view = await harness.open('vscode-light', { width: 700, height: 900 });
    const { graph, overlay } = compared(headText, workingText);
    await view.post(graph);
    await view.page.click('.toolbar button[aria-label="Compare with HEAD"]');
    await view.post(overlay);
    assert.deepEqual(await view.page.$$eval('svg.graph .diff-ghost text.title', (texts) => texts.map((text) => text.textContent)), ['tools', 'golang:1.22']);
    assert.deepEqual(
      await view.page.$$eval('svg.graph .diff-removed-edge title', (titles) => titles.map((title) => title.textContent).sort()),
      ['Removed since HEAD: alpine:3.20 → tools (from)', 'Removed since HEAD: golang:1.22 → build (from)', 'Removed since HEAD: tools → stage-3 (copy)'],
    );
    for (const selector of ['svg.graph .diff-removed-edge path', 'svg.graph .diff-ghost rect']) {
      assert.notEqual(await view.page.$eval(selector, (element) => getComputedStyle(element).strokeDasharray), 'none', `${selector} is dashed`);
    }
    // The comparison is brought into view once, ghosts included.
    await view.page.waitForTimeout(800);
    const svgBox = (await view.page.locator('svg.graph').boundingBox())!;
    for (const ghost of await view.page.locator('svg.graph .diff-ghost rect').all()) {
      const box = (await ghost.boundingBox())!;
      assert.ok(box.y >= svgBox.y && box.y + box.height <= svgBox.y + svgBox.height && box.x >= svgBox.x && box.x + box.width <= svgBox.x + svgBox.width, 'the ghost is on screen');
    }
  });

  it('goes back to the plain graph with Stop comparing, and says why when the host cannot compare', async () => {
    view = await harness.open('vscode-light', { width: 1200, height: 720 });
    const { graph, overlay } = compared(headText, workingText);
    await view.post(graph);
    await view.page.click('.toolbar button[aria-label="Compare with HEAD"]');
    await view.post(overlay);
    await view.page.click('.diff-summary button:text-is("Stop comparing")');
    assert.deepEqual((await view.actions()).at(-1), { type: 'compareWithHead', compare: false });
    await view.post({ type: 'diffOverlay', version: null, overlay: null, message: null });
    assert.equal(await view.page.locator('svg.graph [data-diff], svg.graph .diff-ghost, svg.graph .diff-badge').count(), 0);
    assert.equal(await view.page.isVisible('.diff-summary'), false);
    assert.equal(await pressed(view), 'false');

    await view.page.click('.toolbar button[aria-label="Compare with HEAD"]');
    const problem = 'Dockerfile is not in a git repository that VS Code has open.';
    await view.post({ type: 'diffOverlay', version: null, overlay: null, message: problem });
    assert.equal(await view.page.textContent('.status'), problem);
    assert.equal(await pressed(view), 'false');
  });

  it('drops the marks when a new drawing arrives, draws the overlay of that version only, and ignores a malformed one', async () => {
    view = await harness.open('vscode-light', { width: 1200, height: 720 });
    const first = compared(headText, workingText, 1);
    await view.post(first.graph);
    await view.post(first.overlay);
    const second = compared(headText, workingText, 2);
    await view.post(second.graph);
    assert.equal(await view.page.locator('svg.graph [data-diff]').count(), 0, 'the old marks are gone');
    await view.post(first.overlay);
    assert.equal(await view.page.locator('svg.graph [data-diff]').count(), 0, 'an overlay of another version is not drawn');
    await view.post({ ...second.overlay, overlay: { ...(second.overlay.overlay as DiffOverlay), removedEdges: [{ id: 'x', kind: 'copy', path: 'M0,0 Z" onload="alert(1)', tooltip: '' }] } });
    assert.equal(await view.page.locator('svg.graph [data-diff]').count(), 0, 'a malformed overlay is ignored');
    await view.post(second.overlay);
    assert.equal(await diffOf(view, 'stage:1'), 'added');
  });

  it("shows a build's badges and the comparison's marks at once, apart and in view, and either goes without the other", async () => {
    // The build of test/fixtures/buildlogs/parallel.Dockerfile; at HEAD, deps was named dependencies, lint was built on
    // busybox, and a stage legacy stood where docs is.
    const scene = buildScene('parallel.log');
    const working = readFileSync('test/fixtures/buildlogs/parallel.Dockerfile', 'utf8');
    const head = working
      .replace('FROM base AS deps', 'FROM base AS dependencies')
      .replace('FROM deps AS compile', 'FROM dependencies AS compile')
      .replace('FROM base AS lint', 'FROM busybox:local AS lint')
      .replace('# Only built for --target docs.\nFROM busybox:local AS docs\nRUN echo docs > /docs.txt', 'FROM busybox:local AS legacy\nRUN echo legacy');
    const overlay: DiffOverlayMessage = { type: 'diffOverlay', version: 1, overlay: diffOverlay(compareDockerfiles(head, working), scene.graph.layout, 'HEAD'), message: null };
    assert.deepEqual(overlay.overlay!.nodes.map((node) => `${node.id} ${node.marks.join(' ')}`).sort(), ['stage:1 renamed', 'stage:3 changed', 'stage:5 added']);
    // Beside the editor the drawing is compact (the badges' short words); in a wide panel it is drawn in full.
    for (const size of [{ width: 700, height: 900 }, { width: 1200, height: 720 }]) {
      if (view && !view.page.isClosed()) await view.closeChecked();
      view = await harness.open('vscode-light', size);
      await view.post(scene.graph);
      await view.post(scene.build);
      await view.page.click('.toolbar button[aria-label="Compare with HEAD"]');
      await view.post(overlay);
      for (const step of ['first view', 'Fit']) {
        if (step === 'Fit') await clickFit(view);
        const clutter = await drawnClutter(view);
        const where = `${size.width}×${size.height}, ${step}`;
        assert.equal(marksOf(clutter, 'build badge').length, 7, `${where}: every stage's build badge is drawn (${clutter.marks.join(', ')})`);
        assert.deepEqual(marksOf(clutter, 'compare mark').map((mark) => mark.replace(/^.* "/, '"')).sort(), ['"added"', '"changed"', '"renamed"'], `${where}: every compare mark is drawn`);
        assert.deepEqual(clutter.overlappingTexts, [], `${where}: texts that overlap`);
        assert.deepEqual(clutter.marksOutOfView, [], `${where}: marks not wholly in view`);
      }
      // Told apart without reading them: a badge is a pill with a sign, a compare mark a bare word in its mark's colour.
      const looks = await view.page.evaluate(() => {
        const badge = document.querySelector('g.node[data-id="stage:3"] .build-badge');
        const mark = document.querySelector('.diff-badge.diff-changed');
        return {
          badgeHasPill: badge?.querySelector('rect') !== null,
          markHasPill: mark?.querySelector('rect') !== null,
          badgeColour: getComputedStyle(badge!.querySelector('text')!).fill,
          markColour: getComputedStyle(mark!.querySelector('text')!).fill,
        };
      });
      assert.deepEqual([looks.badgeHasPill, looks.markHasPill], [true, false]);
      assert.notEqual(looks.badgeColour, looks.markColour);
    }

    // The build's states go (an edit was undone, say): the comparison stays as it was.
    await view.post({ type: 'buildState', documentUri: scene.graph.documentUri, version: 1, overlay: null } satisfies BuildStateMessage);
    let clutter = await drawnClutter(view);
    assert.deepEqual(marksOf(clutter, 'build badge'), []);
    assert.equal(marksOf(clutter, 'compare mark').length, 3);
    assert.equal(await diffOf(view, 'stage:3'), 'changed');
    // Back again, then the comparison stops: the build's states stay.
    await view.post(scene.build);
    await view.page.click('.diff-summary button:text-is("Stop comparing")');
    await view.post({ type: 'diffOverlay', version: null, overlay: null, message: null });
    clutter = await drawnClutter(view);
    assert.deepEqual([marksOf(clutter, 'compare mark'), marksOf(clutter, 'removed')], [[], []]);
    assert.equal(marksOf(clutter, 'build badge').length, 7);
    assert.equal(await view.page.isVisible('.build-strip'), true);
    assert.equal(await view.page.locator('svg.graph [data-diff]').count(), 0);
  });

  it('brings every word of the marks into view in a large real comparison, at first and at Fit (moby/buildkit, 700×900)', async () => {
    const working = readFileSync('test/fixtures/real/moby-buildkit.Dockerfile', 'utf8');
    // At HEAD the file ended with dev-env, so it built that; now it ends with buildkit: the stages only dev-env needs
    // are no longer built, those of buildkit now are. dev-env, on the right edge of the drawing, gets the longest mark.
    const devEnv = 'FROM integration-tests AS dev-env\nVOLUME /var/lib/buildkit\n';
    assert.ok(working.includes(devEnv));
    const head = `${working.replace(devEnv, '')}\n${devEnv}`;
    view = await harness.open('vscode-light', { width: 700, height: 900 });
    const { graph, overlay } = compared(head, working);
    await view.post(graph);
    await view.page.click('.toolbar button[aria-label="Compare with HEAD"]');
    await view.post(overlay);
    const marked = (overlay.overlay as DiffOverlay).nodes.length;
    for (const step of ['first view while comparing', 'Fit']) {
      if (step === 'Fit') await clickFit(view);
      const clutter = await drawnClutter(view);
      const words = marksOf(clutter, 'compare mark');
      assert.ok(words.some((mark) => mark.endsWith('"no longer built"')), `${step}: ${clutter.marks.join(', ')}`);
      assert.deepEqual(clutter.marksOutOfView, [], `${step}: marks not wholly in view`);
      // Zoomed out this far the marks' words would pile up on each other: those that would are left out.
      assert.ok(words.length < marked, `${step}: ${words.length} of ${marked} marks' words drawn`);
      const markOnMark = clutter.overlappingTexts.filter((pair) => pair.split(' / ').every((text) => text.startsWith('compare mark ')));
      assert.deepEqual(markOnMark, [], `${step}: marks' words on each other`);
    }
    // Zoomed in to full detail, every mark has its words again.
    await view.page.mouse.move(350, 500);
    while (!(await view.page.$eval('svg.graph', (svg) => !svg.classList.contains('lod-compact')))) await view.page.mouse.wheel(0, -400);
    await view.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    assert.equal(await view.page.locator('svg.graph .diff-badge.crowded').count(), 0);
    assert.equal(await view.page.locator('svg.graph .diff-badge').count(), marked);
  });

  it('looks right beside the editor, light and dark (screenshots)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const oldText = readFileSync('test/fixtures/diff/compose/5de4353a6.Dockerfile', 'utf8');
    const newText = readFileSync('test/fixtures/diff/compose/d518da241-renamed-edited.Dockerfile', 'utf8');
    const shots = [['go-service', [headText, workingText]], ['compose', [oldText, newText]]] as const;
    for (const [name, pair] of shots) {
      for (const theme of ['vscode-light', 'vscode-dark'] as const) {
        if (view && !view.page.isClosed()) await view.close();
        view = await harness.open(theme, { width: 700, height: 900 });
        const { graph, overlay } = compared(pair[0], pair[1]);
        await view.post(graph);
        await view.page.click('.toolbar button[aria-label="Compare with HEAD"]');
        await view.post(overlay);
        await view.page.waitForTimeout(800);
        assert.ok((await view.page.locator('svg.graph [data-diff]').count()) > 0);
        await view.page.screenshot({ path: `${SCREENSHOTS}/compare-with-head-${name}-${theme.replace('vscode-', '')}.png` });
      }
    }
  });
});
