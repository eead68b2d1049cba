import { BuildLogReader } from '../buildlog/buildLogReader';
import { buildTimeline } from '../buildlog/buildTimeline';
import type { BuildLog, TimelineResult } from '../buildlog/model';
import type { StageGraph } from '../model';

const HEAD_LINES = 40;
const TAIL_LINES = 20;

/** The output streams of a build process; BuildKit prints its progress on stderr, docker some lines on stdout. */
export type OutputStream = 'stdout' | 'stderr';

/**
 * A build as it runs: the process's two output streams, read as one progress log, laid onto the graph the build
 * was started with. Each stream's lines are kept whole (a chunk of stdout never splits a stderr line); the timeline
 * is computed again only when something new arrived, since each computation reads the whole log.
 */
export class LiveBuild {
  private readonly reader = new BuildLogReader();
  private readonly partial: Record<OutputStream, string> = { stdout: '', stderr: '' };
  private readonly head: string[] = [];
  private readonly tail: string[] = [];
  private cached: TimelineResult | null = null;

  /** `graph`: the Dockerfile resolved with the build's target and build args. */
  constructor(readonly graph: StageGraph) {}

  /** Reads a chunk of one stream, received at `receivedAt` (ms since the epoch). */
  write(stream: OutputStream, chunk: string, receivedAt: number): void {
    const lines = (this.partial[stream] + chunk).split('\n');
    this.partial[stream] = lines.pop() ?? '';
    if (lines.length === 0) return;
    this.reader.write(lines.map((line) => `${line}\n`).join(''), receivedAt);
    this.remember(lines);
    this.cached = null;
  }

  /** The process ended: reads what is left of each stream and marks the log complete. */
  end(endedAt: number): void {
    const rest = (['stdout', 'stderr'] as const).map((stream) => this.partial[stream]).filter((line) => line !== '');
    this.partial.stdout = this.partial.stderr = '';
    if (rest.length > 0) {
      this.reader.write(rest.map((line) => `${line}\n`).join(''), endedAt);
      this.remember(rest);
    }
    this.reader.end(endedAt);
    this.cached = null;
  }

  /** The log read so far. */
  log(): BuildLog {
    return this.reader.snapshot();
  }

  /** The build laid onto the graph as far as it got (computed once per change). */
  timeline(): TimelineResult {
    this.cached ??= buildTimeline(this.reader.snapshot(), this.graph);
    return this.cached;
  }

  /**
   * What the process printed that is not blank: its first 40 lines and its last 20, in order, for a message when
   * it built nothing (the CLI's complaint comes first, before a page of usage; a closing error comes last).
   */
  printedLines(): string[] {
    return [...this.head, ...this.tail];
  }

  private remember(lines: readonly string[]): void {
    for (const line of lines) {
      if (line.trim() === '') continue;
      if (this.head.length < HEAD_LINES) this.head.push(line.trimEnd());
      else this.tail.push(line.trimEnd());
    }
    if (this.tail.length > TAIL_LINES) this.tail.splice(0, this.tail.length - TAIL_LINES);
  }
}
