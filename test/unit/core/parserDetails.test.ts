/**
 * SEMANTICS.md "Parser details that bite" (BuildKit `parser/parser.go`, `parser/directives.go`), and the places where
 * dockerfile-ast 0.7.1 reads a Dockerfile differently from BuildKit: each test shows dockerfile-ast's answer next to
 * Stageflow's, which follows BuildKit.
 */
import * as assert from 'node:assert/strict';
import { DockerfileParser } from 'dockerfile-ast';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { edgeLines, stageLines, verdict } from './graphText';

describe('parser details', () => {
  it('reads # syntax=, # escape= and # check= only at the very top', () => {
    const graph = buildStageGraph('# syntax=docker/dockerfile:1.7\n# escape=`\nFROM alpine `\n  AS build\n');
    assert.equal(graph.syntax, 'docker/dockerfile:1.7');
    assert.equal(graph.escapeToken, '`');
    assert.deepEqual(stageLines(graph), ['0 (single) <- image alpine [built, target] lines 3-4']);
    const late = buildStageGraph('FROM alpine\n# escape=`\nRUN echo \\\n  hi\n');
    assert.equal(late.escapeToken, '\\');
    assert.equal(late.stages[0].instructions[0].text, 'RUN echo hi');
  });

  it('rejects an escape directive other than \\ or `, and a repeated directive', () => {
    assert.equal(verdict(buildStageGraph('# escape=x\nFROM alpine\n')), "error: invalid escape token 'x' does not match ` or \\");
    assert.equal(verdict(buildStageGraph('# syntax=a\n# syntax=b\nFROM alpine\n')), 'error: only one syntax parser directive can be used');
  });

  it('honours # check=skip= for build checks', () => {
    const graph = buildStageGraph('# check=skip=StageNameCasing\nFROM alpine AS Build\n');
    assert.deepEqual(graph.diagnostics.map((d) => d.code), []);
  });

  it('drops comment lines inside a continued instruction (dockerfile-ast agrees)', () => {
    const text = 'FROM alpine \\\n# the name follows\n  AS build\nRUN x\n';
    assert.deepEqual(stageLines(buildStageGraph(text)), ['0 (single) <- image alpine [built, target] lines 1-4']);
    assert.equal(buildStageGraph(text).stages[0].name, 'build');
    assert.equal(DockerfileParser.parse(text).getFROMs()[0].getBuildStage(), 'build');
  });

  it('reads JSON-form COPY whose continuation holds a comment line as JSON (dockerfile-ast does not)', () => {
    const text = 'FROM alpine AS build\nFROM alpine\nCOPY --from=build ["/a", \\\n# a comment\n  "/b", "/dest/"]\n';
    const graph = buildStageGraph(text);
    assert.deepEqual(graph.edges[2].artifact, { sources: ['/a', '/b'], destination: '/dest/', flags: {} });
    const astArguments = DockerfileParser.parse(text).getCOPYs()[0].getArguments().map((a) => a.getValue());
    assert.deepEqual(astArguments, ['["/a",', '"/b",', '"/dest/"]']);
  });

  it('expands meta ARGs in FROM (dockerfile-ast leaves the variable in place)', () => {
    const text = 'ARG BASE=build\nFROM alpine AS build\nFROM ${BASE}\n';
    assert.deepEqual(edgeLines(buildStageGraph(text)).slice(1), ['from stage 0 -> 1 via name "build" line 3']);
    assert.equal(DockerfileParser.parse(text).getFROMs()[1].getImageName(), '${BASE}');
  });

  it('keeps heredoc bodies inside their instruction, never as instructions nor as COPY arguments (dockerfile-ast delimits them the same; only its getArguments() adds the body words)', () => {
    const text = 'FROM alpine AS a\nRUN <<-EOT bash\n\tFROM fake AS nope\n\tEOT\nCOPY <<"EOF" /etc/x\nCOPY --from=zzz / /\nEOF\nFROM alpine\nCOPY --from=a /x /x\n';
    const graph = buildStageGraph(text);
    assert.deepEqual(stageLines(graph), ['0 a <- image alpine [built] lines 1-7', '1 stage-1 <- image alpine [built, target] lines 8-9']);
    assert.deepEqual(edgeLines(graph), [
      'from image alpine -> 0 via image "alpine" line 1',
      'from image alpine -> 1 via image "alpine" line 8',
      'copy stage 0 -> 1 via name "a" line 9',
    ]);
    assert.deepEqual(
      graph.stages[0].instructions.map((i) => [i.keyword, i.startLine, i.endLine]),
      [
        ['RUN', 2, 4],
        ['COPY', 5, 7],
      ],
    );
    const ast = DockerfileParser.parse(text);
    const astSpans = ast.getInstructions().map((i) => [i.getKeyword(), i.getRange().start.line + 1, i.getRange().end.line + 1]);
    assert.deepEqual(astSpans, [['FROM', 1, 1], ['RUN', 2, 4], ['COPY', 5, 7], ['FROM', 8, 8], ['COPY', 9, 9]]);
    const astCopy = ast.getCOPYs()[0].getArguments().map((a) => a.getValue());
    assert.deepEqual(astCopy, ['<<"EOF"', '/etc/x', 'COPY', '--from=zzz', '/', '/', 'EOF']);
  });

  it('reports an unterminated heredoc', () => {
    assert.equal(verdict(buildStageGraph('FROM alpine\nRUN <<EOF\necho\n')), 'error: unterminated heredoc');
  });

  it('treats instruction keywords case-insensitively', () => {
    const graph = buildStageGraph('from alpine as build\nfrom alpine\ncopy --from=build /a /a\n');
    assert.deepEqual(edgeLines(graph).slice(2), ['copy stage 0 -> 1 via name "build" line 3']);
    assert.equal(verdict(graph), 'ok');
  });

  it('warns about mixed instruction casing and empty continuation lines', () => {
    const graph = buildStageGraph('FROM alpine\nrun echo a \\\n\n  b\nRUN c\n');
    assert.deepEqual(
      graph.diagnostics.map((d) => [d.code, d.message]),
      [
        ['NoEmptyContinuation', 'Empty continuation line'],
        ['ConsistentInstructionCasing', "Command 'run' should match the case of the command majority (uppercase)"],
      ],
    );
  });

  it('fails on an unknown instruction with a suggestion, and on an instruction before FROM', () => {
    assert.equal(verdict(buildStageGraph('FROM alpine\nCOPPY a b\n')), 'error: dockerfile parse error on line 2: unknown instruction: COPPY (did you mean COPY?)');
    assert.equal(verdict(buildStageGraph('RUN x\nFROM alpine\n')), 'error: no build stage in current context');
    assert.equal(verdict(buildStageGraph('ARG A=1\n')), 'error: dockerfile contains no stages to build');
    assert.equal(verdict(buildStageGraph('# only a comment\n')), 'error: file with no instructions');
    assert.equal(verdict(buildStageGraph('')), 'error: the Dockerfile cannot be empty');
  });

  it('reports line-parser errors first, without the "dockerfile parse error" prefix, even after a bad instruction', () => {
    assert.equal(verdict(buildStageGraph('FROM alpine\nENV ONLY_A_NAME\n')), 'error: ENV must have two arguments');
    assert.equal(
      verdict(buildStageGraph('FROM alpine\nLABEL a=1 b\n')),
      'error: Syntax error - can\'t find = in "b". Must be of the form: name=value',
    );
    assert.equal(
      verdict(buildStageGraph('FROM alpine\nBOGUS x\nCMD ["ok", 1]\n')),
      'error: when using JSON array syntax, arrays must be comprised of strings only',
    );
    assert.deepEqual(buildStageGraph('FROM alpine AS Build\nCMD [1]\n').diagnostics.map((d) => d.code), ['ParseError']);
  });

  it('rejects unknown flags where BuildKit parses flags, and ignores them on ARG, STOPSIGNAL and HEALTHCHECK NONE', () => {
    assert.equal(verdict(buildStageGraph('FROM alpine\nWORKDIR --x /a\n')), 'error: dockerfile parse error on line 2: unknown flag: --x');
    assert.equal(verdict(buildStageGraph('FROM alpine\nHEALTHCHECK --intervl=5s CMD true\n')), 'error: dockerfile parse error on line 2: unknown flag: --intervl (did you mean interval?)');
    assert.equal(verdict(buildStageGraph('FROM alpine\nARG --x A=1\nSTOPSIGNAL --y 9\nHEALTHCHECK --z NONE\n')), 'ok');
  });

  it('applies BuildKit\'s argument rules per instruction', () => {
    const errors = ['MAINTAINER', 'VOLUME [""]', 'SHELL bash -c', 'SHELL []', 'USER', 'WORKDIR', 'EXPOSE', 'LABEL', 'ARG =x'].map((line) =>
      verdict(buildStageGraph(`FROM alpine\n${line}\n`)),
    );
    assert.deepEqual(errors, [
      'error: dockerfile parse error on line 2: MAINTAINER requires exactly one argument',
      'error: dockerfile parse error on line 2: VOLUME specified can not be an empty string',
      'error: dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form',
      'error: dockerfile parse error on line 2: SHELL requires at least one argument',
      'error: dockerfile parse error on line 2: USER requires exactly one argument',
      'error: dockerfile parse error on line 2: WORKDIR requires exactly one argument',
      'error: dockerfile parse error on line 2: EXPOSE requires at least one argument',
      'error: dockerfile parse error on line 2: LABEL requires at least one argument',
      'error: dockerfile parse error on line 2: ARG names can not be blank',
    ]);
  });

  it('keeps the stages read before a parse error, with reachability unknown', () => {
    const graph = buildStageGraph('FROM alpine AS a\nFROM a AS b\nCOPY --chmown=1 x y\n');
    assert.equal(verdict(graph), 'error: dockerfile parse error on line 3: unknown flag: --chmown (did you mean chown?)');
    assert.deepEqual(stageLines(graph), ['0 a <- image alpine [unknown] lines 1-1', '1 b <- stage 0 [unknown, target] lines 2-2']);
  });

  it('handles CRLF line endings and a byte-order mark', () => {
    const graph = buildStageGraph('\ufeffFROM alpine AS a\r\nFROM alpine\r\nCOPY --from=a \\\r\n  /x /y\r\n');
    assert.deepEqual(edgeLines(graph).slice(2), ['copy stage 0 -> 1 via name "a" line 3']);
    assert.deepEqual(graph.stages[1].ranges.stage, { start: { line: 1, character: 0 }, end: { line: 3, character: 7 } });
  });
});
