import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { stageHoverMarkdown } from '../../../src/core/editor/stageHoverMarkdown';
import { dockerfile } from './dockerfileText';

describe('stageHoverMarkdown', () => {
  it('summarises a stage: description, base, platform, what it receives and sends', () => {
    const text = dockerfile(
      'FROM golang:1.22 AS deps',
      'RUN go mod download',
      '# Builds the *server* binary.',
      'FROM --platform=$BUILDPLATFORM deps AS build',
      'COPY --from=deps /go/pkg /go/pkg',
      'RUN --mount=from=deps,source=/cache,target=/root/.cache go build -o /out/server',
      'FROM alpine AS runtime',
      'COPY --from=build /out/server /usr/local/bin/server',
    );
    assert.equal(
      stageHoverMarkdown(buildStageGraph(text), 1),
      [
        '**Stage build** · #1 · lines 4–6 · built for runtime',
        '',
        'Builds the \\*server\\* binary\\.',
        '',
        'Base: stage **deps**  ',
        'Platform: `linux/amd64` (`$BUILDPLATFORM`)  ',
        '',
        'Receives:',
        '- `/go/pkg` → `/go/pkg` from **deps** (COPY, line 5)',
        '- `/cache` → `/root/.cache` from **deps** (RUN --mount, line 6)',
        '',
        'Sends:',
        '- `/out/server` → `/usr/local/bin/server` to **runtime** (COPY, line 8)',
      ].join('\n'),
    );
  });

  it('escapes whatever the file says, so a description cannot inject links or HTML', () => {
    const text = dockerfile('# [click](https://evil.example) <img src=x>', 'FROM alpine AS a');
    assert.equal(
      stageHoverMarkdown(buildStageGraph(text), 0).split('\n')[2],
      '\\[click\\]\\(https://evil\\.example\\) \\<img src=x\\>',
    );
  });
});
