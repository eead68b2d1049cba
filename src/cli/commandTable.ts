import { checkCommand } from './checkCommand';
import type { CliCommand } from './cliCommand';
import { CODEMOD_COMMANDS } from './codemods';
import { diffCommand } from './diffCommand';
import { docsCommand } from './docsCommand';
import { graphCommand } from './graphCommand';
import { renameStageCommand } from './renameStageCommand';
import { targetsCommand } from './targetsCommand';
import { timelineCommand } from './timelineCommand';

/** Every `stageflow` subcommand, in the order `--help` lists them. See `CliCommand` for how to add one. */
export const COMMANDS: readonly CliCommand[] = [
  graphCommand,
  checkCommand,
  diffCommand,
  docsCommand,
  timelineCommand,
  ...CODEMOD_COMMANDS,
  targetsCommand,
  renameStageCommand,
];
