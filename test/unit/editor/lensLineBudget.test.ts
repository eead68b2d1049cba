import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { filesUnder } from '../entrypoints/entryPointHelpers';
import { join, relative } from 'node:path';
import { MAX_LENS_TITLE, stageCodeLenses } from '../../../src/core/editor/stageCodeLenses';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { entryPointLenses } from '../../../src/core/editor/entryPointLenses';
import { readEntryPoints } from '../../../src/core/entrypoints/readEntryPoints';
import type { EntryPointScan } from '../../../src/core/entrypoints/entryPointModel';
import { buildCodeLenses, titlesBesideStageLenses } from '../../../src/core/buildrun/buildCodeLenses';
import { LENS_LINE_BUDGET, LENS_SEPARATOR } from '../../../src/core/editor/fitLensLine';

/** Every Dockerfile the repository holds: the examples and every fixture (the real-world ones included). */
function dockerfiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return dockerfiles(path);
    return /(^|[.])(Dockerfile|Containerfile)([.]|$)|\.dockerfile$/i.test(entry.name) ? [path] : [];
  });
}

const corpus = [...dockerfiles('examples'), ...dockerfiles('test/fixtures')];

/** The folders whose Dockerfiles Compose or Bake files build, as [root, folder]: their FROMs also get the entry-point lens. */
const REAL_PROJECTS = 'test/fixtures/entrypoints/real';
const projects: Array<[string, string]> = [
  ['examples', 'compose-bake'],
  ...readdirSync(REAL_PROJECTS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry): [string, string] => [REAL_PROJECTS, entry.name]),
];
/** Each project's entry points, read with paths relative to its root (`compose-bake/compose.yaml`). */
const scans = new Map<string, EntryPointScan>(projects.map(([root, folder]) => [join(root, folder), readEntryPoints(filesUnder(root, folder))]));

/** Each line's lenses as VS Code draws them (build, entry points, stage), as the extension's providers make them: the titles joined by ` | `. */
function lensLines(file: string, text: string, building: boolean): Map<number, string> {
  const graph = buildStageGraph(text);
  const project = projects.find(([root, folder]) => file.startsWith(join(root, folder) + '/'));
  const entryLenses = project ? entryPointLenses(scans.get(join(...project))!, relative(project[0], file), graph) : [];
  const lines = new Map<number, string[]>();
  for (const lens of [...buildCodeLenses(graph, building), ...entryLenses, ...stageCodeLenses(graph, titlesBesideStageLenses(entryLenses))]) {
    lines.set(lens.range.start.line, [...(lines.get(lens.range.start.line) ?? []), lens.title]);
  }
  return new Map([...lines].map(([line, titles]) => [line, titles.join(LENS_SEPARATOR)]));
}

describe('CodeLens fit an editor beside the graph view with the Explorer open (lines ran off a 330 px editor)', () => {
  it('reads every example and fixture', () => {
    assert.ok(corpus.length >= 35, `${corpus.length} Dockerfiles`);
    assert.ok(corpus.includes(join('examples', 'monorepo.Dockerfile')));
    for (const [folder, scan] of scans) assert.ok(scan.entries.length > 0, `${folder} has Compose services or Bake targets`);
  });

  for (const file of corpus) {
    it(`${file}: every title within ${MAX_LENS_TITLE} characters, every line of lenses within ${LENS_LINE_BUDGET}, Show in graph on every FROM`, () => {
      const text = readFileSync(file, 'utf8');
      const fromLines = buildStageGraph(text).stages.map((stage) => stage.ranges.from.start.line);
      for (const building of [false, true]) {
        const lines = lensLines(file, text, building);
        for (const [line, drawn] of lines) {
          for (const title of drawn.split(LENS_SEPARATOR)) assert.ok(title.length <= MAX_LENS_TITLE, `line ${line + 1}: "${title}" (${title.length})`);
          assert.ok(drawn.length <= LENS_LINE_BUDGET, `line ${line + 1}: "${drawn}" (${drawn.length})`);
        }
        for (const line of fromLines) assert.ok(lines.get(line)?.split(LENS_SEPARATOR).includes('Show in graph'), `line ${line + 1}: "${lines.get(line)}"`);
      }
    });
  }
});
