import * as assert from 'node:assert/strict';
import { renameStageAcrossFiles } from '../../../src/core/editor/renameStageAcrossFiles';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { applyTextEdits } from '../../../src/core/refactor/applyTextEdits';
import { lines, scanOf } from '../entrypoints/entryPointHelpers';

const dockerfile = lines('FROM golang AS build', 'FROM build AS debug', 'COPY --from=build / /', 'FROM alpine AS runtime');
const graph = buildStageGraph(dockerfile);

/** Every file's text after applying the rename's edits to the inline files. */
function applied(files: Record<string, string>, result: ReturnType<typeof renameStageAcrossFiles>): Record<string, string> {
  assert.ok(!('refused' in result), 'refused' in result ? result.refused : '');
  const texts = { ...files };
  for (const change of result.files) texts[change.path] = applyTextEdits(texts[change.path], change.edits);
  return texts;
}

/** F2 on a stage: the Dockerfile and every Compose and Bake file that names the stage, in one set of edits. */
describe('renameStageAcrossFiles', () => {
  it('renames in the Dockerfile first, then in each Compose and Bake file that targets the stage', () => {
    const compose = lines('services:', '  a:', '    build: { target: build }', '  b:', '    build: .');
    const bake = lines('target "x" {', '  target = "build"', '}');
    const files = { 'app/Dockerfile': dockerfile, 'app/compose.yaml': compose, 'app/docker-bake.hcl': bake };
    const result = renameStageAcrossFiles(graph, 'app/Dockerfile', 0, 'compile', scanOf(files));
    assert.deepEqual('files' in result && result.files.map((file) => file.path), ['app/Dockerfile', 'app/compose.yaml', 'app/docker-bake.hcl']);
    assert.deepEqual(applied(files, result), {
      'app/Dockerfile': lines('FROM golang AS compile', 'FROM compile AS debug', 'COPY --from=compile / /', 'FROM alpine AS runtime'),
      'app/compose.yaml': compose.replace('target: build', 'target: compile'),
      'app/docker-bake.hcl': bake.replace('"build"', '"compile"'),
    });
  });

  it('renames the last stage, which entry points without a target keep building', () => {
    const compose = lines('services:', '  a:', '    build: .', '  b:', '    build: { target: runtime }');
    const texts = applied({ 'Dockerfile': dockerfile, 'compose.yaml': compose }, renameStageAcrossFiles(graph, 'Dockerfile', 2, 'final', scanOf({ 'compose.yaml': compose })));
    assert.equal(texts['compose.yaml'], compose.replace('target: runtime', 'target: final'));
  });

  it('lists targets written through a variable as skipped', () => {
    const bake = lines('variable "T" { default = "debug" }', 'target "x" { target = T }');
    const result = renameStageAcrossFiles(graph, 'Dockerfile', 1, 'dev', scanOf({ 'docker-bake.hcl': bake }));
    assert.ok('skipped' in result);
    assert.deepEqual(result.files.map((file) => file.path), ['Dockerfile']);
    assert.deepEqual(result.skipped.map((item) => item.reason), ['The target of target x is not written as a plain name, so it is left as it is']);
  });

  it("refuses the Dockerfile's refusals, and a name that a target names in vain today", () => {
    const compose = lines('services:', '  typo:', '    build: { target: Compile }');
    const scan = scanOf({ 'compose.yaml': compose });
    assert.deepEqual(renameStageAcrossFiles(graph, 'Dockerfile', 0, 'compile', scan), {
      refused: 'Renaming to compile would change a Compose or Bake build: service typo (compose.yaml) targets Compile, which names no stage now but would then build stage 0 (compile).',
    });
    assert.match((renameStageAcrossFiles(graph, 'Dockerfile', 0, 'debug', scan) as { refused: string }).refused, /taken|already/i);
  });
});
