import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAX_LENS_TITLE, stageCodeLenses } from '../../../src/core/editor/stageCodeLenses';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { entryPointLenses } from '../../../src/core/editor/entryPointLenses';
import { readEntryPoints } from '../../../src/core/entrypoints/readEntryPoints';
import type { EntryPointScan } from '../../../src/core/entrypoints/entryPointModel';
import { buildCodeLenses } from '../../../src/core/buildrun/buildCodeLenses';

/**
 * The characters a line of lenses may take: VS Code draws a line's lenses on one line, joined by ` | `, in the
 * workbench's proportional font at 90% of the editor's size (12.6 px: about 6.4 px a character, measured in
 * Chromium on these lines). Beside the graph view the editor is about 700 px wide, and gutter, minimap and
 * scrollbar leave some 550 px for text: 85 characters.
 */
const LENS_LINE_BUDGET = 85;

/** Every Dockerfile the repository holds: the examples and every fixture (the real-world ones included). */
function dockerfiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return dockerfiles(path);
    return /(^|[.])(Dockerfile|Containerfile)([.]|$)|\.dockerfile$/i.test(entry.name) ? [path] : [];
  });
}

const corpus = [...dockerfiles('examples'), ...dockerfiles('test/fixtures')];

/** Every file below `folder`, as the entry-point reader takes them (absolute paths). */
function filesUnder(folder: string): Array<{ path: string; text: string }> {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => resolve(entry.parentPath, entry.name))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

/** The folders whose Dockerfiles Compose or Bake files build: their FROMs also get the entry-point lens. */
const projects = ['examples/compose-bake', ...readdirSync('test/fixtures/entrypoints/real', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join('test/fixtures/entrypoints/real', entry.name))];
const scans = new Map<string, EntryPointScan>(projects.map((folder) => [folder, readEntryPoints(filesUnder(folder))]));

/** Each line's lenses as VS Code draws them (build, entry points, stage): the titles joined by ` | `. */
function lensLines(file: string, text: string, building: boolean): Map<number, string> {
  const graph = buildStageGraph(text);
  const project = [...scans.keys()].find((folder) => file.startsWith(folder + '/'));
  const entryLenses = project ? entryPointLenses(scans.get(project)!, resolve(file), graph) : [];
  const lines = new Map<number, string[]>();
  for (const lens of [...buildCodeLenses(graph, building), ...entryLenses, ...stageCodeLenses(graph)]) {
    lines.set(lens.range.start.line, [...(lines.get(lens.range.start.line) ?? []), lens.title]);
  }
  return new Map([...lines].map(([line, titles]) => [line, titles.join(' | ')]));
}

describe('CodeLens fit beside the graph view (issue 8: lines of ~170 characters ran off the editor)', () => {
  it('reads every example and fixture', () => {
    assert.ok(corpus.length >= 35, `${corpus.length} Dockerfiles`);
    assert.ok(corpus.includes(join('examples', 'monorepo.Dockerfile')));
    for (const [folder, scan] of scans) assert.ok(scan.entries.length > 0, `${folder} has Compose services or Bake targets`);
  });

  for (const file of corpus) {
    it(`${file}: every title within ${MAX_LENS_TITLE} characters, every line of lenses within ${LENS_LINE_BUDGET}`, () => {
      const text = readFileSync(file, 'utf8');
      for (const building of [false, true]) {
        for (const [line, drawn] of lensLines(file, text, building)) {
          for (const title of drawn.split(' | ')) assert.ok(title.length <= MAX_LENS_TITLE, `line ${line + 1}: "${title}" (${title.length})`);
          assert.ok(drawn.length <= LENS_LINE_BUDGET, `line ${line + 1}: "${drawn}" (${drawn.length})`);
        }
      }
    });
  }
});
