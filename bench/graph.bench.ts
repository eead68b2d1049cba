/**
 * Cost of the stage graph against a bare dockerfile-ast parse, measured in the same run, on every example and on a
 * generated 300-stage, 10,000-line Dockerfile. Prints the median of each and their ratio (aim: graph <= 1.5x parse).
 *
 * The graph is measured as it ships: bundled by esbuild like dist/extension.js and dist/cli.js (dockerfile-ast is
 * plain JavaScript either way). The same code run through tsx is printed too, for comparison: tsx wraps every
 * closure and cross-module import in helpers that the bundle does not have.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { NODE_BUNDLE } from '../scripts/bundles.mjs';
import { buildStageGraph as buildStageGraphUnderTsx } from '../src/core/graph/buildStageGraph';
import type { StageGraph } from '../src/core/model';

type BuildStageGraph = (text: string) => StageGraph;

/** Bundles the core as scripts/build.mjs bundles the extension and CLI, and loads it. */
function loadBundledCore(): BuildStageGraph {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stageflow-bench-')), 'core.js');
  esbuild.buildSync({ ...NODE_BUNDLE, entryPoints: [path.join(__dirname, '..', 'src', 'core', 'graph', 'buildStageGraph.ts')], outfile });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(outfile) as { buildStageGraph: BuildStageGraph }).buildStageGraph;
}

/** A 300-stage file of 10,000 lines: ARG-parameterised bases, COPY --from chains, mounts, heredocs, continuations. */
function generatedDockerfile(stages = 300, totalLines = 10_000): string {
  const lines: string[] = ['# syntax=docker/dockerfile:1', 'ARG BASE=alpine', 'ARG TAG=3.20'];
  const perStage = Math.floor((totalLines - lines.length) / stages);
  for (let i = 0; i < stages; i++) {
    const start = lines.length;
    lines.push(`# Stage ${i}: part of the generated benchmark.`);
    lines.push(i % 10 === 0 ? `FROM \${BASE}:\${TAG} AS s${i}` : `FROM s${i - 1 - (i % 3)} AS s${i}`);
    lines.push('WORKDIR /work');
    if (i > 2) lines.push(`COPY --from=s${i - 2} --chown=app:app /out/${i - 2} /in/${i - 2}`);
    if (i > 5) lines.push(`RUN --mount=type=bind,from=s${i - 5},target=/m --mount=type=cache,target=/root/.cache make -C /m`);
    lines.push('RUN <<EOF', `echo stage ${i}`, 'EOF');
    while (lines.length - start < perStage - 1) {
      lines.push(`RUN echo step ${lines.length} \\`, `    && echo continued ${lines.length}`);
    }
    lines.push(`ENV STAGE=${i}`);
  }
  while (lines.length < totalLines) lines.push(`LABEL filler.${lines.length}="x"`);
  return lines.slice(0, totalLines).join('\n') + '\n';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Medians of the bare parse and of each graph build, interleaved so all see the same machine load. */
function measure(text: string, rounds: number, builds: BuildStageGraph[]): { parse: number; graphs: number[] } {
  const parse: number[] = [];
  const graphs: number[][] = builds.map(() => []);
  const warmup = Math.max(3, Math.floor(rounds / 5));
  for (let i = 0; i < warmup; i++) {
    DockerfileParser.parse(text);
    for (const build of builds) build(text);
  }
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    DockerfileParser.parse(text);
    parse.push(performance.now() - t);
    builds.forEach((build, b) => {
      t = performance.now();
      build(text);
      graphs[b].push(performance.now() - t);
    });
  }
  return { parse: median(parse), graphs: graphs.map(median) };
}

function main(): void {
  const examples = path.join(__dirname, '..', 'examples');
  const cases: { name: string; text: string; rounds: number }[] = fs
    .readdirSync(examples)
    .filter((f) => f.endsWith('.Dockerfile'))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(examples, f), 'utf8'), rounds: 200 }));
  const big = generatedDockerfile();
  cases.push({ name: `generated (300 stages, ${big.split('\n').length - 1} lines)`, text: big, rounds: 15 });

  const bundled = loadBundledCore();
  const graph = bundled(big);
  if (graph.stages.length !== 300 || !graph.ok) throw new Error(`generated file resolves wrongly: ${graph.stages.length} stages, ${graph.error}`);

  console.log('Stage graph vs bare dockerfile-ast parse (median ms, same run; ratio = graph / parse)');
  console.log(
    `${'file'.padEnd(40)} ${'parse'.padStart(9)} ${'graph'.padStart(9)} ${'ratio'.padStart(7)}   ${'graph (tsx)'.padStart(11)} ${'ratio'.padStart(7)}`,
  );
  for (const c of cases) {
    const { parse, graphs } = measure(c.text, c.rounds, [bundled, buildStageGraphUnderTsx]);
    const [shipped, tsx] = graphs;
    console.log(
      `${c.name.padEnd(40)} ${parse.toFixed(3).padStart(9)} ${shipped.toFixed(3).padStart(9)} ${(shipped / parse).toFixed(2).padStart(6)}x   ${tsx.toFixed(3).padStart(11)} ${(tsx / parse).toFixed(2).padStart(6)}x`,
    );
  }
}

main();
