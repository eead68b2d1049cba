import { buildStageGraph } from '../core/graph/buildStageGraph';
import type { Diagnostic, StageGraph } from '../core/model';
import type { CliCommand } from './cliCommand';
import { CliError } from './cliError';
import { formatDiagnostic } from './formatDiagnostic';
import { readDockerfile } from './readDockerfile';
import { RESOLVE_OPTIONS, toResolveOptions } from './resolveOptions';
import { SEVERITY_OPTION, severityFilter } from './severityOption';

/**
 * `stageflow check FILE...`: prints the diagnostics of every file at or above `--severity` (hints are left out
 * by default; a line on stderr counts them), `file:line:col: severity code: message`. Exits 1 when any file has
 * an error (BuildKit would reject it), whatever is printed, 2 when a file cannot be read (after checking the
 * others), else 0.
 */
export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check FILE... [--severity LEVEL] [--target NAME] [--build-arg K=V]... [--platform P]',
  summary: 'Print diagnostics as file:line:col: severity code: message; exit 1 on any error.',
  options: [SEVERITY_OPTION, ...RESOLVE_OPTIONS],
  async run(args, io) {
    if (args.positionals.length === 0) throw new CliError(`'check' needs at least one Dockerfile (- reads stdin)`);
    const shown = severityFilter(args.value(SEVERITY_OPTION.name));
    const options = toResolveOptions(args, io.env);
    let status = 0;
    let hidden = 0;
    for (const path of args.positionals) {
      let input;
      try {
        input = await readDockerfile(path, io);
      } catch (error) {
        if (!(error instanceof CliError) || args.positionals.length === 1) throw error;
        io.err(`stageflow: ${error.message}`);
        status = 2;
        continue;
      }
      const graph = buildStageGraph(input.text, options);
      const diagnostics = withBuildError(graph);
      const printed = diagnostics.filter(shown);
      hidden += diagnostics.length - printed.length;
      if (printed.length > 0) io.out(`${printed.map((d) => formatDiagnostic(input.displayName, d)).join('\n')}\n`);
      if (status === 0 && diagnostics.some((d) => d.severity === 'error')) status = 1;
    }
    if (hidden > 0) io.err(`stageflow: ${hidden} less severe ${hidden === 1 ? 'diagnostic' : 'diagnostics'} not shown (--severity hint shows all)`);
    return status;
  },
};

/** The graph's diagnostics in file order, plus BuildKit's error when no error diagnostic already reports it. */
function withBuildError(graph: StageGraph): Diagnostic[] {
  const diagnostics = [...graph.diagnostics];
  if (!graph.ok && !diagnostics.some((d) => d.severity === 'error')) {
    const start = { line: 0, character: 0 };
    diagnostics.push({
      severity: 'error',
      code: 'stageflow.buildError',
      message: graph.error ?? 'BuildKit would reject this Dockerfile',
      range: graph.errorRange ?? { start, end: start },
    });
  }
  return diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
