// Focus and build path in the graph view, in Chromium with the panel's real HTML: the view asks the host for a
// folding, draws what the host lays out, unfolds on request, and keeps the choice across a reload.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { GraphViewSettings } from '../../src/extension/graphView/graphPanelModel';
import type { GraphMessage, ViewChoices } from '../../src/shared/protocol';
import { panelMessageFor } from './panelMessage';
import { WebviewHarness, type ViewPage } from './webviewHarness';

const monorepo = readFileSync('examples/monorepo.Dockerfile', 'utf8');

function monorepoWith(view: ViewChoices, settings: Partial<GraphViewSettings> = {}): GraphMessage {
  const message = panelMessageFor(monorepo, { ...settings, view }, 1, 'monorepo.Dockerfile');
  assert.equal(message.type, 'graph');
  return message as GraphMessage;
}

const whole: ViewChoices = { focus: null, buildPath: false, families: {} };
const pressed = (view: ViewPage, label: string): Promise<string | null> => view.page.getAttribute(`.toolbar button:text-is("${label}")`, 'aria-pressed');
const stageKeys = (view: ViewPage): Promise<string[]> => view.page.$$eval('svg.graph g.node-stage', (nodes) => nodes.map((node) => node.getAttribute('data-key') ?? '').sort());

describe('graph view: focus and build path', function () {
  this.timeout(60000);
  let harness: WebviewHarness;
  let view: ViewPage;

  before(async () => (harness = await WebviewHarness.start()));
  after(async () => harness?.stop());
  beforeEach(async () => (view = await harness.open('vscode-light', { width: 1200, height: 720 })));
  afterEach(() => view.closeChecked());

  it('asks for the build path, draws the skipped stages as one box, and shows them again when it is clicked', async () => {
    await view.post(monorepoWith(whole));
    await view.page.click('.toolbar button:text-is("Build path")');
    assert.deepEqual((await view.actions()).at(-1), { type: 'setViewChoices', view: { focus: null, buildPath: true, families: {} } });
    await view.post(monorepoWith({ focus: null, buildPath: true, families: {} }));
    assert.equal(await pressed(view, 'Build path'), 'true');
    assert.equal(await view.page.locator('svg.graph g.node-stage.unreachable').count(), 0, 'only built stages');
    assert.equal(await view.page.textContent('svg.graph g.node-summary text.title'), '6 stages not built');
    // The summary box is on screen beside the target, and a click on it unfolds.
    await view.page.click('svg.graph g.node-summary rect');
    assert.deepEqual((await view.actions()).at(-1), { type: 'setViewChoices', view: whole });
  });

  it('focuses a stage on double-click or F, and leaves the focus with the pressed button or Escape', async () => {
    await view.post(monorepoWith(whole));
    await view.page.dblclick('svg.graph g.node[data-key="stage:gateway-build"] rect');
    assert.deepEqual((await view.actions()).at(-1), { type: 'setViewChoices', view: { focus: 'stage:gateway-build', buildPath: false, families: {} } });
    await view.post(monorepoWith({ focus: 'stage:gateway-build', buildPath: false, families: {} }));
    assert.deepEqual(await stageKeys(view), ['stage:debug', 'stage:gateway', 'stage:gateway-build', 'stage:go-base', 'stage:proto', 'stage:release']);
    assert.equal(await pressed(view, 'Show all'), 'true');
    assert.match((await view.page.getAttribute('.toolbar button:text-is("Show all")', 'title')) ?? '', /Leave the focus on gateway-build/);
    await view.page.click('.toolbar button:text-is("Show all")');
    assert.deepEqual((await view.actions()).at(-1), { type: 'setViewChoices', view: whole });
    await view.page.focus('svg.graph g.node[data-key="stage:proto"]');
    await view.page.keyboard.press('f');
    assert.deepEqual((await view.actions()).at(-1), { type: 'setViewChoices', view: { focus: 'stage:proto', buildPath: false, families: {} } });
    await view.post(monorepoWith({ focus: 'stage:proto', buildPath: false, families: {} }));
    await view.page.focus('svg.graph g.node[data-key="stage:proto"]');
    await view.page.keyboard.press('Escape');
    assert.deepEqual((await view.actions()).at(-1), { type: 'setViewChoices', view: whole });
  });

  it('focuses the stage under the editor\'s cursor from the Focus button', async () => {
    await view.post(monorepoWith(whole));
    await view.page.click('.toolbar button:text-is("Focus")');
    assert.equal(await view.page.textContent('.status'), 'Select a stage (or put the cursor in one) to focus on it');
    await view.post({ type: 'highlightStage', stage: 12, version: 1, reveal: false });
    await view.page.click('.toolbar button:text-is("Focus")');
    assert.deepEqual((await view.actions()).at(-1), { type: 'setViewChoices', view: { focus: 'stage:billing', buildPath: false, families: {} } });
  });

  it('"Show in graph" on a folded stage unfolds it and shows it', async () => {
    await view.post(monorepoWith({ focus: null, buildPath: true, families: {} }));
    const debug = 15;
    await view.post({ type: 'highlightStage', stage: debug, version: 1, reveal: false });
    assert.equal(await view.page.locator('svg.graph g.node-summary.highlighted').count(), 1, 'the cursor in a folded stage highlights its summary');
    await view.post({ type: 'highlightStage', stage: debug, version: 1, reveal: true });
    assert.deepEqual((await view.actions()).at(-1), { type: 'setViewChoices', view: whole });
    await view.post(monorepoWith(whole));
    const shown = await view.page.evaluate(() => {
      const box = document.querySelector('svg.graph g.node[data-key="stage:debug"] rect')!.getBoundingClientRect();
      const area = document.querySelector('svg.graph')!.getBoundingClientRect();
      const name = document.querySelector<SVGTextElement>('svg.graph g.node[data-key="stage:debug"] text.title')!;
      return { inView: box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom, height: name.getBoundingClientRect().height };
    });
    assert.ok(shown.inView && shown.height >= 13, JSON.stringify(shown));
  });

  it('keeps the folding in the webview state and asks for it again after a reload', async () => {
    await view.post(monorepoWith({ focus: 'stage:web', buildPath: true, families: {} }));
    await view.page.reload();
    assert.deepEqual((await view.posted())[0], { type: 'ready', restore: { documentUri: 'file:///work/monorepo.Dockerfile', view: { focus: 'stage:web', buildPath: true, families: {} } } });
  });

  it('draws the target\'s own FROM chain strongest', async () => {
    await view.post(monorepoWith(whole));
    const width = (id: string): Promise<number> => view.page.$eval(`svg.graph g.edge[data-id="${id}"] path.line`, (path) => parseFloat(getComputedStyle(path).strokeWidth));
    const chain = await width('from:stage:0->stage:16');
    assert.ok(chain > (await width('from:stage:0->stage:11')), 'release FROM base is stronger than gateway FROM base');
    assert.equal(await view.page.$eval('svg.graph g.edge[data-id="from:image:alpine:3.20->stage:0"]', (edge) => edge.classList.contains('chain')), true);
  });

  it('draws a big file\'s families collapsed, opens one on click into a labelled box, and collapses it from the label', async () => {
    const text = readFileSync('test/fixtures/real/moby-buildkit.Dockerfile', 'utf8');
    const drawn = (choices: ViewChoices): GraphMessage => panelMessageFor(text, { view: choices }, 1, 'moby-buildkit.Dockerfile') as GraphMessage;
    await view.post(drawn(whole));
    const family = 'svg.graph g.node[data-key="family:binaries"]';
    assert.equal(await view.page.$eval(`${family} text.title`, (title) => title.textContent), 'binaries-*');
    // The cursor in a member highlights the family; a search for a member finds it.
    const linux = drawn(whole).layout.nodes.find((node) => node.key === 'family:binaries')!.members[0];
    await view.post({ type: 'highlightStage', stage: linux, version: 1, reveal: false });
    assert.equal(await view.page.$eval(family, (node) => node.classList.contains('highlighted')), true);
    await view.page.fill('input[type="search"]', 'binaries-darwin');
    assert.equal(await view.page.$eval(family, (node) => node.classList.contains('match')), true);
    await view.page.fill('input[type="search"]', '');
    await view.page.click(`${family} rect.box`);
    const opened: ViewChoices = { ...whole, families: { 'family:binaries': false } };
    assert.deepEqual((await view.actions()).at(-1), { type: 'setViewChoices', view: opened });
    const scaleOf = (): Promise<number> => view.page.evaluate(() => document.querySelector<SVGGElement>('g.viewport')!.getCTM()!.a);
    const before = await scaleOf();
    await view.post(drawn(opened));
    // Opening a family keeps the zoom and keeps the family in view, instead of placing the whole view anew.
    assert.equal(await scaleOf(), before);
    const familyShown = await view.page.evaluate(() => {
      const box = document.querySelector('svg.graph g.node[data-key="stage:binaries-linux"] rect.box')!.getBoundingClientRect();
      const area = document.querySelector('svg.graph')!.getBoundingClientRect();
      return box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom;
    });
    assert.ok(familyShown, 'the opened family is in view');
    const inside = await view.page.evaluate(() => {
      const frame = document.querySelector('svg.graph g.group[data-id="family:binaries"] rect.frame')!.getBoundingClientRect();
      const ids = ['binaries-linux', 'binaries-darwin', 'binaries-windows', 'binaries-freebsd'];
      return ids.map((id) => {
        const box = document.querySelector(`svg.graph g.node[data-key="stage:${id}"] rect.box`)!.getBoundingClientRect();
        return box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom;
      });
    });
    assert.deepEqual(inside, [true, true, true, true], 'the four variants sit together in one box');
    assert.match((await view.page.textContent('svg.graph g.group[data-id="family:binaries"] text.group-label')) ?? '', /binaries-\* · 4 variants/);
    await view.page.click('svg.graph g.group[data-id="family:binaries"] text.group-label');
    assert.deepEqual((await view.actions()).at(-1), { type: 'setViewChoices', view: { ...whole, families: { 'family:binaries': true } } });
    await view.page.focus('svg.graph g.group[data-id="family:binaries"] .group-band');
    await view.page.keyboard.press('Enter');
    assert.deepEqual((await view.actions()).at(-1), { type: 'setViewChoices', view: { ...whole, families: { 'family:binaries': true } } }, 'the label answers Enter too');
  });
});
