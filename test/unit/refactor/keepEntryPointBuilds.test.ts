import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { extractStage } from '../../../src/core/refactor/extractStage';
import { keepEntryPointBuilds } from '../../../src/core/refactor/keepEntryPointBuilds';
import { nameStage } from '../../../src/core/refactor/nameStage';
import { lines, scanOf } from '../entrypoints/entryPointHelpers';

const dockerfile = lines('FROM golang', 'RUN go mod download', 'RUN go build -o /app', 'FROM alpine AS runtime', 'COPY --from=0 /app /app');
const graph = buildStageGraph(dockerfile);

/** The refactorings keep what Compose and Bake build, or refuse saying which build would change. */
describe('keepEntryPointBuilds', () => {
  it('keeps an outcome that leaves every entry point building the same stage', () => {
    const entries = scanOf({ 'compose.yaml': lines('services:', '  a:', '    build: .', '  b:', '    build: { target: runtime }') }).entries;
    const outcome = extractStage(dockerfile, graph, 3, 'deps');
    assert.ok('edits' in outcome);
    assert.equal(keepEntryPointBuilds(dockerfile, graph, outcome, entries), outcome);
  });

  it('refuses a new stage name that a target names in vain today', () => {
    const entries = scanOf({ 'docker-bake.hcl': lines('target "bin" {', '  target = "build"', '}') }).entries;
    assert.deepEqual(keepEntryPointBuilds(dockerfile, graph, nameStage(dockerfile, graph, 0, 'build'), entries), {
      refused: 'This would change what Compose or Bake builds: target bin (docker-bake.hcl) targets build, which names no stage now but would then build stage 0 (build)',
    });
    assert.ok('edits' in keepEntryPointBuilds(dockerfile, graph, nameStage(dockerfile, graph, 0, 'compile'), entries));
  });

  it('passes refusals through', () => {
    const refused = { refused: 'no' };
    assert.equal(keepEntryPointBuilds(dockerfile, graph, refused, []), refused);
  });
});
