import type { Stage, StageGraph } from '../model';
import { relatedStages } from './relatedStages';

/** Stages that are variants of one thing: a platform or flavour family such as `binaries-linux`, `binaries-darwin`. */
export interface StageFamily {
  /** `family:<stem>` (`#2`, `#3`… appended when two families share a stem): stable while the names keep their stem. */
  id: string;
  /** What the members' names share, e.g. `binaries`. */
  stem: string;
  /** Stage indexes, in file order. */
  members: number[];
  /** What tells each member apart, in the same order: `linux`, `darwin`… */
  variants: string[];
}

/** Values BuildKit gives the platform ARGs, so a `FROM name-$TARGETOS` picks among real variants only. */
const PLATFORM_VALUES: Record<string, string> = {
  targetos: 'aix|android|darwin|dragonfly|freebsd|illumos|ios|js|linux|netbsd|openbsd|plan9|solaris|wasip1|windows',
  buildos: 'aix|android|darwin|dragonfly|freebsd|illumos|ios|js|linux|netbsd|openbsd|plan9|solaris|wasip1|windows',
  targetarch: '386|amd64|arm|arm64|loong64|mips|mips64|mips64le|mipsle|ppc64|ppc64le|riscv64|s390x|wasm',
  buildarch: '386|amd64|arm|arm64|loong64|mips|mips64|mips64le|mipsle|ppc64|ppc64le|riscv64|s390x|wasm',
  targetvariant: 'v5|v6|v7|v8',
  buildvariant: 'v5|v6|v7|v8',
};

/**
 * Name endings that read as a variant rather than a role (`-build`, `-test`): platforms, versions (any digit),
 * distributions and on/off flags. Stages grouped by name and base alone must all end in one.
 */
const VARIANT_WORDS = new Set([
  ...Object.values(PLATFORM_VALUES).flatMap((values) => values.split('|')),
  'alpine', 'ubuntu', 'debian', 'bookworm', 'bullseye', 'centos', 'fedora', 'rhel', 'ubi', 'distroless', 'slim', 'musl', 'glibc', 'gnu', 'static',
  'true', 'false', 'on', 'off', 'enabled', 'disabled', 'supported', 'unsupported', 'unix', 'macos', 'mac', 'win',
]);
const isVariantWord = (word: string): boolean => VARIANT_WORDS.has(word) || /\d/.test(word);

/** Any other ARG's value inside a stage name: one word (a hyphen would run into the name's next part). */
const ANY_VALUE = '[a-z0-9_.]+';

/**
 * The families of stages in a graph, each of two or more stages that are alternatives to one another (none needs
 * another, directly or through other stages), found two ways and merged where they share stages:
 * - stages whose names share a stem before a last `-part` that names a variant (a platform, a version, a
 *   distribution, an on/off flag; not a role like `-build` or `-test`) and that build on the same base (the same
 *   stage, or the same image whatever its tag): `alpine-amd64`, `alpine-arm64` on `alpine`;
 * - the stages a `FROM name-$TARGETOS` (any ARG) can pick: `binaries-linux`, `binaries-darwin`… for
 *   `FROM binaries-$TARGETOS`. The stage it picks with the options in force goes first, so a helper stage that
 *   merely matches the pattern (`delve-src` for `delve-${DELVE_SUPPORTED}`) is the one left out.
 * Deterministic; families come in the order of their first member.
 */
export function findStageFamilies(graph: StageGraph): StageFamily[] {
  const groups: Array<{ members: number[]; preferred: number | null }> = [];
  const byStemAndBase = new Map<string, number[]>();
  for (const stage of graph.stages) {
    const stem = stage.name === null ? null : stemOf(stage.name);
    if (stem === null) continue;
    const key = `${stem}\u0000${baseKey(stage)}`;
    byStemAndBase.set(key, [...(byStemAndBase.get(key) ?? []), stage.index]);
  }
  for (const members of byStemAndBase.values()) {
    const variants = members.map((index) => graph.stages[index].name!.slice(stemOf(graph.stages[index].name!)!.length + 1));
    if (members.length > 1 && variants.every(isVariantWord)) groups.push({ members, preferred: null });
  }
  for (const stage of graph.stages) {
    const pattern = stage.baseStage === null ? null : dispatchPattern(stage.rawBaseName);
    if (!pattern) continue;
    const members = graph.stages.filter((other) => other.index !== stage.index && other.name !== null && pattern.test(other.name)).map((other) => other.index);
    if (members.length > 1) groups.push({ members, preferred: stage.baseStage });
  }
  return nameFamilies(graph, mergeGroups(graph, groups));
}

/** The part of a stage name before its last `-` or `_` part, or null when there is none. */
function stemOf(name: string): string | null {
  const cut = Math.max(name.lastIndexOf('-'), name.lastIndexOf('_'));
  return cut > 0 ? name.slice(0, cut) : null;
}

/** What a stage builds on, with an image's tag and digest left off (`alpine:3.20` and `alpine:3.19` are one base). */
function baseKey(stage: Stage): string {
  if (stage.baseStage !== null) return `stage:${stage.baseStage}`;
  const image = (stage.baseImage ?? stage.baseName).toLowerCase().replace(/@.*$/, '');
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return `image:${colon > slash ? image.slice(0, colon) : image}`;
}

/**
 * A pattern for the stage names a FROM with ARGs can pick (`binaries-$TARGETOS`, `buildkit-$TARGETOS${DEBUG:+-debug}`),
 * or null when the FROM has no ARG or no fixed start of at least two characters to anchor it.
 */
function dispatchPattern(raw: string): RegExp | null {
  const text = raw.toLowerCase();
  const first = text.indexOf('$');
  if (first < 2) return null;
  let source = '';
  let at = 0;
  const variable = /\$(?:\{([a-z_][a-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([a-z_][a-z0-9_]*))/g;
  for (let match = variable.exec(text); match; match = variable.exec(text)) {
    source += escape(text.slice(at, match.index));
    const name = match[1] ?? match[4];
    const value = PLATFORM_VALUES[name] ? `(?:${PLATFORM_VALUES[name]})` : ANY_VALUE;
    const [operator, word] = [match[2], match[3] ?? ''];
    if (operator?.endsWith('+')) source += `(?:${escape(word)})?`;
    else if (operator?.endsWith('-')) source += `(?:${value}|${escape(word)})`;
    else source += value;
    at = match.index + match[0].length;
  }
  source += escape(text.slice(at));
  return new RegExp(`^${source}$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Groups that share a stage merged into one; then, per group, the members kept: the stage a FROM picks first,
 * then the others in file order, each only if it neither needs nor is needed by one kept before it.
 */
function mergeGroups(graph: StageGraph, groups: ReadonlyArray<{ members: number[]; preferred: number | null }>): number[][] {
  const parent = groups.map((_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index])));
  const owner = new Map<number, number>();
  groups.forEach((group, index) => {
    for (const member of group.members) {
      const known = owner.get(member);
      if (known === undefined) owner.set(member, index);
      else parent[find(index)] = find(known);
    }
  });
  const merged = new Map<number, { members: Set<number>; preferred: number[] }>();
  groups.forEach((group, index) => {
    const root = find(index);
    const entry = merged.get(root) ?? { members: new Set<number>(), preferred: [] };
    for (const member of group.members) entry.members.add(member);
    if (group.preferred !== null && group.members.includes(group.preferred)) entry.preferred.push(group.preferred);
    merged.set(root, entry);
  });
  const related = new Map<number, Set<number>>();
  const relatedTo = (index: number): Set<number> => {
    let set = related.get(index);
    if (!set) related.set(index, (set = relatedStages(graph, index)));
    return set;
  };
  const families: number[][] = [];
  for (const { members, preferred } of merged.values()) {
    const candidates = [...new Set([...preferred, ...[...members].sort((a, b) => a - b)])];
    const kept: number[] = [];
    for (const candidate of candidates) if (kept.every((other) => !relatedTo(other).has(candidate))) kept.push(candidate);
    if (kept.length > 1) families.push(kept.sort((a, b) => a - b));
  }
  return families.sort((a, b) => a[0] - b[0]);
}

/** Each family with its stem (the longest start its members' names share, up to a `-` or `_`) and id. */
function nameFamilies(graph: StageGraph, families: readonly number[][]): StageFamily[] {
  const named: StageFamily[] = [];
  const used = new Map<string, number>();
  for (const members of families) {
    const names = members.map((index) => graph.stages[index].name ?? '');
    const stem = sharedStem(names);
    if (stem === '') continue;
    const count = (used.get(stem) ?? 0) + 1;
    used.set(stem, count);
    named.push({ id: count === 1 ? `family:${stem}` : `family:${stem}#${count}`, stem, members, variants: names.map((name) => name.slice(stem.length + 1)) });
  }
  return named;
}

/** The longest start all `names` share that ends just before a `-` or `_` in each of them. */
function sharedStem(names: readonly string[]): string {
  let length = Math.min(...names.map((name) => name.length));
  for (const name of names) while (length > 0 && name.slice(0, length) !== names[0].slice(0, length)) length--;
  while (length > 0 && !names.every((name) => name[length] === '-' || name[length] === '_')) length--;
  return names[0].slice(0, length);
}
