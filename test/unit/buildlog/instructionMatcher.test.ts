import * as assert from 'node:assert/strict';
import { instructionMatcher } from '../../../src/core/buildlog/instructionMatcher';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { buildLogFixture } from './buildLogFixtures';

/** The instruction texts the stage graph holds for a Dockerfile (`InstructionSummary.text`), by 1-based line. */
function writtenTexts(dockerfile: string): Map<number, string> {
  const graph = buildStageGraph(dockerfile);
  return new Map(graph.stages.flatMap((stage) => stage.instructions.map((instruction) => [instruction.startLine, instruction.text] as const)));
}

describe('instructionMatcher', () => {
  it('matches what BuildKit printed for single.Dockerfile: variables expanded, a continuation joined (single.log)', () => {
    const written = writtenTexts(buildLogFixture('single.Dockerfile'));
    assert.ok(instructionMatcher(written.get(5)!)('RUN echo "hello from one stage" && sleep 1'));
    assert.ok(instructionMatcher(written.get(6)!)('RUN mkdir -p /out     && echo continued > /out/continued.txt'));
    assert.ok(instructionMatcher(written.get(8)!)('RUN echo again'));
    // The same instructions, but not what they printed as.
    assert.ok(!instructionMatcher(written.get(5)!)('RUN echo "hello from two stages" && sleep 1'));
    assert.ok(!instructionMatcher(written.get(8)!)('RUN echo again and again'));
    assert.ok(!instructionMatcher(written.get(8)!)('COPY echo again'));
  });

  it('matches a keyword in any case, as BuildKit prints it upper-cased (uppercaseCmd)', () => {
    assert.ok(instructionMatcher('run make all')('RUN make all'));
    assert.ok(instructionMatcher('onbuild run make')('ONBUILD RUN make'));
    assert.ok(!instructionMatcher('RUN make all')('RUN MAKE ALL'));
  });

  it('lets ${...} and $NAME stand for any text, an empty one included', () => {
    const matches = instructionMatcher('COPY --from=build ${APP_DIR:-/app}/bin $DEST');
    assert.ok(matches('COPY --from=build /srv/app/bin /usr/local/bin'));
    assert.ok(matches('COPY --from=build /bin '));
    assert.ok(instructionMatcher('RUN echo $GREETING done')('RUN echo done'));
    assert.ok(instructionMatcher('RUN echo $GREETING done')('RUN echo hello   there done'));
    assert.ok(!instructionMatcher('RUN echo $GREETING done')('RUN echo hello undone'));
    assert.ok(!matches('COPY --from=builder /srv/app/bin /usr/local/bin'));
  });

  it('compares only the start of a shortened text (over 100 characters) and of a heredoc, which BuildKit follows with its body', () => {
    const long = `RUN ${'echo step && '.repeat(12)}echo last`;
    const written = writtenTexts(`FROM scratch\n${long}\nRUN <<EOF\necho hi\nEOF\n`);
    assert.ok(written.get(2)!.endsWith('…'));
    assert.ok(instructionMatcher(written.get(2)!)(long));
    assert.ok(!instructionMatcher(written.get(2)!)('RUN echo other'));
    assert.ok(instructionMatcher(written.get(3)!)('RUN <<EOF (echo hi)'));
  });
});
