import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { stageCodeLenses } from '../../../src/core/editor/stageCodeLenses';
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
      '0: builds on golang:1.22',
      '0: used by 2 stages: test (FROM), runtime (COPY) -> showReferences',
      '0: built for runtime',
      '0: Show in graph -> showGraph 0',
      '2: builds on stage build -> revealStage 0',
      '2: used by no other stage',
      '2: not built for runtime',
      '2: Show in graph -> showGraph 1',
      '4: builds on alpine',
      '4: used by no other stage',
      '4: default target',
      '4: Show in graph -> showGraph 2',
    ]);
  });

  it('follows a chosen target', () => {
    const text = dockerfile('FROM alpine AS a', 'FROM a AS b', 'FROM alpine AS c');
    assert.deepEqual(
      lenses(text, { target: 'B' }).filter((lens) => /built|target/.test(lens)),
      ['0: built for b', '1: target', '2: not built for b'],
    );
  });

  it('shows the expanded base image, the platform, and scratch; what was written is in the tooltip, not the title', () => {
    const text = dockerfile('ARG IMAGE=alpine:3.20', 'FROM --platform=linux/arm64 ${IMAGE} AS a', 'FROM scratch');
    assert.deepEqual(
      lenses(text).filter((lens) => lens.includes('builds on')),
      ['1: builds on alpine:3.20 for linux/arm64', '2: builds on scratch, the empty image'],
    );
    assert.deepEqual(
      stageCodeLenses(buildStageGraph(text))
        .filter((lens) => lens.title.startsWith('builds on'))
        .map((lens) => lens.tooltip),
      ['The image this stage starts from, written ${IMAGE}', 'The image this stage starts from'],
    );
  });

  it('counts every kind of use per stage and lists at most three users', () => {
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
    assert.equal(lenses(text)[1], '0: used by 4 stages: one (FROM, COPY, mount), two (COPY ×2), three (COPY), +1 more -> showReferences');
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
