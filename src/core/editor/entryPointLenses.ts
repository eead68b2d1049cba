import type { EntryPoint, EntryPointScan, SourceLocation } from '../entrypoints/entryPointModel';
import { entryPointsBuildingStage } from '../entrypoints/entryPointQueries';
import { parentDirectory, relativePath } from '../entrypoints/posixPath';
import { shortenMiddle } from '../layout/shortenText';
import type { Range, StageGraph } from '../model';

/**
 * The longest entry-point lens title (`compose+bake ×12` fits): it shares the FROM line with Build, "Show in graph"
 * and the stage lenses, which keep to what it leaves of `LENS_LINE_BUDGET`.
 */
const MAX_TITLE = 16;

/** One Compose service or Bake target a lens leads to. */
export interface EntryPointChoice {
  /** `compose: api`, `bake: app-debug`: the tool and the name, as the graph names the entry point. */
  label: string;
  /** Where it is written, relative to the Dockerfile's folder (`compose.yaml:12`), and what it builds with. */
  detail: string;
  /** The service key or target label. */
  location: SourceLocation;
}

/** A lens above a FROM naming the Compose services and Bake targets that build the stage; clicking opens one. */
export interface EntryPointLens {
  range: Range;
  /** The index of the stage whose FROM it is above. */
  stage: number;
  title: string;
  tooltip: string;
  entries: EntryPointChoice[];
}

/**
 * The lenses of a Dockerfile at `dockerfilePath`: above the FROM of each stage that Compose services or Bake
 * targets build (by their target, or as the last stage), one lens: `compose: api` for one, `compose ×2`, `bake ×3` or
 * `compose+bake ×4` for several, within `MAX_TITLE`. The tooltip
 * lists them with their files; a Bake target reached only through a group is still listed by its own name.
 */
export function entryPointLenses(scan: EntryPointScan, dockerfilePath: string, graph: StageGraph): EntryPointLens[] {
  const lenses: EntryPointLens[] = [];
  const folder = parentDirectory(dockerfilePath);
  for (const stage of graph.stages) {
    const building = entryPointsBuildingStage(scan, dockerfilePath, graph, stage.index);
    if (building.length === 0) continue;
    const entries = building.map((entry) => entryPointChoice(entry, folder));
    lenses.push({
      range: stage.ranges.from,
      stage: stage.index,
      title: building.length === 1 ? oneTitle(building[0]) : countTitle(building),
      tooltip: `Built by ${entries.map((entry) => `${entry.label} (${entry.detail})`).join(', ')}: ${entries.length === 1 ? 'open it' : 'pick one to open'}`,
      entries,
    });
  }
  return lenses;
}

/** How the lens, its quick pick and the graph view name an entry point, with paths seen from `folder`. */
export function entryPointChoice(entry: EntryPoint, folder: string): EntryPointChoice {
  const where = `${relativePath(folder, entry.source.path)}:${entry.source.range.start.line + 1}`;
  const target = entry.target === null ? 'no target: the last stage' : `target ${entry.target.value ?? '(a variable)'}`;
  const args = entry.args.length === 0 ? '' : `, args ${entry.args.map((arg) => arg.name).join(' ')}`;
  return { label: `${entry.kind}: ${entry.name}`, detail: `${where}, ${target}${args}`, location: entry.source };
}

/** `compose: api`, the name cut in the middle when long (the tool stays readable). */
function oneTitle(entry: EntryPoint): string {
  const prefix = `${entry.kind}: `;
  return prefix + shortenMiddle(entry.name, MAX_TITLE - prefix.length);
}

/** `compose ×2`, `bake ×5`, `compose+bake ×6`: the tools and how many; the tooltip names them. */
function countTitle(entries: EntryPoint[]): string {
  const kinds = new Set(entries.map((entry) => entry.kind));
  const tools = kinds.size > 1 ? 'compose+bake' : kinds.has('compose') ? 'compose' : 'bake';
  return `${tools} ×${entries.length}`;
}
