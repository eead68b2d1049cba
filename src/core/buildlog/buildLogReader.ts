import type { BuildLog, LogVertex } from './model';
import { parseProgressLine, type ProgressLine, type VertexEvent } from './parseProgressLine';
import { parseStepLabel } from './parseStepLabel';

const BUILD_DEFINITION = /^\[internal\] load build definition from (.+)$/;

/**
 * Reads a BuildKit plain progress log incrementally: feed text as it arrives (`write`, split anywhere), read the
 * state at any time (`snapshot`), and say when the log is complete (`end`). Vertices interleave and their headers
 * repeat; each `#N` is one vertex however often it appears. Lines it does not know are counted and skipped, so a
 * CI log with other output around the build, a log that starts or stops mid-build, or plain garbage never throws.
 */
export class BuildLogReader {
  private readonly vertices: LogVertex[] = [];
  private readonly byId = new Map<number, LogVertex>();
  private partial = '';
  private lineCount = 0;
  private otherLineCount = 0;
  private timestamped = false;
  private dockerfileName: string | null = null;
  private buildError: string | null = null;
  private inSummary = false;
  private ended = false;

  /**
   * Reads `chunk`; a line without its line break yet waits for the next chunk. `receivedAt` (ms since the epoch) is
   * the time the chunk arrived, used for lines that carry no timestamp of their own (a live build).
   */
  write(chunk: string, receivedAt?: number): void {
    if (this.ended) return;
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.readLine(line, receivedAt ?? null);
  }

  /** Marks the log complete, reading a last line that had no line break. */
  end(receivedAt?: number): void {
    if (this.ended) return;
    if (this.partial !== '') this.readLine(this.partial, receivedAt ?? null);
    this.partial = '';
    this.ended = true;
  }

  /** The log read so far, as an independent copy. */
  snapshot(): BuildLog {
    return {
      vertices: this.vertices.map((vertex) => ({
        ...vertex,
        label: vertex.label && { ...vertex.label },
        output: vertex.output.slice(),
      })),
      lineCount: this.lineCount,
      otherLineCount: this.otherLineCount,
      timestamped: this.timestamped,
      dockerfileName: this.dockerfileName,
      buildError: this.buildError,
      ended: this.ended,
    };
  }

  private readLine(text: string, receivedAt: number | null): void {
    const line = parseProgressLine(text);
    const index = this.lineCount++;
    if (line.time !== null) this.timestamped = true;
    const time = line.time ?? receivedAt;
    // After a failed step BuildKit repeats its last output between two `------` rules; it was read already.
    if (line.kind === 'summary-rule') this.inSummary = !this.inSummary;
    else if (this.inSummary) return;
    else this.readProgress(line, index, time);
  }

  private readProgress(line: ProgressLine, index: number, time: number | null): void {
    switch (line.kind) {
      case 'vertex':
        this.readVertexEvent(line.id, line.event, index, time);
        break;
      case 'build-error':
        this.buildError ??= line.message;
        break;
      case 'other':
        this.otherLineCount++;
        break;
    }
  }

  private readVertexEvent(id: number, event: VertexEvent, index: number, time: number | null): void {
    let vertex = this.byId.get(id);
    if (!vertex) {
      vertex = {
        id,
        name: '',
        label: null,
        state: 'running',
        durationMs: null,
        error: null,
        output: [],
        firstLine: index,
        endLine: null,
        firstSeenAt: time,
        endedAt: null,
      };
      this.byId.set(id, vertex);
      this.vertices.push(vertex);
    }
    switch (event.kind) {
      case 'text':
        // The first line of a vertex is its header. A log cut mid-vertex starts with a status line instead; the
        // header shows when it repeats.
        if (vertex.name === '' || (vertex.label === null && parseStepLabel(event.text) !== null)) this.name(vertex, event.text);
        return;
      case 'output':
        vertex.output.push({ seconds: event.seconds, text: event.text });
        return;
      case 'paused':
        return;
      case 'done':
        this.finish(vertex, 'done', event.durationMs, index, time);
        return;
      case 'cached':
        this.finish(vertex, 'cached', 0, index, time);
        return;
      case 'canceled':
        this.finish(vertex, 'canceled', null, index, time);
        return;
      case 'error':
        this.finish(vertex, 'error', null, index, time);
        vertex.error = event.message;
        return;
    }
  }

  private name(vertex: LogVertex, header: string): void {
    vertex.name = header;
    vertex.label = parseStepLabel(header);
    const definition = BUILD_DEFINITION.exec(header);
    if (definition) this.dockerfileName ??= definition[1];
  }

  private finish(vertex: LogVertex, state: LogVertex['state'], durationMs: number | null, index: number, time: number | null): void {
    vertex.state = state;
    vertex.durationMs = durationMs;
    vertex.endLine = index;
    vertex.endedAt = time;
  }
}

/** Reads a whole log at once (a saved or CI log): `BuildLogReader` fed `text` and ended. */
export function readBuildLog(text: string): BuildLog {
  const reader = new BuildLogReader();
  reader.write(text);
  reader.end();
  return reader.snapshot();
}
