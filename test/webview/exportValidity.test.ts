// Every export of every example and Dockerfile fixture is valid where people paste it: the Mermaid text (what the
// CLI's `--format mermaid` and the view's "Copy Mermaid" give) renders in the real mermaid package in Chromium, with
// every node and edge drawn and every label reading as written; the DOT text renders in Graphviz's `dot` without a
// warning, with every node and edge; the SVG export is well-formed XML; the Mermaid gantt chart of every real build
// log (`stageflow timeline --format mermaid`) renders with a bar per stage that ran. Mermaid is loaded from
// node_modules through a route of the page, and every other request is refused, so nothing comes from the network.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readBuildLog } from '../../src/core/buildlog/buildLogReader';
import { buildTimeline } from '../../src/core/buildlog/buildTimeline';
import { formatDuration } from '../../src/core/buildlog/formatDuration';
import type { BuildTimeline } from '../../src/core/buildlog/model';
import { toMermaidGantt } from '../../src/core/buildlog/toMermaidGantt';
import { buildStageGraph } from '../../src/core/graph/buildStageGraph';
import { toDot } from '../../src/core/export/toDot';
import { toExportGraph, type ExportGraph } from '../../src/core/export/toExportGraph';
import { toMermaid } from '../../src/core/export/toMermaid';
import { toSvg } from '../../src/core/export/toSvg';
import { compareDockerfiles } from '../../src/core/diff/compareDockerfiles';
import { toMermaidDiff } from '../../src/core/diff/toMermaidDiff';
import { findDiagramBlocks } from '../../src/core/docs/findDiagramBlocks';
import type { StageGraph } from '../../src/core/model';
import { BUILD_LOGS, buildLogFixture, buildOfLog } from '../unit/buildlog/buildLogFixtures';
import { launchChromium } from './webviewHarness';

/** The names Stageflow opens as Dockerfiles (package.json `contributes.languages`), as one pattern. */
const DOCKERFILE_NAME = /^(Dockerfile|Containerfile)(\..+)?$|\.(dockerfile|containerfile)$/i;

/** Every Dockerfile under `folder`, at any depth. */
function dockerfilesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => DOCKERFILE_NAME.test(path.split('/').at(-1) ?? ''))
    .map((path) => join(folder, path))
    .sort();
}

const files = [...dockerfilesIn('examples'), ...dockerfilesIn('test/fixtures')];
const graphOf = (file: string): StageGraph => buildStageGraph(readFileSync(file, 'utf8'));

/** What a reader sees of a label: its lines run together (as `textContent` has them), each run of spaces one. */
const shownText = (lines: readonly string[]): string => seen(lines.join(''));
const seen = (text: string): string => text.replace(/\s+/g, ' ').trim();
const sorted = (texts: string[]): string[] => [...texts].sort();

const ORIGIN = 'http://stageflow.test';
const MERMAID_PAGE = '<!doctype html><html><head><meta charset="utf-8"></head><body><script src="/mermaid.js"></script></body></html>';

/** What mermaid drew for one text: the error it threw, or the drawn nodes, edges and label texts. */
type MermaidOutcome = { error: string } | { nodes: number; edges: number; nodeLabels: string[]; edgeLabels: string[] };

/** Renders `text` with mermaid's render API and reads back what it drew. */
function renderMermaid(page: Page, text: string, id: string): Promise<MermaidOutcome> {
  return page.evaluate(
    async ({ text, id }) => {
      const mermaid = (window as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
      try {
        const { svg } = await mermaid.render(id, text);
        const drawing = document.createElement('div');
        // The page holds nothing but mermaid; its own output is what is inspected.
        drawing.innerHTML = svg;
        document.body.append(drawing);
        // (No named functions in here: tsx would wrap them in a helper the page does not have.)
        const [nodeLabels, edgeLabels] = ['g.node span.nodeLabel', 'g.edgeLabel span.edgeLabel'].map((selector) =>
          Array.from(drawing.querySelectorAll(selector), (element) => element.textContent ?? ''),
        );
        const outcome = {
          nodes: drawing.querySelectorAll('g.node').length,
          edges: drawing.querySelectorAll('path.flowchart-link').length,
          nodeLabels,
          edgeLabels: edgeLabels.filter((label) => label !== ''),
        };
        drawing.remove();
        return outcome;
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
    { text, id },
  );
}

/** What mermaid drew for a gantt chart: the error it threw, or its section titles, task bars and task names. */
type GanttOutcome = { error: string } | { sections: string[]; bars: number; tasks: string[] };

/** Renders a gantt chart with mermaid's render API and reads back what it drew. */
function renderGantt(page: Page, text: string, id: string): Promise<GanttOutcome> {
  return page.evaluate(
    async ({ text, id }) => {
      const mermaid = (window as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
      try {
        const { svg } = await mermaid.render(id, text);
        const drawing = document.createElement('div');
        // The page holds nothing but mermaid; its own output is what is inspected.
        drawing.innerHTML = svg;
        document.body.append(drawing);
        // (No named functions in here: tsx would wrap them in a helper the page does not have.)
        const [sections, tasks] = ['text.sectionTitle', 'text.taskText, text.taskTextOutsideRight, text.taskTextOutsideLeft'].map((selector) =>
          Array.from(drawing.querySelectorAll(selector), (element) => (element.textContent ?? '').trim()),
        );
        const outcome = { sections, bars: drawing.querySelectorAll('rect.task').length, tasks };
        drawing.remove();
        return outcome;
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
    { text, id },
  );
}

const buildLogs = readdirSync(BUILD_LOGS).filter((file) => file.endsWith('.log')).sort();

describe('exports of every example and fixture', function () {
  this.timeout(60000);
  let browser: Browser;
  let page: Page;
  const refused: string[] = [];

  before(async () => {
    assert.ok(files.length > 40, `found the examples and fixtures (${files.length})`);
    const mermaidScript = readFileSync('node_modules/mermaid/dist/mermaid.min.js', 'utf8');
    browser = await launchChromium();
    page = await browser.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      // Without a charset the page would read the script as Latin-1, and mermaid's entity handling with it.
      if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: MERMAID_PAGE });
      if (url === `${ORIGIN}/mermaid.js`) return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: mermaidScript });
      refused.push(url);
      return route.abort();
    });
    await page.goto(`${ORIGIN}/`);
    await page.evaluate(() =>
      (window as unknown as { mermaid: { initialize(config: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }),
    );
  });
  after(async () => {
    await browser?.close();
    assert.deepEqual(refused, [], 'nothing but mermaid was requested');
  });

  describe('Mermaid renders in mermaid', () => {
    files.forEach((file, index) => {
      it(file, async () => {
        const graph = graphOf(file);
        const picture: ExportGraph = toExportGraph(graph);
        const outcome = await renderMermaid(page, toMermaid(graph), `export-${index}`);
        assert.ok(!('error' in outcome), `mermaid: ${'error' in outcome ? outcome.error : ''}`);
        assert.equal(outcome.nodes, picture.nodes.length, 'every node drawn');
        assert.equal(outcome.edges, picture.edges.length, 'every edge drawn');
        assert.deepEqual(sorted(outcome.nodeLabels.map(seen)), sorted(picture.nodes.map((node) => shownText(node.lines))), 'node labels read as written');
        const labelled = picture.edges.filter((edge) => edge.lines.length > 0);
        assert.deepEqual(sorted(outcome.edgeLabels.map(seen)), sorted(labelled.map((edge) => shownText(edge.lines))), 'edge labels read as written');
      });
    });
  });

  describe('Mermaid gantt charts of build logs render in mermaid', () => {
    it('covers every real build log', () => assert.ok(buildLogs.length >= 12, `found ${buildLogs.length} logs`));
    buildLogs.forEach((log, index) => {
      it(log, async () => {
        const { dockerfile, target } = buildOfLog(log);
        const timeline = buildTimeline(readBuildLog(buildLogFixture(log)), buildStageGraph(buildLogFixture(dockerfile), { target })) as BuildTimeline;
        assert.equal(timeline.kind, 'timeline');
        const outcome = await renderGantt(page, toMermaidGantt(timeline), `gantt-${index}`);
        assert.ok(!('error' in outcome), `mermaid: ${'error' in outcome ? outcome.error : ''}`);
        const shown = timeline.bars.map((bar) => timeline.stages[bar.stage]);
        assert.deepEqual(outcome.sections, shown.map((stage) => stage.label), 'a section per stage that ran, in order');
        assert.equal(outcome.bars, shown.length, 'a bar per stage that ran');
        const names = shown.map((stage) => `${stage.status}${stage.durationMs === null ? '' : ` ${formatDuration(stage.durationMs)}`}`);
        // Mermaid draws the task names in order of start, not of sections.
        assert.deepEqual(sorted(outcome.tasks), sorted(names), 'each bar named with its status and time');
      });
    });
  });

  describe('the graph diff renders in mermaid, every node and edge it declares drawn', () => {
    // Consecutive versions of real Dockerfiles (test/fixtures/diff/README.md), and a rename plus an edit.
    const pairs = [
      ['loki/6875c872a6', 'loki/5f670a4b18'],
      ['loki/5f670a4b18', 'loki/9b1407e736'],
      ['loki/ec8b012866', 'loki/48f5ade0e5'],
      ['loki/48f5ade0e5', 'loki/f2ba692f76'],
      ['compose/5de4353a6', 'compose/d518da241'],
      ['compose/d518da241', 'compose/d518da241-renamed'],
      ['compose/d518da241', 'compose/d518da241-renamed-edited'],
    ];
    const version = (name: string): string => readFileSync(join('test/fixtures/diff', `${name}.Dockerfile`), 'utf8');
    pairs.forEach(([older, newer], index) => {
      it(`${older} -> ${newer}`, async () => {
        const text = toMermaidDiff(compareDockerfiles(version(older), version(newer)));
        const outcome = await renderMermaid(page, text, `diff-${index}`);
        assert.ok(!('error' in outcome), `mermaid: ${'error' in outcome ? outcome.error : ''}`);
        assert.equal(outcome.nodes, text.match(/^ {2}[a-z]+\d+[[(]/gm)?.length, 'every node drawn');
        assert.equal(outcome.edges, text.match(/^ {2}\S+ (==>|-->|-\.->)/gm)?.length, 'every edge drawn');
      });
    });
  });

  it("the README's stage diagram block renders in mermaid (what `stageflow docs` writes)", async () => {
    const readme = readFileSync('README.md', 'utf8');
    const [block] = findDiagramBlocks(readme).blocks;
    const diagram = block.content.replace(/^```mermaid\n/, '').replace(/```\n$/, '');
    const graph = graphOf(block.dockerfile);
    const outcome = await renderMermaid(page, diagram, 'readme');
    assert.ok(!('error' in outcome), `mermaid: ${'error' in outcome ? outcome.error : ''}`);
    assert.equal(outcome.nodes, toExportGraph(graph).nodes.length, 'every node drawn');
  });

  describe('DOT renders in Graphviz', () => {
    for (const file of files) {
      it(file, () => {
        const graph = graphOf(file);
        const picture = toExportGraph(graph);
        const dot = spawnSync('dot', ['-Tsvg'], { input: toDot(graph), encoding: 'utf8' });
        assert.deepEqual([dot.error, dot.status, dot.stderr], [undefined, 0, ''], 'dot ran without an error or a warning');
        const svg = dot.stdout;
        assert.equal((svg.match(/<g id="node\d+" class="node">/g) ?? []).length, picture.nodes.length, 'every node drawn');
        assert.equal((svg.match(/<g id="edge\d+" class="edge">/g) ?? []).length, picture.edges.length, 'every edge drawn');
      });
    }
  });

  describe('SVG parses as XML', () => {
    for (const file of files) {
      it(file, async () => {
        const problem = await page.evaluate((svg) => {
          const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
          const error = document.querySelector('parsererror');
          if (error) return error.textContent;
          const root = document.documentElement;
          return root.localName === 'svg' && root.namespaceURI === 'http://www.w3.org/2000/svg' ? null : `root element ${root.localName}`;
        }, toSvg(graphOf(file)));
        assert.equal(problem, null);
      });
    }
  });
});
