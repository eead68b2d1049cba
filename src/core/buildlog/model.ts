/**
 * A BuildKit build as its `--progress=plain` log tells it: the log read line by line (`BuildLog`, from
 * `BuildLogReader`), then laid onto a Dockerfile's stage graph (`BuildTimeline`, from `buildTimeline`). Plain
 * JSON-serialisable data, so the CLI prints it and the graph view receives it as is.
 *
 * Lines of the Dockerfile are 1-based (like the stage graph's); lines of the log are 0-based indexes into the log.
 * Times are milliseconds.
 */

/** What a step label `[linux/arm64 build 2/5] RUN make` says about a vertex. */
export interface StepLabel {
  /** The platform BuildKit prints first in a multi-platform build (`linux/arm64`), or null. */
  platform: string | null;
  /** The stage's display name: its name, `stage-N` when unnamed, `''` in a one-stage file. */
  stage: string;
  /** The step's position `k` and the stage's step count `n` as BuildKit counts them (FROM of an image, ADD, COPY,
   *  RUN, WORKDIR and ONBUILD triggers). */
  index: number;
  total: number;
  /** The instruction as BuildKit prints it: keyword upper-cased, variables expanded, continuations joined. */
  instruction: string;
}

/** How far a vertex got: still running, or how it ended. */
export type VertexState = 'running' | 'done' | 'cached' | 'error' | 'canceled';

/** One line a step printed while it ran (`#8 1.055 running tests`). */
export interface VertexOutput {
  /** Seconds since the step started, as BuildKit prints it. */
  seconds: number;
  text: string;
}

/** One vertex (`#N`) of the build: a Dockerfile step, or BuildKit's own work (`[internal] ...`, exporting). */
export interface LogVertex {
  /** The `N` of `#N`. */
  id: number;
  /** The header after `#N `, e.g. `[base 2/3] RUN make`; `''` while a log that starts mid-vertex has not shown it. */
  name: string;
  /** The parsed step label, or null for BuildKit's own vertices (`[internal] load build context`, `exporting to image`). */
  label: StepLabel | null;
  state: VertexState;
  /** From `#N DONE 1.2s` (0 for `CACHED`); null while running and when the log gives no time. */
  durationMs: number | null;
  /** The text of `#N ERROR: ...`, or null. */
  error: string | null;
  output: VertexOutput[];
  /** Log lines of the vertex's first line and of the line that ended it (null while running). */
  firstLine: number;
  endLine: number | null;
  /** Wall-clock times (ms since the epoch) of those lines, from a timestamp prefix (GitHub Actions) or the time
   *  given to `BuildLogReader.write`; null when the log has none. */
  firstSeenAt: number | null;
  endedAt: number | null;
}

/** A progress log as read so far. */
export interface BuildLog {
  /** Every vertex, in order of first appearance. */
  vertices: LogVertex[];
  /** Lines read (a partial last line is counted once complete or at `end()`). */
  lineCount: number;
  /** Lines that are not progress (`#N ...`), blank, BuildKit's summary of a failed step or its closing error: CI
   *  chatter, other tools' output. */
  otherLineCount: number;
  /** Whether the lines carried timestamps (GitHub Actions' `2024-05-01T12:00:00.1234567Z ` prefix). */
  timestamped: boolean;
  /** The Dockerfile named by `[internal] load build definition from NAME`, or null. */
  dockerfileName: string | null;
  /** The build's closing error when no step reported one (`ERROR: failed to solve: ...`), or null. */
  buildError: string | null;
  /** Whether the reader was told the log is complete (`BuildLogReader.end`). */
  ended: boolean;
}

/** A step's state on the graph: `running` while the log is still being read, `unfinished` when a finished log
 *  stops before the step ended (a truncated log). */
export type StepStatus = 'running' | 'unfinished' | 'built' | 'cached' | 'failed' | 'canceled';

/**
 * A stage's state: `queued` (needed, not started, the log still being read), `running`, `built`, `cached` (none of
 * its instructions after FROM ran), `failed`, `canceled`, `unfinished` (the log stops inside it), or `not-run`
 * (no step of it in a finished log).
 */
export type StageStatus = 'queued' | 'running' | 'unfinished' | 'built' | 'cached' | 'failed' | 'canceled' | 'not-run';

/** One instruction's share of the build. */
export interface StepTimeline {
  /** 1-based first line of the instruction: FROM for the image step, the parent's ONBUILD line for a trigger. */
  line: number;
  /** `FROM`, `RUN`, `COPY`, `ADD`, `WORKDIR`, or `ONBUILD` for a trigger. */
  keyword: string;
  status: StepStatus;
  /** The `DONE` time (summed over platforms), 0 when cached, null when the log gives none. */
  durationMs: number | null;
  /** The `#N` ids of the vertices that ran it (several in a multi-platform build). */
  vertices: number[];
  /** BuildKit ran this step once for several stages that start alike (typically the same `FROM` image) and labelled
   *  it with another stage: the step is this stage's too. */
  shared: boolean;
  /** What the step printed, in order. */
  output: string[];
  /** The error BuildKit reported for it, or null. */
  error: string | null;
  /** Log lines where it first appeared and where it ended (null while running). */
  firstLine: number;
  endLine: number | null;
  /** Wall-clock start and end when the log has times: the end line's time minus the `DONE` duration (the header may
   *  be printed late when steps run in parallel), else when it first appeared. */
  startedAt: number | null;
  endedAt: number | null;
}

/** Why a stage did not run, for "why did this stage not run?". */
export type NotRunReason =
  /** The target does not need it; `builtBy` are the targets (stage indexes) whose build would run it. */
  | { kind: 'not-needed'; builtBy: number[] }
  /** Every instruction after FROM came from the build cache. */
  | { kind: 'cached' }
  /** The build failed or was canceled before this stage started. */
  | { kind: 'build-stopped' }
  /** Needed, but it has no step that runs (only `FROM` of a stage or `scratch`, and metadata like `ENV`). */
  | { kind: 'nothing-to-run' }
  /** Needed and not started yet; the log is still being read. */
  | { kind: 'waiting' }
  /** Needed, but the log ends (or the build succeeded) without any step of it: a truncated log, or a build of
   *  another target. */
  | { kind: 'not-in-log' };

/** A stage's share of the build. */
export interface StageTimeline {
  index: number;
  /** The `AS` name (lowercased), or null. */
  name: string | null;
  /** The name, else `stage-N`. */
  label: string;
  status: StageStatus;
  /** Sum of its steps' `durationMs` (cached steps count 0); null when no step gives a time. */
  durationMs: number | null;
  /** The steps the log shows, in instruction order. */
  steps: StepTimeline[];
  /** Built for the chosen target. */
  reachable: boolean;
  /** For a `not-run` or `cached` stage, why; null otherwise. */
  notRun: NotRunReason | null;
  /** First and last log line of the stage's own work (its instructions after FROM, else its FROM): where it
   *  appears and completes in the log. Null when no such step appeared. */
  firstLine: number | null;
  lastLine: number | null;
}

/** How the build went, as far as the log tells. */
export type BuildOutcome = 'running' | 'succeeded' | 'failed' | 'canceled' | 'truncated';

/** Where a build failed: the first step that reported an error. */
export interface BuildFailure {
  /** The stage and 1-based instruction line, or null when the error belongs to no step (e.g. a parse error). */
  stage: number | null;
  line: number | null;
  message: string;
}

/** A stage's bar on a time axis, in ms from the start of the build. */
export interface StageBar {
  stage: number;
  startMs: number;
  endMs: number;
}

/** The build laid onto the stage graph of its Dockerfile. */
export interface BuildTimeline {
  kind: 'timeline';
  outcome: BuildOutcome;
  /** The target stage the graph was resolved for, or null. */
  target: number | null;
  /** One per stage of the graph, in file order. */
  stages: StageTimeline[];
  /** The chain of stages (FROM, COPY --from and mount edges) ending at the target whose summed durations are the
   *  longest, from its first stage to the target; empty without a target. */
  criticalPath: number[];
  /** Its summed durations, or null when none of its stages gives a time. */
  criticalPathMs: number | null;
  /** Pairs of stages `[a, b]` (a < b) whose work overlapped in the log (each appeared before the other completed). */
  overlaps: [number, number][];
  /** Stages with work, in order of first appearance, and in order of completion in the log. */
  appearanceOrder: number[];
  completionOrder: number[];
  /** Stage bars for a timeline: real times when the log has timestamps, else each stage placed as early as its
   *  dependencies allow with its summed durations (so the last bar ends at `criticalPathMs`). */
  bars: StageBar[];
  barsFrom: 'timestamps' | 'durations';
  failure: BuildFailure | null;
  /** Things worth telling the reader, e.g. that the log builds stages the chosen target does not need. */
  warnings: string[];
}

/** A log that is not a build of this Dockerfile (or of another version of it): what gave it away. */
export interface LogMismatch {
  kind: 'mismatch';
  message: string;
  /** 0-based log line of the vertex that does not fit. */
  logLine: number;
}

/** What `buildTimeline` returns: the timeline, or why the log does not belong to the Dockerfile. */
export type TimelineResult = BuildTimeline | LogMismatch;
