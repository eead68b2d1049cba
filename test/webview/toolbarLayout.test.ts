// The graph view's toolbar at the widths a real workbench gives the panel: beside the editor with the Explorer open
// at 1280x800 (465 px), and beside the editor alone (700 px). In Debian's Chromium with the panel's real HTML and CSP.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { panelMessageFor } from './panelMessage';
import { WebviewHarness, type ThemeName, type ViewPage } from './webviewHarness';

const SCREENSHOTS = 'test-output/screenshots/toolbar';
const mobyBuildkit = readFileSync('test/fixtures/real/moby-buildkit.Dockerfile', 'utf8');

/**
 * How many rows the toolbar's controls take: each control laid out in the toolbar (through the groups drawn as if
 * they were not there), grouped by its vertical centre, as the flex rows align them.
 */
function toolbarRows(view: ViewPage): Promise<number> {
  return view.page.$eval('.toolbar', (toolbar) => {
    // A control is laid out by the toolbar when every element between them is drawn as if it were not there.
    const controls = Array.from(toolbar.querySelectorAll('*')).filter((control) => {
      const display = getComputedStyle(control).display;
      if (display === 'contents' || display === 'none' || control.classList.contains('spacer')) return false;
      for (let parent: Element | null = control.parentElement; parent !== toolbar; parent = parent.parentElement) {
        if (parent === null || getComputedStyle(parent).display !== 'contents') return false;
      }
      return true;
    });
    const centres = controls.map((control) => control.getBoundingClientRect()).map((box) => box.top + box.height / 2).sort((a, b) => a - b);
    let rows = 0;
    let rowStart = -Infinity;
    for (const centre of centres) {
      if (centre - rowStart > 8) {
        rows++;
        rowStart = centre;
      }
    }
    return rows;
  });
}

/** The accessible name of the focused element, as the toolbar gives it: aria-label, else its label's or its own text. */
function focusedName(view: ViewPage): Promise<string | null> {
  return view.page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || !focused.closest('.toolbar')) return null;
    return focused.getAttribute('aria-label') ?? focused.textContent?.trim() ?? '';
  });
}

/** Tabs from the search box through the toolbar, opening "More…" on the way; the names of the controls reached. */
async function tabThroughToolbar(view: ViewPage): Promise<string[]> {
  await view.page.focus('.toolbar .build-button');
  const names: string[] = [];
  for (let name = await focusedName(view); name !== null && names.length < 30; name = await focusedName(view)) {
    names.push(name);
    if (name === 'More tools' && (await view.page.getAttribute('.more-toggle', 'aria-expanded')) === 'false') await view.page.keyboard.press('Enter');
    await view.page.keyboard.press('Tab');
  }
  return names;
}

/** Every control of the toolbar, by its accessible name. */
const EVERY_CONTROL = ['Build args', 'Build target', 'Compare with HEAD', 'Direction', 'Export', 'Find a stage by name', 'Fit', 'Focus', 'Hide external images', 'Legend', '▶ Build', 'Build path'];

describe('graph view toolbar at the widths of a real workbench', function () {
  this.timeout(60000);
  let harness: WebviewHarness;
  let view: ViewPage;

  before(async () => {
    harness = await WebviewHarness.start();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => harness?.stop());
  afterEach(() => view.closeChecked());

  for (const theme of ['vscode-light', 'vscode-dark'] as ThemeName[]) {
    const shade = theme.replace('vscode-', '');

    it(`keeps to two rows at 700 px with every tool in the toolbar (${shade})`, async () => {
      view = await harness.open(theme, { width: 700, height: 520 });
      await view.post(panelMessageFor(mobyBuildkit, {}, 1, 'moby-buildkit.Dockerfile'));
      assert.equal(await toolbarRows(view), 2);
      assert.equal(await view.page.isVisible('.more-toggle'), false);
      for (const name of ['Legend', 'Compare with HEAD', 'Export']) assert.ok(await view.page.getByRole('button', { name, exact: true }).or(view.page.getByText(name, { exact: true })).first().isVisible(), name);
      assert.deepEqual((await tabThroughToolbar(view)).filter((name) => EVERY_CONTROL.includes(name)).sort(), [...EVERY_CONTROL].sort());
      await view.page.screenshot({ path: `${SCREENSHOTS}/toolbar-700-${shade}.png` });
      // Narrowed (the Explorer opened beside), the toolbar folds; widened again, it unfolds.
      await view.page.setViewportSize({ width: 465, height: 520 });
      await view.page.waitForFunction(() => document.querySelector('.toolbar')?.classList.contains('compact'));
      assert.equal(await toolbarRows(view), 2);
      await view.page.setViewportSize({ width: 700, height: 520 });
      await view.page.waitForFunction(() => !document.querySelector('.toolbar')?.classList.contains('compact'));
      assert.equal(await view.page.isVisible('button[aria-label="Compare with HEAD"]'), true);
    });

    it(`keeps to two rows at 465 px, the secondary tools under "More…", every one reachable by keyboard with its name (${shade})`, async () => {
      view = await harness.open(theme, { width: 465, height: 520 });
      await view.post(panelMessageFor(mobyBuildkit, {}, 1, 'moby-buildkit.Dockerfile'));
      assert.equal(await toolbarRows(view), 2);
      assert.equal(await view.page.isVisible('button[aria-label="Compare with HEAD"]'), false);
      // The target picker's word goes; its name stays.
      assert.equal(await view.page.isVisible('.toolbar .label-text'), false);
      assert.equal(await view.page.getAttribute('.toolbar select[aria-label="Build target"]', 'aria-label'), 'Build target');
      await view.page.screenshot({ path: `${SCREENSHOTS}/toolbar-465-${shade}.png` });

      const names = await tabThroughToolbar(view);
      assert.deepEqual(names.filter((name) => EVERY_CONTROL.includes(name)).sort(), [...EVERY_CONTROL].sort(), names.join(', '));
      assert.ok(names.indexOf('More tools') < names.indexOf('Legend'), names.join(', '));
      assert.equal(await view.page.getAttribute('.more-toggle', 'aria-expanded'), 'true');
      assert.equal(await view.page.isVisible('button[aria-label="Compare with HEAD"]'), true);
      await view.page.click('.more-items .export-menu summary');
      await view.page.screenshot({ path: `${SCREENSHOTS}/toolbar-465-${shade}-more.png` });
      // The pop-over's tools work from there: Legend opens the legend.
      await view.page.click('.more-items button:text-is("Legend")');
      assert.equal(await view.page.isVisible('#graph-legend'), true);

      // Escape closes it and gives the focus back to "More…"; a click elsewhere closes it too.
      await view.page.focus('.more-items select[aria-label="Direction"]');
      await view.page.keyboard.press('Escape');
      assert.equal(await view.page.getAttribute('.more-toggle', 'aria-expanded'), 'false');
      assert.equal(await focusedName(view), 'More tools');
      assert.equal(await view.page.isVisible('button[aria-label="Compare with HEAD"]'), false);
      await view.page.click('.more-toggle');
      assert.equal(await view.page.isVisible('button[aria-label="Compare with HEAD"]'), true);
      await view.page.mouse.click(230, 400);
      assert.equal(await view.page.isVisible('button[aria-label="Compare with HEAD"]'), false);
    });

    for (const width of [465, 700]) {
      it(`keeps to two rows at ${width} px with Reset shown while the view overrides the settings (${shade})`, async () => {
        view = await harness.open(theme, { width, height: 520 });
        await view.post(panelMessageFor(mobyBuildkit, { target: 'buildkit-linux', buildArgs: { ALPINE_VERSION: '3.22' } }, 1, 'moby-buildkit.Dockerfile'));
        assert.equal(await view.page.isVisible('.toolbar .reset'), true);
        assert.equal(await toolbarRows(view), 2);
      });
    }
  }
});
