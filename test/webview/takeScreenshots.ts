// `npm run screenshots [-- FILE...]`: draws each Dockerfile (default: the real ones in test/fixtures/real) in the graph
// view, in Chromium through the webview test harness, beside the editor (700×900) and maximised (1600×900), in the
// light and dark themes. Writes test-output/screenshots/<name>-<size>-<theme>.png and prints, per drawing, the scale
// of its first view and the smallest and median on-screen height of the stage names (getBoundingClientRect of the
// text), how many boxes show their name, the elided mark "…", or are too small for either, and the scale of Fit.
// `npm run screenshots -- --build [--out DIR]` draws builds instead: the real logs of test/fixtures/buildlogs laid onto
// their Dockerfiles as the panel lays them (a build running, the same build finished, a failed build), beside the
// editor in both themes, into DIR (default test-output/screenshots/build).
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildScene, type BuildScene } from './buildStateMessage';
import { measureDrawnText, median } from './drawnTextSize';
import { panelMessageFor } from './panelMessage';
import { CHROMIUM, WebviewHarness, type ThemeName } from './webviewHarness';

const OUTPUT = 'test-output/screenshots';
const SIZES = [
  { width: 700, height: 900 },
  { width: 1600, height: 900 },
];
const THEMES: ThemeName[] = ['vscode-light', 'vscode-dark'];
const REAL_FIXTURES = 'test/fixtures/real';

async function main(files: string[]): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.error(`Screenshots need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium (npm test installs it when run as root).`);
    process.exit(1);
  }
  mkdirSync(OUTPUT, { recursive: true });
  const harness = await WebviewHarness.start();
  try {
    for (const file of files) {
      const fileName = basename(file);
      const name = fileName.replace(/\.Dockerfile$|^Dockerfile\./i, '') || fileName;
      const message = panelMessageFor(readFileSync(file, 'utf8'), {}, 1, fileName);
      if (message.type !== 'graph') {
        console.log(`${file}: nothing to draw (${message.message})`);
        continue;
      }
      const stages = message.layout.nodes.filter((node) => node.kind === 'stage').length;
      console.log(`${file}: ${stages} stages, ${message.layout.nodes.length} nodes, ${message.layout.edges.length} edges`);
      for (const size of SIZES) {
        for (const theme of THEMES) {
          const view = await harness.open(theme, size);
          await view.post(message);
          const { scale, stageNameHeights } = await measureDrawnText(view);
          const shot = join(OUTPUT, `${name}-${size.width}x${size.height}-${theme.replace('vscode-', '')}.png`);
          await view.page.screenshot({ path: shot });
          const [named, marked, dots] = await Promise.all(
            [':not(.culled)', '.culled:not(.dot):not(.covered)', '.dot'].map((selector) => view.page.locator(`svg.graph g.node${selector}`).count()),
          );
          const boxes = `${named} named, ${marked} "…", ${dots} dots`;
          await view.page.click('button:has-text("Fit")');
          const fitScale = (await measureDrawnText(view)).scale;
          const heights = stageNameHeights.length === 0 ? 'no stage names drawn' : `stage names min ${Math.min(...stageNameHeights).toFixed(1)} px, median ${median(stageNameHeights).toFixed(1)} px (${stageNameHeights.length} drawn)`;
          console.log(`  ${size.width}x${size.height} ${theme.padEnd(12)} fit scale ${fitScale.toFixed(3)}; first view at scale ${scale.toFixed(3)}, ${heights}, boxes ${boxes} -> ${shot}`);
          if (view.errors.length > 0) console.log(`    script errors: ${view.errors.join('; ')}`);
          await view.close();
        }
      }
    }
  } finally {
    await harness.stop();
  }
}

/** The builds drawn by `--build`: parallel.log cut where lint runs and deps waits, then whole; failure.gha.log. */
const BUILD_SCENES: [string, () => BuildScene][] = [
  ['parallel-running', () => buildScene('parallel.log', { liveLines: 39, liveSeconds: 1.6 })],
  ['parallel-built', () => buildScene('parallel.log')],
  ['failure-failed', () => buildScene('failure.gha.log')],
];

async function buildShots(output: string): Promise<void> {
  mkdirSync(output, { recursive: true });
  const harness = await WebviewHarness.start();
  try {
    for (const [name, scene] of BUILD_SCENES) {
      const { graph, build } = scene();
      for (const theme of THEMES) {
        const view = await harness.open(theme, SIZES[0]);
        await view.post(graph);
        await view.post(build);
        // The Build button as the panel shows it: Cancel while the build runs.
        await view.post({ type: 'buildAvailability', documentUri: graph.documentUri, state: build.overlay?.running ? 'building' : 'ready', reason: null });
        const shot = join(output, `${name}-${SIZES[0].width}x${SIZES[0].height}-${theme.replace('vscode-', '')}.png`);
        await view.page.screenshot({ path: shot });
        console.log(`${name} ${theme.padEnd(12)} ${build.overlay?.summary} -> ${shot}`);
        if (view.errors.length > 0) console.log(`    script errors: ${view.errors.join('; ')}`);
        await view.close();
      }
    }
  } finally {
    await harness.stop();
  }
}

const given = process.argv.slice(2);
if (given.includes('--build')) {
  const out = given.indexOf('--out');
  void buildShots(out >= 0 && given[out + 1] ? given[out + 1] : join(OUTPUT, 'build'));
} else {
  const files = given.length > 0 ? given : readdirSync(REAL_FIXTURES).filter((file) => file.endsWith('.Dockerfile')).sort().map((file) => join(REAL_FIXTURES, file));
  void main(files);
}
