import { readBuildLog } from '../core/buildlog/buildLogReader';
import { buildTimeline } from '../core/buildlog/buildTimeline';
import { buildStageGraph } from '../core/graph/buildStageGraph';
import type { CliCommand } from './cliCommand';
import { CliError } from './cliError';
import { readBuildLogInput, readDockerfile } from './readDockerfile';
import { RESOLVE_OPTIONS, toResolveOptions } from './resolveOptions';
import { TIMELINE_FORMATS } from './timelineFormats';

const FORMAT_NAMES = Object.keys(TIMELINE_FORMATS);

/**
 * `stageflow timeline LOG --dockerfile FILE`: lays a BuildKit `--progress=plain` log onto the stage graph of the
 * Dockerfile it built (resolved with the build's `--target` and `--build-arg`s) and prints per stage its status,
 * time and steps, the critical path and the failure. Exits 1 when the log is not a build of that Dockerfile or
 * when BuildKit would reject the Dockerfile (with one line on stderr; the timeline is still printed when the file
 * has a target); 2 when the log cannot be read or holds no BuildKit progress.
 */
export const timelineCommand: CliCommand = {
  name: 'timeline',
  usage: `timeline LOG --dockerfile FILE [--target T] [--build-arg K=V]... [--format ${FORMAT_NAMES.join('|')}]`,
  summary: 'Lay a build log (--progress=plain) onto its Dockerfile: stage times, cache, failure, critical path.',
  options: [
    { name: '--dockerfile', value: 'FILE', description: 'The Dockerfile the log is a build of (required; - reads stdin).' },
    ...RESOLVE_OPTIONS.filter((option) => option.name !== '--platform').map((option) =>
      option.name === '--target' ? { ...option, value: 'T', description: 'The --target of the build (default: the last stage).' } : option,
    ),
    { name: '--format', value: FORMAT_NAMES.join('|'), description: `Output format (default ${FORMAT_NAMES[0]}).` },
  ],
  async run(args, io) {
    if (args.positionals.length !== 1) {
      throw new CliError(`'timeline' takes one build log, got ${args.positionals.length} (- reads stdin)`);
    }
    const dockerfilePath = args.value('--dockerfile');
    if (dockerfilePath === undefined || dockerfilePath === '') {
      throw new CliError(`'timeline' needs --dockerfile FILE, the Dockerfile the log is a build of`);
    }
    const logPath = args.positionals[0];
    if (logPath === '-' && dockerfilePath === '-') throw new CliError(`only one of the log and the Dockerfile can be read from stdin`);
    const format = args.value('--format') ?? FORMAT_NAMES[0];
    const render = Object.hasOwn(TIMELINE_FORMATS, format) ? TIMELINE_FORMATS[format] : undefined;
    if (!render) throw new CliError(`unknown format '${format}' (expected ${FORMAT_NAMES.join(', ')})`);
    const options = toResolveOptions(args, io.env);

    const logInput = await readBuildLogInput(logPath, io);
    const log = readBuildLog(logInput.text);
    if (log.vertices.length === 0) {
      throw new CliError(`'${logInput.displayName}' holds no BuildKit progress (the '#1 ...' lines of docker build --progress=plain)`);
    }
    const dockerfile = await readDockerfile(dockerfilePath, io);
    const graph = buildStageGraph(dockerfile.text, options);
    const problem = `stageflow: '${dockerfile.displayName}': ${graph.error ?? 'BuildKit would reject this Dockerfile'}`;
    if (graph.target === null) {
      // No target (an unknown --target, no stage at all): nothing to lay the build onto.
      io.err(problem);
      return 1;
    }
    const timeline = buildTimeline(log, graph);
    if (timeline.kind === 'mismatch') {
      io.err(`stageflow: '${logInput.displayName}' is not a build of '${dockerfile.displayName}': ${timeline.message}`);
      return 1;
    }
    io.out(render(timeline));
    if (graph.ok) return 0;
    io.err(problem);
    return 1;
  },
};
