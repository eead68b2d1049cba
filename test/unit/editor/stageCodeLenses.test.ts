import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { MAX_LENS_TITLE, stageCodeLenses } from '../../../src/core/editor/stageCodeLenses';
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
      '0: used by 2 stages -> showReferences',
      '0: built',
      '0: Show in graph -> showGraph 0',
      '2: used by none',
      '2: not built',
      '2: Show in graph -> showGraph 1',
      '4: used by none',
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

  it('keeps every title within MAX_LENS_TITLE, cutting long names in the middle', () => {
    const long = 'registry.example.com/team/very/long/path/image-with-a-long-name:v1.2.3-bookworm-slim';
    const text = dockerfile(`ARG IMAGE=${long}`, 'FROM ${IMAGE} AS a-stage-with-a-remarkably-long-name', 'FROM alpine', 'COPY --from=0 /x /x');
    const titles = stageCodeLenses(buildStageGraph(text)).map((lens) => lens.title);
    assert.deepEqual(titles.filter((title) => title.length > MAX_LENS_TITLE), []);
    assert.ok(titles.includes('FROM registry.ex…okworm-slim'), titles.join('\n'));
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
    assert.equal(lenses(text)[0], '0: used by 4 stages -> showReferences');
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
});
