import { joinCommandLine, splitCommandLine } from './splitCommandLine';

/** What to build and how, as the settings and the graph view chose it. */
export interface BuildRequest {
  /** `stageflow.build.command`: the command that builds, e.g. `docker build` or `docker buildx build`. */
  command: string;
  /** `stageflow.build.args`: extra arguments, each one word (`--network=none`, `--no-cache`). */
  extraArgs: readonly string[];
  /** The Dockerfile, as `-f` should name it (relative to `cwd`, or absolute). */
  dockerfile: string;
  /** `--target`, or null for the default (the last stage). */
  target: string | null;
  /** `--build-arg NAME=value` for each entry. */
  buildArgs: Readonly<Record<string, string>>;
  /** The environment the build would inherit: DOCKER_BUILDKIT is added when it does not say. */
  environment: Readonly<Record<string, string | undefined>>;
}

/** A process to start: a program and its argument array (never a shell line), and the environment to add. */
export interface BuildInvocation {
  program: string;
  args: string[];
  /** Variables to set on top of the inherited environment. */
  environment: Record<string, string>;
  /** The command as a shell would show it, for the output and messages. */
  display: string;
}

/** The progress format Stageflow reads; always passed, after the user's own arguments so that it wins. */
export const PLAIN_PROGRESS = '--progress=plain';

/**
 * The command line of a build: the command's words, the extra arguments, then Stageflow's `--progress=plain`,
 * `-f`, `--target` and `--build-arg`s, and the context `.` last (the process runs in the context folder). Flags
 * given later win in docker's parser, so the user's extra arguments cannot turn the plain progress off. Docker
 * 20.10 and 23+ without buildx fall back to the legacy builder, which prints no BuildKit progress, unless
 * `DOCKER_BUILDKIT=1`: it is set unless the environment already chose.
 */
export function buildInvocation(request: BuildRequest): BuildInvocation | { error: string } {
  const split = splitCommandLine(request.command);
  if ('error' in split) return { error: `stageflow.build.command cannot be read: ${split.error}.` };
  if (split.words.length === 0) return { error: 'stageflow.build.command is empty: set it to e.g. "docker build".' };
  const [program, ...commandArgs] = split.words;
  const args = [...commandArgs, ...request.extraArgs, PLAIN_PROGRESS, '-f', request.dockerfile];
  if (request.target !== null && request.target !== '') args.push('--target', request.target);
  for (const [name, value] of Object.entries(request.buildArgs)) args.push('--build-arg', `${name}=${value}`);
  args.push('.');
  const environment: Record<string, string> = request.environment.DOCKER_BUILDKIT === undefined ? { DOCKER_BUILDKIT: '1' } : {};
  return { program, args, environment, display: joinCommandLine([program, ...args]) };
}
