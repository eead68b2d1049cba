import type { BakeGroup, BuildArg, EntryPoint, FileDiagnostic, LocatedValue, SourceLocation } from './entryPointModel';
import { mergeBuildSettings, toEntryPoint, type BuildSettings } from './buildSettings';
import { evaluateHcl, toText, UNKNOWN, type HclFunction, type HclScope, type HclValue } from './hcl/evaluateHcl';
import type { HclAttribute, HclBlock, HclExpression } from './hcl/hclSyntax';
import type { BakeFileReading } from './readBakeFile';

/** What Bake files define together: targets (as entry points), groups, and problems found resolving them. */
export interface BakeProject {
  entries: EntryPoint[];
  groups: BakeGroup[];
  diagnostics: FileDiagnostic[];
}

/** Options for resolving Bake files. */
export interface BakeOptions {
  /** Values that override `variable` defaults, as the environment does for `docker buildx bake`. */
  variables?: Readonly<Record<string, string>>;
  /** Report only the targets that have a block in this file (a variant read on top of the default files). */
  onlyFrom?: string;
}

/** A target block under one set of matrix values, with the name Bake gives it. */
interface TargetInstance {
  name: string;
  block: HclBlock;
  path: string;
  scope: HclScope;
}

/** One target's settings from its own blocks, before `inherits`. */
interface OwnTarget {
  name: string;
  source: SourceLocation;
  paths: Set<string>;
  settings: BuildSettings;
  inherits: { name: string; location: SourceLocation }[];
}

/**
 * Resolves Bake files read together (in Bake's order: later files override earlier ones) into one entry point per
 * target, as `docker buildx bake TARGET` would build it:
 * - `variable` defaults (and top-level attributes) are evaluated lazily, so they may use each other; `${VAR}`
 *   interpolates; `options.variables` overrides defaults; user `function`s are applied;
 * - blocks of the same target merge (later attributes win, `args` merge by name); a `matrix` expands a block into
 *   one target per combination, named by its `name` attribute (a combination whose name cannot be evaluated is
 *   left out);
 * - `inherits` merges the named targets first, in order, then the target's own settings; an attribute that
 *   evaluates to null is unset and keeps the inherited value, and a null build arg is dropped;
 * - groups expand to their targets, nested groups included.
 * An `inherits` naming no target is a diagnostic (Bake fails with "failed to find target").
 */
export function resolveBakeProject(readings: readonly BakeFileReading[], directory: string, options: BakeOptions = {}): BakeProject {
  const definitions = collectDefinitions(readings);
  const scope = globalScope(definitions, options.variables ?? {});
  const diagnostics: FileDiagnostic[] = [];
  const own = new Map<string, OwnTarget>();
  for (const instance of definitions.targets.flatMap(({ block, path }) => expandMatrix(block, path, scope))) {
    const settings = readTargetSettings(instance);
    const existing = own.get(instance.name);
    const source = { path: instance.path, range: instance.block.labels[0]?.range ?? instance.block.typeRange };
    const inherits = readInherits(instance);
    if (existing) {
      existing.settings = mergeBuildSettings(existing.settings, settings);
      existing.inherits.push(...inherits);
      existing.paths.add(instance.path);
    } else {
      own.set(instance.name, { name: instance.name, source, paths: new Set([instance.path]), settings, inherits });
    }
  }

  // Like Bake's ResolveTarget, each target resolves with a fresh memo: with an inherits cycle, what a target
  // inherits depends on where the resolution started.
  let resolved = new Map<string, BuildSettings>();
  const resolve = (name: string, visiting: Set<string>): BuildSettings => {
    const done = resolved.get(name);
    if (done) return done;
    const target = own.get(name)!;
    let settings: BuildSettings = { args: [] };
    visiting.add(name);
    for (const parent of target.inherits) {
      if (visiting.has(parent.name)) continue; // a cycle: Bake skips the target it is already resolving
      if (!own.has(parent.name)) {
        diagnostics.push({
          path: parent.location.path,
          diagnostic: { severity: 'error', code: 'stageflow.unknownBakeTarget', message: `Target ${parent.name} is not defined in the Bake files`, range: parent.location.range },
        });
        continue;
      }
      settings = mergeBuildSettings(settings, resolve(parent.name, visiting));
    }
    visiting.delete(name);
    settings = mergeBuildSettings(settings, target.settings);
    resolved.set(name, settings);
    return settings;
  };

  const entries: EntryPoint[] = [];
  for (const target of own.values()) {
    resolved = new Map();
    const settings = resolve(target.name, new Set());
    if (options.onlyFrom !== undefined && !target.paths.has(options.onlyFrom)) continue;
    entries.push(toEntryPoint('bake', target.name, target.source, settings, directory));
  }
  const groups = options.onlyFrom === undefined ? resolveGroups(definitions.groups, scope, own) : [];
  return { entries, groups, diagnostics: dedupe(diagnostics) };
}

interface Definitions {
  variables: Map<string, HclExpression | null>;
  functions: Map<string, HclFunction>;
  targets: { block: HclBlock; path: string }[];
  groups: { block: HclBlock; path: string }[];
}

function collectDefinitions(readings: readonly BakeFileReading[]): Definitions {
  const definitions: Definitions = { variables: new Map(), functions: new Map(), targets: [], groups: [] };
  for (const reading of readings) {
    for (const attribute of reading.body.attributes) definitions.variables.set(attribute.name, attribute.expression);
    for (const block of reading.body.blocks) {
      const label = block.labels[0]?.value;
      if (label === undefined) continue;
      if (block.type === 'variable') definitions.variables.set(label, attribute(block, 'default')?.expression ?? null);
      else if (block.type === 'function') {
        const params = attribute(block, 'params')?.expression;
        const result = attribute(block, 'result')?.expression;
        if (params?.kind === 'tuple' && result) definitions.functions.set(label, { params: params.items.map(parameterName), result });
      } else if (block.type === 'target') definitions.targets.push({ block, path: reading.path });
      else if (block.type === 'group') definitions.groups.push({ block, path: reading.path });
    }
  }
  return definitions;
}

/** A function parameter: an identifier in HCL, a string in JSON. */
function parameterName(expression: HclExpression): string {
  if (expression.kind === 'variable') return expression.name;
  return expression.kind === 'template' && expression.plainText !== null ? expression.plainText : '';
}

function attribute(block: HclBlock, name: string): HclAttribute | undefined {
  return block.body.attributes.find((candidate) => candidate.name === name);
}

/** Variables evaluated on first use; a variable whose default uses itself evaluates to unknown. */
function globalScope(definitions: Definitions, overrides: Readonly<Record<string, string>>): HclScope {
  const values = new Map<string, HclValue>();
  const evaluating = new Set<string>();
  const scope: HclScope = {
    variable(name) {
      if (Object.hasOwn(overrides, name)) return overrides[name];
      if (!definitions.variables.has(name)) return undefined;
      if (values.has(name)) return values.get(name);
      if (evaluating.has(name)) return UNKNOWN;
      evaluating.add(name);
      const expression = definitions.variables.get(name);
      // A variable without a default is the empty string in Bake.
      const value = expression ? evaluateHcl(expression, scope) : '';
      evaluating.delete(name);
      values.set(name, value);
      return value;
    },
    function: (name) => definitions.functions.get(name),
  };
  return scope;
}

/** One instance per combination of the block's `matrix` values (one instance when it has no matrix). */
function expandMatrix(block: HclBlock, path: string, scope: HclScope): TargetInstance[] {
  const label = block.labels[0].value;
  const matrixAttribute = attribute(block, 'matrix');
  let combinations: Map<string, HclValue>[] = [new Map()];
  if (matrixAttribute) {
    const matrix = evaluateHcl(matrixAttribute.expression, scope);
    if (typeof matrix !== 'object' || matrix === null || Array.isArray(matrix)) return [];
    for (const [key, values] of Object.entries(matrix)) {
      if (!Array.isArray(values)) return [];
      combinations = combinations.flatMap((combination) => values.map((value) => new Map([...combination, [key, value]])));
    }
  }
  const instances: TargetInstance[] = [];
  for (const combination of combinations) {
    const instanceScope: HclScope = {
      variable: (name) => (combination.has(name) ? combination.get(name) : scope.variable(name)),
      function: (name) => scope.function(name),
    };
    const nameAttribute = matrixAttribute ? attribute(block, 'name') : undefined;
    const name = nameAttribute ? toText(evaluateHcl(nameAttribute.expression, instanceScope)) : label;
    if (name !== UNKNOWN) instances.push({ name, block, path, scope: instanceScope });
  }
  return instances;
}

/** The build settings a target block writes itself. */
function readTargetSettings(instance: TargetInstance): BuildSettings {
  const settings: BuildSettings = { args: [] };
  for (const { name, expression } of instance.block.body.attributes) {
    if (name === 'context' || name === 'dockerfile' || name === 'target') {
      const value = locatedValue(expression, evaluateHcl(expression, instance.scope), instance.path);
      if (value !== undefined) settings[name] = value;
    } else if (name === 'dockerfile-inline') {
      if (evaluateHcl(expression, instance.scope) !== null) settings.inline = true;
    } else if (name === 'args') {
      settings.args = readArgs(expression, instance);
    }
  }
  return settings;
}

/**
 * An attribute's value where it is written; `undefined` when it evaluates to null (unset in Bake). A plain string
 * (`"binaries"`) is a literal located between its quotes; anything else is located at the whole expression.
 */
function locatedValue(expression: HclExpression, value: HclValue, path: string): LocatedValue | undefined {
  if (value === null) return undefined;
  const text = toText(value);
  if (expression.kind === 'template' && expression.plainText !== null) {
    return { value: expression.plainText, location: { path, range: expression.contentRange }, literal: true, style: 'double-quoted' };
  }
  return { value: text === UNKNOWN ? null : text, location: { path, range: expression.range }, literal: false, style: null };
}

/** `args = { NAME = value, ... }`: each arg located at its key and value; a null value drops the arg. */
function readArgs(expression: HclExpression, instance: TargetInstance): BuildArg[] {
  const args: BuildArg[] = [];
  if (expression.kind === 'object') {
    for (const item of expression.items) {
      const name = toText(evaluateHcl(item.key, instance.scope));
      if (name === UNKNOWN) continue;
      const value = locatedValue(item.value, evaluateHcl(item.value, instance.scope), instance.path);
      if (value !== undefined) args.push({ name, nameLocation: { path: instance.path, range: item.key.range }, value });
    }
    return args;
  }
  const whole = evaluateHcl(expression, instance.scope);
  if (typeof whole !== 'object' || whole === null || Array.isArray(whole)) return args;
  const location = { path: instance.path, range: expression.range };
  for (const [name, value] of Object.entries(whole)) {
    if (value === null) continue;
    const text = toText(value);
    args.push({ name, nameLocation: location, value: { value: text === UNKNOWN ? null : text, location, literal: false, style: null } });
  }
  return args;
}

function readInherits(instance: TargetInstance): OwnTarget['inherits'] {
  const expression = attribute(instance.block, 'inherits')?.expression;
  if (!expression) return [];
  const items = expression.kind === 'tuple' ? expression.items : [expression];
  const inherits: OwnTarget['inherits'] = [];
  for (const item of items) {
    const value = evaluateHcl(item, instance.scope);
    const names = Array.isArray(value) ? value : [value];
    for (const name of names) {
      if (typeof name !== 'string') continue;
      const range = item.kind === 'template' && item.plainText !== null ? item.contentRange : item.range;
      inherits.push({ name, location: { path: instance.path, range } });
    }
  }
  return inherits;
}

/** Each group's targets, nested groups expanded in place (a group that includes itself stops there). */
function resolveGroups(blocks: Definitions['groups'], scope: HclScope, targets: ReadonlyMap<string, OwnTarget>): BakeGroup[] {
  const members = new Map<string, { source: SourceLocation; names: string[] }>();
  for (const { block, path } of blocks) {
    const value = evaluateHcl(attribute(block, 'targets')?.expression ?? { kind: 'tuple', items: [], range: block.range }, scope);
    const names = Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
    const label = block.labels[0];
    const existing = members.get(label.value);
    // Like targets, a later block of the same group overrides its targets.
    members.set(label.value, { source: existing?.source ?? { path, range: label.range }, names });
  }
  const expand = (name: string, seen: Set<string>): string[] => {
    const group = members.get(name);
    if (!group || seen.has(name)) return targets.has(name) || !group ? [name] : [];
    seen.add(name);
    const expanded = group.names.flatMap((member) => expand(member, seen));
    seen.delete(name);
    return expanded;
  };
  return [...members].map(([name, group]) => ({ name, source: group.source, targets: [...new Set(group.names.flatMap((member) => expand(member, new Set([name]))))] }));
}

function dedupe(diagnostics: FileDiagnostic[]): FileDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((item) => {
    const key = `${item.path}:${item.diagnostic.range.start.line}:${item.diagnostic.range.start.character}:${item.diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
