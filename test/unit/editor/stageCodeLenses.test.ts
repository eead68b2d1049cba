import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { MAX_LENS_TITLE, stageCodeLenses } from '../../../src/core/editor/stageCodeLenses';
import { LENS_LINE_BUDGET } from '../../../src/core/editor/fitLensLine';
import { dockerfile } from './dockerfileText';

/** Each lens as "line: title -> action" (0-based line), the way a reader scans them. */
function lenses(text: string, options = {}): string[] {
  return stageCodeLenses(buildStageGraph(text, options)).map((lens) => {
    const action = lens.action === null ? '' : ` -> ${lens.action.kind}${'stage' in lens.action ? ` ${lens.action.stage}` : ''}`;
    return `${lens.range.start.line}: ${lens.title}${action}`;
  });
}

describe('stageCodeLenses', () => {
  // SEMANTICS.md, "What gets built": the last stage is the default target; unreachable stages are skipped.
  it('says where each stage builds from, who uses it and whether the target needs it', () => {
    const text = dockerfile(
      'FROM golang:1.22 AS build',
      'RUN go build -o /app .',
      'FROM build AS test',
      'RUN go test ./...',
      'FROM alpine AS runtime',
      'COPY --from=build /app /app',
    );
    assert.deepEqual(lenses(text), [
      '0: 2 users -> showReferences',
      '0: built',
      '0: Show in graph -> showGraph 0',
      '2: unused',
      '2: not built',
      '2: Show in graph -> showGraph 1',
      '4: unused',
      '4: target',
      '4: Show in graph -> showGraph 2',
    ]);
    assert.deepEqual(
      stageCodeLenses(buildStageGraph(text)).filter((lens) => lens.range.start.line === 0).map((lens) => lens.tooltip),
      [
        'Used by test (FROM), runtime (COPY): show the references',
        'The default target runtime needs this stage',
        'Open the stage graph of this Dockerfile with this stage highlighted',
      ],
    );
  });

  it('follows a chosen target', () => {
    const text = dockerfile('FROM alpine AS a', 'FROM a AS b', 'FROM alpine AS c');
    assert.deepEqual(
      lenses(text, { target: 'B' }).filter((lens) => /built|target/.test(lens)),
      ['0: built', '1: target', '2: not built'],
    );
  });

  it('shows the FROM as BuildKit reads it only when ARGs make it differ from the line; the platform is in the tooltip', () => {
    const text = dockerfile('ARG IMAGE=alpine:3.20', 'ARG BASE=a', 'FROM --platform=linux/arm64 ${IMAGE} AS a', 'FROM scratch', 'FROM $BASE', 'FROM a');
    const graph = buildStageGraph(text);
    assert.deepEqual(
      stageCodeLenses(graph).filter((lens) => lens.title.startsWith('FROM')).map((lens) => [lens.range.start.line, lens.title, lens.tooltip, lens.action?.kind]),
      [
        [2, 'FROM alpine:3.20', '${IMAGE} is the image alpine:3.20 for linux/arm64', undefined],
        [4, 'FROM a', '$BASE is stage a: go to it (line 3)', 'revealStage'],
      ],
    );
  });

  it('keeps every title within MAX_LENS_TITLE, cutting stage names in the middle and images after their name (shortenImageRef)', () => {
    const long = 'registry.example.com/team/very/long/path/image-with-a-long-name:v1.2.3-bookworm-slim';
    const text = dockerfile(`ARG IMAGE=${long}`, 'FROM ${IMAGE} AS a-stage-with-a-remarkably-long-name', 'FROM alpine', 'COPY --from=0 /x /x');
    const titles = stageCodeLenses(buildStageGraph(text)).map((lens) => lens.title);
    assert.deepEqual(titles.filter((title) => title.length > MAX_LENS_TITLE), []);
    // Cut further to share the line with "1 user" and "Show in graph" (LENS_LINE_BUDGET).
    assert.ok(titles.includes('FROM …/image-with-a-long…'), titles.join('\n'));
    assert.ok(titles.includes('Use the name a-stage…ng-name'), titles.join('\n'));
  });

  it('counts the stages that use one, and lists them all in the tooltip with every kind of use', () => {
    const text = dockerfile(
      'FROM alpine AS base',
      'FROM base AS one',
      'COPY --from=base /a /a',
      'RUN --mount=from=base,target=/m true',
      'FROM alpine AS two',
      'COPY --from=base /a /a',
      'COPY --from=base /b /b',
      'FROM alpine AS three',
      'COPY --from=base /a /a',
      'FROM alpine AS four',
      'COPY --from=base /a /a',
    );
    assert.equal(lenses(text)[0], '0: 4 users -> showReferences');
    assert.equal(stageCodeLenses(buildStageGraph(text))[0].tooltip, 'Used by one (FROM, COPY, mount), two (COPY ×2), three (COPY), four (COPY): show the references');
  });

  // SEMANTICS.md: a numeric --from counts stages from 0.
  it('offers to name a stage used by index, on its FROM and on each numeric reference', () => {
    const text = dockerfile('FROM alpine', 'FROM scratch', 'COPY --from=0 / /', 'FROM alpine AS named', 'FROM scratch', 'COPY --from=2 / /');
    assert.deepEqual(
      lenses(text).filter((lens) => lens.includes('nameStage')),
      ['0: Name stage 0… -> nameStage 0', '2: Name stage 0… -> nameStage 0', '5: Use the name named -> nameStage 2'],
    );
  });

  describe('on a line shared with other lenses (LENS_LINE_BUDGET)', () => {
    const text = dockerfile(
      'ARG GO=1.23-bookworm',
      'FROM golang:${GO} AS build',
      'FROM build AS test',
      'FROM build AS lint',
      'FROM alpine AS runtime',
      'COPY --from=build /app /app',
    );
    const lineOf = (beside: string[], line: number): string[] =>
      stageCodeLenses(buildStageGraph(text), () => beside).filter((lens) => lens.range.start.line === line).map((lens) => lens.title);

    it('keeps them all when they fit', () => {
      assert.deepEqual(lineOf([], 2), ['unused', 'not built', 'Show in graph']);
      assert.deepEqual(lineOf(['Build'], 4), ['unused', 'target', 'Show in graph']);
    });

    it('drops "built" first, then shortens the FROM (an image after its name and version: shortenImageRef), then drops it, and says what went in the "Show in graph" tooltip', () => {
      assert.deepEqual(lineOf([], 1), ['FROM golang:1.23-bo…', '3 users', 'Show in graph']);
      assert.deepEqual(lineOf(['Build'], 1), ['FROM golang:1.2…', '3 users', 'Show in graph']);
      // Too little room for 8 characters of the name: the FROM goes, and what it leaves is room enough for "built".
      assert.deepEqual(lineOf(['Build', 'x'], 1), ['3 users', 'built', 'Show in graph']);
      assert.deepEqual(lineOf(['Build', 'compose+bake ×2'], 1), ['3 users', 'Show in graph']);
      const tooltip = stageCodeLenses(buildStageGraph(text), () => ['Build', 'compose+bake ×2']).find((lens) => lens.range.start.line === 1 && lens.title === 'Show in graph')?.tooltip;
      assert.equal(
        tooltip,
        'Open the stage graph of this Dockerfile with this stage highlighted\n\nNo room on this line for: FROM golang:1.23-bookworm (golang:${GO} is the image golang:1.23-bookworm); built (The default target runtime needs this stage)',
      );
    });

    it('keeps "not built" over "unused", and "Show in graph" whatever the room', () => {
      assert.deepEqual(lineOf(['Build', 'compose: test'], 2), ['not built', 'Show in graph']);
      assert.deepEqual(lineOf(['Build', 'a'.repeat(LENS_LINE_BUDGET)], 2), ['Show in graph']);
    });
  });
});
