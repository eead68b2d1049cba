import { promises as fs } from 'node:fs';
import { buildStageGraph } from '../core/graph/buildStageGraph';
import type { StageGraph } from '../core/model';
import { applyTextEdits } from '../core/refactor/applyTextEdits';
import { extractSharedBase } from '../core/refactor/extractSharedBase';
import { extractStage } from '../core/refactor/extractStage';
import { nameAllStages } from '../core/refactor/nameAllStages';
import type { RefactorOutcome } from '../core/refactor/refactorOutcome';
import type { CliCommand, CliOption } from './cliCommand';
import { CliError } from './cliError';
import type { CliIo } from './cliIo';
import type { ParsedArguments } from './parseArguments';
import { readDockerfile } from './readDockerfile';

/**
 * The refactoring codemods: each reads one Dockerfile, applies a refactoring of `src/core/refactor` and prints
 * the new Dockerfile to stdout, or with `--write` rewrites the file in place. A refusal (the refactoring would
 * change what `docker build` does, or does not apply) is one line on stderr and exit 1, and nothing is written.
 */

const WRITE_OPTION: CliOption = { name: '--write', description: 'Rewrite FILE in place (only when the refactoring applies).' };
const NAME_OPTION: CliOption = { name: '--name', value: 'NAME', description: 'The new stage name.' };
const UTF8_BOM = '\ufeff';

function onlyFile(args: ParsedArguments, command: string): string {
  if (args.positionals.length !== 1) throw new CliError(`'${command}' takes one Dockerfile, got ${args.positionals.length}`);
  const path = args.positionals[0];
  if (path === '-' && args.has('--write')) throw new CliError(`'--write' needs a file, not stdin`);
  return path;
}

function requiredValue(args: ParsedArguments, option: string, command: string): string {
  const value = args.value(option);
  if (value === undefined || value === '') throw new CliError(`'${command}' needs ${option}`);
  return value;
}

/**
 * Prints or writes the refactored text, with the refactoring's notes on stderr (one line each); a refusal is one
 * line on stderr and status 1. A refactoring with nothing to change prints the file unchanged (and leaves it
 * alone with --write): it succeeded, and its note says there was nothing to do.
 */
async function finish(path: string, displayName: string, text: string, outcome: RefactorOutcome, args: ParsedArguments, io: CliIo): Promise<number> {
  if ('refused' in outcome) {
    io.err(`stageflow: ${displayName}: ${outcome.refused.replace(/\s+/g, ' ')}`);
    return 1;
  }
  const result = applyTextEdits(text, outcome.edits);
  if (!args.has('--write')) io.out(result);
  else if (outcome.edits.length > 0) {
    // readDockerfile drops a byte order mark; put it back so only the edited spans change on disk.
    const original = await fs.readFile(path, 'utf8');
    await fs.writeFile(path, (original.startsWith(UTF8_BOM) ? UTF8_BOM : '') + result);
  }
  for (const note of outcome.notes) io.err(`stageflow: ${displayName}: ${note.replace(/\s+/g, ' ')}`);
  return 0;
}

/** The stage a `--stages` item names: an index, or a stage name (case-insensitive, as `--target` reads it). */
function stageIndexOf(graph: StageGraph, item: string): number {
  if (/^[0-9]+$/.test(item)) {
    const index = Number.parseInt(item, 10);
    if (index < graph.stages.length) return index;
    throw new CliError(`there is no stage ${index} (the file has ${graph.stages.length})`);
  }
  const matches = graph.stages.filter((stage) => stage.name === item.toLowerCase());
  if (matches.length === 1) return matches[0].index;
  if (matches.length === 0) throw new CliError(`no stage is named '${item}'`);
  throw new CliError(`several stages are named '${item}'; give their indexes`);
}

/** Plans a refactoring of the file's text and resolved graph (throws CliError when an option names nothing). */
type PlanRefactoring = (text: string, graph: StageGraph) => RefactorOutcome;

/**
 * A codemod subcommand: checks FILE and the options (`readOptions`, before the file is read), then refactors the
 * file with the plan the options give, and prints or writes the result.
 */
function codemodCommand(command: Omit<CliCommand, 'run'>, readOptions: (args: ParsedArguments) => PlanRefactoring): CliCommand {
  return {
    ...command,
    async run(args, io) {
      const path = onlyFile(args, command.name);
      const plan = readOptions(args);
      const input = await readDockerfile(path, io);
      return finish(path, input.displayName, input.text, plan(input.text, buildStageGraph(input.text)), args, io);
    },
  };
}

/** `stageflow name-stages FILE [--write]`: rewrites every numeric stage reference to a name, naming stages as needed. */
export const nameStagesCommand = codemodCommand(
  {
    name: 'name-stages',
    usage: 'name-stages FILE [--write]',
    summary: 'Rewrite every numeric stage reference (--from=0) to the stage name, naming unnamed stages first.',
    options: [WRITE_OPTION],
  },
  () => (text, graph) => nameAllStages(text, graph),
);

/** `stageflow extract-stage FILE --line N --name NAME [--write]`: splits a stage before the instruction at line N. */
export const extractStageCommand = codemodCommand(
  {
    name: 'extract-stage',
    usage: 'extract-stage FILE --line N --name NAME [--write]',
    summary: 'Move the instructions of a stage above line N into a new stage NAME that the stage then builds on.',
    options: [{ name: '--line', value: 'N', description: 'The 1-based line of the instruction to split before.' }, NAME_OPTION, WRITE_OPTION],
  },
  (args) => {
    const lineText = requiredValue(args, '--line', 'extract-stage');
    if (!/^[1-9][0-9]*$/.test(lineText)) throw new CliError(`option '--line' needs a line number from 1, got '${lineText}'`);
    const name = requiredValue(args, '--name', 'extract-stage');
    return (text, graph) => extractStage(text, graph, Number.parseInt(lineText, 10), name);
  },
);

/** `stageflow extract-base FILE --stages a,b --name NAME [--write]`: moves the shared leading part into a stage. */
export const extractBaseCommand = codemodCommand(
  {
    name: 'extract-base',
    usage: 'extract-base FILE --stages A,B[,...] --name NAME [--write]',
    summary: 'Move the base and leading instructions that stages share into a new stage NAME they build on.',
    options: [{ name: '--stages', value: 'A,B', description: 'The stages, by name or index, comma-separated.' }, NAME_OPTION, WRITE_OPTION],
  },
  (args) => {
    const items = requiredValue(args, '--stages', 'extract-base').split(',').map((item) => item.trim()).filter((item) => item !== '');
    const name = requiredValue(args, '--name', 'extract-base');
    return (text, graph) => extractSharedBase(text, graph, items.map((item) => stageIndexOf(graph, item)), name);
  },
);

/** The codemod subcommands, for the command table. */
export const CODEMOD_COMMANDS: readonly CliCommand[] = [nameStagesCommand, extractStageCommand, extractBaseCommand];
