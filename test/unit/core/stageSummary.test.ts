/**
 * What a stage summary shows (SEMANTICS.md "--call=targets" and "Variables": a child stage inherits its parent's
 * image config — WORKDIR, USER, EXPOSE, ENTRYPOINT, CMD).
 */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';

const text = [
  '# syntax=docker/dockerfile:1',
  '',
  '# Build the server binary.',
  '# Uses the Go toolchain.',
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'WORKDIR app',
  'USER builder',
  'EXPOSE 8080/tcp',
  'CMD ["serve"]',
  'RUN go build \\',
  '    -o /out/server .',
  '',
  'FROM build AS debug',
  'ENTRYPOINT ["dlv"]',
  'EXPOSE 2345',
  '',
  '# not directly above',
  '',
  'FROM build AS run',
  'CMD ["run"]',
  'ENTRYPOINT ["/bin/sh", "-c"]',
  '',
].join('\n');

describe('stage summaries', () => {
  const graph = buildStageGraph(text);

  it('takes the description from the comment block directly above FROM', () => {
    assert.deepEqual(
      graph.stages.map((s) => s.description),
      ['Build the server binary.\nUses the Go toolchain.', null, null],
    );
  });

  it('never takes parser directives as a description, and reads directives as BuildKit\'s parser does', () => {
    // DirectiveParser: `# name=value` lines at the very top; one without a value is a comment and ends them.
    const described = (text: string): (string | null)[] => buildStageGraph(text).stages.map((stage) => stage.description);
    assert.deepEqual(described('# syntax=docker/dockerfile:1\n#  ESCAPE = \\\nFROM alpine\n'), [null]);
    assert.deepEqual(described('# syntax=\nFROM alpine\n'), ['syntax=']);
    assert.deepEqual(described('# a comment\n# syntax=docker/dockerfile:1\nFROM alpine\n'), ['a comment\nsyntax=docker/dockerfile:1']);
  });

  it('summarises each instruction on one line', () => {
    assert.deepEqual(graph.stages[0].instructions.map((i) => [i.keyword, i.text, i.startLine, i.endLine]), [
      ['WORKDIR', 'WORKDIR /src', 6, 6],
      ['WORKDIR', 'WORKDIR app', 7, 7],
      ['USER', 'USER builder', 8, 8],
      ['EXPOSE', 'EXPOSE 8080/tcp', 9, 9],
      ['CMD', 'CMD ["serve"]', 10, 10],
      ['RUN', 'RUN go build -o /out/server .', 11, 12],
    ]);
    assert.equal(graph.stages[0].instructionCount, 6);
  });

  it('inherits WORKDIR, USER, EXPOSE through base stages; ENTRYPOINT resets an inherited CMD', () => {
    assert.deepEqual(
      graph.stages.map((s) => ({ workdir: s.workdir, user: s.user, expose: s.expose, entrypoint: s.entrypoint, cmd: s.cmd })),
      [
        { workdir: '/src/app', user: 'builder', expose: ['8080/tcp'], entrypoint: null, cmd: '["serve"]' },
        { workdir: '/src/app', user: 'builder', expose: ['8080/tcp', '2345'], entrypoint: '["dlv"]', cmd: null },
        { workdir: '/src/app', user: 'builder', expose: ['8080/tcp'], entrypoint: '["/bin/sh", "-c"]', cmd: '["run"]' },
      ],
    );
  });

  it('gives every stage the ranges an editor needs', () => {
    const run = graph.stages[2];
    assert.deepEqual(run.ranges, {
      stage: { start: { line: 19, character: 0 }, end: { line: 21, character: 28 } },
      from: { start: { line: 19, character: 0 }, end: { line: 19, character: 17 } },
      baseName: { start: { line: 19, character: 5 }, end: { line: 19, character: 10 } },
      name: { start: { line: 19, character: 14 }, end: { line: 19, character: 17 } },
      asKeyword: { start: { line: 19, character: 11 }, end: { line: 19, character: 13 } },
      platform: null,
    });
  });
});
