import type { Diagnostic, Severity } from '../core/model';
import type { CliOption } from './cliCommand';
import { CliError } from './cliError';

/** Severities from the most to the least severe, by the names `--severity` takes (`info` is `information`). */
const LEVELS: ReadonlyArray<[name: string, severity: Severity]> = [
  ['error', 'error'],
  ['warning', 'warning'],
  ['info', 'information'],
  ['hint', 'hint'],
];

/**
 * The default shows errors, warnings and information and leaves hints out: hints are the editor's quiet
 * suggestions (a stage the target does not build, a stage referred to by number), drawn faded or dotted there;
 * printed one a line in a terminal they bury the warnings (moby/buildkit's Dockerfile gets 30 "not built" hints).
 */
const DEFAULT_LEVEL = 'info';

/** `--severity`, for the commands that print diagnostics. */
export const SEVERITY_OPTION: CliOption = {
  name: '--severity',
  value: 'LEVEL',
  description: `Print diagnostics at least this severe: ${LEVELS.map(([name]) => (name === DEFAULT_LEVEL ? `${name} (default, leaves hints out)` : name)).join(', ')}.`,
};

/**
 * Whether a diagnostic is severe enough to print under `--severity` (the default when not given); throws
 * `CliError` for a value that is not a level.
 */
export function severityFilter(value: string | undefined): (diagnostic: Diagnostic) => boolean {
  const name = value ?? DEFAULT_LEVEL;
  const threshold = LEVELS.findIndex(([level]) => level === name);
  if (threshold < 0) throw new CliError(`option '--severity' needs one of ${LEVELS.map(([level]) => level).join(', ')}, got '${name}'`);
  return (diagnostic) => LEVELS.findIndex(([, severity]) => severity === diagnostic.severity) <= threshold;
}
