import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findDiagramBlocks } from '../core/docs/findDiagramBlocks';
import { updateDiagramBlocks, type DiagramBlockUpdate } from '../core/docs/updateDiagramBlocks';
import { applyTextEdits } from '../core/refactor/applyTextEdits';
import type { CliCommand } from './cliCommand';
import { CliError } from './cliError';
import type { CliIo } from './cliIo';
import { readDockerfile } from './readDockerfile';

const UTF8_BOM = '\ufeff';

/** One Markdown file with what each of its diagram blocks needs. */
interface MarkdownPlan {
  file: string;
  text: string;
  updates: DiagramBlockUpdate[];
}

/**
 * `stageflow docs FILE.md... [--check]`: keeps the Mermaid diagram between `<!-- stageflow: path/to/Dockerfile -->`
 * and `<!-- /stageflow -->` current, every other byte of the file untouched. Everything is read and checked before
 * anything is written: a malformed marker or a missing Dockerfile stops the command (exit 2) with no file changed.
 * With `--check` nothing is written; each stale block is named (`file:line`) and the status is 1. A Dockerfile that
 * BuildKit would reject is still drawn, named, and makes the status 1.
 */
export const docsCommand: CliCommand = {
  name: 'docs',
  usage: 'docs FILE.md... [--check]',
  summary: 'Rewrite the Mermaid diagram in each <!-- stageflow: Dockerfile --> block of Markdown files.',
  options: [{ name: '--check', description: 'Change nothing; exit 1 naming each block whose diagram is stale.' }],
  async run(args, io) {
    if (args.positionals.length === 0) throw new CliError(`'docs' needs at least one Markdown file`);
    if (args.positionals.includes('-')) throw new CliError(`'docs' rewrites files in place and cannot read stdin`);
    const plans: MarkdownPlan[] = [];
    for (const file of args.positionals) plans.push(await planMarkdown(file, io));

    let status = 0;
    for (const { file, updates } of plans) {
      for (const { block, buildError } of updates) {
        if (buildError === null) continue;
        io.out(`${file}:${block.line}: ${dockerfilePath(file, block.dockerfile)} does not build: ${oneLine(buildError)}\n`);
        status = 1;
      }
    }
    const check = args.has('--check');
    for (const { file, text, updates } of plans) {
      const stale = updates.filter((update) => update.status === 'stale');
      if (stale.length === 0) continue;
      if (check) {
        for (const { block } of stale) io.out(`${file}:${block.line}: the diagram of ${block.dockerfile} is stale (run 'stageflow docs ${file}')\n`);
        status = 1;
        continue;
      }
      const updated = applyTextEdits(text, stale.map((update) => update.edit).filter((edit) => edit !== null));
      const original = await fs.readFile(file, 'utf8');
      await fs.writeFile(file, (original.startsWith(UTF8_BOM) ? UTF8_BOM : '') + updated);
      io.out(`${file}: updated ${stale.length === 1 ? '1 diagram' : `${stale.length} diagrams`}\n`);
    }
    return status;
  },
};

/** Reads a Markdown file and the Dockerfiles its blocks name; `CliError` (file:line) for a bad marker or file. */
async function planMarkdown(file: string, io: CliIo): Promise<MarkdownPlan> {
  const { text } = await readDockerfile(file, io, 'Markdown file');
  const scan = findDiagramBlocks(text);
  if (scan.problems.length > 0) {
    const [first] = scan.problems;
    throw new CliError(`${file}:${first.line}: ${first.message}`);
  }
  const dockerfiles = new Map<string, string>();
  for (const block of scan.blocks) {
    if (dockerfiles.has(block.dockerfile)) continue;
    try {
      const input = await readDockerfile(dockerfilePath(file, block.dockerfile), io);
      dockerfiles.set(block.dockerfile, input.text);
    } catch (error) {
      if (error instanceof CliError) throw new CliError(`${file}:${block.line}: ${error.message}`);
      throw error;
    }
  }
  return { file, text, updates: updateDiagramBlocks(scan.blocks, (dockerfile) => dockerfiles.get(dockerfile)) };
}

/** Where a marker's Dockerfile is: its path is relative to the Markdown file that names it. */
function dockerfilePath(markdownFile: string, dockerfile: string): string {
  return path.isAbsolute(dockerfile) ? dockerfile : path.join(path.dirname(markdownFile), dockerfile);
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
