// Issue 8's yardstick, in Chromium with the panel's real HTML: big real Dockerfiles beside the editor (700×900) and
// maximised (1600×900). On the first view every stage name that is drawn is at least 11px high on screen; after
// "Show in graph" on any stage, that stage is wholly in view and its name at least 13px high. Measured with
// getBoundingClientRect, as the user sees it.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import type { GraphMessage } from '../../src/shared/protocol';
import { drawnClutter } from './drawnClutter';
import { measureDrawnText } from './drawnTextSize';
import { panelMessageFor } from './panelMessage';
import { WebviewHarness, type ViewPage } from './webviewHarness';

/** Every real Dockerfile (test/fixtures/real, sources in SOURCES.md), by name. */
const REAL = readdirSync('test/fixtures/real').filter((file) => file.endsWith('.Dockerfile')).map((file) => file.replace(/\.Dockerfile$/, '')).sort();

function realMessage(name: string): GraphMessage {
  const message = panelMessageFor(readFileSync(`test/fixtures/real/${name}.Dockerfile`, 'utf8'), {}, 1, `${name}.Dockerfile`);
  assert.equal(message.type, 'graph');
  return message as GraphMessage;
}

describe('big real Dockerfiles are readable in the graph view', function () {
  this.timeout(180000);
  let harness: WebviewHarness;
  let view: ViewPage;

  before(async () => (harness = await WebviewHarness.start()));
  after(async () => harness?.stop());
  afterEach(() => view.closeChecked());

  for (const name of REAL) {
    for (const size of [{ width: 700, height: 900 }, { width: 1600, height: 900 }]) {
      it(`${name} at ${size.width}×${size.height}: every stage name drawn on the first view is at least 11px high`, async () => {
        view = await harness.open('vscode-light', size);
        await view.post(realMessage(name));
        const { stageNameHeights, stageNameFontSizes, stageCount } = await measureDrawnText(view);
        assert.ok(stageNameHeights.length >= 0.8 * stageCount, `${stageNameHeights.length} of ${stageCount} names drawn`);
        for (const height of stageNameHeights) assert.ok(height >= 11, `a name ${height.toFixed(1)}px high`);
        for (const size of stageNameFontSizes) assert.ok(size >= 11 - 1e-6, `a name in a ${size.toFixed(1)}px font`);
        const targetInView = await view.page.evaluate(() => {
          const box = document.querySelector('svg.graph g.node.target rect')!.getBoundingClientRect();
          const area = document.querySelector('svg.graph')!.getBoundingClientRect();
          return box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom;
        });
        assert.ok(targetInView, 'the build target is in view');
      });
    }

    for (const size of [{ width: 700, height: 900 }, { width: 1600, height: 900 }]) {
      // Review of the first screenshots: empty boxes where names were left out, image pills with no label, names
      // running over their boxes and into their neighbours.
      it(`${name} at ${size.width}×${size.height}: on the first view and after Fit no text overlaps another or runs out of its box, and no box is empty`, async () => {
        view = await harness.open('vscode-light', size);
        const message = realMessage(name);
        await view.post(message);
        for (const step of ['first view', 'Fit']) {
          if (step === 'Fit') {
            await view.page.click('button:has-text("Fit")');
            await view.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          }
          const clutter = await drawnClutter(view);
          assert.ok(clutter.texts >= Math.min(10, message.layout.nodes.length), `${step}: ${clutter.texts} texts drawn`);
          assert.deepEqual(clutter.overlappingTexts, [], `${step}: texts that overlap`);
          assert.deepEqual(clutter.emptyBoxes, [], `${step}: boxes with no name and no mark`);
          assert.deepEqual(clutter.textsOutOfBox, [], `${step}: texts out of their box`);
          assert.deepEqual(clutter.overlappingBoxes, [], `${step}: boxes that overlap`);
        }
      });
    }

    it(`${name} at 700×900: "Show in graph" on each stage shows it whole, its name at least 13px high`, async () => {
      view = await harness.open('vscode-light', { width: 700, height: 900 });
      const text = readFileSync(`test/fixtures/real/${name}.Dockerfile`, 'utf8');
      const message = realMessage(name);
      await view.post(message);
      // Every stage, those inside collapsed families too.
      const stages = message.layout.nodes.flatMap((node) => (node.stage !== null ? [node.stage] : node.kind === 'family' ? node.members : [])).sort((a, b) => a - b);
      let unfolded = 0;
      // In file order and back, so each reveal starts from wherever the one before left the view.
      for (const stage of [...stages, ...[...stages].reverse()]) {
        const asked = (await view.actions()).length;
        await view.post({ type: 'highlightStage', stage, version: 1, reveal: true });
        // A stage in a collapsed family: the view asks the host to open the family; the host lays it out again.
        const request = (await view.actions()).slice(asked).find((action) => action.type === 'setViewChoices');
        if (request?.type === 'setViewChoices') {
          unfolded++;
          await view.post(panelMessageFor(text, { view: request.view }, 1, `${name}.Dockerfile`));
        }
        const shown = await view.page.evaluate((id) => {
          const node = document.querySelector(`svg.graph g.node[data-id="${id}"]`)!;
          const box = node.querySelector('rect.box')!.getBoundingClientRect();
          const area = document.querySelector('svg.graph')!.getBoundingClientRect();
          const name = Array.from(node.querySelectorAll<SVGTextElement>('text.title')).find((text) => text.getClientRects().length > 0);
          return {
            inView: box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom,
            nameHeight: name?.getBoundingClientRect().height ?? 0,
            fontSize: name ? parseFloat(getComputedStyle(name).fontSize) * name.getScreenCTM()!.a : 0,
            detailsShown: Array.from(node.querySelectorAll('text.detail')).some((text) => text.getClientRects().length > 0),
          };
        }, `stage:${stage}`);
        assert.ok(shown.inView, `stage ${stage} is wholly in view`);
        assert.ok(shown.nameHeight >= 13, `stage ${stage}'s name is ${shown.nameHeight.toFixed(1)}px high`);
        assert.ok(shown.fontSize >= 13 - 1e-6, `stage ${stage}'s name is in a ${shown.fontSize.toFixed(1)}px font`);
        assert.ok(shown.detailsShown, `stage ${stage} is drawn in full, its details readable`);
        const clutter = await drawnClutter(view);
        assert.deepEqual([clutter.overlappingTexts, clutter.emptyBoxes, clutter.textsOutOfBox], [[], [], []], `stage ${stage} shown: no text overlaps or runs out of its box, no box is empty`);
      }
      const families = message.layout.nodes.filter((node) => node.kind === 'family').length;
      assert.equal(unfolded, families, 'each collapsed family opened once, for its first member shown');
    });
  }
});
