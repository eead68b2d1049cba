import type { GraphLayout, LayoutOptions } from '../../core/layout/layoutTypes';
import type { ResolveOptions } from '../../core/model';

/**
 * One layout to compute: a Dockerfile's text with the options it resolves with, and every choice that changes
 * the picture in one options object. The runner resolves the graph itself: the text is a small fraction of the
 * graph's size, and copying a 1000-stage graph to another thread would cost the host ~0.2 s by itself.
 */
export interface LayoutRequest {
  text: string;
  resolveOptions: ResolveOptions;
  options: LayoutOptions;
}

/**
 * Computes layouts away from the caller's event loop, so a large Dockerfile never blocks the extension host. The
 * Node implementation is `WorkerLayoutRunner` (a `worker_threads` worker); a web extension host, which has no
 * `worker_threads`, needs another implementation of this interface and nothing else.
 */
export interface LayoutRunner {
  /** `layoutStageGraph(buildStageGraph(text, resolveOptions), options)`, computed elsewhere; rejects when it throws. */
  run(request: LayoutRequest): Promise<GraphLayout>;
  /** Stops the computation and frees what it holds; later `run` calls start afresh. */
  dispose(): void;
}
