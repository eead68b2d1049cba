/**
 * A failure the user can fix (bad arguments, an unreadable or non-text input): the CLI prints its message as one
 * line on stderr and exits with status 2, never with a stack trace.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
}
