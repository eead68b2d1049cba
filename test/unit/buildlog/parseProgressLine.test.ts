import * as assert from 'node:assert/strict';
import { parseProgressLine } from '../../../src/core/buildlog/parseProgressLine';

// Every line below is copied from a log in test/fixtures/buildlogs (named beside it), except where a comment names
// the BuildKit source that prints the form.
describe('parseProgressLine', () => {
  const cases: [line: string, expected: ReturnType<typeof parseProgressLine>][] = [
    // parallel.log
    ['#6 [base 3/3] RUN echo base > /base.txt && sleep 1', { time: null, kind: 'vertex', id: 6, event: { kind: 'text', text: '[base 3/3] RUN echo base > /base.txt && sleep 1' } }],
    ['#6 DONE 1.1s', { time: null, kind: 'vertex', id: 6, event: { kind: 'done', durationMs: 1100 } }],
    ['#14 ...', { time: null, kind: 'vertex', id: 14, event: { kind: 'paused' } }],
    ['#16 exporting layers 0.9s done', { time: null, kind: 'vertex', id: 16, event: { kind: 'text', text: 'exporting layers 0.9s done' } }],
    ['', { time: null, kind: 'blank' }],
    // parallel-rebuild.log
    ['#12 CACHED', { time: null, kind: 'vertex', id: 12, event: { kind: 'cached' } }],
    // failure.log
    ['#10 CANCELED', { time: null, kind: 'vertex', id: 10, event: { kind: 'canceled' } }],
    ['#8 1.089 running tests', { time: null, kind: 'vertex', id: 8, event: { kind: 'output', seconds: 1.089, text: 'running tests' } }],
    [
      '#8 ERROR: executor failed running [/bin/sh -c sleep 1 && echo "running tests" && exit 3]: exit code: 3',
      { time: null, kind: 'vertex', id: 8, event: { kind: 'error', message: 'executor failed running [/bin/sh -c sleep 1 && echo "running tests" && exit 3]: exit code: 3' } },
    ],
    ['------', { time: null, kind: 'summary-rule' }],
    [' > [test 1/1] RUN sleep 1 && echo "running tests" && exit 3:', { time: null, kind: 'other', text: ' > [test 1/1] RUN sleep 1 && echo "running tests" && exit 3:' }],
    // failure.gha.log: the prefix is read as UTC and removed.
    ['2026-11-30T10:07:17.4769421Z #8 ERROR: boom', { time: Date.UTC(2026, 10, 30, 10, 7, 17, 476), kind: 'vertex', id: 8, event: { kind: 'error', message: 'boom' } }],
    ['2026-11-30T10:07:16.3075684Z ', { time: Date.UTC(2026, 10, 30, 10, 7, 16, 307), kind: 'blank' }],
    // The closing line of `docker buildx build` (BuildKit's progressui) and of Docker 20.10 after a frontend error.
    ['ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3', { time: null, kind: 'build-error', message: 'failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3' }],
    ['failed to solve with frontend dockerfile.v0: failed to create LLB definition: unknown instruction: RUNN', { time: null, kind: 'build-error', message: 'failed to solve with frontend dockerfile.v0: failed to create LLB definition: unknown instruction: RUNN' }],
    // An empty output line: BuildKit prints the time and nothing after it.
    ['#5 0.063', { time: null, kind: 'vertex', id: 5, event: { kind: 'output', seconds: 0.063, text: '' } }],
    ['Step 3/4 : RUN make', { time: null, kind: 'other', text: 'Step 3/4 : RUN make' }],
  ];
  for (const [line, expected] of cases) {
    it(`reads ${JSON.stringify(line)}`, () => {
      assert.deepEqual(parseProgressLine(line), expected);
    });
  }

  it('reads a line with a Windows line end or colour codes like the plain one', () => {
    assert.deepEqual(parseProgressLine('#6 DONE 1.1s\r'), parseProgressLine('#6 DONE 1.1s'));
    assert.deepEqual(parseProgressLine('\u001b[36m#6 DONE 1.1s\u001b[0m'), parseProgressLine('#6 DONE 1.1s'));
  });

  it('takes a malformed DONE or a number without a vertex id for status text, not progress', () => {
    assert.deepEqual(parseProgressLine('#6 DONE soon'), {
      time: null,
      kind: 'vertex',
      id: 6,
      event: { kind: 'text', text: 'DONE soon' },
    });
    assert.equal(parseProgressLine('#x DONE 1.0s').kind, 'other');
    assert.equal(parseProgressLine('2026-13-99 #6 DONE 1.1s').kind, 'other');
  });
});
