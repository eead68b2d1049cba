import { DocumentText } from '../../../src/core/parse/documentText';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { EntryPoint, EntryPointScan, SourceFile } from '../../../src/core/entrypoints/entryPointModel';
import { readEntryPoints } from '../../../src/core/entrypoints/readEntryPoints';
import type { Range } from '../../../src/core/model';

/** The range of the `occurrence`-th (0-based) appearance of `needle` in `text`; throws when absent. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${occurrence + 1} times`);
  }
  return new DocumentText(text).rangeAt(at, at + needle.length);
}

/** Joins lines with `\n` and ends with one. */
export function lines(...all: string[]): string {
  return `${all.join('\n')}\n`;
}

/** Every file below `root/folder`, as the entry-point reader takes them: paths relative to `root` (`folder/…`). */
export function filesUnder(root: string, folder: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(root, relative))) {
      const child = `${relative}/${name}`;
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else files.push({ path: child, text: readFileSync(path.join(root, child), 'utf8') });
    }
  };
  walk(folder);
  return files;
}

/** The entry points of inline files, by path. */
export function scanOf(files: Record<string, string>): EntryPointScan {
  return readEntryPoints(Object.entries(files).map(([path, text]) => ({ path, text })));
}

/** The essentials of an entry point: what `docker compose build` / `docker buildx bake` would build. */
export function summary(entry: EntryPoint) {
  return {
    name: `${entry.kind}:${entry.name}`,
    source: entry.source.path,
    context: entry.context,
    dockerfile: entry.dockerfile,
    target: entry.target?.value ?? null,
    args: Object.fromEntries(entry.args.map((arg) => [arg.name, arg.value?.value ?? null])),
  };
}
