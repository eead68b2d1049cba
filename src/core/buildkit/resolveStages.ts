/**
 * Resolves parsed stages the way BuildKit's `dockerfile2llb/convert.go` does, step by step and in its order, so the
 * first error found is BuildKit's error:
 *  1. FROM expansion with the meta-ARG scope, stage registration (FROM sees only earlier stages, by exact name);
 *  2. the target (`--target`, case-insensitive; default the last stage);
 *  3. `COPY --from` / mount `from=` sources: stage names (case-insensitive, last definition wins), numeric indexes
 *     into BuildKit's state list (stages, then one hidden state per image reference, in order of appearance),
 *     else images; then circular dependencies;
 *  4. reachability from the target, ONBUILD triggers of base stages, and image reference validation;
 *  5. dispatch of the reachable stages in file order: a source defined later is an error.
 */
import { BuildCheckCollector, buildCheckMessages } from '../parse/buildChecks';
import { StageDispatchChecks, type InheritedDispatchState } from './dispatchChecks';
import type { DocumentText } from '../parse/documentText';
import { expandVariables, goQuote, noVariables } from '../parse/expandVariables';
import { imageReferenceError } from './imageReference';
import { applyMetaArgs, builtinArgs } from './metaArgScope';
import type { Artifact, Range, ResolveOptions } from '../model';
import type { CommandSyntax, MountSyntax, ParsedDockerfile, StageSyntax } from '../parse/parseDockerfile';
import { parsePlatform } from './platformSpec';
import { suggestName, withSuggestion } from '../parse/suggestName';
import { validateMount } from './validateMount';
import { indexWithin, parseGoInt } from './parseGoInt';

/** BuildKit's error, with a stable code and where it sits. */
export interface ResolveError {
  code: string;
  message: string;
  range: Range;
}

/** A stage after FROM expansion and base resolution. */
export interface ResolvedStage {
  syntax: StageSyntax;
  index: number;
  /** Lowercased `AS` name or null. */
  name: string | null;
  /** BuildKit's stage name: the name, `stage-N`, or empty when the build has a single state. */
  displayName: string;
  baseName: string;
  baseStage: number | null;
  baseImage: string | null;
  platform: string | null;
}

/** Where a dependency comes from. */
export type DependencySource = { stage: number } | { image: string };

/** A FROM / `--from` / mount `from=` as written, with what it binds to. */
export interface ResolvedReference {
  kind: 'from' | 'copy' | 'mount';
  /** Exactly as written in the document. */
  text: string;
  /** The value BuildKit uses (flag quotes removed; FROM: after ARG expansion). */
  ref: string;
  range: Range;
  inStage: number;
  source: DependencySource | null;
  via: 'name' | 'index' | 'image' | 'scratch' | 'invalid';
  onbuild: boolean;
  line: number;
  command: CommandSyntax;
  mount: MountSyntax | null;
}

/** A dependency edge, BuildKit's view. */
export interface ResolvedEdge {
  from: DependencySource;
  to: number;
  kind: 'from' | 'copy' | 'mount';
  ref: string;
  via: 'name' | 'index' | 'image' | 'scratch';
  line: number;
  onbuild: boolean;
  artifact: Artifact | null;
  range: Range;
}

/** Everything the resolution found, including how far BuildKit got. */
export interface Resolution {
  stages: ResolvedStage[];
  references: ResolvedReference[];
  edges: ResolvedEdge[];
  target: number | null;
  /** Stages built for the target, or null when BuildKit failed before knowing. */
  reachable: Set<number> | null;
  error: ResolveError | null;
}

/** One entry of BuildKit's state list: a stage, or a hidden state for an image named by `--from`/mount. */
interface DispatchState {
  stage: number | null;
  /** For image states: the reference. */
  image: string;
  deps: Map<DispatchState, CommandSyntax>;
  onbuildDone: boolean;
}

class Failure extends Error {
  constructor(readonly detail: ResolveError) {
    super(detail.message);
  }
}

/** Resolves the parsed file; never throws. */
export function resolveStages(
  parsed: ParsedDockerfile,
  doc: DocumentText,
  options: Required<ResolveOptions>,
  checks: BuildCheckCollector,
): Resolution {
  const resolver = new StageResolver(parsed, doc, options, checks);
  return resolver.run();
}

class StageResolver {
  private readonly stages: ResolvedStage[] = [];
  private readonly references: ResolvedReference[] = [];
  private readonly edges: ResolvedEdge[] = [];
  private readonly states: DispatchState[] = [];
  private readonly stageStates: DispatchState[] = [];
  private readonly statesByName = new Map<string, DispatchState>();
  private target: number | null = null;
  private reachable: Set<number> | null = null;
  private error: ResolveError | null = null;

  constructor(
    private readonly parsed: ParsedDockerfile,
    private readonly doc: DocumentText,
    private readonly options: Required<ResolveOptions>,
    private checks: BuildCheckCollector,
  ) {}

  run(): Resolution {
    try {
      this.resolve();
    } catch (err) {
      if (!(err instanceof Failure)) throw err;
      this.error = err.detail;
    }
    this.collectDisplayOnlyReferences();
    return {
      stages: this.stages,
      references: this.references.sort((a, b) => a.line - b.line || compareRange(a.range, b.range)),
      edges: this.edges,
      target: this.target,
      reachable: this.error && this.reachable === null ? null : this.reachable,
      error: this.error,
    };
  }

  private fail(code: string, message: string, range: Range): never {
    throw new Failure({ code, message, range });
  }

  private resolve(): void {
    const { parsed, options } = this;
    const lastName = parsed.stages[parsed.stages.length - 1]?.name ?? '';
    const builtins = builtinArgs(options, options.target || lastName);
    this.validateStageNames();
    this.validateBaseImagesWithDefaults(builtins);
    const scope = applyMetaArgs(builtins, parsed.metaArgs, options.buildArgs, parsed.escapeToken);
    const declared = [...new Set([...parsed.metaArgs.map((a) => a.name), ...scope.values.keys()])];
    if (scope.error) {
      // BuildKit stops at the ARG; the stages are still registered (silently) so they can be shown.
      this.checks = new BuildCheckCollector('skip=all');
      parsed.stages.forEach((syntax, index) => this.registerStageForDisplay(syntax, index, scope.values, declared));
      this.fail('InvalidArgDefault', scope.error.message, scope.error.range);
    }

    // While FROM lines are registered, a failure still leaves every stage shown: register them all first.
    let firstFailure: Failure | null = null;
    parsed.stages.forEach((syntax, index) => {
      firstFailure ??= this.registerStageForDisplay(syntax, index, scope.values, declared);
    });
    if (firstFailure) {
      // BuildKit stops before choosing the target; the target is still worth showing.
      try {
        this.resolveTarget();
      } catch {
        this.target = null;
      }
      throw firstFailure;
    }
    this.resolveTarget();

    this.buildDependencyGraph();
    this.validateCircularDependency();
    if (this.states.length === 1) this.stages[0].displayName = '';
    this.resolveReachability();
    this.dispatchReachable();
  }

  // --- lint that runs before resolution -------------------------------------------------------------------

  private validateStageNames(): void {
    const seen = new Set<string>();
    for (const stage of this.parsed.stages) {
      if (!stage.name) continue;
      const { line, range } = stage.from;
      if (stage.name === 'context' || stage.name === 'scratch') {
        this.checks.report('ReservedStageName', buildCheckMessages.ReservedStageName(stage.name), line, range);
      }
      if (seen.has(stage.name)) {
        this.checks.report('DuplicateStageName', buildCheckMessages.DuplicateStageName(stage.name), line, range);
      }
      seen.add(stage.name);
    }
    this.validateCommandCasing();
  }

  private validateCommandCasing(): void {
    const keywords: { keyword: string; line: number; range: Range }[] = [];
    for (const stage of this.parsed.stages) {
      keywords.push({ keyword: stage.from.keyword, line: stage.from.line, range: stage.from.keywordRange });
      for (const c of stage.commands) keywords.push({ keyword: c.keyword, line: c.line, range: c.keywordRange });
    }
    let lower = 0;
    let upper = 0;
    for (const { keyword } of keywords) {
      if (keyword === keyword.toLowerCase()) lower++;
      else if (keyword === keyword.toUpperCase()) upper++;
    }
    const majorityLower = lower > upper;
    for (const { keyword, line, range } of keywords) {
      const casing =
        majorityLower && keyword.toLowerCase() !== keyword
          ? 'lowercase'
          : !majorityLower && keyword.toUpperCase() !== keyword
            ? 'uppercase'
            : '';
      if (casing) this.checks.report('ConsistentInstructionCasing', buildCheckMessages.ConsistentInstructionCasing(keyword, casing), line, range);
    }
  }

  /** BuildKit's `validateBaseImagesWithDefaultArgs`: each FROM with ARG defaults only must name a valid image. */
  private validateBaseImagesWithDefaults(builtins: Map<string, string>): void {
    const { parsed } = this;
    const defaults = applyMetaArgs(builtins, parsed.metaArgs, null, parsed.escapeToken);
    if (defaults.error) return;
    for (const stage of parsed.stages) {
      const expanded = expandVariables(stage.from.baseName.text, (n) => defaults.values.get(n), parsed.escapeToken);
      if (expanded.error) return;
      if (imageReferenceError(expanded.value) !== null) {
        this.checks.report('InvalidDefaultArgInFrom', buildCheckMessages.InvalidDefaultArgInFrom(stage.from.baseName.text), stage.from.line, stage.from.range);
      }
    }
  }

  // --- 1. stages ------------------------------------------------------------------------------------------

  /** Registers a stage even when its FROM fails, returning the failure instead of throwing it. */
  private registerStageForDisplay(syntax: StageSyntax, index: number, scope: Map<string, string>, declared: string[]): Failure | null {
    try {
      this.registerStage(syntax, index, scope, declared);
      return null;
    } catch (err) {
      if (!(err instanceof Failure)) throw err;
      return err;
    }
  }

  private registerStage(syntax: StageSyntax, index: number, scope: Map<string, string>, declared: string[]): void {
    const { from } = syntax;
    const escape = this.parsed.escapeToken;
    const lookup = (name: string) => scope.get(name);
    const expanded = expandVariables(from.baseName.text, lookup, escape);
    this.reportUndefinedArgs(expanded.unmatched, declared, from.line, from.range);
    const state: DispatchState = { stage: index, image: '', deps: new Map(), onbuildDone: false };
    const stage: ResolvedStage = {
      syntax,
      index,
      name: syntax.name,
      displayName: syntax.name ?? `stage-${index}`,
      baseName: expanded.error ? from.baseName.text : expanded.value,
      baseStage: null,
      baseImage: null,
      platform: null,
    };
    this.stages.push(stage);
    this.stageStates.push(state);
    const reference: ResolvedReference = {
      kind: 'from',
      text: from.baseName.text,
      ref: stage.baseName,
      range: from.baseName.range,
      inStage: index,
      source: null,
      via: 'invalid',
      onbuild: false,
      line: from.line,
      command: from,
      mount: null,
    };
    this.references.push(reference);

    let failure: Failure | null = null;
    if (expanded.error) {
      failure = new Failure({ code: 'VariableExpansion', message: expanded.error, range: from.baseName.range });
    } else if (expanded.value === '') {
      failure = new Failure({
        code: 'EmptyBaseName',
        message: `base name (${from.baseName.text}) should not be blank`,
        range: from.baseName.range,
      });
    }
    if (!failure && from.platform) failure = this.resolvePlatform(stage, scope, declared);

    if (!expanded.error && expanded.value !== '') {
      const base = this.statesByName.get(expanded.value);
      if (base && base.stage !== null) {
        stage.baseStage = base.stage;
        reference.source = { stage: base.stage };
        reference.via = 'name';
      } else {
        stage.baseImage = expanded.value;
        reference.source = { image: expanded.value };
        reference.via = expanded.value === 'scratch' ? 'scratch' : 'image';
      }
      this.edges.push({
        from: reference.source,
        to: index,
        kind: 'from',
        ref: expanded.value,
        via: reference.via as ResolvedEdge['via'],
        line: from.line,
        onbuild: false,
        artifact: null,
        range: from.range,
      });
    }
    this.states.push(state);
    if (syntax.name) this.statesByName.set(syntax.name, state);
    if (failure) throw failure;
  }

  private resolvePlatform(stage: ResolvedStage, scope: Map<string, string>, declared: string[]): Failure | null {
    const { from } = stage.syntax;
    const raw = from.platform!.value ?? '';
    const range = from.platformRange ?? from.range;
    const expanded = expandVariables(raw, (name) => scope.get(name), this.parsed.escapeToken);
    this.reportUndefinedArgs(expanded.unmatched, declared, from.line, from.range);
    if (expanded.matched.size === 1 && expanded.unmatched.size === 0 && expanded.matched.has('TARGETPLATFORM')) {
      if (expanded.value === scope.get('TARGETPLATFORM')) {
        this.checks.report('RedundantTargetPlatform', buildCheckMessages.RedundantTargetPlatform(raw), from.line, from.range);
      }
    }
    if (expanded.matched.size === 0 && expanded.unmatched.size === 0) {
      const parts = parsePlatform(expanded.value);
      const name = stage.name ?? '';
      if (typeof parts !== 'string' && !name.includes(parts.os) && !name.includes(parts.architecture)) {
        this.checks.report('FromPlatformFlagConstDisallowed', buildCheckMessages.FromPlatformFlagConstDisallowed(expanded.value), from.line, from.range);
      }
    }
    if (expanded.error) {
      return new Failure({ code: 'InvalidPlatform', message: `failed to process arguments for platform : ${expanded.error}`, range });
    }
    stage.platform = expanded.value;
    if (expanded.value === '') {
      let message = `empty platform value from expression ${raw}`;
      for (const name of expanded.unmatched) {
        const match = suggestName(name, [...scope.keys()], true);
        if (match) {
          message += ` (did you mean ${match}?)`;
          break;
        }
      }
      return new Failure({ code: 'InvalidPlatform', message, range });
    }
    const parts = parsePlatform(expanded.value);
    if (typeof parts === 'string') {
      return new Failure({ code: 'InvalidPlatform', message: `failed to parse platform ${raw}: ${parts}`, range });
    }
    return null;
  }

  private reportUndefinedArgs(unmatched: Set<string>, declared: string[], line: number, range: Range): void {
    for (const arg of unmatched) {
      if (declared.includes(arg)) continue;
      this.checks.report('UndefinedArgInFrom', buildCheckMessages.UndefinedArgInFrom(arg, suggestName(arg, declared, true)), line, range);
    }
  }

  // --- 2. target ------------------------------------------------------------------------------------------

  private resolveTarget(): void {
    const wanted = this.options.target;
    if (!wanted) {
      this.target = this.stages.length > 0 ? this.stages.length - 1 : null;
      return;
    }
    const state = this.statesByName.get(wanted.toLowerCase());
    if (state && state.stage !== null) {
      this.target = state.stage;
      return;
    }
    const names = this.stages.map((s) => s.displayName).filter((n) => n !== '');
    const message = withSuggestion(`target stage ${goQuote(wanted)} could not be found`, wanted, names, true);
    this.fail('UnknownTarget', message, this.stages[this.stages.length - 1]?.syntax.from.range ?? this.doc.lineRange(0));
  }

  // --- 3. dependencies ------------------------------------------------------------------------------------

  private buildDependencyGraph(): void {
    let firstFailure: Failure | null = null;
    for (const stage of this.stages) {
      const state = this.stageStates[stage.index];
      for (const command of stage.syntax.commands) {
        try {
          for (const source of this.commandSources(command, stage.index, stage.index, false)) state.deps.set(source, command);
        } catch (err) {
          if (!(err instanceof Failure)) throw err;
          firstFailure ??= err;
        }
      }
    }
    if (firstFailure) throw firstFailure;
  }

  /**
   * BuildKit's `toCommand`/`detectRunMount` for one instruction written in `inStage` and run in `runsIn`: records
   * references and edges, appends hidden image states, and returns the states it depends on.
   */
  private commandSources(command: CommandSyntax, inStage: number, runsIn: number, onbuild: boolean): DispatchState[] {
    const sources: DispatchState[] = [];
    const record = onbuild ? runsIn !== inStage : true;
    const edgeLine = onbuild ? this.stages[runsIn].syntax.from.line : command.line;
    if (command.command === 'copy' && command.copyFrom && command.copyFrom.value) {
      const flag = command.copyFrom;
      const from = flag.value!;
      const range = command.copyFromRange ?? command.range;
      const reference = this.newReference('copy', command, from, range, inStage, onbuild);
      if (!onbuild || runsIn === inStage) this.references.push(reference);
      const expanded = expandVariables(from, noVariables, this.parsed.escapeToken);
      if (expanded.error) this.fail('VariableExpansion', expanded.error, range);
      if (expanded.value !== from) {
        this.fail(
          'VariableInFrom',
          'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
          range,
        );
      }
      let state: DispatchState;
      const number = parseGoInt(from);
      if (number === null) {
        state = this.findOrAddByName(from);
        reference.via = state.stage !== null ? 'name' : 'image';
      } else {
        const index = indexWithin(number, this.states.length);
        if (index === null) this.fail('InvalidStageIndex', `invalid stage index ${number}`, range);
        state = this.states[index];
        if (state.stage === null) this.states.push(state);
        reference.via = 'index';
      }
      reference.source = state.stage !== null ? { stage: state.stage } : { image: state.image };
      if (record) this.addEdge(reference, runsIn, 'copy', from, edgeLine, copyArtifact(command));
      sources.push(state);
    }
    if (command.command === 'run') {
      for (const mount of command.mounts) {
        const from = mount.from ?? '';
        const state = this.findOrAddByName(from === '' ? 'scratch' : from);
        sources.push(state);
        if (from === '') continue;
        const reference = this.newReference('mount', command, from, mount.fromRange ?? command.range, inStage, onbuild);
        reference.mount = mount;
        if (!onbuild || runsIn === inStage) this.references.push(reference);
        reference.via = state.stage !== null ? 'name' : 'image';
        reference.source = state.stage !== null ? { stage: state.stage } : { image: state.image };
        if (record) this.addEdge(reference, runsIn, 'mount', from, edgeLine, mountArtifact(mount));
      }
    }
    return sources;
  }

  private newReference(
    kind: 'copy' | 'mount',
    command: CommandSyntax,
    ref: string,
    range: Range,
    inStage: number,
    onbuild: boolean,
  ): ResolvedReference {
    const text = this.doc.textIn(range);
    return { kind, text, ref, range, inStage, source: null, via: 'invalid', onbuild, line: command.line, command, mount: null };
  }

  private addEdge(reference: ResolvedReference, to: number, kind: 'copy' | 'mount', ref: string, line: number, artifact: Artifact): void {
    if (!reference.source || reference.via === 'invalid') return;
    this.edges.push({
      from: reference.source,
      to,
      kind,
      ref,
      via: reference.via,
      line,
      onbuild: reference.onbuild,
      artifact,
      range: reference.command.range,
    });
  }

  private findOrAddByName(name: string): DispatchState {
    const found = this.statesByName.get(name.toLowerCase());
    if (found) return found;
    const state: DispatchState = { stage: null, image: name, deps: new Map(), onbuildDone: true };
    this.states.push(state);
    return state;
  }

  /**
   * BuildKit's `validateCircularDependency`: a depth-first search from each state in order; the error names the
   * first state from which a cycle is reachable. Iterative, so a long chain of stages cannot overflow the stack.
   */
  private validateCircularDependency(): void {
    const visited = new Set<DispatchState>();
    const path = new Set<DispatchState>();
    for (const root of this.states) {
      if (visited.has(root)) continue;
      visited.add(root);
      path.add(root);
      const frames = [{ state: root, deps: [...root.deps], next: 0 }];
      const commands: CommandSyntax[] = [];
      while (frames.length > 0) {
        const frame = frames[frames.length - 1];
        if (frame.next >= frame.deps.length) {
          path.delete(frame.state);
          frames.pop();
          commands.pop();
          continue;
        }
        const [dep, command] = frame.deps[frame.next++];
        if (path.has(dep)) {
          const name = root.stage !== null ? this.stages[root.stage].displayName : root.image;
          this.fail('CircularDependency', `circular dependency detected on stage: ${name}`, (commands[0] ?? command).range);
        }
        if (visited.has(dep)) continue;
        visited.add(dep);
        path.add(dep);
        commands.push(command);
        frames.push({ state: dep, deps: [...dep.deps], next: 0 });
      }
    }
  }

  // --- 4. reachability, ONBUILD, image references ---------------------------------------------------------

  private resolveReachability(): void {
    const validated = new Set<DispatchState>();
    for (;;) {
      const reachable = this.reachableStates();
      this.validateImageReferences(validated);
      let newDeps = false;
      for (const state of this.states) {
        if (state.stage === null || !reachable.has(state) || state.onbuildDone) continue;
        state.onbuildDone = true;
        const baseStage = this.stages[state.stage].baseStage;
        if (baseStage === null) continue;
        for (const command of this.stages[baseStage].syntax.commands) {
          if (command.command !== 'onbuild') continue;
          if (command.triggerError) this.fail('ParseError', command.triggerError, this.stages[state.stage].syntax.from.range);
          if (!command.trigger) continue;
          const sources = this.commandSources(command.trigger, baseStage, state.stage, true);
          for (const source of sources) state.deps.set(source, command);
          if (sources.length > 0) newDeps = true;
        }
      }
      if (!newDeps) {
        this.reachable = new Set([...reachable].filter((s) => s.stage !== null).map((s) => s.stage!));
        return;
      }
    }
  }

  private reachableStates(): Set<DispatchState> {
    const reached = new Set<DispatchState>();
    if (this.target === null) return reached;
    const stack: DispatchState[] = [this.stageStates[this.target]];
    while (stack.length > 0) {
      const state = stack.pop()!;
      if (reached.has(state)) continue;
      reached.add(state);
      if (state.stage !== null) {
        const base = this.stages[state.stage].baseStage;
        if (base !== null) stack.push(this.stageStates[base]);
      }
      for (const dep of state.deps.keys()) stack.push(dep);
    }
    return reached;
  }

  /** BuildKit parses every base image reference (reachable or not) before pulling; the first bad one fails. */
  private validateImageReferences(validated: Set<DispatchState>): void {
    for (const state of this.states) {
      if (validated.has(state)) continue;
      validated.add(state);
      const name = state.stage !== null ? this.stages[state.stage].baseImage : state.image;
      if (name === null || name === 'scratch') continue;
      const problem = imageReferenceError(name);
      if (problem === null) continue;
      const range = state.stage !== null ? this.stages[state.stage].syntax.from.baseName.range : this.imageStateRange(state);
      this.fail('InvalidImageReference', `failed to parse stage name ${goQuote(name)}: ${problem}`, range);
    }
  }

  private imageStateRange(state: DispatchState): Range {
    const reference = this.references.find((r) => r.kind !== 'from' && r.source && 'image' in r.source && r.source.image === state.image);
    return reference?.range ?? this.doc.lineRange(0);
  }

  // --- 5. dispatch ------------------------------------------------------------------------------------------

  private dispatchReachable(): void {
    const reachable = this.reachable!;
    const handedDown = new Map<number, InheritedDispatchState>();
    for (const stage of this.stages) {
      if (!reachable.has(stage.index)) continue;
      const inherited = stage.baseStage !== null ? (handedDown.get(stage.baseStage) ?? null) : null;
      const checks = new StageDispatchChecks(this.checks, this.parsed.escapeToken, inherited);
      const triggers = this.inheritedTriggers(stage);
      for (const command of [...triggers, ...stage.syntax.commands]) {
        const runs = command.command === 'onbuild' ? command.trigger : command;
        if (!runs) continue;
        checks.check(runs, command);
        // A stage's own ONBUILD only records its trigger; the trigger's sources must exist when a child runs it.
        if (command.command !== 'onbuild' || triggers.includes(command)) this.checkDefinedBefore(runs, stage);
      }
      handedDown.set(stage.index, checks.state);
    }
  }

  private inheritedTriggers(stage: ResolvedStage): CommandSyntax[] {
    if (stage.baseStage === null) return [];
    return this.stages[stage.baseStage].syntax.commands.filter((c) => c.command === 'onbuild');
  }

  private checkDefinedBefore(command: CommandSyntax, stage: ResolvedStage): void {
    if (command.command === 'copy' && command.copyFrom?.value) {
      const from = command.copyFrom.value;
      const number = parseGoInt(from);
      const index = number === null ? null : indexWithin(number, this.states.length);
      const state = number === null ? this.statesByName.get(from.toLowerCase()) : index === null ? undefined : this.states[index];
      if (state && state.stage !== null && state.stage >= stage.index) {
        this.fail(
          'ForwardReference',
          `cannot copy from stage ${goQuote(from)}, it needs to be defined before current stage ${goQuote(stage.displayName)}`,
          command.copyFromRange ?? command.range,
        );
      }
    }
    if (command.command === 'run') {
      for (const mount of command.mounts) {
        const problem = validateMount(mount.flag.value ?? '', this.parsed.escapeToken);
        if (problem) this.fail('InvalidMount', problem, command.range);
      }
      for (const mount of command.mounts) {
        if (!mount.from) continue;
        const state = this.statesByName.get(mount.from.toLowerCase());
        if (state && state.stage !== null && state.stage >= stage.index) {
          this.fail(
            'ForwardReference',
            `cannot mount from stage ${goQuote(mount.from)} to ${goQuote(mount.options.target ?? '')}, stage needs to be defined before current command`,
            mount.fromRange ?? command.range,
          );
        }
      }
    }
  }

  // --- display only -----------------------------------------------------------------------------------------

  /**
   * References BuildKit never reached (after an error, in ONBUILD triggers, inherited triggers of stages that are
   * not built) are still shown, resolved by name as BuildKit would.
   */
  private collectDisplayOnlyReferences(): void {
    const known = new Set(this.references.map((r) => r.command));
    const inheritedEdges = new Set(this.edges.filter((e) => e.onbuild).map((e) => `${e.to}:${e.ref}:${e.kind}`));
    for (const stage of this.stages) {
      for (const command of stage.syntax.commands) {
        if (!known.has(command)) this.displayReferences(command, stage.index, stage.index, false);
        if (command.command === 'onbuild' && command.trigger && !known.has(command.trigger)) {
          this.displayReferences(command.trigger, stage.index, stage.index, true);
        }
      }
    }
    for (const stage of this.stages) {
      for (const trigger of this.inheritedTriggers(stage)) {
        if (!trigger.trigger) continue;
        for (const reference of this.displayReferences(trigger.trigger, stage.baseStage!, stage.index, true, false)) {
          const key = `${stage.index}:${reference.ref}:${reference.kind}`;
          if (inheritedEdges.has(key) || !reference.source || reference.via === 'invalid') continue;
          this.edges.push({
            from: reference.source,
            to: stage.index,
            kind: reference.kind,
            ref: reference.ref,
            via: reference.via,
            line: stage.syntax.from.line,
            onbuild: true,
            artifact: reference.kind === 'copy' ? copyArtifact(trigger.trigger) : mountArtifact(reference.mount!),
            range: trigger.range,
          });
        }
      }
    }
  }

  /** Resolves without touching BuildKit's state list: names, valid indexes among stages, else images. */
  private displayReferences(command: CommandSyntax, inStage: number, runsIn: number, onbuild: boolean, keep = true): ResolvedReference[] {
    const found: ResolvedReference[] = [];
    const bind = (reference: ResolvedReference, allowIndex: boolean) => {
      const value = reference.ref;
      if (value.includes('$') && expandVariables(value, noVariables, this.parsed.escapeToken).value !== value) {
        reference.via = 'invalid';
      } else {
        const number = allowIndex ? parseGoInt(value) : null;
        const byName = this.statesByName.get(value.toLowerCase());
        if (number !== null) {
          const index = indexWithin(number, this.stages.length);
          reference.via = index !== null ? 'index' : 'invalid';
          reference.source = index !== null ? { stage: index } : null;
        } else if (byName && byName.stage !== null) {
          reference.via = 'name';
          reference.source = { stage: byName.stage };
        } else {
          reference.via = 'image';
          reference.source = { image: value };
        }
      }
      found.push(reference);
      if (!keep) return;
      this.references.push(reference);
      if (!onbuild && reference.source && reference.via !== 'invalid') {
        this.edges.push({
          from: reference.source,
          to: runsIn,
          kind: reference.kind,
          ref: reference.ref,
          via: reference.via,
          line: command.line,
          onbuild: false,
          artifact: reference.kind === 'copy' ? copyArtifact(command) : mountArtifact(reference.mount!),
          range: command.range,
        });
      }
    };
    if (command.command === 'copy' && command.copyFrom?.value) {
      bind(this.newReference('copy', command, command.copyFrom.value, command.copyFromRange ?? command.range, inStage, onbuild), true);
    }
    if (command.command === 'run') {
      for (const mount of command.mounts) {
        if (!mount.from) continue;
        const reference = this.newReference('mount', command, mount.from, mount.fromRange ?? command.range, inStage, onbuild);
        reference.mount = mount;
        bind(reference, false);
      }
    }
    return found;
  }
}

function copyArtifact(command: CommandSyntax): Artifact {
  const flags: Record<string, string> = {};
  for (const flag of command.flags) {
    if (flag.name === 'from') continue;
    const value = flag.value ?? 'true';
    flags[flag.name] = flags[flag.name] !== undefined ? `${flags[flag.name]},${value}` : value;
  }
  return { sources: command.args.slice(0, -1), destination: command.args[command.args.length - 1] ?? '', flags };
}

function mountArtifact(mount: MountSyntax): Artifact {
  const flags: Record<string, string> = { type: 'bind', ...mount.options };
  delete flags.from;
  return { sources: [mount.options.source ?? '/'], destination: mount.options.target ?? '', flags };
}

function compareRange(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}
