/** Layouts run in a worker thread, bundled as it ships (dist/layoutWorker.js), so the host's event loop stays free. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { distBundleOptions } from '../../../scripts/bundles.mjs';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { layoutStageGraph } from '../../../src/core/layout/layoutStageGraph';
import type { LayoutRequest } from '../../../src/extension/graphView/layoutRunner';
import { WorkerLayoutRunner } from '../../../src/extension/graphView/workerLayoutRunner';

const text = 'ARG GO=1.22\nFROM golang:${GO} AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
const goService: LayoutRequest = { text, resolveOptions: {}, options: {} };
/** A layout that takes the worker long enough (hundreds of ms) that a request is surely still held when it dies. */
const chain = Array.from({ length: 400 }, (_, index) => `FROM ${index === 0 ? 'alpine' : `s${index - 1}`} AS s${index}\nCOPY --from=s0 /a /a${index}\n`).join('');
const slowLayout: LayoutRequest = { text: chain, resolveOptions: {}, options: {} };

describe('WorkerLayoutRunner (layouts off the extension host event loop)', function () {
  this.timeout(60_000);
  let directory: string;
  let script: string;

  before(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'stageflow-layout-worker-'));
    await esbuild.build(distBundleOptions('layoutWorker', { outdir: directory }));
    script = path.join(directory, 'layoutWorker.js');
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  it('gives the layout the core computes in-process, for every resolve and layout option', async () => {
    const runner = new WorkerLayoutRunner(script);
    try {
      const requests: LayoutRequest[] = [
        goService,
        { text, resolveOptions: { buildArgs: { GO: '1.23' }, target: 'build' }, options: {} },
        { text, resolveOptions: {}, options: { direction: 'TB' } },
        { text, resolveOptions: {}, options: { hideImages: true } },
      ];
      for (const request of requests) {
        assert.deepEqual(await runner.run(request), layoutStageGraph(buildStageGraph(request.text, request.resolveOptions), request.options));
      }
    } finally {
      runner.dispose();
    }
  });

  it('answers several requests in flight, each with its own layout', async () => {
    const runner = new WorkerLayoutRunner(script);
    try {
      const [lr, tb] = await Promise.all([runner.run({ ...goService, options: { direction: 'LR' } }), runner.run({ ...goService, options: { direction: 'TB' } })]);
      assert.deepEqual([lr.direction, tb.direction], ['LR', 'TB']);
    } finally {
      runner.dispose();
    }
  });

  it('rejects a request whose layout throws, and lays out the next one', async () => {
    const runner = new WorkerLayoutRunner(script);
    try {
      const broken = { ...goService, options: null } as unknown as LayoutRequest;
      await assert.rejects(runner.run(broken), /null/);
      assert.equal((await runner.run(goService)).nodes.length, 4);
    } finally {
      runner.dispose();
    }
  });

  it('rejects what it held when the worker dies, and starts a new worker for the next request', async () => {
    const runner = new WorkerLayoutRunner(script);
    try {
      await runner.run(goService);
      const worker = (runner as unknown as { worker: { terminate(): Promise<number> } }).worker;
      // A small layout can be answered before terminate() stops the thread; this one cannot.
      const held = runner.run(slowLayout);
      await worker.terminate();
      await assert.rejects(held, /the layout worker stopped/);
      assert.equal((await runner.run(goService)).nodes.length, 4);
    } finally {
      runner.dispose();
    }
  });

  it('rejects what it held when disposed', async () => {
    const runner = new WorkerLayoutRunner(script);
    const held = runner.run(goService);
    runner.dispose();
    await assert.rejects(held, /the graph view closed/);
  });

  it('names the problem when the worker script is missing', async () => {
    const runner = new WorkerLayoutRunner(path.join(directory, 'missing.js'));
    try {
      await assert.rejects(runner.run(goService), /the layout worker failed: Cannot find module/);
    } finally {
      runner.dispose();
    }
  });
});
