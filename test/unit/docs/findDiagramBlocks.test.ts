import * as assert from 'node:assert/strict';
import { findDiagramBlocks } from '../../../src/core/docs/findDiagramBlocks';

/** Each problem as `line: message`. */
function problems(markdown: string): string[] {
  return findDiagramBlocks(markdown).problems.map((problem) => `${problem.line}: ${problem.message}`);
}

describe('findDiagramBlocks', () => {
  it('reads a block: its Dockerfile, options, the marker and the exact range between the markers', () => {
    const markdown = 'intro\n  <!--   stageflow:  ../Dockerfile --target=App --build-arg A=1 --build-arg=B=x=y  -->  \nold\nlines\n  <!-- /stageflow -->\n';
    assert.deepEqual(findDiagramBlocks(markdown), {
      blocks: [
        {
          line: 2,
          dockerfile: '../Dockerfile',
          options: { target: 'App', buildArgs: { A: '1', B: 'x=y' } },
          markerRange: { start: { line: 1, character: 2 }, end: { line: 1, character: 86 } },
          contentRange: { start: { line: 2, character: 0 }, end: { line: 4, character: 0 } },
          content: 'old\nlines\n',
          eol: '\n',
          indent: '  ',
        },
      ],
      problems: [],
    });
  });

  it('ignores markers inside fenced code blocks (a README showing the syntax), backtick and tilde fences alike', () => {
    const markdown = [
      '```markdown',
      '<!-- stageflow: Dockerfile -->',
      '<!-- /stageflow -->',
      '```',
      '~~~~',
      '<!-- stageflow: x',
      '```',
      '<!-- /stageflow -->',
      '~~~~',
      'Inline `<!-- stageflow: Dockerfile -->` is text, and so is <!-- stageflow: a --> after words.',
      '<!-- stageflow: Dockerfile -->',
      '<!-- /stageflow -->',
    ].join('\n');
    const scan = findDiagramBlocks(markdown);
    assert.deepEqual(scan.problems, []);
    assert.deepEqual(scan.blocks.map((block) => block.line), [11]);
  });

  it('names an unclosed marker, a nested one, a stray closing marker and a malformed closing marker by line', () => {
    assert.deepEqual(problems('<!-- stageflow: Dockerfile -->\ntext\n'), [
      '1: this stageflow marker is never closed: add <!-- /stageflow --> on a line of its own after it',
    ]);
    assert.deepEqual(problems('<!-- stageflow: a -->\n<!-- stageflow: b -->\n<!-- /stageflow -->\n<!-- /stageflow -->\n'), [
      '2: a stageflow marker inside the block opened on line 1: close that one first with <!-- /stageflow -->',
      '4: a closing <!-- /stageflow --> marker with no <!-- stageflow: ... --> marker open above it',
    ]);
    assert.deepEqual(problems('<!-- stageflow: a -->\n<!-- /stageflow extra -->\n<!-- /stageflow -->\n'), [
      '2: a malformed closing marker: write it as <!-- /stageflow --> on a line of its own',
    ]);
    assert.deepEqual(findDiagramBlocks('<!-- stageflow: a -->\n<!-- stageflow: b -->\n<!-- /stageflow -->\n').blocks, []);
  });

  it('refuses marker arguments it does not understand, with the reason', () => {
    const cases: Array<[string, string]> = [
      ['<!-- stageflow: -->', 'the stageflow marker names no Dockerfile: <!-- stageflow: path/to/Dockerfile -->'],
      ['<!-- stageflow: a b -->', "the stageflow marker names two Dockerfiles ('a' and 'b'); use one marker for each"],
      ['<!-- stageflow: a --platform linux/arm64 -->', "unknown option '--platform' in the stageflow marker (expected --target T or --build-arg K=V)"],
      ['<!-- stageflow: a --target -->', "option '--target' in the stageflow marker needs a value"],
      ['<!-- stageflow: a --target= -->', "option '--target' in the stageflow marker needs a stage name"],
      ['<!-- stageflow: a --build-arg A -->', "option '--build-arg' in the stageflow marker needs NAME=VALUE, got 'A'"],
      ['<!-- stageflow: a --build-arg =1 -->', "option '--build-arg' in the stageflow marker needs NAME=VALUE, got '=1'"],
      ['<!-- stageflow: a', 'the stageflow marker must end with --> on the same line'],
      ['<!-- stageflow: a --> text', 'text after the stageflow marker: put the marker on a line of its own'],
    ];
    for (const [marker, message] of cases) {
      const scan = findDiagramBlocks(`${marker}\n<!-- /stageflow -->\n`);
      assert.deepEqual(scan.problems.map((problem) => [problem.line, problem.message]), [[1, message]], marker);
      assert.deepEqual(scan.blocks, [], marker);
    }
  });

  it('takes the line break of the marker line, so a CRLF block is rewritten in CRLF', () => {
    const [block] = findDiagramBlocks('<!-- stageflow: Dockerfile -->\r\nold\r\n<!-- /stageflow -->\r\n').blocks;
    assert.equal(block.eol, '\r\n');
    assert.equal(block.content, 'old\r\n');
    assert.deepEqual(block.markerRange.end, { line: 0, character: 30 });
  });
});
