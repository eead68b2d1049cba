// A build laid onto the graph view (issue 9), in Debian's Chromium with the panel's real HTML and CSP: build states
// computed by the core from the committed real logs (test/fixtures/buildlogs), posted as the panel posts them.
import * as assert from 'node:assert/strict';
import type { BuildStateMessage } from '../../src/shared/protocol';
import { buildScene } from './buildStateMessage';
import { WebviewHarness, type ViewPage } from './webviewHarness';

/** `key state [badge words]` of each node that shows a build state. */
const nodeStates = (view: ViewPage): Promise<string[]> =>
  view.page.$$eval('g.nodes > g.node.build', (nodes) =>
    nodes.map((node) => {
      const state = Array.from(node.classList).find((name) => name.startsWith('build-'))?.slice('build-'.length);
      return `${node.getAttribute('data-key')} ${state} [${node.querySelector('.build-badge .full text')?.textContent}]`;
    }).sort(),
  );

const classed = (view: ViewPage, selector: string, name: string): Promise<string[]> =>
  view.page.$$eval(selector, (elements, wanted) => elements.filter((element) => element.classList.contains(wanted)).map((element) => element.getAttribute('data-key') ?? element.getAttribute('data-id') ?? ''), name);

describe('build states on the graph view in Chromium', function () {
  this.timeout(60000);
  let harness: WebviewHarness;
  let view: ViewPage;

  before(async () => (harness = await WebviewHarness.start()));
  after(async () => harness?.stop());
  beforeEach(async () => (view = await harness.open('vscode-light', { width: 1600, height: 900 })));
  afterEach(() => view.closeChecked());

  it('draws a finished build: each stage with its state and time, the critical path, and the timeline', async () => {
    const scene = buildScene('parallel.log');
    await view.post(scene.graph);
    await view.post(scene.build);
    assert.deepEqual(await nodeStates(view), [
      'stage:base built [✓ built 1.1s]',
      'stage:compile built [✓ built 0.1s]',
      'stage:deps built [✓ built 2.1s]',
      'stage:docs not-run [– not needed by final]',
      'stage:final built [✓ built 0.0s]',
      'stage:lint built [✓ built 3.1s]',
      'stage:#2 built [✓ built 1.1s]',
    ].sort());
    // base → lint → final, ringed, and exactly the edges between consecutive stages of it drawn heavy.
    assert.deepEqual((await classed(view, 'g.nodes > g.node', 'critical')).sort(), ['stage:base', 'stage:final', 'stage:lint']);
    assert.equal(await view.page.$$eval('g.node.critical > rect.critical-ring', (rings) => rings.length), 3);
    assert.deepEqual((await classed(view, 'g.edges > g.edge', 'critical')).sort(), ['copy:stage:3->stage:6', 'from:stage:0->stage:3']);
    // Why docs did not run, in its hover and its screen-reader label.
    const docs = 'g.node[data-key="stage:docs"]';
    assert.match((await view.page.textContent(`${docs} > title`))!, /\n\nBuild: not run: not needed by target final; built by --target docs\.$/);
    assert.match((await view.page.getAttribute(docs, 'aria-label'))!, /Build: not run: not needed by target final; built by --target docs\.$/);

    // The timeline: a bar per stage that ran, parallel ones on their own rows, the critical ones emphasised.
    assert.equal(await view.page.isVisible('.build-strip'), true);
    assert.equal(await view.page.textContent('.build-strip .summary-text'), 'parallel.log: Build succeeded; critical path base → lint → final, 4.2s');
    const bars = await view.page.$$eval('svg.timeline g.bar', (groups) =>
      groups.map((group) => {
        const rect = group.querySelector('rect')!;
        return { text: group.querySelector('text')!.textContent, y: Number(rect.getAttribute('y')), x: Number(rect.getAttribute('x')), critical: group.classList.contains('critical'), title: group.querySelector('title')!.textContent };
      }),
    );
    assert.deepEqual(bars.map((bar) => bar.text), ['✓ base', '✓ stage-2', '✓ deps', '✓ lint', '✓ compile', '✓ final']);
    assert.deepEqual(bars.filter((bar) => bar.critical).map((bar) => bar.text), ['✓ base', '✓ lint', '✓ final']);
    // base and stage-2 ran side by side: two rows; deps follows base on its row, after it.
    assert.notEqual(bars[0].y, bars[1].y);
    assert.equal(bars[2].y, bars[0].y);
    assert.ok(bars[2].x > bars[0].x);
    assert.equal(bars[3].title, 'lint: built 3.1s, from 1.1s to 4.2s, on the critical path\nClick to show the stage in the editor.');
    assert.deepEqual(await view.page.$$eval('svg.timeline .tick text', (ticks) => ticks.map((tick) => tick.textContent)), ['0s', '1s', '2s', '3s', '4s']);
    const drawn = (await view.posted()).filter((message) => message.type === 'buildDrawn');
    assert.deepEqual(drawn, [{ type: 'buildDrawn', version: 1, running: false, nodeCount: 7 }]);

    // Clicking a bar reveals its stage; the strip collapses and opens again.
    await view.page.click('svg.timeline g.bar[data-stage="3"] rect');
    assert.deepEqual((await view.actions()).at(-1), { type: 'revealStage', stage: 3, version: 1 });
    await view.page.click('.build-strip .strip-toggle');
    assert.equal(await view.page.isVisible('svg.timeline'), false);
    assert.equal(await view.page.getAttribute('.build-strip .strip-toggle', 'aria-expanded'), 'false');
    await view.page.click('.build-strip .strip-toggle');
    assert.equal(await view.page.isVisible('svg.timeline'), true);
  });

  it('updates a running build as it goes, keeps its states across redraws of the version, and drops them on an edit', async () => {
    const early = buildScene('parallel.log', { liveLines: 39, liveSeconds: 1.6 });
    await view.post(early.graph);
    await view.post(early.build);
    const running = await nodeStates(view);
    assert.ok(running.includes('stage:lint running [▶ running 2s]'), running.join(', '));
    assert.ok(running.includes('stage:deps queued [◷ queued]'), running.join(', '));
    assert.ok(running.includes('stage:final queued [◷ queued]'), running.join(', '));
    assert.deepEqual(await classed(view, 'g.nodes > g.node', 'critical'), [], 'no critical path while it runs');
    assert.match((await view.page.textContent('.build-strip .summary-text'))!, /^Building: running lint \(2 of 6 stages done\)$/);
    assert.ok(await view.page.$('svg.timeline g.bar.build-running'), 'the running stage has a bar');

    // Later lines of the same build: deps has been built, final runs.
    const later = buildScene('parallel.log', { liveLines: 60, liveSeconds: 0.5 });
    await view.post(later.build);
    const laterStates = await nodeStates(view);
    assert.ok(laterStates.includes('stage:deps built [✓ built 2.1s]') && laterStates.some((state) => state.startsWith('stage:final running')), laterStates.join(', '));

    // A redraw of the same version (images hidden) keeps the states; its nodes are marked again.
    await view.post({ ...later.graph, hideImages: true, layout: buildScene('parallel.log').graph.layout });
    assert.deepEqual(await nodeStates(view), laterStates);
    // An edit: the next version's drawing shows no build, and the host's clearing message keeps it so.
    const edited = buildScene('parallel.log', { version: 2 });
    await view.post(edited.graph);
    assert.deepEqual(await nodeStates(view), []);
    assert.equal(await view.page.isVisible('.build-strip'), false);
    await view.post({ type: 'buildState', documentUri: edited.graph.documentUri, version: 2, overlay: null } satisfies BuildStateMessage);
    assert.deepEqual(await nodeStates(view), []);
    assert.equal(await view.page.$$eval('svg.graph .build-badge, svg.graph .critical-ring', (marks) => marks.length), 0);
  });

  it('keeps the timeline folded away or open across a reload of the view (its saved state)', async () => {
    const scene = buildScene('parallel.log');
    const showScene = async (): Promise<void> => {
      await view.post(scene.graph);
      await view.post(scene.build);
    };
    await showScene();
    await view.page.click('.build-strip .strip-toggle');
    // The page goes away as when the panel is hidden (no retained context) or VS Code restarts; the host sends again.
    await view.page.reload();
    await showScene();
    assert.equal(await view.page.isVisible('.build-strip .summary-text'), true, 'the summary line stays');
    assert.equal(await view.page.isVisible('svg.timeline'), false, 'the timeline stays folded away');
    assert.equal(await view.page.getAttribute('.build-strip .strip-toggle', 'aria-expanded'), 'false');
    await view.page.click('.build-strip .strip-toggle');
    await view.page.reload();
    await showScene();
    assert.equal(await view.page.isVisible('svg.timeline'), true, 'opened again, it stays open');
    assert.equal(await view.page.getAttribute('.build-strip .strip-toggle', 'aria-expanded'), 'true');
  });

  it('marks the failed stage: its badge and the strip reveal the failing line; canceled and unstarted stages say why', async () => {
    const scene = buildScene('failure.gha.log');
    await view.post(scene.graph);
    await view.post(scene.build);
    assert.deepEqual(await nodeStates(view), [
      'stage:base built [✓ built 0.1s]',
      'stage:other canceled [⊘ canceled]',
      // Cut to the box's width; the hover has the whole reason.
      'stage:release not-run [– not run: the build sto…]',
      'stage:slow canceled [⊘ canceled]',
      'stage:test failed [✗ failed · line 9]',
    ]);
    assert.match((await view.page.textContent('g.node[data-key="stage:release"] > title'))!, /Build: not run: the build stopped before it started\.$/);
    assert.match((await view.page.textContent('g.node[data-key="stage:slow"] > title'))!, /Build: canceled\. BuildKit canceled it when stage test failed\.$/);
    assert.match((await view.page.textContent('g.node[data-key="stage:test"] > title'))!, /Build: failed\. Line 9: executor failed running .*exit code: 3$/);
    // The badge goes to the failing line; the rest of the box to the stage's FROM, as always.
    await view.page.click('g.node[data-key="stage:test"] .build-badge.revealable');
    assert.deepEqual((await view.actions()).at(-1), { type: 'revealLine', line: 9, version: 1 });
    await view.page.click('g.node[data-key="stage:test"] > rect.box', { position: { x: 20, y: 40 } });
    assert.deepEqual((await view.actions()).at(-1), { type: 'revealStage', stage: 2, version: 1 });
    await view.page.focus('g.node[data-key="stage:test"] .build-badge.revealable');
    await view.page.keyboard.press('Enter');
    assert.deepEqual((await view.actions()).at(-1), { type: 'revealLine', line: 9, version: 1 });
    assert.equal(await view.page.textContent('.build-strip .reveal-failure'), 'Reveal line 9');
    await view.page.click('.build-strip .reveal-failure');
    assert.deepEqual((await view.actions()).at(-1), { type: 'revealLine', line: 9, version: 1 });
    const failedBar = await view.page.$eval('svg.timeline g.bar.build-failed', (bar) => bar.querySelector('text')?.textContent);
    assert.equal(failedBar, '✗ test');
  });

  it('sums up the stages folded into one box: the states of the stages Build path leaves out, and why', async () => {
    const scene = buildScene('parallel-target-compile.log', { view: { focus: null, buildPath: true, families: {} } });
    await view.post(scene.graph);
    await view.post(scene.build);
    const summary = 'g.nodes > g.node.node-summary';
    assert.equal(await view.page.getAttribute(summary, 'data-id'), 'summary:skipped');
    assert.match((await view.page.getAttribute(summary, 'class'))!, /\bbuild-not-run\b/);
    assert.equal(await view.page.textContent(`${summary} .build-badge .full text`), '– 3 not run');
    assert.match((await view.page.textContent(`${summary} > title`))!, /\n\nBuild:\nlint: not needed by compile\ndocs: not needed by compile\nfinal: not needed by compile$/);
    // The stages compile builds keep their own states; compile is the target and ends the critical path.
    assert.deepEqual((await classed(view, 'g.nodes > g.node', 'critical')).sort(), ['stage:base', 'stage:compile', 'stage:deps']);
  });

  it('keeps the state words readable zoomed out: the compact badge keeps one size on screen', async () => {
    const scene = buildScene('parallel.log', { liveLines: 39, liveSeconds: 1.6 });
    await view.page.setViewportSize({ width: 500, height: 500 });
    await view.post(scene.graph);
    await view.post(scene.build);
    await view.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    assert.equal(await view.page.$eval('svg.graph', (svg) => svg.classList.contains('lod-compact')), true, 'zoomed out to the compact level');
    const badge = await view.page.$eval('g.node[data-key="stage:deps"] .build-badge', (element) => {
      const [full, short] = ['.full', '.short'].map((part) => getComputedStyle(element.querySelector(part)!).display);
      const text = element.querySelector('.short text')!;
      return { full, short, words: text.textContent, height: text.getBoundingClientRect().height };
    });
    assert.deepEqual([badge.full, badge.short, badge.words], ['none', 'inline', '◷ queued']);
    assert.ok(badge.height >= 10, `the compact badge's words are ${badge.height.toFixed(1)} px high on screen`);
  });

  it('ignores malformed build messages', async () => {
    const scene = buildScene('failure.log');
    await view.post(scene.graph);
    const broken = structuredClone(scene.build);
    (broken.overlay!.stages[2] as { state: string }).state = '<img src=x onerror=alert(1)>';
    await view.post(broken);
    await view.post({ ...scene.build, version: 'latest' });
    await view.post({ type: 'buildAvailability', documentUri: scene.graph.documentUri, state: 'ready', reason: null, command: 'rm -rf /' });
    assert.deepEqual(await nodeStates(view), []);
    assert.equal(await view.page.isVisible('.build-strip'), false);
    assert.equal(view.console.filter((line) => line.startsWith('Stageflow graph view ignored an unexpected message')).length, 3);
    assert.equal(await view.page.getAttribute('.build-button', 'aria-disabled'), 'true');
  });

  it("builds from the toolbar's Build button, which is Cancel while the file builds and says why when it cannot build", async () => {
    const scene = buildScene('parallel.log');
    const documentUri = scene.graph.documentUri;
    await view.post(scene.graph);
    await view.post({ type: 'buildAvailability', documentUri, state: 'ready', reason: null });
    assert.equal(await view.page.textContent('.build-button'), '▶ Build');
    await view.page.click('.build-button');
    assert.deepEqual((await view.actions()).at(-1), { type: 'build', documentUri });
    await view.post({ type: 'buildAvailability', documentUri, state: 'building', reason: null });
    assert.equal(await view.page.textContent('.build-button'), '■ Cancel');
    await view.page.click('.build-button');
    assert.deepEqual((await view.actions()).at(-1), { type: 'cancelBuild' });
    const reason = 'Stageflow builds only in a trusted workspace: building runs the command of stageflow.build.command.';
    await view.post({ type: 'buildAvailability', documentUri, state: 'unavailable', reason });
    assert.equal(await view.page.getAttribute('.build-button', 'aria-disabled'), 'true');
    assert.equal(await view.page.getAttribute('.build-button', 'title'), reason);
    const before = (await view.actions()).length;
    await view.page.click('.build-button', { force: true });
    assert.equal((await view.actions()).length, before, 'nothing asked of the host');
    assert.equal(await view.page.textContent('.status'), reason);
    // Availability of another document does not change the button.
    await view.post({ type: 'buildAvailability', documentUri: 'file:///work/other.Dockerfile', state: 'ready', reason: null });
    assert.equal(await view.page.getAttribute('.build-button', 'aria-disabled'), 'true');
  });
});
