import { buildStageGraph } from '../../core/graph/buildStageGraph';
import { layoutStageGraph } from '../../core/layout/layoutStageGraph';
import type { GraphLayout } from '../../core/layout/layoutTypes';
import type { LayoutRequest, LayoutRunner } from './layoutRunner';

interface QueuedLayout {
  request: LayoutRequest;
  resolve(layout: GraphLayout): void;
  reject(error: Error): void;
}

/**
 * Runs layouts in the extension host itself, for VS Code for the Web: its web worker extension host has no
 * `worker_threads`, and is already a worker of its own, so a layout there never blocks the editor's UI (only other
 * extensions' requests, as any extension's work does). Each layout starts on a later task, one at a time and in
 * order, so the caller's message handling finishes first and `dispose` can drop the layouts not yet started.
 */
export class InProcessLayoutRunner implements LayoutRunner {
  private readonly queue: QueuedLayout[] = [];
  private scheduled: ReturnType<typeof setTimeout> | undefined;

  run(request: LayoutRequest): Promise<GraphLayout> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduled ??= setTimeout(() => this.next(), 0);
    });
  }

  dispose(): void {
    clearTimeout(this.scheduled);
    this.scheduled = undefined;
    const dropped = this.queue.splice(0);
    for (const queued of dropped) queued.reject(new Error('the graph view closed'));
  }

  private next(): void {
    this.scheduled = undefined;
    const queued = this.queue.shift();
    if (!queued) return;
    try {
      const { text, resolveOptions, options } = queued.request;
      queued.resolve(layoutStageGraph(buildStageGraph(text, resolveOptions), options));
    } catch (error) {
      queued.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (this.queue.length > 0) this.scheduled = setTimeout(() => this.next(), 0);
  }
}
