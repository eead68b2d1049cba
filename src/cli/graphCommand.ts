import { buildStageGraph } from '../core/graph/buildStageGraph';
import type { CliCommand } from './cliCommand';
import { CliError } from './cliError';
import { GRAPH_FORMATS } from './graphFormats';
import { readDockerfile } from './readDockerfile';
import { RESOLVE_OPTIONS, toResolveOptions } from './resolveOptions';

const FORMAT_NAMES = Object.keys(GRAPH_FORMATS);

/**
 * `stageflow graph [FILE|-]`: prints the resolved stage graph as JSON (the model), DOT or Mermaid. Exits 1 when
 * BuildKit would reject the file for the chosen target (the graph is still printed, its `error` says why).
 */
export const graphCommand: CliCommand = {
  name: 'graph',
  usage: `graph [FILE|-] [--format ${FORMAT_NAMES.join('|')}] [--target NAME] [--build-arg K=V]... [--platform P]`,
  summary: 'Print the stage graph of a Dockerfile (default ./Dockerfile; - reads stdin).',
  options: [
    { name: '--format', value: FORMAT_NAMES.join('|'), description: `Output format (default ${FORMAT_NAMES[0]}).` },
    ...RESOLVE_OPTIONS,
  ],
  async run(args, io) {
    if (args.positionals.length > 1) {
      throw new CliError(`'graph' takes one Dockerfile, got ${args.positionals.length} (use 'check' for several)`);
    }
    const format = args.value('--format') ?? FORMAT_NAMES[0];
    const render = Object.hasOwn(GRAPH_FORMATS, format) ? GRAPH_FORMATS[format] : undefined;
    if (!render) throw new CliError(`unknown format '${format}' (expected ${FORMAT_NAMES.join(', ')})`);
    const options = toResolveOptions(args, io.env);
    const input = await readDockerfile(args.positionals[0] ?? 'Dockerfile', io);
    const graph = buildStageGraph(input.text, options);
    io.out(render(graph));
    return graph.ok ? 0 : 1;
  },
};
