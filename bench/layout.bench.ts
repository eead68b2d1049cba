// `npm run bench`: the graph view's layout and first render in Chromium for generated Dockerfiles of 20, 100 and
// 500 stages, against Graphviz `dot` laying out the same graphs from our DOT export, measured in the same run.
// Each figure is the median of several runs; the ratios are dot's time over ours (above 1: we are faster).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { BROWSER_BUNDLE } from '../scripts/bundles.mjs';
import { buildStageGraph } from '../src/core/graph/buildStageGraph';
import { toDot } from '../src/core/export/toDot';
import { layoutStageGraph } from '../src/core/layout/layoutStageGraph';
import type { StageGraph } from '../src/core/model';

const SIZES = (process.env.BENCH_SIZES ?? '20,100,500').split(',').map(Number);
const RUNS = 5;
/** dot is stopped after this long (it needs minutes for 500 stages); the figure is then a lower bound. */
const DOT_TIMEOUT_MS = 60_000;
const IMAGES = ['alpine:3.20', 'golang:1.22-alpine', 'node:20-alpine', 'debian:12-slim', 'python:3.12-slim', 'scratch'];

/** A deterministic multi-stage Dockerfile: shared bases, builds that copy and mount from recent stages. */
function generateDockerfile(stages: number): string {
  let seed = stages;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = ['# syntax=docker/dockerfile:1', 'ARG VERSION=1'];
  for (let index = 0; index < stages; index++) {
    const base = index === 0 || random() < 0.2 ? IMAGES[Math.floor(random() * IMAGES.length)] : `s${Math.max(0, index - 1 - Math.floor(random() * 4))}`;
    lines.push('', `# Stage ${index}.`, `FROM ${base} AS s${index}`, 'WORKDIR /src');
    const copies = index < 3 ? 0 : Math.floor(random() * 3);
    for (let copy = 0; copy < copies; copy++) {
      lines.push(`COPY --from=s${Math.max(0, index - 1 - Math.floor(random() * 8))} /out/artifact${copy} ./deps/${copy}/`);
    }
    if (index > 3 && random() < 0.15) lines.push(`RUN --mount=type=bind,from=s${index - 2},source=/out,target=/mnt make`);
    lines.push(`RUN make stage${index} && mkdir -p /out && cp bin/* /out/`);
  }
  return `${lines.join('\n')}\n`;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The page script: lays out a graph with the core and draws it with the webview's renderer. */
const PAGE_ENTRY = `
import { layoutStageGraph } from './src/core/layout/layoutStageGraph';
import { GraphRenderer } from './webview/graphRenderer';
// Draws a laid-out graph into a fresh svg and shows its first view, as the webview does, and settles once the browser
// has painted it.
const drawInFreshSvg = (layout) => new Promise((resolve) => {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'graph');
  document.body.append(svg);
  const renderer = new GraphRenderer(svg, { activateNode() {}, activateEdge() {}, viewChanged() {} });
  renderer.draw(layout);
  renderer.showFirstView();
  svg.getBoundingClientRect();
  requestAnimationFrame(resolve);
});
window.runLayoutAndRender = async (graph) => {
  const started = performance.now();
  const layout = layoutStageGraph(graph);
  const laidOut = performance.now();
  await drawInFreshSvg(layout);
  return { layout: laidOut - started, total: performance.now() - started };
};
// As in the extension: the host lays out, the webview only draws what it receives.
window.renderLayout = async (layout) => {
  const started = performance.now();
  await drawInFreshSvg(layout);
  return { total: performance.now() - started };
};
`;

async function main(): Promise<void> {
  const bundle = await esbuild.build({
    ...BROWSER_BUNDLE,
    stdin: { contents: PAGE_ENTRY, resolveDir: process.cwd(), sourcefile: 'layout-bench-page.ts', loader: 'ts' },
    write: false,
  });
  const script = bundle.outputFiles[0].text;
  const css = readFileSync('media/graph.css', 'utf8');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  console.log('Graph view: layout + first render in Chromium vs Graphviz dot -Tsvg on our DOT export (median of %d runs)', RUNS);
  console.log('chromium first: layout and render in a fresh page (cold code); again: the same page once more, as after an edit;');
  console.log('extension: layout in Node (the host) + first render of the posted layout in a fresh page, as the panel does;');
  console.log('render: that first render alone (drawing, first view, level of detail, until painted)');
  console.log('stages  nodes  edges  crossings  bends  layout(node)  chromium first   again   extension    render      dot          dot/first  dot/again  dot/extension');
  try {
    for (const size of SIZES) {
      const graph: StageGraph = buildStageGraph(generateDockerfile(size));
      if (!graph.ok) throw new Error(`generated ${size}-stage Dockerfile does not build: ${graph.error}`);
      const nodeTimes: number[] = [];
      let layout = layoutStageGraph(graph);
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        layout = layoutStageGraph(graph);
        nodeTimes.push(performance.now() - started);
      }
      const pageTimes: number[] = [];
      const warmTimes: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, reducedMotion: 'reduce' });
        await page.setContent('<!DOCTYPE html><html><body></body></html>');
        await page.addStyleTag({ content: css });
        await page.addScriptTag({ content: script });
        const run = (): Promise<{ total: number }> =>
          page.evaluate((data) => (window as unknown as { runLayoutAndRender(g: unknown): Promise<{ total: number }> }).runLayoutAndRender(data), graph as unknown);
        pageTimes.push((await run()).total);
        // Drawing again in the same page, as after an edit: the code is compiled and warm by then.
        await page.evaluate(() => document.querySelector('svg')?.remove());
        warmTimes.push((await run()).total);
        await page.close();
      }
      const hostPathTimes: number[] = [];
      const renderTimes: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, reducedMotion: 'reduce' });
        await page.setContent('<!DOCTYPE html><html><body></body></html>');
        await page.addStyleTag({ content: css });
        await page.addScriptTag({ content: script });
        const render = await page.evaluate((data) => (window as unknown as { renderLayout(l: unknown): Promise<{ total: number }> }).renderLayout(data), layout as unknown);
        hostPathTimes.push(nodeTimes[run] + render.total);
        renderTimes.push(render.total);
        await page.close();
      }
      const dot = toDot(graph);
      const dotTimes: number[] = [];
      let dotTimedOut = false;
      for (let run = 0; run < RUNS && !dotTimedOut; run++) {
        const started = performance.now();
        try {
          execFileSync('dot', ['-Tsvg'], { input: dot, maxBuffer: 1 << 28, timeout: DOT_TIMEOUT_MS, killSignal: 'SIGKILL' });
          dotTimes.push(performance.now() - started);
        } catch (error) {
          if (performance.now() - started < DOT_TIMEOUT_MS) throw error;
          // dot needs minutes on big graphs: record the cut-off as a lower bound.
          dotTimedOut = true;
          dotTimes.splice(0, dotTimes.length, DOT_TIMEOUT_MS);
        }
      }
      const [ours, theirs] = [median(pageTimes), median(dotTimes)];
      console.log(
        [
          String(size).padStart(6),
          String(layout.nodes.length).padStart(5),
          String(layout.edges.length).padStart(5),
          String(layout.crossings).padStart(9),
          String(layout.bends).padStart(5),
          `${median(nodeTimes).toFixed(1)} ms`.padStart(12),
          `${ours.toFixed(1)} ms`.padStart(14),
          `${median(warmTimes).toFixed(1)} ms`.padStart(9),
          `${median(hostPathTimes).toFixed(1)} ms`.padStart(11),
          `${median(renderTimes).toFixed(1)} ms`.padStart(9),
          `${dotTimedOut ? '>' : ''}${theirs.toFixed(1)} ms`.padStart(11),
          `${dotTimedOut ? '>' : ''}${(theirs / ours).toFixed(1)}×`.padStart(9),
          `${dotTimedOut ? '>' : ''}${(theirs / median(warmTimes)).toFixed(1)}×`.padStart(9),
          `${dotTimedOut ? '>' : ''}${(theirs / median(hostPathTimes)).toFixed(1)}×`.padStart(13),
        ].join('  '),
      );
    }
  } finally {
    await browser.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
