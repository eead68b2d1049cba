/** The graph view draws only the newest layout: an edit during a layout supersedes it (issue 10). */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import type { GraphLayout } from '../../../src/core/layout/layoutTypes';
import { layoutStageGraph } from '../../../src/core/layout/layoutStageGraph';
import { LatestLayout } from '../../../src/extension/graphView/latestLayout';
import type { LayoutRequest, LayoutRunner } from '../../../src/extension/graphView/layoutRunner';

/** A runner whose layouts finish when the test says so, recording which requests it was asked to run. */
class SteppedRunner implements LayoutRunner {
  readonly started: string[] = [];
  private readonly finishers: Array<{ resolve(layout: GraphLayout): void; reject(error: Error): void; request: LayoutRequest }> = [];

  run(request: LayoutRequest): Promise<GraphLayout> {
    this.started.push(nameOf(request));
    return new Promise((resolve, reject) => this.finishers.push({ resolve, reject, request }));
  }

  /** Finishes the oldest running layout, with its real layout or with an error. */
  async finish(error?: Error): Promise<void> {
    const next = this.finishers.shift();
    assert.ok(next, 'a layout is running');
    if (error) next.reject(error);
    else next.resolve(layoutStageGraph(buildStageGraph(next.request.text, next.request.resolveOptions), next.request.options));
    await settle();
  }

  dispose(): void {}
}

/** Lets every pending promise callback run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const requestFor = (name: string): LayoutRequest => ({ text: `FROM alpine AS ${name}\n`, resolveOptions: {}, options: {} });
const nameOf = (request: LayoutRequest): string => request.text.slice('FROM alpine AS '.length).trim();
const titleOf = (layout: GraphLayout | undefined): string | undefined => layout?.nodes.find((node) => node.kind === 'stage')?.lines[0];

describe('LatestLayout (the graph view lays out only what it will draw)', () => {
  it('resolves a lone request with its layout', async () => {
    const runner = new SteppedRunner();
    const layouts = new LatestLayout(runner);
    const first = layouts.layout(requestFor('one'));
    await settle();
    await runner.finish();
    assert.equal(titleOf(await first), 'one');
  });

  it('runs one layout at a time; a newer request drops the running result and every request still waiting', async () => {
    const runner = new SteppedRunner();
    const layouts = new LatestLayout(runner);
    const results: Record<string, GraphLayout | undefined> = {};
    const track = (name: string): Promise<void> => layouts.layout(requestFor(name)).then((layout) => void (results[name] = layout));
    const all = [track('a')];
    await settle();
    all.push(track('b'), track('c'));
    await settle();
    assert.deepEqual(runner.started, ['a'], 'b and c wait for a');
    await runner.finish();
    assert.deepEqual(runner.started, ['a', 'c'], 'b was superseded by c before its turn, so it never ran');
    await runner.finish();
    await Promise.all(all);
    assert.deepEqual({ a: results.a, b: results.b, c: titleOf(results.c) }, { a: undefined, b: undefined, c: 'c' });
  });

  it('drops a running layout when supersede() is called (the view shows something else now)', async () => {
    const runner = new SteppedRunner();
    const layouts = new LatestLayout(runner);
    const first = layouts.layout(requestFor('a'));
    await settle();
    layouts.supersede();
    await runner.finish();
    assert.equal(await first, undefined);
  });

  it('rejects with the layout error for the newest request, and ignores the error of a superseded one', async () => {
    const runner = new SteppedRunner();
    const layouts = new LatestLayout(runner);
    const old = layouts.layout(requestFor('a'));
    await settle();
    const newest = assert.rejects(layouts.layout(requestFor('b')), /b failed/);
    await runner.finish(new Error('a failed'));
    assert.equal(await old, undefined);
    await runner.finish(new Error('b failed'));
    await newest;
    const after = layouts.layout(requestFor('c'));
    await settle();
    await runner.finish();
    assert.equal(titleOf(await after), 'c', 'a failure does not stop later layouts');
  });
});
