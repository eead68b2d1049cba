import * as assert from 'node:assert/strict';
import { findDiagramBlocks } from '../../../src/core/docs/findDiagramBlocks';
import { updateDiagramBlocks, type DiagramBlockUpdate } from '../../../src/core/docs/updateDiagramBlocks';
import { toMermaid } from '../../../src/core/export/toMermaid';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import type { ResolveOptions } from '../../../src/core/model';
import { applyTextEdits } from '../../../src/core/refactor/applyTextEdits';

const GO_SERVICE = 'FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build /out/app /app\n';

/** Scans `markdown` (which must have no marker problem) and plans its blocks against `files`. */
function plan(markdown: string, files: Record<string, string>): DiagramBlockUpdate[] {
  const scan = findDiagramBlocks(markdown);
  assert.deepEqual(scan.problems, []);
  return updateDiagramBlocks(scan.blocks, (path) => files[path]);
}

/** The Markdown after every update. */
function updated(markdown: string, files: Record<string, string>): string {
  const edits = plan(markdown, files).flatMap((update) => (update.edit ? [update.edit] : []));
  return applyTextEdits(markdown, edits);
}

/** The fenced block Stageflow writes for a Dockerfile, with `\n` line breaks. */
function fenced(dockerfile: string, options: ResolveOptions = {}): string {
  return `\`\`\`mermaid\n${toMermaid(buildStageGraph(dockerfile, options))}\`\`\`\n`;
}

describe('updateDiagramBlocks', () => {
  it('fills an empty block with a fenced mermaid diagram of the Dockerfile and leaves the rest alone', () => {
    const markdown = '# Build\n\nThe stages:\n\n<!-- stageflow: Dockerfile -->\n<!-- /stageflow -->\n\nMore text.\n';
    assert.equal(
      updated(markdown, { Dockerfile: GO_SERVICE }),
      [
        '# Build',
        '',
        'The stages:',
        '',
        '<!-- stageflow: Dockerfile -->',
        '```mermaid',
        'flowchart LR',
        '  i0(["golang:1.22"])',
        '  i1(("scratch"))',
        '  s0["build #0<br>FROM golang:1.22"]',
        '  s1["stage-1 #1<br>FROM scratch<br>target"]',
        '  i0 ==> s0',
        '  i1 ==> s1',
        '  s0 -->|"COPY<br>/out/app → /app"| s1',
        '  classDef image fill:#eeeeee,stroke:#888888',
        '  classDef scratch fill:none,stroke:#888888,stroke-dasharray:2 2',
        '  classDef target stroke-width:3px',
        '  classDef unreachable fill:#f6f6f6,stroke:#aaaaaa,color:#999999,stroke-dasharray:5 5',
        '  class i0 image',
        '  class i1 scratch',
        '  class s1 target',
        '  linkStyle 0 stroke:#333333',
        '  linkStyle 1 stroke:#333333',
        '  linkStyle 2 stroke:#1f6feb',
        '```',
        '<!-- /stageflow -->',
        '',
        'More text.',
        '',
      ].join('\n'),
    );
  });

  it('is idempotent: a second run finds every block current and edits nothing', () => {
    const once = updated('<!-- stageflow: Dockerfile -->\nold picture\n<!-- /stageflow -->\n', { Dockerfile: GO_SERVICE });
    assert.deepEqual(
      plan(once, { Dockerfile: GO_SERVICE }).map((update) => [update.status, update.edit]),
      [['current', null]],
    );
    assert.equal(updated(once, { Dockerfile: GO_SERVICE }), once);
  });

  it('calls a block stale when its Dockerfile changed, and its edit replaces exactly the lines between the markers', () => {
    const current = updated('<!-- stageflow: Dockerfile -->\n<!-- /stageflow -->\n', { Dockerfile: GO_SERVICE });
    const changed = GO_SERVICE.replace('golang:1.22', 'golang:1.23');
    const [update] = plan(current, { Dockerfile: changed });
    assert.equal(update.status, 'stale');
    assert.deepEqual(update.edit, {
      range: { start: { line: 1, character: 0 }, end: { line: current.split('\n').length - 2, character: 0 } },
      newText: fenced(changed),
    });
  });

  it('keeps a CRLF file CRLF: the generated lines end in CRLF and no other byte changes', () => {
    const markdown = 'Intro\r\n<!-- stageflow: Dockerfile -->\r\n<!-- /stageflow -->\r\nOutro\r\n';
    const result = updated(markdown, { Dockerfile: GO_SERVICE });
    assert.equal(result, `Intro\r\n<!-- stageflow: Dockerfile -->\r\n${fenced(GO_SERVICE).replace(/\n/g, '\r\n')}<!-- /stageflow -->\r\nOutro\r\n`);
    assert.doesNotMatch(result, /[^\r]\n/);
    assert.deepEqual(plan(result, { Dockerfile: GO_SERVICE }).map((update) => update.status), ['current']);
  });

  it('updates several blocks, each from its own Dockerfile, target and build args', () => {
    const parameterised = 'ARG BASE=alpine:3.19\nFROM ${BASE} AS base\nRUN true\nFROM base AS test\nFROM base AS app\n';
    const markdown = [
      'A',
      '<!-- stageflow: services/api/Dockerfile -->',
      '<!-- /stageflow -->',
      'B',
      '<!-- stageflow: base.Dockerfile --target test --build-arg BASE=debian:12 -->',
      'stale text',
      '<!-- /stageflow -->',
      'C',
      '',
    ].join('\n');
    const files = { 'services/api/Dockerfile': GO_SERVICE, 'base.Dockerfile': parameterised };
    assert.equal(
      updated(markdown, files),
      [
        'A',
        '<!-- stageflow: services/api/Dockerfile -->',
        `${fenced(GO_SERVICE)}<!-- /stageflow -->`,
        'B',
        '<!-- stageflow: base.Dockerfile --target test --build-arg BASE=debian:12 -->',
        `${fenced(parameterised, { target: 'test', buildArgs: { BASE: 'debian:12' } })}<!-- /stageflow -->`,
        'C',
        '',
      ].join('\n'),
    );
    assert.match(fenced(parameterised, { target: 'test', buildArgs: { BASE: 'debian:12' } }), /debian:12/);
  });

  it('indents the generated lines like a marker inside a list item', () => {
    const markdown = '- The build:\n\n  <!-- stageflow: Dockerfile -->\n  <!-- /stageflow -->\n';
    const indentedFence = fenced(GO_SERVICE).replace(/^/gm, '  ').replace(/ {2}$/, '');
    assert.equal(updated(markdown, { Dockerfile: GO_SERVICE }), `- The build:\n\n  <!-- stageflow: Dockerfile -->\n${indentedFence}  <!-- /stageflow -->\n`);
  });

  it('reports a Dockerfile the caller could not provide, and a build error while still drawing the diagram', () => {
    const markdown = '<!-- stageflow: gone/Dockerfile -->\n<!-- /stageflow -->\n<!-- stageflow: Dockerfile --target nope -->\n<!-- /stageflow -->\n';
    const updates = plan(markdown, { Dockerfile: GO_SERVICE });
    assert.deepEqual(
      updates.map((update) => [update.block.line, update.status, update.buildError]),
      [
        [1, 'missingDockerfile', null],
        [3, 'stale', 'target stage "nope" could not be found'],
      ],
    );
    assert.equal(updates[1].edit?.newText, fenced(GO_SERVICE, { target: 'nope' }));
  });
});
