import { compareDockerfiles } from '../core/diff/compareDockerfiles';
import { graphDiffText } from '../core/diff/graphDiffText';
import { toGraphDiff } from '../core/diff/toGraphDiff';
import { toMermaidDiff } from '../core/diff/toMermaidDiff';
import type { GraphComparison } from '../core/diff/compareDockerfiles';
import type { CliCommand } from './cliCommand';
import { CliError } from './cliError';
import { readDockerfile, type DockerfileInput } from './readDockerfile';
import { readGitFile } from './readGitFile';
import { RESOLVE_OPTIONS, toResolveOptions } from './resolveOptions';

/** The output formats of `stageflow diff --format`, by name; the first is the default. */
const DIFF_FORMATS: Record<string, (comparison: GraphComparison) => string> = {
  text: (comparison) => graphDiffText(toGraphDiff(comparison)),
  json: (comparison) => `${JSON.stringify(toGraphDiff(comparison), null, 2)}\n`,
  mermaid: toMermaidDiff,
};
const FORMAT_NAMES = Object.keys(DIFF_FORMATS);

/**
 * `stageflow diff OLD NEW` or `stageflow diff --git REV [FILE]`: how the build graph changed between two versions of
 * a Dockerfile (stages added, removed, renamed and changed, edges added and removed, what the target now builds or
 * skips). Exits 1 when BuildKit would reject either version (the difference is still printed).
 */
export const diffCommand: CliCommand = {
  name: 'diff',
  usage: `diff OLD NEW | --git REV [FILE] [--format ${FORMAT_NAMES.join('|')}] [--target NAME] [--build-arg K=V]... [--platform P]`,
  summary: 'Print how the stage graph changed between two Dockerfiles, or since a git revision (FILE default ./Dockerfile).',
  options: [
    { name: '--git', value: 'REV', description: 'Compare FILE as it was at this git revision with FILE now.' },
    { name: '--format', value: FORMAT_NAMES.join('|'), description: `Output format (default ${FORMAT_NAMES[0]}).` },
    ...RESOLVE_OPTIONS,
  ],
  async run(args, io) {
    const format = args.value('--format') ?? FORMAT_NAMES[0];
    const render = Object.hasOwn(DIFF_FORMATS, format) ? DIFF_FORMATS[format] : undefined;
    if (!render) throw new CliError(`unknown format '${format}' (expected ${FORMAT_NAMES.join(', ')})`);
    const options = toResolveOptions(args, io.env);
    const revision = args.value('--git');
    let older: DockerfileInput;
    let newer: DockerfileInput;
    if (revision !== undefined) {
      if (args.positionals.length > 1) throw new CliError(`'diff --git' takes one Dockerfile, got ${args.positionals.length}`);
      const file = args.positionals[0] ?? 'Dockerfile';
      if (file === '-') throw new CliError(`'diff --git' needs a file in the repository, not stdin`);
      older = await readGitFile(revision, file);
      newer = await readDockerfile(file, io);
    } else {
      if (args.positionals.length !== 2) throw new CliError(`'diff' takes two Dockerfiles, OLD and NEW, got ${args.positionals.length} (or use --git REV)`);
      if (args.positionals.every((file) => file === '-')) throw new CliError(`only one of OLD and NEW can be stdin`);
      older = await readDockerfile(args.positionals[0], io);
      newer = await readDockerfile(args.positionals[1], io);
    }
    const comparison = compareDockerfiles(older.text, newer.text, options);
    io.out(render(comparison));
    return comparison.before.ok && comparison.after.ok ? 0 : 1;
  },
};
