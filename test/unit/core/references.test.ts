/** SEMANTICS.md "References between stages" (BuildKit `dockerfile2llb/convert.go`, `convert_runmount.go`, `validations.go`). */
import * as assert from 'node:assert/strict';
import type { StageGraph } from '../../../src/core/model';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { edgeLines, stageLines, verdict } from './graphText';

describe('references between stages', () => {
  it('FROM binds only an earlier stage; a later stage name is an image', () => {
    const graph = buildStageGraph('FROM later AS first\nFROM alpine AS later\nFROM later\n');
    assert.deepEqual(edgeLines(graph), [
      'from image later -> 0 via image "later" line 1',
      'from image alpine -> 1 via image "alpine" line 2',
      'from stage 1 -> 2 via name "later" line 3',
    ]);
  });

  it('FROM matches the lowercased names exactly: FROM Build after AS Build is an image (buildkit #2003)', () => {
    const graph = buildStageGraph('FROM alpine AS Build\nFROM Build\n');
    assert.deepEqual(stageLines(graph), ['0 build <- image alpine [unknown] lines 1-1', '1 stage-1 <- image Build [unknown, target] lines 2-2']);
    assert.equal(
      verdict(graph),
      'error: failed to parse stage name "Build": invalid reference format: repository name (library/Build) must be lowercase',
    );
  });

  it('COPY --from is case-insensitive and binds the last definition of a duplicated name', () => {
    const graph = buildStageGraph('FROM alpine AS tools\nFROM busybox AS tools\nFROM alpine\nCOPY --from=TOOLS /t /t\n');
    assert.deepEqual(edgeLines(graph).slice(3), ['copy stage 1 -> 2 via name "TOOLS" line 4']);
    assert.deepEqual(graph.reachable, [1, 2]);
  });

  it('ADD has no --from', () => {
    const graph = buildStageGraph('FROM alpine AS a\nFROM alpine\nADD --from=a /x /y\n');
    assert.equal(verdict(graph), 'error: dockerfile parse error on line 3: unknown flag: --from');
    assert.equal(graph.diagnostics[0].code, 'UnknownFlag');
  });

  it('numeric --from uses integer parsing (01 is 1, +0 is 0) and counts stages from 0', () => {
    const graph = buildStageGraph('FROM alpine AS a\nFROM alpine AS b\nFROM alpine\nCOPY --from=01 /x /x\nCOPY --from=+0 /y /y\n');
    assert.deepEqual(edgeLines(graph).slice(3), ['copy stage 1 -> 2 via index "01" line 4', 'copy stage 0 -> 2 via index "+0" line 5']);
    assert.deepEqual(
      graph.references.filter((r) => r.kind === 'copy').map((r) => [r.text, r.stage, r.via]),
      [
        ['01', 1, 'index'],
        ['+0', 0, 'index'],
      ],
    );
  });

  it('a numeric --from past the stages indexes BuildKit\'s hidden per-image states', () => {
    // State 0 is the only stage, state 1 the image nginx (first --from that names no stage).
    const graph = buildStageGraph('FROM alpine\nCOPY --from=nginx /a /a\nCOPY --from=1 /b /b\n');
    assert.equal(verdict(graph), 'ok');
    assert.deepEqual(edgeLines(graph), [
      'from image alpine -> 0 via image "alpine" line 1',
      'copy image nginx -> 0 via image "nginx" line 2',
      'copy image nginx -> 0 via index "1" line 3',
    ]);
    assert.equal(verdict(buildStageGraph('FROM alpine\nCOPY --from=1 /b /b\n')), 'error: invalid stage index 1');
    assert.equal(verdict(buildStageGraph('FROM alpine AS a\nFROM a\nCOPY --from=-1 /b /b\n')), 'error: invalid stage index -1');
  });

  it('a numeric --from is an index anywhere in int64, named exactly in the error; past int64 it is an image', () => {
    // Go's strconv.Atoi: 2^53 + 1 is an int64, so BuildKit says `invalid stage index 9007199254740993` (a float
    // would print ...992); 2^63 overflows Atoi, so BuildKit reads the text as an image name.
    const copyFrom = (value: string): StageGraph => buildStageGraph(`FROM alpine\nCOPY --from=${value} /b /b\n`);
    assert.equal(verdict(copyFrom('9007199254740993')), 'error: invalid stage index 9007199254740993');
    assert.equal(verdict(copyFrom('9223372036854775807')), 'error: invalid stage index 9223372036854775807');
    assert.equal(verdict(copyFrom('-9223372036854775808')), 'error: invalid stage index -9223372036854775808');
    const overflow = copyFrom('9223372036854775808');
    assert.equal(verdict(overflow), 'ok');
    assert.deepEqual(edgeLines(overflow).slice(1), ['copy image 9223372036854775808 -> 0 via image "9223372036854775808" line 2']);
  });

  it('a mount without from= is a hidden scratch state too, so it shifts later indexes', () => {
    const graph = buildStageGraph('FROM alpine\nRUN --mount=type=cache,target=/c true\nCOPY --from=1 /x /x\n');
    assert.deepEqual(edgeLines(graph).slice(1), ['copy image scratch -> 0 via index "1" line 3']);
  });

  it('mount from= names a stage (case-insensitive) or an image, never an index', () => {
    const graph = buildStageGraph('FROM alpine AS deps\nFROM alpine\nRUN --mount=from=DEPS,target=/d --mount=from=0,target=/z true\n');
    assert.deepEqual(edgeLines(graph).slice(2), ['mount stage 0 -> 1 via name "DEPS" line 3', 'mount image 0 -> 1 via image "0" line 3']);
  });

  it('mount options are comma-separated key=value with case-insensitive keys; type=cache without from is no edge', () => {
    const graph = buildStageGraph(
      'FROM alpine AS src\nFROM alpine\nRUN --mount=TYPE=bind,FROM=src,Source=/app,DST=/w,ro --mount=type=cache,target=/root/.cache make\n',
    );
    assert.deepEqual(edgeLines(graph).slice(2), ['mount stage 0 -> 1 via name "src" line 3']);
    assert.deepEqual(graph.edges[2].artifact, {
      sources: ['/app'],
      destination: '/w',
      flags: { type: 'bind', source: '/app', target: '/w', readonly: 'true' },
    });
  });

  it('COPY artifacts carry sources, destination and --chown --chmod --link --parents --exclude', () => {
    const graph = buildStageGraph(
      'FROM alpine AS build\nFROM alpine\nCOPY --from=build --chown=app:app --chmod=0755 --link --parents --exclude=*.md --exclude=*.txt /out/a /out/b /dst/\n',
    );
    assert.deepEqual(graph.edges[2].artifact, {
      sources: ['/out/a', '/out/b'],
      destination: '/dst/',
      flags: { chown: 'app:app', chmod: '0755', link: 'true', parents: 'true', exclude: '*.md,*.txt' },
    });
  });

  it('a --from or mount naming a later stage fails only in a stage that is built', () => {
    const text = 'FROM alpine AS a\nCOPY --from=b /x /y\nFROM alpine AS b\nRUN --mount=from=c,target=/c true\nFROM alpine AS c\n';
    assert.equal(verdict(buildStageGraph(text)), 'ok');
    assert.equal(
      verdict(buildStageGraph(text, { target: 'a' })),
      'error: cannot copy from stage "b", it needs to be defined before current stage "a"',
    );
    assert.equal(
      verdict(buildStageGraph(text, { target: 'b' })),
      'error: cannot mount from stage "c" to "/c", stage needs to be defined before current command',
    );
    const graph = buildStageGraph(text, { target: 'a' });
    assert.equal(graph.diagnostics[0].code, 'ForwardReference');
    assert.deepEqual(graph.diagnostics[0].range, { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } });
  });

  it('self-reference and cycles are circular dependencies, named after the first stage that reaches one', () => {
    assert.equal(verdict(buildStageGraph('FROM alpine AS a\nCOPY --from=a /x /y\n')), 'error: circular dependency detected on stage: a');
    const graph = buildStageGraph('FROM alpine AS top\nCOPY --from=x /1 /1\nFROM alpine AS x\nCOPY --from=y /2 /2\nFROM alpine AS y\nCOPY --from=x /3 /3\n');
    assert.equal(verdict(graph), 'error: circular dependency detected on stage: top');
    assert.equal(graph.diagnostics[0].code, 'CircularDependency');
    assert.deepEqual(graph.reachable, []);
  });

  it('$ in --from is an error; in a mount from= it is a parse error', () => {
    const copy = buildStageGraph('ARG S=a\nFROM alpine AS a\nFROM alpine\nCOPY --from=${S} /x /y\n');
    assert.equal(
      verdict(copy),
      'error: variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
    );
    assert.equal(copy.diagnostics[0].code, 'VariableInFrom');
    assert.deepEqual(copy.references.filter((r) => r.kind === 'copy').map((r) => [r.text, r.via]), [['${S}', 'invalid']]);
    const mount = buildStageGraph('ARG S=a\nFROM alpine AS a\nFROM alpine\nRUN --mount=from=$S,target=/b true\n');
    assert.equal(
      verdict(mount),
      "error: dockerfile parse error on line 4: 'from' doesn't support variable expansion, define alias stage instead",
    );
    assert.equal(mount.diagnostics[0].code, 'VariableInFrom');
  });

  it('ONBUILD COPY --from in a parent adds an edge from the source to the child, on the child FROM line', () => {
    const graph = buildStageGraph('FROM alpine AS tools\nFROM alpine AS base\nONBUILD COPY --from=tools /t /t\nFROM base AS app\nFROM alpine\n');
    assert.deepEqual(edgeLines(graph), [
      'from image alpine -> 0 via image "alpine" line 1',
      'from image alpine -> 1 via image "alpine" line 2',
      'from stage 1 -> 2 via name "base" line 4',
      'copy stage 0 -> 2 via name "tools" line 4 onbuild',
      'from image alpine -> 3 via image "alpine" line 5',
    ]);
    assert.deepEqual(
      graph.references.map((r) => [r.kind, r.text, r.inStage, r.stage, r.onbuild, r.line]),
      [
        ['from', 'alpine', 0, null, false, 1],
        ['from', 'alpine', 1, null, false, 2],
        ['copy', 'tools', 1, 0, true, 3],
        ['from', 'base', 2, 1, false, 4],
        ['from', 'alpine', 3, null, false, 5],
      ],
    );
    // The trigger's source is built when the child is.
    assert.deepEqual(buildStageGraph('FROM alpine AS tools\nFROM alpine AS base\nONBUILD COPY --from=tools /t /t\nFROM base\n').reachable, [0, 1, 2]);
    assert.deepEqual(graph.reachable, [3]);
  });

  it('checks an ONBUILD trigger only when a built child runs it', () => {
    const text = 'FROM alpine AS base\nONBUILD COPY --chmown=1 a b\nFROM base AS child\nFROM alpine\n';
    assert.equal(verdict(buildStageGraph(text)), 'ok');
    assert.equal(verdict(buildStageGraph(text, { target: 'base' })), 'ok');
    assert.equal(verdict(buildStageGraph(text, { target: 'child' })), 'error: unknown flag: --chmown (did you mean chown?)');
  });

  it('checks an ONBUILD trigger\'s source against the child that runs it, not the stage that declares it (convert.go dispatches triggers in the child)', () => {
    // SEMANTICS.md "References between stages": a --from must be defined before the stage where the COPY runs.
    const declaredBeforeChild = 'FROM alpine AS base\nONBUILD COPY --from=tools /t /t\nFROM alpine AS tools\nFROM base AS app\n';
    assert.equal(verdict(buildStageGraph(declaredBeforeChild)), 'ok');
    assert.deepEqual(buildStageGraph(declaredBeforeChild).reachable, [0, 1, 2]);
    assert.equal(verdict(buildStageGraph(declaredBeforeChild, { target: 'base' })), 'ok');
    const mount = 'FROM alpine AS base\nONBUILD RUN --mount=from=tools,target=/t true\nFROM alpine AS tools\nFROM base AS app\n';
    assert.equal(verdict(buildStageGraph(mount)), 'ok');
    const declaredAfterChild = 'FROM alpine AS base\nONBUILD COPY --from=tools /t /t\nFROM base AS app\nFROM alpine AS tools\n';
    assert.equal(
      verdict(buildStageGraph(declaredAfterChild, { target: 'app' })),
      'error: cannot copy from stage "tools", it needs to be defined before current stage "app"',
    );
  });

  it('records the exact range of every reference', () => {
    const text = 'FROM golang AS build\nFROM alpine\nCOPY --from=build /a /a\nRUN --mount=type=bind,from=build,target=/b true\n';
    const graph = buildStageGraph(text);
    assert.deepEqual(
      graph.references.map((r) => [r.kind, r.text, r.range.start.line, r.range.start.character, r.range.end.character]),
      [
        ['from', 'golang', 0, 5, 11],
        ['from', 'alpine', 1, 5, 11],
        ['copy', 'build', 2, 12, 17],
        ['mount', 'build', 3, 27, 32],
      ],
    );
  });
});
