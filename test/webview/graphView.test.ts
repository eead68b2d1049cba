// The graph view's bundle in Debian's Chromium, with a stand-in for VS Code's webview host and the panel's real
// HTML and Content-Security-Policy (src/extension/graphView/graphPanelHtml.ts). Messages are built the way the panel builds them.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { graphEntryPoints } from '../../src/core/editor/graphEntryPoints';
import { readEntryPoints } from '../../src/core/entrypoints/readEntryPoints';
import { buildStageGraph } from '../../src/core/graph/buildStageGraph';
import { pickEntryPoint, type GraphViewSettings } from '../../src/extension/graphView/graphPanelModel';
import { panelMessageFor } from './panelMessage';
import { WebviewHarness, type ThemeName, type ViewPage } from './webviewHarness';

const SCREENSHOTS = 'test-output/screenshots';
const example = (name: string): string => readFileSync(`examples/${name}`, 'utf8');

const composeBake = 'examples/compose-bake';
const composeBakeDockerfile = readFileSync(`${composeBake}/Dockerfile`, 'utf8');
const composeBakeScan = readEntryPoints(['compose.yaml', 'docker-bake.hcl'].map((name) => ({ path: `${composeBake}/${name}`, text: readFileSync(`${composeBake}/${name}`, 'utf8') })));
const composeBakeEntries = graphEntryPoints(composeBakeScan, `${composeBake}/Dockerfile`, buildStageGraph(composeBakeDockerfile));
const viewDefaults: GraphViewSettings = { target: null, buildArgs: {}, entryPoint: null, hideImages: false, direction: 'LR' };

/** Titles (first text line) of the drawn nodes, in document order. */
const nodeTitles = (view: ViewPage): Promise<string[]> => view.page.$$eval('g.node', (nodes) => nodes.map((node) => node.querySelector('text')?.textContent ?? ''));

describe('graph view in Chromium', function () {
  this.timeout(60000);
  let harness: WebviewHarness;
  let view: ViewPage;

  before(async () => {
    harness = await WebviewHarness.start();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => harness?.stop());
  beforeEach(async () => (view = await harness.open()));
  afterEach(() => view.closeChecked());

  it('says ready first, then draws go-service: two stages, the images they use, and labelled copies', async () => {
    assert.deepEqual(await view.posted(), [{ type: 'ready', restore: null }]);
    await view.post(panelMessageFor(example('go-service.Dockerfile'), {}, 1, 'go-service.Dockerfile'));
    assert.deepEqual((await nodeTitles(view)).sort(), ['alpine:3.20', 'golang:1.22-alpine', 'stage-0', 'stage-1', '…/static-debian12:nonroot']);
    assert.equal(await view.page.textContent('g.node-image[data-key="image:gcr.io/distroless/static-debian12:nonroot"] title'), 'External image gcr.io/distroless/static-debian12:nonroot');
    // Each edge with its label (drawn in the labels' own layer, keyed by the edge's id).
    const edges = await view.page.$$eval('g.edge', (groups) =>
      groups.map((group) => {
        const id = group.getAttribute('data-id')!;
        const label = Array.from(document.querySelectorAll('g.edge-label')).find((candidate) => candidate.getAttribute('data-id') === id);
        return `${id} [${label?.querySelector('text')?.textContent ?? ''}]`;
      }),
    );
    assert.deepEqual(edges.sort(), [
      'copy:image:alpine:3.20->stage:1 [ca-certificates.crt → …/certs/]',
      'copy:stage:0->stage:1 [server → /usr/local/bin/]',
      'from:image:gcr.io/distroless/static-debian12:nonroot->stage:1 []',
      'from:image:golang:1.22-alpine->stage:0 []',
    ]);
    assert.equal(await view.page.textContent('.file-name'), 'go-service.Dockerfile');
    assert.deepEqual(await view.posted(), [{ type: 'ready', restore: null }, { type: 'rendered', version: 1, nodeCount: 5 }]);
    assert.equal(await view.page.$eval('g.node.target text', (text) => text.textContent), 'stage-1');
  });

  it('draws as many nodes and edges as the layout has, for every example', async () => {
    for (const name of readdirSync('examples').filter((file) => file.endsWith('.Dockerfile'))) {
      const message = panelMessageFor(example(name), {}, 1, name);
      assert.equal(message.type, 'graph', name);
      if (message.type !== 'graph') continue;
      await view.post(message);
      assert.equal(await view.page.locator('g.node').count(), message.layout.nodes.length, name);
      assert.equal(await view.page.locator('g.edge').count(), message.layout.edges.length, name);
      assert.deepEqual((await nodeTitles(view)).sort(), message.layout.nodes.map((node) => node.lines[0]).sort(), name);
    }
  });

  it('greys and labels the stages the default target skips in monorepo (debug, tests, lint)', async () => {
    await view.post(panelMessageFor(example('monorepo.Dockerfile')));
    const skipped = await view.page.$$eval('g.node-stage.unreachable', (nodes) => nodes.map((node) => node.querySelector('text')?.textContent).sort());
    assert.deepEqual(skipped, ['debug', 'go-lint', 'go-test', 'py-base', 'reports', 'web-test']);
    const details = await view.page.$eval('g.node-stage.unreachable[data-key="stage:debug"]', (node) => node.textContent);
    assert.match(details ?? '', /not built/);
    // Faded on screen, not only marked: what the eye sees of the outline is the product of the group's and the box's
    // opacity and the outline's own (zoomed out, a box fades its outline alone, so lines under it stay hidden).
    const seenOpacity = (key: string): Promise<number> =>
      view.page.$eval(`g.node[data-key="${key}"]`, (node) => {
        const box = getComputedStyle(node.querySelector('rect')!);
        return Number(getComputedStyle(node).opacity) * Number(box.opacity) * Number(box.strokeOpacity);
      });
    assert.ok((await seenOpacity('stage:debug')) < 0.8, 'a skipped stage is faded');
    assert.equal(await seenOpacity('stage:release'), 1, 'a built stage is not');
  });

  it('asks the host to reveal the FROM of a clicked stage and the instruction of a clicked edge', async () => {
    await view.post(panelMessageFor(example('node-frontend.Dockerfile'), {}, 4));
    await view.page.click('g.node[data-key="stage:build"] rect');
    await view.page.click('g.edge[data-id="copy:stage:1->stage:2"] path.hit', { force: true });
    assert.deepEqual(await view.actions(), [
      { type: 'revealStage', stage: 1, version: 4 },
      { type: 'revealLine', line: 23, version: 4 },
    ]);
  });

  it('highlights the stage the cursor is in with its incoming and outgoing edges, and clears it', async () => {
    await view.post(panelMessageFor(example('node-frontend.Dockerfile'), {}, 2));
    await view.post({ type: 'highlightStage', stage: 1, version: 2, reveal: false });
    assert.deepEqual(await view.page.$$eval('g.node.highlighted', (nodes) => nodes.map((node) => node.getAttribute('data-key'))), ['stage:build']);
    const edges = await view.page.$$eval('g.edge.highlighted', (groups) => groups.map((group) => group.getAttribute('data-id')).sort());
    assert.deepEqual(edges, ['copy:stage:0->stage:1', 'copy:stage:1->stage:2', 'from:image:node:20-alpine->stage:1']);
    await view.post({ type: 'highlightStage', stage: 1, version: 1, reveal: false });
    assert.equal(await view.page.locator('g.node.highlighted').count(), 1, 'a highlight for an older version is ignored');
    await view.post({ type: 'highlightStage', stage: null, version: 2, reveal: false });
    assert.equal(await view.page.locator('svg.graph .highlighted').count(), 0);
  });

  it('sends a new target to the host, and greys what the recomputed graph skips', async () => {
    const text = example('node-frontend.Dockerfile');
    await view.post(panelMessageFor(text));
    assert.deepEqual(await view.page.$$eval('#target option, select[aria-label="Build target"] option', (options) => options.map((option) => option.textContent)), [
      'Last stage',
      'deps',
      'build',
      'runtime',
    ]);
    await view.page.selectOption('select[aria-label="Build target"]', 'deps');
    assert.deepEqual((await view.actions()).at(-1), { type: 'setTarget', target: 'deps' });
    await view.post(panelMessageFor(text, { target: 'deps' }, 1));
    const greyed = await view.page.$$eval('g.node-stage.unreachable', (nodes) => nodes.map((node) => node.getAttribute('data-key')).sort());
    assert.deepEqual(greyed, ['stage:build', 'stage:runtime']);
    assert.equal(await view.page.$eval('g.node.target', (node) => node.getAttribute('data-key')), 'stage:deps');
    assert.equal(await view.page.inputValue('select[aria-label="Build target"]'), 'deps');
  });

  it('sends build-arg overrides, image hiding and direction to the host', async () => {
    await view.post(panelMessageFor(example('node-frontend.Dockerfile')));
    await view.page.click('.build-args summary');
    await view.page.fill('input[name="NODE_VERSION"]', '22');
    await view.page.click('.build-args button[type="submit"]');
    await view.page.check('input[aria-label="Hide external images"]');
    await view.page.selectOption('select[aria-label="Direction"]', 'TB');
    assert.deepEqual(await view.actions(), [
      { type: 'setBuildArgs', buildArgs: { NODE_VERSION: '22' } },
      { type: 'setLayoutOptions', hideImages: true, direction: 'LR' },
      { type: 'setLayoutOptions', hideImages: true, direction: 'TB' },
    ]);
  });

  it('shows the target and build args in force, from the view or from the settings, and Reset only while the view overrides them', async () => {
    const text = example('parameterised.Dockerfile');
    const fromSettings = { target: 'build', buildArgs: { GO_VERSION: '1.21' } };
    const targetPicker = 'select[aria-label="Build target"]';
    const pickerShows = (): Promise<string> => view.page.$eval(targetPicker, (select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    const form = async (): Promise<Record<string, string>> =>
      Object.fromEntries(await view.page.$$eval('.build-args input', (inputs) => (inputs as HTMLInputElement[]).map((input) => [input.name, `${input.value}|${input.placeholder}`])));

    // The settings alone: the picker names the setting's target, the form the setting's value, and there is nothing to reset.
    await view.post(panelMessageFor(text, { fromSettings }, 1));
    assert.equal(await pickerShows(), 'build (stageflow.target setting)');
    assert.equal(await view.page.$eval('g.node.target', (node) => node.getAttribute('data-key')), 'stage:build');
    assert.equal((await form()).GO_VERSION, '|1.21 (stageflow.buildArgs setting)');
    assert.equal((await form()).RUNTIME_VARIANT, '|static');
    assert.equal(await view.page.textContent('.build-args summary'), 'Build args');
    assert.equal(await view.page.isVisible('button.reset'), false);

    // The view's choices over them, as the host sends them after a reopen: shown without opening anything, and Reset offered.
    await view.post(panelMessageFor(text, { fromSettings, target: 'runtime', buildArgs: { RUNTIME_VARIANT: 'base' } }, 2));
    assert.equal(await pickerShows(), 'runtime');
    assert.equal(await view.page.textContent('.build-args summary'), 'Build args (1 set)');
    assert.equal((await form()).RUNTIME_VARIANT, 'base|static');
    assert.equal(await view.page.isVisible('button.reset'), true);
    await view.page.click('button.reset');
    assert.deepEqual((await view.actions()).at(-1), { type: 'resetResolveOptions' });

    // A target that names no stage (the stage was renamed since) is shown as it is, never as the default.
    await view.post(panelMessageFor(text, { target: 'gone' }, 3));
    assert.equal(await pickerShows(), 'gone (no such stage)');
    assert.equal(await view.page.isVisible('button.reset'), true);
    await view.post(panelMessageFor(text, {}, 4));
    assert.equal(await pickerShows(), 'Last stage');
    assert.equal(await view.page.isVisible('button.reset'), false);
  });

  it('shows the default target whole in the picker beside the editor, its meaning in the tooltip, and long stage names whole', async () => {
    const text = readFileSync('test/fixtures/real/moby-buildkit.Dockerfile', 'utf8');
    const targetPicker = 'select[aria-label="Build target"]';
    /** The picker's width, and the width the same picker needs to show its chosen option without cutting it. */
    const pickerRoom = (): Promise<{ width: number; needed: number; right: number; viewWidth: number }> =>
      view.page.$eval(targetPicker, (element) => {
        const picker = element as HTMLSelectElement;
        const alone = picker.cloneNode(false) as HTMLSelectElement;
        alone.append(picker.selectedOptions[0].cloneNode(true));
        alone.style.maxWidth = 'none';
        picker.after(alone);
        const needed = alone.getBoundingClientRect().width;
        alone.remove();
        const box = picker.getBoundingClientRect();
        return { width: box.width, needed, right: box.right, viewWidth: document.documentElement.clientWidth };
      });
    // 700 px: the panel of the screenshots; 460 px: a panel beside the editor in a 1280 px window.
    for (const width of [700, 460]) {
      await view.page.setViewportSize({ width, height: 900 });
      await view.post(panelMessageFor(text, {}, 1, 'moby-buildkit.Dockerfile'));
      const room = await pickerRoom();
      assert.ok(room.width >= room.needed - 0.5, `at ${width} px the picker is ${room.width.toFixed(1)} px wide; its default needs ${room.needed.toFixed(1)} px`);
      assert.ok(room.right <= room.viewWidth, `at ${width} px the picker ends within the panel`);
    }
    const meaning = /^Last stage: the default target, which docker build builds without --target$/;
    assert.match((await view.page.getAttribute(targetPicker, 'title'))!, meaning);
    assert.match((await view.page.getAttribute(`${targetPicker} option[value=""]`, 'title'))!, meaning);
    assert.match((await view.page.getAttribute(`${targetPicker} option[value=""]`, 'aria-label'))!, meaning);
    // The list shows every stage name whole, however long; a long one chosen is named whole in the picker's tooltip.
    const stages = await view.page.$$eval(`${targetPicker} option:not([value=""])`, (options) => options.map((option) => [option.textContent, (option as HTMLOptionElement).value]));
    for (const [shown, name] of stages) assert.equal(shown, name);
    await view.post(panelMessageFor(text, { target: 'cni-plugins-export-squashed' }, 2, 'moby-buildkit.Dockerfile'));
    assert.match((await view.page.getAttribute(targetPicker, 'title'))!, /\bcni-plugins-export-squashed\b/);
    assert.ok((await pickerRoom()).right <= 460, 'a long name chosen keeps the picker within the panel');
  });

  it('keeps the opened build-arg form inside a narrow panel, every field visible', async () => {
    await view.close();
    view = await harness.open('vscode-light', { width: 620, height: 500 });
    await view.post(panelMessageFor(example('parameterised.Dockerfile')));
    await view.page.click('.build-args summary');
    const inside = await view.page.$$eval('.build-args form, .build-args form input, .build-args form button', (elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return `${element.getAttribute('name') ?? element.tagName}: ${box.left >= 0 && box.right <= window.innerWidth && box.width > 0}`;
      }),
    );
    assert.deepEqual(inside, ['FORM: true', 'GO_VERSION: true', 'BASE_IMAGE: true', 'RUNTIME_VARIANT: true', 'BUTTON: true']);
  });

  it('moves between stages with Tab and the arrow keys, and Enter reveals the focused one', async () => {
    await view.post(panelMessageFor(example('node-frontend.Dockerfile'), { hideImages: true }, 3));
    await view.page.focus('g.node[data-key="stage:deps"]');
    await view.page.keyboard.press('ArrowRight');
    assert.equal(await view.page.evaluate(() => document.activeElement?.getAttribute('data-key')), 'stage:build');
    await view.page.keyboard.press('Enter');
    assert.deepEqual((await view.actions()).at(-1), { type: 'revealStage', stage: 1, version: 3 });
    assert.match((await view.page.getAttribute('g.node[data-key="stage:build"]', 'aria-label')) ?? '', /^Stage build, number 1, from node:20-alpine, 5 instructions/);
    await view.page.keyboard.press('Tab');
    assert.equal(await view.page.evaluate(() => document.activeElement?.getAttribute('data-key')), 'stage:runtime');
  });

  it('finds a stage by name from the search box and selects it', async () => {
    await view.post(panelMessageFor(example('monorepo.Dockerfile')));
    await view.page.fill('input[type="search"]', 'BILLING-b');
    await view.page.press('input[type="search"]', 'Enter');
    assert.equal(await view.page.$eval('g.node.selected', (node) => node.getAttribute('data-key')), 'stage:billing-build');
    assert.equal(await view.page.textContent('.status'), 'Found billing-build');
  });

  it('keeps focus in the search box while typing and marks every match; Enter cycles through them', async () => {
    await view.post(panelMessageFor(example('monorepo.Dockerfile')));
    await view.page.click('input[type="search"]');
    await view.page.keyboard.type('build');
    assert.equal(await view.page.inputValue('input[type="search"]'), 'build', 'every typed character stays in the box');
    assert.equal(await view.page.evaluate(() => document.activeElement?.getAttribute('type')), 'search');
    const marked = (): Promise<string[]> => view.page.$$eval('g.node.match', (nodes) => nodes.map((node) => node.getAttribute('data-key') ?? '').sort());
    const all = ['image:bufbuild/buf:1.34', 'stage:billing-build', 'stage:gateway-build', 'stage:web-build'];
    assert.deepEqual(await marked(), all);
    assert.equal(await view.page.textContent('.status'), '4 matches: Enter shows the next');
    const found: string[] = [];
    for (let press = 0; press < 5; press++) {
      await view.page.keyboard.press('Enter');
      found.push((await view.page.$eval('g.node.selected', (node) => node.getAttribute('data-key'))) ?? '');
      assert.deepEqual(await marked(), all, 'selecting a match keeps every mark');
    }
    assert.deepEqual([...found.slice(0, 4)].sort(), all, 'Enter visits each match once');
    assert.equal(found[4], found[0], 'then starts again');
    assert.match((await view.page.textContent('.status')) ?? '', /^Found \S+ \(1 of 4\)$/);
    assert.equal(await view.page.evaluate(() => document.activeElement?.getAttribute('type')), 'search', 'focus never left the box');
    await view.page.fill('input[type="search"]', '');
    assert.equal(await view.page.locator('g.node.match').count(), 0);
  });

  it('finds the stage whose whole name was typed before the stages that only contain it (web, not web-build)', async () => {
    await view.post(panelMessageFor(example('monorepo.Dockerfile')));
    await view.page.fill('input[type="search"]', 'Web');
    await view.page.press('input[type="search"]', 'Enter');
    assert.equal(await view.page.$eval('g.node.selected', (node) => node.getAttribute('data-key')), 'stage:web');
    assert.equal(await view.page.textContent('.status'), 'Found web (1 of 3)');
    await view.page.fill('input[type="search"]', 'billing');
    await view.page.press('input[type="search"]', 'Enter');
    assert.equal(await view.page.$eval('g.node.selected', (node) => node.getAttribute('data-key')), 'stage:billing');
  });

  it('opens a legend of every box and line style from the toolbar, and remembers it', async () => {
    await view.post(panelMessageFor(example('monorepo.Dockerfile')));
    assert.equal(await view.page.isHidden('.legend'), true);
    await view.page.click('button[aria-controls="graph-legend"]');
    assert.equal(await view.page.isVisible('.legend'), true);
    assert.equal(await view.page.getAttribute('button[aria-controls="graph-legend"]', 'aria-pressed'), 'true');
    const entries = await view.page.$$eval('.legend li', (items) => items.map((item) => item.textContent));
    for (const meaning of [/Build target/, /Not built/, /External image/, /FROM/, /COPY --from/, /RUN --mount/, /ONBUILD/, /Compose service or Bake target/, /Built by a Compose service/]) {
      assert.ok(entries.some((entry) => meaning.test(entry ?? '')), `the legend explains ${meaning}`);
    }
    // A swatch is drawn with the graph's own classes, so it looks exactly like what it explains.
    const dashes = await view.page.$eval('.legend svg.edge-mount path', (path) => getComputedStyle(path).strokeDasharray);
    assert.notEqual(dashes, 'none');
    assert.equal((await view.page.evaluate(() => (window as unknown as { __state: { legend: boolean } }).__state)).legend, true);
  });

  it('tells built and skipped stages apart without colour: dashes, plain italic names, "not built", thinner FROM edges', async () => {
    await view.post(panelMessageFor(example('monorepo.Dockerfile')));
    const look = (key: string): Promise<{ dashes: string; weight: string; style: string }> =>
      view.page.$eval(`g.node[data-key="${key}"]`, (node) => ({
        dashes: getComputedStyle(node.querySelector('rect')!).strokeDasharray,
        weight: getComputedStyle(node.querySelector('text.title')!).fontWeight,
        style: getComputedStyle(node.querySelector('text.title')!).fontStyle,
      }));
    const [built, skipped] = [await look('stage:release'), await look('stage:debug')];
    assert.equal(built.dashes, 'none');
    assert.notEqual(skipped.dashes, 'none');
    assert.ok(Number(built.weight) > Number(skipped.weight), 'built names are bolder');
    assert.deepEqual([built.style, skipped.style], ['normal', 'italic']);
    const fromWidth = (id: string): Promise<number> => view.page.$eval(`g.edge[data-id="${id}"] path.line`, (path) => parseFloat(getComputedStyle(path).strokeWidth));
    assert.ok((await fromWidth('from:stage:0->stage:16')) > (await fromWidth('from:stage:0->stage:15')), 'the FROM edge of a built stage is thicker');
  });

  it('lets an edge be clicked within 6 screen pixels of its line at any zoom', async () => {
    await view.post(panelMessageFor(example('node-frontend.Dockerfile'), {}, 4));
    for (const scale of [0.2, 1, 3]) {
      await view.page.evaluate((k) => {
        const svg = document.querySelector('svg.graph')!;
        const path = document.querySelector<SVGPathElement>('g.edge[data-id="copy:stage:1->stage:2"] path.line')!;
        // Centre the middle of the edge in the view at this scale.
        const middle = path.getPointAtLength(path.getTotalLength() / 2);
        const viewport = document.querySelector('g.viewport')!;
        viewport.setAttribute('transform', `translate(${svg.clientWidth / 2 - middle.x * k},${svg.clientHeight / 2 - middle.y * k}) scale(${k})`);
      }, scale);
      const point = await view.page.evaluate(() => {
        const path = document.querySelector<SVGPathElement>('g.edge[data-id="copy:stage:1->stage:2"] path.line')!;
        const length = path.getTotalLength();
        const matrix = path.getScreenCTM()!;
        const [a, b] = [path.getPointAtLength(length / 2 - 1).matrixTransform(matrix), path.getPointAtLength(length / 2 + 1).matrixTransform(matrix)];
        const norm = Math.hypot(b.x - a.x, b.y - a.y);
        // 5 screen pixels away from the line, across it.
        return { x: (a.x + b.x) / 2 - ((b.y - a.y) / norm) * 5, y: (a.y + b.y) / 2 + ((b.x - a.x) / norm) * 5 };
      });
      await view.page.mouse.click(point.x, point.y);
      assert.deepEqual((await view.actions()).at(-1), { type: 'revealLine', line: 23, version: 4 }, `clickable 5px away at scale ${scale}`);
    }
  });

  it('keeps the last good drawing under a banner with BuildKit\'s message when the file stops building', async () => {
    const good = example('node-frontend.Dockerfile');
    await view.post(panelMessageFor(good, {}, 1));
    // A stage name BuildKit rejects (SEMANTICS: stage names are letters, digits, -, _ and .; no leading digit).
    const broken = panelMessageFor(good.replace('AS build', 'AS 9build'), {}, 2);
    assert.equal(broken.type, 'graph');
    await view.post(broken);
    const banner = await view.page.textContent('.banner');
    assert.match(banner ?? '', /^This Dockerfile does not build: dockerfile parse error on line \d+: invalid name for build stage: "9build"/);
    assert.match(banner ?? '', /Showing the last drawing that built\.$/);
    assert.equal(await view.page.locator('g.edge[data-id="copy:stage:1->stage:2"]').count(), 1, 'the good drawing stays');
    await view.post(panelMessageFor(good, {}, 3));
    assert.equal(await view.page.isHidden('.banner'), true);
  });

  it('does not repeat the line number that BuildKit\'s parse error already gives', async () => {
    const good = example('node-frontend.Dockerfile');
    await view.post(panelMessageFor(good, {}, 1));
    await view.post(panelMessageFor(good.replace('\nWORKDIR', '\nFROOM x\nWORKDIR'), {}, 2));
    const banner = await view.page.textContent('.banner');
    assert.match(banner ?? '', /^This Dockerfile does not build: dockerfile parse error on line \d+: unknown instruction: FROOM \(did you mean FROM\?\)\n?Showing the last drawing that built\.$/);
    // A message that names no line gets it from the graph (SEMANTICS: circular dependency).
    await view.post(panelMessageFor('FROM alpine AS a\nCOPY --from=b /x /y\nFROM alpine AS b\nCOPY --from=a /x /y\n', {}, 3));
    assert.match((await view.page.textContent('.banner')) ?? '', /^This Dockerfile does not build: circular dependency detected on stage: a \(line \d\)/);
  });

  it('shows a helpful empty state instead of a blank panel', async () => {
    await view.post(panelMessageFor('', {}, 1));
    assert.equal(await view.page.isVisible('.empty-state'), true);
    assert.match((await view.page.textContent('.empty-state')) ?? '', /Dockerfile is empty\. Add a FROM line/);
    assert.equal(await view.page.isHidden('svg.graph'), true);
  });

  it('clears the previous document\'s name, targets and build args from the toolbar in the empty state', async () => {
    await view.post(panelMessageFor(example('parameterised.Dockerfile'), {}, 1, 'parameterised.Dockerfile'));
    assert.deepEqual(await view.page.$$eval('select[aria-label="Build target"] option', (options) => options.map((option) => option.textContent)), [
      'Last stage',
      'build',
      'certs',
      'runtime',
    ]);
    await view.post({ type: 'empty', message: 'Open a Dockerfile (or run "Stageflow: Show Stage Graph" from one) and its build stages appear here.' });
    assert.equal(await view.page.textContent('.file-name'), '');
    assert.deepEqual(await view.page.$$eval('select[aria-label="Build target"] option', (options) => options.map((option) => option.textContent)), ['Last stage']);
    assert.equal(await view.page.locator('.build-args input').count(), 0);
  });

  it('ignores and logs messages it does not understand', async () => {
    await view.post(panelMessageFor(example('go-service.Dockerfile')));
    await view.post({ type: 'graph', layout: '<img src=x onerror=alert(1)>' });
    await view.post({ type: 'runScript', code: 'alert(1)' });
    assert.equal(await view.page.locator('g.node').count(), 5, 'the drawing is unchanged');
    assert.equal(view.console.filter((line) => line.startsWith('Stageflow graph view ignored an unexpected message')).length, 2);
  });

  it('redraws an edited file in place: zoom, pan and selection stay, existing boxes keep their identity', async () => {
    const text = example('node-frontend.Dockerfile');
    await view.post(panelMessageFor(text, {}, 1));
    await view.page.click('g.node[data-key="stage:deps"] rect');
    await view.page.mouse.move(500, 400);
    await view.page.mouse.wheel(0, 200);
    const zoomBefore = await view.page.getAttribute('g.viewport', 'transform');
    await view.page.evaluate(() => document.querySelector('g.node[data-key="stage:build"]')?.setAttribute('data-marked', 'same element'));
    await view.post(panelMessageFor(`${text}
FROM runtime AS debug
RUN apk add curl
`, {}, 2));
    assert.equal(await view.page.getAttribute('g.viewport', 'transform'), zoomBefore);
    assert.equal(await view.page.$eval('g.node.selected', (node) => node.getAttribute('data-key')), 'stage:deps');
    assert.equal(await view.page.getAttribute('g.node[data-key="stage:build"]', 'data-marked'), 'same element');
    assert.equal(await view.page.locator('g.node[data-key="stage:debug"]').count(), 1);
  });

  it('keeps zoom and selection in the webview state and restores them after a reload', async () => {
    const message = panelMessageFor(example('monorepo.Dockerfile'));
    await view.post(message);
    await view.page.click('g.node[data-key="stage:proto"] rect');
    await view.page.mouse.move(600, 400);
    await view.page.mouse.wheel(0, -300);
    await view.page.waitForFunction(() => ((window as unknown as { __state?: { zoom?: { k: number } } }).__state?.zoom?.k ?? 0) > 0.9);
    const saved = await view.page.evaluate(() => (window as unknown as { __state: unknown }).__state);
    await view.page.reload();
    await view.post(message);
    assert.deepEqual(await view.page.evaluate(() => (window as unknown as { __state: unknown }).__state), saved);
    assert.equal(await view.page.$eval('g.node.selected', (node) => node.getAttribute('data-key')), 'stage:proto');
  });

  it('renders markup and script in comments, paths, file names and error messages as plain text', async () => {
    const hostile = [
      '# <img src=x onerror="window.__pwned=1"> </script><script>window.__pwned=2</script> "quotes" \'single\' ünïcödé 🐳',
      `# <svg onload="window.__pwned=3"> ${'ü'.repeat(3000)}`,
      'FROM alpine:3.20 AS build',
      `RUN echo '${'x'.repeat(5000)}'`,
      'FROM build AS final',
      'COPY --from=build "/<img src=x onerror=window.__pwned=4>" "/</script><script>window.__pwned=5</script>" /dst/',
      `COPY --from=build /${'long/'.repeat(400)}file /dst/`,
      'RUN --mount=type=bind,from=build,source="/<b>bold</b>",target=/t true',
      '',
    ].join('\n');
    const countInjected = (): Promise<unknown> =>
      view.page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        elements: document.querySelectorAll('img, b, foreignObject, iframe, object, embed, svg svg').length,
        scripts: document.querySelectorAll('script').length,
        handlers: Array.from(document.querySelectorAll('*')).filter((element) => Array.from(element.attributes).some((attribute) => attribute.name.startsWith('on'))).length,
      }));
    await view.post(panelMessageFor(hostile, {}, 1, '<img src=x onerror=alert(1)>.Dockerfile'));
    assert.deepEqual(await countInjected(), { pwned: null, elements: 0, scripts: 2, handlers: 0 });
    assert.equal(await view.page.textContent('.file-name'), '<img src=x onerror=alert(1)>.Dockerfile');
    const edgeTitles = await view.page.$$eval('g.edge title', (titles) => titles.map((title) => title.textContent).join('\n'));
    assert.match(edgeTitles, /COPY --from=build "\/<img src=x onerror=window.__pwned=4>" "\/<\/script><script>window.__pwned=5<\/script>" → \/dst\//);
    assert.match((await view.page.textContent('g.node[data-key="stage:build"] title')) ?? '', /<svg onload="window.__pwned=3">/);
    await view.page.screenshot({ path: `${SCREENSHOTS}/hostile-dockerfile.png` });
    // BuildKit's error quotes the offending name; the banner shows it as text.
    await view.post(panelMessageFor('FROM alpine AS "><img/src/onerror=window.__pwned=6>\n', {}, 2));
    assert.match((await view.page.textContent('.banner')) ?? '', /invalid name for build stage: "\\"><img\/src\/onerror=window.__pwned=6>"/);
    assert.deepEqual(await countInjected(), { pwned: null, elements: 0, scripts: 2, handlers: 0 });
  });

  for (const theme of ['vscode-light', 'vscode-dark', 'vscode-high-contrast'] as ThemeName[]) {
    it(`draws monorepo in the ${theme.replace('vscode-', '')} theme (screenshot)`, async () => {
      await view.close();
      view = await harness.open(theme);
      await view.post(panelMessageFor(example('monorepo.Dockerfile'), {}, 1, 'monorepo.Dockerfile'));
      await view.post({ type: 'highlightStage', stage: 14, version: 1, reveal: false });
      const colours = await view.page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        node: getComputedStyle(document.querySelector('g.node-stage rect')!).stroke,
      }));
      assert.notEqual(colours.background, colours.node, 'boxes stand out from the background');
      await view.page.screenshot({ path: `${SCREENSHOTS}/monorepo-${theme.replace('vscode-', '')}.png` });
    });
  }

  // Issue 11, "On the graph": the Compose services and Bake targets of examples/compose-bake as their own nodes;
  // clicking one asks the host to open it, and the target picker offers them.
  describe('entry points', () => {
    it('draws each Compose service and Bake target after the stage it builds, and a click asks to open it', async () => {
      await view.post(panelMessageFor(composeBakeDockerfile, {}, 1, 'Dockerfile', composeBakeEntries));
      const drawn = await view.page.$$eval('g.node-entry', (nodes) => nodes.map((node) => node.querySelector('text')?.textContent).sort());
      assert.deepEqual(drawn, ['bake: _common', 'bake: app', 'bake: app-debug', 'bake: unit-tests', 'compose: api', 'compose: api-debug']);
      const builds = await view.page.$$eval('g.edge-builds', (groups) => groups.map((group) => `${group.getAttribute('data-source')} -> ${group.getAttribute('data-target')}`).sort());
      assert.deepEqual(builds, [
        'stage:2 -> entry:bake:unit-tests@docker-bake.hcl',
        'stage:3 -> entry:bake:app-debug@docker-bake.hcl',
        'stage:3 -> entry:compose:api-debug@compose.yaml',
        'stage:4 -> entry:bake:_common@docker-bake.hcl',
        'stage:4 -> entry:bake:app@docker-bake.hcl',
        'stage:4 -> entry:compose:api@compose.yaml',
      ]);
      assert.match((await view.page.textContent('g.node[data-key="entry:compose:api-debug@compose.yaml"] title')) ?? '', /compose: api-debug \(compose\.yaml:10, target debug, args GO_VERSION VERSION\)/);
      await view.page.click('g.node[data-key="entry:bake:app-debug@docker-bake.hcl"] rect');
      assert.deepEqual(await view.actions(), [{ type: 'revealEntryPoint', id: 'bake:app-debug@docker-bake.hcl' }]);
      await view.page.screenshot({ path: `${SCREENSHOTS}/compose-bake-entry-points.png` });
    });

    it('offers them in the target picker, sends the one picked, and shows it picked in the redrawn graph', async () => {
      await view.post(panelMessageFor(composeBakeDockerfile, {}, 1, 'Dockerfile', composeBakeEntries));
      const groups = await view.page.$$eval('select[aria-label="Build target"] optgroup', (found) => found.map((group) => [group.getAttribute('label'), Array.from(group.querySelectorAll('option')).map((option) => option.textContent)]));
      assert.deepEqual(groups, [['Compose and Bake', ['compose: api', 'compose: api-debug', 'compose: tests', 'bake: _common', 'bake: app', 'bake: app-debug', 'bake: unit-tests']]]);
      await view.page.selectOption('select[aria-label="Build target"]', { label: 'bake: unit-tests' });
      assert.deepEqual((await view.actions()).at(-1), { type: 'setEntryPoint', id: 'bake:unit-tests@docker-bake.hcl' });
      const picked = pickEntryPoint(viewDefaults, composeBakeEntries.find((entry) => entry.id === 'bake:unit-tests@docker-bake.hcl')!);
      await view.post(panelMessageFor(composeBakeDockerfile, picked, 2, 'Dockerfile', composeBakeEntries));
      assert.equal(await view.page.$eval('select[aria-label="Build target"]', (select) => (select as HTMLSelectElement).selectedOptions[0].textContent), 'bake: unit-tests');
      assert.equal(await view.page.$eval('g.node.target', (node) => node.getAttribute('data-key')), 'stage:test');
      await view.page.selectOption('select[aria-label="Build target"]', 'debug');
      assert.deepEqual((await view.actions()).at(-1), { type: 'setTarget', target: 'debug' });
    });

    for (const theme of ['vscode-dark', 'vscode-high-contrast'] as ThemeName[]) {
      it(`draws the entry points in the ${theme.replace('vscode-', '')} theme (screenshot)`, async () => {
        await view.close();
        view = await harness.open(theme);
        await view.post(panelMessageFor(composeBakeDockerfile, {}, 1, 'Dockerfile', composeBakeEntries));
        const stroke = await view.page.$eval('g.node-entry rect', (rect) => getComputedStyle(rect).stroke);
        const background = await view.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.notEqual(stroke, background, 'entry boxes stand out from the background');
        await view.page.screenshot({ path: `${SCREENSHOTS}/compose-bake-entry-points-${theme.replace('vscode-', '')}.png` });
      });
    }
  });
});
