import { formatDuration } from '../buildlog/formatDuration';
import type { BuildFailure, BuildLog, TimelineResult } from '../buildlog/model';
import { failureLocation, summarizeTimeline } from './summarizeTimeline';

/** How a build process ended, as the adapter saw it. */
export interface BuildEnd {
  /** The program started (the first word of `stageflow.build.command`) and its arguments. */
  program: string;
  args: readonly string[];
  /** The error code of a process that could not start (`ENOENT`, `EACCES`), or null. */
  spawnError: string | null;
  /** The exit code, or null when a signal ended it or it never started. */
  exitCode: number | null;
  /** The user asked to cancel. */
  canceled: boolean;
  /** Wall-clock time from start to end. */
  elapsedMs: number;
  log: BuildLog;
  timeline: TimelineResult;
  /** What the process printed (`LiveBuild.printedLines`: its first and last lines). */
  printed: readonly string[];
}

/** Why a build did not succeed, when it is not the Dockerfile's fault. */
export type EnvironmentProblem = 'docker-missing' | 'daemon-unreachable' | 'permission-denied' | 'buildx-missing' | 'no-buildkit';

/** What to tell the user about a build that ended. */
export type BuildReport =
  | { kind: 'succeeded'; message: string }
  | { kind: 'canceled'; message: string }
  /** A step failed (`failure` says where) or the build failed for a reason of its own. */
  | { kind: 'failed'; message: string; failure: BuildFailure | null }
  | { kind: EnvironmentProblem; message: string };

/**
 * The docker CLI's own words for a problem with Docker rather than the Dockerfile (see test/fixtures/docker-cli for
 * what Docker 20.10 and 28 print), first match wins: a socket the user may not open says `permission denied` in
 * either of 20.10's two wordings; no daemon is `Cannot connect to the Docker daemon`, `failed to dial gRPC: cannot
 * connect...`, `error during connect` (Docker Desktop's CLI on Windows, an unreachable host) or `failed to connect
 * to the docker API` (newer CLIs); Docker 23+ without buildx says so when BuildKit is asked for; `--progress`
 * unknown to `docker build` is the legacy builder.
 */
const PROBLEM_PATTERNS: [EnvironmentProblem, RegExp][] = [
  ['permission-denied', /permission denied while trying to connect to the docker|connect: permission denied/i],
  ['daemon-unreachable', /cannot connect to the docker daemon|is the docker daemon running|docker daemon is not running|error during connect|failed to connect to the docker api/i],
  ['buildx-missing', /buildx component is missing|'buildx' is not a docker command|unknown command: docker buildx/i],
  ['no-buildkit', /unknown flag: --progress|legacy builder is deprecated/i],
];

/** The top-level usage docker prints for a command it does not know: `docker buildx` without the plugin. */
const TOP_LEVEL_USAGE = /^Usage:\s+docker \[OPTIONS\] COMMAND/m;

/**
 * Says how a build ended, in one message: success with its time and critical path, the failing step and its
 * error, cancellation, or, when no build step ran, what is wrong with Docker (not installed, daemon not running
 * or not reachable, no permission on its socket, no buildx, no BuildKit) with the fix.
 */
export function buildReport(end: BuildEnd): BuildReport {
  const command = end.program;
  if (end.spawnError === 'ENOENT') return { kind: 'docker-missing', message: problemMessage('docker-missing', command, '') };
  if (end.spawnError !== null) return { kind: 'failed', message: `\`${command}\` could not start (${end.spawnError}).`, failure: null };
  if (end.canceled) return { kind: 'canceled', message: `Build canceled after ${formatDuration(end.elapsedMs)}.` };
  // Docker's own complaints come before any step runs (some, like a missing buildx, in BuildKit's `ERROR:` form).
  if (end.exitCode !== 0 && !end.log.vertices.some((vertex) => vertex.label !== null)) {
    const problem = environmentProblem(end);
    if (problem !== null) return { kind: problem.kind, message: problemMessage(problem.kind, command, problem.said) };
  }
  const timeline = end.timeline;
  if (timeline.kind === 'timeline' && timeline.failure !== null) {
    return { kind: 'failed', message: `Build failed${failureLocation(timeline)}: ${timeline.failure.message}`, failure: timeline.failure };
  }
  if (end.exitCode !== 0) {
    const last = end.log.buildError ?? end.printed[end.printed.length - 1] ?? 'no output';
    const code = end.exitCode === null ? 'was stopped' : `exited with code ${end.exitCode}`;
    return { kind: 'failed', message: `The build failed: \`${command}\` ${code}: ${last}`, failure: null };
  }
  if (timeline.kind === 'mismatch') {
    return { kind: 'succeeded', message: `Build succeeded in ${formatDuration(end.elapsedMs)}, but its progress does not fit this Dockerfile: ${timeline.message}` };
  }
  return { kind: 'succeeded', message: `Build succeeded in ${formatDuration(end.elapsedMs)}${summarizeTimeline(timeline)}.` };
}

function environmentProblem(end: BuildEnd): { kind: EnvironmentProblem; said: string } | null {
  for (const [kind, pattern] of PROBLEM_PATTERNS) {
    const said = end.printed.find((line) => pattern.test(line));
    if (said === undefined) continue;
    // `docker buildx build` where docker has no buildx: docker reads `buildx` as no command and `--progress` as its own.
    const buildxUnknown = kind === 'no-buildkit' && end.args.includes('buildx') && TOP_LEVEL_USAGE.test(end.printed.join('\n'));
    return { kind: buildxUnknown ? 'buildx-missing' : kind, said: said.trim() };
  }
  return null;
}

function problemMessage(problem: EnvironmentProblem, command: string, said: string): string {
  const quoted = said === '' ? '' : ` (${command} said: ${said})`;
  switch (problem) {
    case 'docker-missing':
      return `\`${command}\` was not found: install Docker Desktop or Docker Engine, or set stageflow.build.command to the command that builds.`;
    case 'daemon-unreachable':
      return `The Docker daemon is not running or cannot be reached: start Docker Desktop or the Docker Engine service, or check DOCKER_HOST and the docker context${quoted}.`;
    case 'permission-denied':
      return `Docker refused the connection to its daemon: add your user to the docker group and log in again, or use rootless Docker or Docker Desktop${quoted}.`;
    case 'buildx-missing':
      return `This docker needs the buildx plugin to build with BuildKit: install docker-buildx (Docker Engine) or use Docker Desktop, or set stageflow.build.command to "docker build" with a docker that has BuildKit${quoted}.`;
    case 'no-buildkit':
      return `The build ran with the legacy builder, which prints no BuildKit progress: install the buildx plugin, or use a docker with BuildKit and DOCKER_BUILDKIT=1${quoted}.`;
  }
}
