import type { CliCommand, CliOption } from './cliCommand';

/** `--help` (and `-h`), which every command accepts. */
export const HELP_OPTION: CliOption = { name: '--help', short: 'h', description: 'Show this help.' };

/** `stageflow --help`: what the tool does, every command's synopsis and summary, and the exit statuses. */
export function globalHelp(commands: readonly CliCommand[], version: string): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    `stageflow ${version}: the stage graph of a multi-stage Dockerfile, resolved as BuildKit resolves it.`,
    '',
    'Usage:',
    ...commands.map((command) => `  stageflow ${command.usage}`),
    '  stageflow COMMAND --help',
    '  stageflow --help | --version',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    EXIT_STATUSES,
    '',
  ].join('\n');
}

/** `stageflow COMMAND --help`: its synopsis, summary and options. */
export function commandHelp(command: CliCommand): string {
  const options = [...command.options, HELP_OPTION].map((option) => ({
    left: option.value === undefined ? option.name : `${option.name} ${option.value}`,
    description: option.description,
  }));
  const width = Math.max(...options.map((option) => option.left.length));
  return [
    `Usage: stageflow ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...options.map((option) => `  ${option.left.padEnd(width)}  ${option.description}`),
    '',
    EXIT_STATUSES,
    '',
  ].join('\n');
}

const EXIT_STATUSES =
  'Exit status: 0 success; 1 the Dockerfile (or a Compose or Bake file) has errors (BuildKit would reject it), a ' +
  "refactoring was refused, a build log is of another Dockerfile or 'docs --check' found a stale diagram; " +
  '2 the command could not run (bad arguments, unreadable input).';
