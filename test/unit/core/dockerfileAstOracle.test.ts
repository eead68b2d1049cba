/**
 * dockerfile-ast as a differential oracle: on generated Dockerfiles it must find the same instructions on the same
 * lines as Stageflow, apart from the three documented differences (README "Why the core reads lines itself";
 * parserDetails.test.ts), which the generator leaves out: JSON forms continued across a comment line, heredoc
 * arguments and meta-ARG expansion do not change where an instruction starts or ends.
 */
import * as assert from 'node:assert/strict';
import { DockerfileParser } from 'dockerfile-ast';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';

/** One piece of a Dockerfile: an instruction (maybe continued over several lines), a comment or a blank line. */
const piece = fc.oneof(
  fc.constantFrom('RUN make', 'COPY a b', 'ENV A=1', 'ARG X', 'WORKDIR /w', 'LABEL a=b', 'EXPOSE 80', 'USER app', 'CMD ["run"]', 'COPY --from=s0 /a /b'),
  fc.constantFrom('RUN echo a \\\n  b', 'RUN echo a \\\n# a comment\n  b', 'COPY a \\\n  b', 'ENV A=1 \\\n    B=2', 'RUN <<EOF\necho hi\nFROM fake\nEOF', 'COPY <<EOF /x\nbody\nEOF'),
  fc.constantFrom('# a comment', '', '   '),
  fc.nat(20).map((n) => `FROM alpine AS s${n + 1}`),
);

const metaArgs = fc.array(fc.constantFrom('ARG BASE=alpine', 'ARG TAG', '# meta', ''), { maxLength: 3 });
const dockerfile = fc
  .tuple(metaArgs, fc.array(piece, { maxLength: 25 }))
  .map(([args, pieces]) => [...args, 'FROM alpine AS s0', ...pieces].join('\n') + '\n');

/** Every instruction as `KEYWORD first-last` (1-based lines), in file order, as Stageflow reads it. */
function stageflowSpans(text: string): string[] {
  const graph = buildStageGraph(text);
  const metaArgLines = [...new Set(graph.metaArgs.map((arg) => `ARG ${arg.range.start.line + 1}-${arg.range.end.line + 1}`))];
  return metaArgLines.concat(...graph.stages.map((stage) => [
    `FROM ${stage.ranges.from.start.line + 1}-${stage.ranges.from.end.line + 1}`,
    ...stage.instructions.map((instruction) => `${instruction.keyword.toUpperCase()} ${instruction.startLine}-${instruction.endLine}`),
  ]));
}

/** The same as dockerfile-ast reads it. */
function dockerfileAstSpans(text: string): string[] {
  return DockerfileParser.parse(text)
    .getInstructions()
    .map((instruction) => `${instruction.getKeyword()} ${instruction.getRange().start.line + 1}-${instruction.getRange().end.line + 1}`);
}

describe('dockerfile-ast as an oracle for instruction line spans', () => {
  it('finds the same instructions on the same lines as Stageflow on generated Dockerfiles', () => {
    fc.assert(
      fc.property(dockerfile, (text) => {
        assert.deepEqual(stageflowSpans(text), dockerfileAstSpans(text));
      }),
      { numRuns: 300, seed: 23 },
    );
  });

  it('agrees on every example', () => {
    for (const name of ['go-service', 'monorepo', 'node-frontend', 'parameterised', 'rust-service']) {
      const text = readFileSync(`examples/${name}.Dockerfile`, 'utf8');
      assert.deepEqual(stageflowSpans(text), dockerfileAstSpans(text), name);
    }
  });
});
