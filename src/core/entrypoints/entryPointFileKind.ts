import { baseName } from './posixPath';

/** What kind of entry-point file a name is, and its place in the tool's default file order. */
export interface EntryPointFileKind {
  tool: 'compose' | 'bake';
  /** `bake` only: HCL or JSON syntax. */
  syntax: 'yaml' | 'hcl' | 'json';
  /**
   * `base`: a file the tool reads by default (`compose.yaml`, `docker-bake.hcl`, ...); `override`: its
   * `*.override.*` companion, merged over it by default; `variant`: any other `compose.NAME.yaml` or
   * `docker-bake.NAME.hcl`, read with `-f` on top of the base files.
   */
  role: 'base' | 'override' | 'variant';
}

/** Folders never searched for Compose and Bake files: dependencies and version control, not the project's own. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** Whether a path lies inside a folder that is never searched (`SKIPPED_FOLDERS`). */
export function inSkippedFolder(path: string): boolean {
  return path.split('/').slice(0, -1).some((segment) => SKIPPED_FOLDERS.has(segment));
}

const COMPOSE_NAME = /^(docker-)?compose(\.([^/]+))?\.ya?ml$/;
const BAKE_NAME = /^docker-bake(\.([^/]+))?\.(hcl|json)$/;

/**
 * The kind of entry-point file a path names, or null: Compose files `compose.yaml`, `compose.yml`,
 * `docker-compose.yml`, `docker-compose.yaml` and their `.override` and other `compose.NAME.yaml` variants; Bake
 * files `docker-bake.hcl`, `docker-bake.json` and their `.override` and other variants.
 */
export function entryPointFileKind(path: string): EntryPointFileKind | null {
  const name = baseName(path);
  const compose = COMPOSE_NAME.exec(name);
  if (compose) return { tool: 'compose', syntax: 'yaml', role: roleOf(compose[3]) };
  const bake = BAKE_NAME.exec(name);
  if (bake) return { tool: 'bake', syntax: bake[3] === 'json' ? 'json' : 'hcl', role: roleOf(bake[2]) };
  return null;
}

function roleOf(infix: string | undefined): EntryPointFileKind['role'] {
  if (infix === undefined) return 'base';
  return infix === 'override' ? 'override' : 'variant';
}

/**
 * The order the tools read default files in (Compose: `compose.yaml` first; Bake: JSON before HCL, overrides
 * last); later files override earlier ones. Variants follow, by name.
 */
export function entryPointFileOrder(path: string): number {
  const name = baseName(path);
  const defaults = [
    'compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml',
    'compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yml', 'docker-compose.override.yaml',
    'docker-bake.json', 'docker-bake.hcl', 'docker-bake.override.json', 'docker-bake.override.hcl',
  ];
  const index = defaults.indexOf(name);
  return index >= 0 ? index : defaults.length;
}
