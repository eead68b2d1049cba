/**
 * Cost of reading a 50,000-line BuildKit log (issue 9's budget: under 100 ms), against splitting the same text into
 * lines, measured in the same run. The log is the real test/fixtures/buildlogs/parallel.log repeated with its vertex
 * numbers shifted each time, as one long build of the same Dockerfile would print it. Prints the median of each and
 * their ratio: the reader alone (`readBuildLog`), and the reader plus laying the log onto the stage graph
 * (`buildTimeline`, what `stageflow timeline` and the editor do).
 *
 * The code is measured as it ships: bundled by esbuild like dist/extension.js and dist/cli.js.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NODE_BUNDLE } from '../scripts/bundles.mjs';
import type { BuildLog, TimelineResult } from '../src/core/buildlog/model';
import type { StageGraph } from '../src/core/model';

interface BundledCore {
  readBuildLog(text: string): BuildLog;
  buildTimeline(log: BuildLog, graph: StageGraph): TimelineResult;
  buildStageGraph(text: string): StageGraph;
}

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures', 'buildlogs');

/** Bundles the reader, the timeline and the graph as scripts/build.mjs bundles the CLI, and loads them. */
function loadBundledCore(): BundledCore {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stageflow-bench-'));
  const entry = path.join(directory, 'entry.ts');
  const core = path.join(__dirname, '..', 'src', 'core');
  fs.writeFileSync(
    entry,
    [
      `export { readBuildLog } from ${JSON.stringify(path.join(core, 'buildlog', 'buildLogReader'))};`,
      `export { buildTimeline } from ${JSON.stringify(path.join(core, 'buildlog', 'buildTimeline'))};`,
      `export { buildStageGraph } from ${JSON.stringify(path.join(core, 'graph', 'buildStageGraph'))};`,
    ].join('\n'),
  );
  const outfile = path.join(directory, 'core.js');
  esbuild.buildSync({ ...NODE_BUNDLE, entryPoints: [entry], outfile });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as BundledCore;
}

/** parallel.log again and again, each copy's `#N` shifted past the last, until `lineCount` lines. */
function repeatedLog(lineCount: number): string {
  const lines = fs.readFileSync(path.join(FIXTURES, 'parallel.log'), 'utf8').trimEnd().split('\n');
  const highest = Math.max(...lines.map((line) => Number(/^#(\d+) /.exec(line)?.[1] ?? 0)));
  const out: string[] = [];
  for (let copy = 0; out.length < lineCount; copy++) {
    for (const line of lines) {
      if (out.length === lineCount) break;
      out.push(line.replace(/^#(\d+) /, (_, id: string) => `#${Number(id) + copy * highest} `));
    }
  }
  return `${out.join('\n')}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function main(): void {
  const core = loadBundledCore();
  const text = repeatedLog(50_000);
  const graph = core.buildStageGraph(fs.readFileSync(path.join(FIXTURES, 'parallel.Dockerfile'), 'utf8'));
  const check = core.buildTimeline(core.readBuildLog(text), graph);
  // 684 copies and most of another (73 lines each): every copy maps onto the graph, the last one is cut short.
  if (check.kind !== 'timeline' || check.outcome !== 'truncated' || check.stages[3].steps[0].vertices.length !== 685) {
    throw new Error(`the generated log reads wrongly: ${check.kind === 'timeline' ? check.outcome : check.message}`);
  }

  const measured = { split: new Timings(), read: new Timings(), timeline: new Timings() };
  for (let round = 0; round < 25; round++) {
    measured.split.time(() => text.split('\n'));
    const log = measured.read.time(() => core.readBuildLog(text));
    measured.timeline.time(() => core.buildTimeline(log, graph), measured.read);
  }
  const split = measured.split.medians();
  console.log(`\nBuild log of 50,000 lines (${(text.length / 1024 / 1024).toFixed(1)} MiB, ${check.stages.length} stages): median ms of 20 rounds, same run; ratio = x / line split`);
  console.log(`${''.padEnd(30)} ${'wall'.padStart(8)} ${'ratio'.padStart(7)} ${'CPU'.padStart(8)} ${'ratio'.padStart(7)}`);
  const row = (name: string, timings: Timings) => {
    const { wall, cpu } = timings.medians();
    console.log(`${name.padEnd(30)} ${wall.toFixed(2).padStart(8)} ${(wall / split.wall).toFixed(1).padStart(6)}x ${cpu.toFixed(2).padStart(8)} ${(cpu / split.cpu).toFixed(1).padStart(6)}x`);
  };
  row('line split', measured.split);
  row('readBuildLog', measured.read);
  row('readBuildLog + buildTimeline', measured.timeline);
}

/**
 * Wall-clock and CPU times of repeated runs. CPU time (this process's, GC threads included) is shown beside the
 * wall clock because the machines that run this are often shared: waiting for a core inflates the wall clock.
 */
class Timings {
  private readonly wall: number[] = [];
  private readonly cpu: number[] = [];

  /** Runs `work` and records its times, plus the last times of `before` (a step it follows). */
  time<T>(work: () => T, before?: Timings): T {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = work();
    const cpu = process.cpuUsage(cpuStart);
    this.wall.push(performance.now() - start + (before?.wall.at(-1) ?? 0));
    this.cpu.push((cpu.user + cpu.system) / 1000 + (before?.cpu.at(-1) ?? 0));
    return result;
  }

  /** Medians, leaving out the first five rounds (the JIT warming up). */
  medians(): { wall: number; cpu: number } {
    return { wall: median(this.wall.slice(5)), cpu: median(this.cpu.slice(5)) };
  }
}

main();
