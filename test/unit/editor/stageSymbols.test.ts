import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { stageFoldingRanges } from '../../../src/core/editor/stageFoldingRanges';
import { stageSymbols, type StageSymbol } from '../../../src/core/editor/stageSymbols';
import { dockerfile } from './dockerfileText';

/** A symbol tree as "kind name — detail @line:char-char" lines, children indented. */
function outline(symbols: StageSymbol[], indent = ''): string[] {
  return symbols.flatMap((symbol) => [
    `${indent}${symbol.kind} ${symbol.name} — ${symbol.detail} @${symbol.selectionRange.start.line}:${symbol.selectionRange.start.character}-${symbol.selectionRange.end.character}`,
    ...outline(symbol.children, `${indent}  `),
  ]);
}

describe('stageSymbols', () => {
  it('lists meta ARGs, then stages with their instructions, selecting the stage name', () => {
    const text = dockerfile(
      'ARG GO=1.22',
      'FROM golang:${GO} AS Build',
      'WORKDIR /src',
      'RUN go build \\',
      '    -o /app .',
      'FROM scratch',
      'COPY --from=build /app /app',
    );
    assert.deepEqual(outline(stageSymbols(buildStageGraph(text))), [
      'metaArg GO — ARG = 1.22 @0:0-11',
      'stage build — FROM golang:1.22 @1:21-26',
      '  instruction WORKDIR — /src @2:0-7',
      '  instruction RUN — go build -o /app . @3:0-3',
      'stage stage-1 — FROM scratch · target @5:0-4',
      '  instruction COPY — --from=build /app /app @6:0-4',
    ]);
  });

  it('keeps every selection inside its symbol, as the editor requires', () => {
    const text = dockerfile('FROM alpine AS a', '  RUN true', 'FROM a');
    const check = (symbols: StageSymbol[]) => {
      for (const symbol of symbols) {
        const { range, selectionRange } = symbol;
        const before = (a: typeof range.start, b: typeof range.start) => a.line < b.line || (a.line === b.line && a.character <= b.character);
        assert.ok(before(range.start, selectionRange.start) && before(selectionRange.end, range.end), JSON.stringify(symbol));
        check(symbol.children);
      }
    };
    check(stageSymbols(buildStageGraph(text)));
  });
});

describe('stageFoldingRanges', () => {
  it('folds each stage of more than one line and each instruction continued over lines', () => {
    const text = dockerfile('FROM alpine AS a', 'RUN apk add \\', '    git', 'COPY x y', 'FROM a', 'FROM scratch', 'COPY --from=a / /');
    assert.deepEqual(stageFoldingRanges(buildStageGraph(text)), [
      { startLine: 0, endLine: 3 },
      { startLine: 1, endLine: 2 },
      { startLine: 5, endLine: 6 },
    ]);
  });
});
