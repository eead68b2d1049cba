/** The web extension host's layout runner: the core's layout, computed on a later task, in order, cancellable. */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { layoutStageGraph } from '../../../src/core/layout/layoutStageGraph';
import { InProcessLayoutRunner } from '../../../src/extension/graphView/inProcessLayoutRunner';
import type { LayoutRequest } from '../../../src/extension/graphView/layoutRunner';

const text = 'ARG GO=1.22\nFROM golang:${GO} AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';

describe('InProcessLayoutRunner (layouts in a web worker extension host)', () => {
  it('gives the layout the core computes, for resolve and layout options', async () => {
    const runner = new InProcessLayoutRunner();
    const requests: LayoutRequest[] = [
      { text, resolveOptions: {}, options: {} },
      { text, resolveOptions: { buildArgs: { GO: '1.23' }, target: 'build' }, options: { direction: 'TB' } },
    ];
    for (const request of requests) {
      assert.deepEqual(await runner.run(request), layoutStageGraph(buildStageGraph(request.text, request.resolveOptions), request.options));
    }
  });

  it('starts no layout before the caller returns, and answers requests in the order they came', async () => {
    const runner = new InProcessLayoutRunner();
    const answered: string[] = [];
    const first = runner.run({ text, resolveOptions: {}, options: { direction: 'LR' } }).then((layout) => answered.push(layout.direction));
    const second = runner.run({ text, resolveOptions: {}, options: { direction: 'TB' } }).then((layout) => answered.push(layout.direction));
    assert.deepEqual(answered, []);
    await Promise.all([first, second]);
    assert.deepEqual(answered, ['LR', 'TB']);
  });

  it('rejects a request whose layout throws, and lays out the next one', async () => {
    const runner = new InProcessLayoutRunner();
    const broken = { text, resolveOptions: {}, options: null } as unknown as LayoutRequest;
    await assert.rejects(runner.run(broken), /null/);
    assert.equal((await runner.run({ text, resolveOptions: {}, options: {} })).direction, 'LR');
  });

  it('drops the layouts not yet started when disposed, and works again afterwards', async () => {
    const runner = new InProcessLayoutRunner();
    const pending = runner.run({ text, resolveOptions: {}, options: {} });
    runner.dispose();
    await assert.rejects(pending, /the graph view closed/);
    assert.ok((await runner.run({ text, resolveOptions: {}, options: {} })).nodes.length > 0);
  });
});
