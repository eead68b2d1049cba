import type { ComposeBuildSettings, ComposeFileReading } from './readComposeFile';
import { readComposeFile } from './readComposeFile';
import type { EntryPoint, EntryPointScan, FileDiagnostic, SourceFile } from './entryPointModel';
import { entryPointFileKind, entryPointFileOrder } from './entryPointFileKind';
import { mergeBuildSettings, toEntryPoint } from './buildSettings';
import { parentDirectory } from './posixPath';
import { readBakeFile } from './readBakeFile';
import { resolveBakeProject, type BakeOptions } from './resolveBakeProject';

/** Options for reading entry points. */
export interface EntryPointOptions {
  /** Values for Bake `variable`s, overriding their defaults (as the environment does for `docker buildx bake`). */
  bakeVariables?: Readonly<Record<string, string>>;
}

/**
 * Every entry point the given files define. Files whose names are not Compose or Bake files are ignored, so the
 * caller may pass any files it has. Files are grouped by folder, as the tools read them:
 * - Compose: the first default file of the folder (`compose.yaml`, `compose.yml`, `docker-compose.yml`,
 *   `docker-compose.yaml`) with its override (`compose.override.yaml`, ...) merged over it; each other
 *   `compose.NAME.yaml` is read on top of that base (`docker compose -f compose.yaml -f compose.NAME.yaml`) and
 *   reports the services it mentions; a second default file stands alone.
 * - Bake: the default files (`docker-bake.json`, `docker-bake.hcl`, then their overrides) are one project; each other
 *   `docker-bake.NAME.hcl` is read on top of them and reports the targets it has blocks for.
 * Pure and synchronous: no file system, no Node built-ins. Never throws; malformed files become diagnostics.
 */
export function readEntryPoints(files: readonly SourceFile[], options: EntryPointOptions = {}): EntryPointScan {
  const scan: EntryPointScan = { entries: [], groups: [], diagnostics: [] };
  const folders = new Map<string, SourceFile[]>();
  for (const file of files) {
    if (!entryPointFileKind(file.path)) continue;
    const folder = parentDirectory(file.path);
    folders.set(folder, [...(folders.get(folder) ?? []), file]);
  }
  for (const [folder, folderFiles] of [...folders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ordered = [...folderFiles].sort((a, b) => entryPointFileOrder(a.path) - entryPointFileOrder(b.path) || (a.path < b.path ? -1 : 1));
    readComposeFolder(ordered.filter((file) => entryPointFileKind(file.path)!.tool === 'compose'), folder, scan);
    readBakeFolder(ordered.filter((file) => entryPointFileKind(file.path)!.tool === 'bake'), folder, scan, options.bakeVariables ?? {});
  }
  return scan;
}

function readComposeFolder(files: SourceFile[], folder: string, scan: EntryPointScan): void {
  const readings = files.map(readComposeFile);
  for (const reading of readings) scan.diagnostics.push(...reading.diagnostics);
  const roleOf = (reading: ComposeFileReading) => entryPointFileKind(reading.path)!.role;
  const bases = readings.filter((reading) => roleOf(reading) === 'base');
  const base = bases[0];
  const override = readings.find((reading) => roleOf(reading) === 'override');
  const project = [base, override].filter((reading): reading is ComposeFileReading => reading !== undefined);
  scan.entries.push(...composeEntries(project, folder));
  for (const variant of readings.filter((reading) => roleOf(reading) === 'variant')) {
    scan.entries.push(...composeEntries(base ? [base, variant] : [variant], folder, variant.path));
  }
  for (const alone of bases.slice(1)) scan.entries.push(...composeEntries([alone], folder));
}

/** The services of Compose files read together (later files override), optionally only those `onlyFrom` mentions. */
function composeEntries(readings: ComposeFileReading[], folder: string, onlyFrom?: string): EntryPoint[] {
  const services = new Map<string, ComposeBuildSettings>();
  const mentioned = new Set<string>();
  for (const reading of readings) {
    for (const service of reading.services) {
      const existing = services.get(service.service);
      services.set(service.service, existing ? { ...mergeBuildSettings(existing, service), service: service.service, serviceLocation: existing.serviceLocation } : service);
      if (onlyFrom === undefined || reading.path === onlyFrom) mentioned.add(service.service);
    }
  }
  return [...services.values()]
    .filter((service) => mentioned.has(service.service))
    .map((service) => toEntryPoint('compose', service.service, service.serviceLocation, service, folder));
}

function readBakeFolder(files: SourceFile[], folder: string, scan: EntryPointScan, variables: Readonly<Record<string, string>>): void {
  if (files.length === 0) return;
  const readings = files.map(readBakeFile);
  const diagnostics: FileDiagnostic[] = readings.flatMap((reading) => reading.diagnostics);
  const defaults = readings.filter((reading) => entryPointFileKind(reading.path)!.role !== 'variant');
  const options: BakeOptions = { variables };
  const project = resolveBakeProject(defaults, folder, options);
  scan.entries.push(...project.entries);
  scan.groups.push(...project.groups);
  diagnostics.push(...project.diagnostics);
  for (const variant of readings.filter((reading) => entryPointFileKind(reading.path)!.role === 'variant')) {
    const layered = resolveBakeProject([...defaults, variant], folder, { ...options, onlyFrom: variant.path });
    scan.entries.push(...layered.entries);
    diagnostics.push(...layered.diagnostics.filter((item) => item.path === variant.path));
  }
  scan.diagnostics.push(...diagnostics);
}
