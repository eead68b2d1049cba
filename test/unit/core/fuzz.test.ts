/**
 * Property tests: for generated Dockerfiles (random instructions, flags, continuations, heredocs, directives,
 * garbage) and for mutations of the examples and conformance cases, buildStageGraph never throws (nor hits its
 * internal-error safety net), finishes without absurd delay, every edge points at an existing stage or an image,
 * and every range lies inside the document.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import type { Range, StageGraph } from '../../../src/core/model';

const root = path.join(__dirname, '..', '..', '..');
const seeds = [
  ...fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.Dockerfile')).map((f) => path.join(root, 'examples', f)),
  ...fs
    .readdirSync(path.join(root, 'test', 'fixtures', 'conformance'))
    .filter((f) => f.endsWith('.Dockerfile'))
    .map((f) => path.join(root, 'test', 'fixtures', 'conformance', f)),
].map((file) => fs.readFileSync(file, 'utf8'));

/** Far beyond any real build of a small file; only a hang or a blow-up trips it. */
const ABSURD_MS = 2000;

function rangeInside(range: Range, lines: string[], what: string): void {
  for (const [name, p] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${what}.${name} line ${p.line} outside the document`);
    assert.ok(
      Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length,
      `${what}.${name} character ${p.character} outside line ${p.line}`,
    );
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what} ends before it starts`);
}

function checkGraph(text: string, graph: StageGraph): void {
  assert.equal(
    graph.diagnostics.find((d) => d.code === 'stageflow.internalError'),
    undefined,
    `internal error for ${JSON.stringify(text)}`,
  );
  const lines = text.split('\n');
  const stageCount = graph.stages.length;
  for (const edge of graph.edges) {
    assert.ok(edge.to >= 0 && edge.to < stageCount, `edge into missing stage ${edge.to}`);
    if ('stage' in edge.from) assert.ok(edge.from.stage >= 0 && edge.from.stage < stageCount, `edge from missing stage ${edge.from.stage}`);
    else assert.ok(typeof edge.from.image === 'string' && edge.from.image.length > 0, 'edge from an empty image');
    rangeInside(edge.range, lines, 'edge');
  }
  for (const stage of graph.stages) {
    if (stage.baseStage !== null) assert.ok(stage.baseStage < stage.index, 'a stage builds on a later one');
    for (const [name, range] of Object.entries(stage.ranges)) if (range) rangeInside(range, lines, `stage.${name}`);
    for (const instruction of stage.instructions) rangeInside(instruction.range, lines, 'instruction');
  }
  for (const reference of graph.references) {
    rangeInside(reference.range, lines, 'reference');
    if (reference.stage !== null) assert.ok(reference.stage < stageCount, 'reference to a missing stage');
  }
  for (const diagnostic of graph.diagnostics) rangeInside(diagnostic.range, lines, `diagnostic ${diagnostic.code}`);
  for (const arg of graph.metaArgs) rangeInside(arg.range, lines, 'meta ARG');
  if (graph.errorRange) rangeInside(graph.errorRange, lines, 'error');
  assert.equal(graph.ok, graph.error === null);
  if (graph.target !== null) assert.ok(graph.target < stageCount);
  for (const index of graph.reachable) assert.ok(index < stageCount);
}

function buildAndCheck(text: string, target?: string): void {
  const started = performance.now();
  const graph = buildStageGraph(text, target === undefined ? {} : { target });
  const elapsed = performance.now() - started;
  assert.ok(elapsed < ABSURD_MS, `took ${elapsed.toFixed(0)} ms`);
  checkGraph(text, graph);
}

const word = fc.constantFrom('alpine', 'build', 'Build', 'base', 'scratch', 'Scratch', 'context', '0', '01', '+1', '-1', '7', 'a', 'b', 'nginx:1.27', 'x/y:z@sha256:00', '$X', '${X:-a}', '${X', '"q"', "'s'", '');
const name = fc.constantFrom('a', 'b', 'build', 'Base', 'app', 'scratch', '1bad', 'x.y-z_w', '$N');
const spaces = fc.constantFrom(' ', '  ', '\t', ' \\\n  ', ' \\\n# c\n ', ' \\\n\n ');
const instruction = fc.oneof(
  fc.tuple(fc.constantFrom('FROM', 'from', 'From'), spaces, fc.option(fc.tuple(fc.constantFrom('--platform=', '--platform=$BUILDPLATFORM', '--platform=linux/arm64', '--bogus'), fc.constant(' '))), word, fc.option(fc.tuple(spaces, fc.constantFrom('AS', 'as', 'As'), spaces, name))).map(
    ([kw, sp, flag, base, as]) => `${kw}${sp}${flag ? flag.join('') : ''}${base}${as ? as.join('') : ''}`,
  ),
  fc.tuple(fc.constantFrom('COPY', 'copy', 'ADD'), fc.array(fc.constantFrom('--from=', '--chown=1:1', '--link', '--parents', '--exclude=*.md', '--chmod=755', '--from="a b"', '--'), { maxLength: 3 }), word, spaces, fc.constantFrom('/src /dst', '["/a", "/b"]', '<<EOF /f\nbody\nEOF', '/x')).map(
    ([kw, flags, from, sp, rest]) => `${kw} ${flags.map((f) => (f === '--from=' ? f + from : f)).join(' ')}${sp}${rest}`,
  ),
  fc.tuple(fc.constantFrom('RUN', 'run'), fc.array(fc.constantFrom('--mount=type=cache,target=/c', '--mount=from=', '--mount=type=bind,FROM=', '--mount="from=a,target=/t"', '--network=none'), { maxLength: 3 }), word, fc.constantFrom(' true', ' <<EOT\necho hi\nEOT', ' <<-"X"\n\tFROM fake\n\tX', ' ["sh", "-c", "x"]', '')).map(
    ([kw, flags, from, rest]) => `${kw} ${flags.map((f) => (f.endsWith('=') ? f + from + ',target=/m' : f)).join(' ')}${rest}`,
  ),
  fc.tuple(fc.constantFrom('ONBUILD', 'onbuild'), fc.constantFrom(' COPY --from=', ' RUN --mount=from=', ' ONBUILD RUN x', ' FROM x', ''), word).map(([kw, rest, from]) => `${kw}${rest}${from}${rest.includes('--') ? ' /a /b' : ''}`),
  fc.tuple(fc.constantFrom('ARG', 'arg', 'ENV', 'LABEL'), fc.constantFrom(' X=1', ' X', ' N=build', ' =v', ' X="a b" Y=${X}', '')).map(([kw, rest]) => kw + rest),
  fc.constantFrom('WORKDIR /app', 'WORKDIR rel', 'USER app', 'EXPOSE 80 443/tcp', 'CMD ["x"]', 'CMD x', 'ENTRYPOINT y', 'SHELL ["bash", "-c"]', 'HEALTHCHECK NONE', 'MAINTAINER me', 'VOLUME /v', 'STOPSIGNAL 9'),
  fc.constantFrom('# comment', '# syntax=docker/dockerfile:1', '# escape=`', '# check=skip=all', '', '\\', '`', 'BOGUS x', '\r', '  '),
  fc.string({ maxLength: 12 }),
);
const dockerfile = fc.array(instruction, { maxLength: 14 }).map((lines) => lines.join('\n'));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\\\n', '\n', '<<EOF\n', '$', '"', '--from=', ' AS ', '\u0000', '\ufeff', '\r\n')) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
);

function mutate(text: string, mutations: { kind: string; at: number; length?: number; text?: string; other?: number }[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + (m.length ?? 1));
    else if (m.kind === 'insert') out = out.slice(0, at) + (m.text ?? '') + out.slice(at);
    else {
      const lines = out.split('\n');
      const i = m.at % lines.length;
      if (m.kind === 'duplicateLine') lines.splice(i, 0, lines[i]);
      else {
        const j = (m.other ?? 0) % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      out = lines.join('\n');
    }
  }
  return out;
}

describe('buildStageGraph under generated and mutated input (property)', function () {
  this.timeout(30000);

  it('holds for 1500 generated Dockerfiles, default target and a named one', () => {
    fc.assert(
      fc.property(dockerfile, fc.constantFrom(undefined, 'build', 'a', 'nope'), (text, target) => buildAndCheck(text, target)),
      { numRuns: 1500 },
    );
  });

  it('holds for 1500 mutations of the examples and conformance cases', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 }), (seed, mutations) =>
        buildAndCheck(mutate(seed, mutations)),
      ),
      { numRuns: 1500 },
    );
  });

  it('resolves a 15,000-stage chain of forward references without exhausting the stack', () => {
    const text = Array.from({ length: 15000 }, (_, i) => `FROM alpine AS s${i}\nCOPY --from=s${i + 1} /a /a`).join('\n');
    const graph = buildStageGraph(text, { target: 's0' });
    assert.equal(graph.error, 'cannot copy from stage "s1", it needs to be defined before current stage "s0"');
    assert.equal(graph.reachable.length, 15000);
    checkGraph(text, graph);
  });

  it('holds for 500 strings of arbitrary characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => buildAndCheck(text)), { numRuns: 500 });
  });
});
