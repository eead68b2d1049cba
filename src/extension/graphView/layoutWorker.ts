// The layout worker (bundled as dist/layoutWorker.js): resolves and lays out the Dockerfiles the extension host
// posts, one message at a time, off the host's event loop. See WorkerLayoutRunner.
import { parentPort } from 'node:worker_threads';
import { buildStageGraph } from '../../core/graph/buildStageGraph';
import { layoutStageGraph } from '../../core/layout/layoutStageGraph';
import type { LayoutWorkerReply, LayoutWorkerRequest } from './workerLayoutRunner';

const port = parentPort;
if (!port) throw new Error('layoutWorker.js runs only as a worker thread');
port.on('message', ({ id, request }: LayoutWorkerRequest) => {
  let reply: LayoutWorkerReply;
  try {
    reply = { id, layout: layoutStageGraph(buildStageGraph(request.text, request.resolveOptions), request.options) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
