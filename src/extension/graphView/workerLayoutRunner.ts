import { Worker } from 'node:worker_threads';
import type { GraphLayout } from '../../core/layout/layoutTypes';
import type { LayoutRequest, LayoutRunner } from './layoutRunner';

/** What the host posts to the layout worker. */
export interface LayoutWorkerRequest {
  id: number;
  request: LayoutRequest;
}

/** What the layout worker answers, for the request of the same `id`. */
export type LayoutWorkerReply = { id: number; layout: GraphLayout } | { id: number; error: string };

interface PendingLayout {
  resolve(layout: GraphLayout): void;
  reject(error: Error): void;
}

/**
 * Runs layouts in a Node `worker_threads` worker (the bundle `dist/layoutWorker.js`), so the extension host's
 * event loop stays free: CodeLens, hovers and every other extension keep answering while a large graph is laid
 * out. The worker starts on the first request and answers requests in order; if it dies, the requests it held
 * are rejected and the next request starts a new one.
 */
export class WorkerLayoutRunner implements LayoutRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, PendingLayout>();

  /** `script` is the absolute path of the worker bundle. */
  constructor(private readonly script: string) {}

  run(request: LayoutRequest): Promise<GraphLayout> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: LayoutWorkerRequest = { id, request };
      worker.postMessage(message);
    });
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.rejectAll(new Error('the graph view closed'));
    void worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.script);
    worker.on('message', (reply: LayoutWorkerReply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('layout' in reply) pending?.resolve(reply.layout);
      else pending?.reject(new Error(reply.error));
    });
    const stopped = (error: Error): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.rejectAll(error);
    };
    worker.on('error', (error) => stopped(new Error(`the layout worker failed: ${error.message}`)));
    worker.on('exit', (code) => stopped(new Error(`the layout worker stopped (exit code ${code})`)));
    return worker;
  }

  private rejectAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
