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
import { displayOnlyReferences, inheritedTriggers } from './displayOnlyReferences';
import type { DocumentText } from '../parse/documentText';
import { expandVariables, goQuote, noVariables } from '../parse/expandVariables';
import { imageReferenceError } from './imageReference';
import { applyMetaArgs, builtinArgs } from './metaArgScope';
import type { Edge, Range, ResolveOptions } from '../model';
import type { CommandSyntax, ParsedDockerfile, StageSyntax } from '../parse/parseDockerfile';
import { parsePlatform } from './platformSpec';
import { suggestName, withSuggestion } from '../parse/suggestName';
import { validateMount } from './validateMount';
import { indexWithin, parseGoInt } from './parseGoInt';
import { dependencyEdge, newReference, type Resolution, type ResolveError, type ResolvedReference, type ResolvedStage } from './resolution';
import { stageLintChecks } from './stageLintChecks';

export type { Resolution, ResolveError, ResolvedReference, ResolvedStage } from './resolution';

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
  private readonly edges: Edge[] = [];
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
    const found = { stages: this.stages, references: this.references, edges: this.edges };
    const shown = displayOnlyReferences(found, (name) => this.statesByName.get(name.toLowerCase())?.stage ?? null, this.doc, this.parsed.escapeToken);
    this.references.push(...shown.references);
    this.edges.push(...shown.edges);
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
    stageLintChecks(parsed, builtins, this.checks);
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
      this.addEdge(reference, index, from.line, from.range);
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
      const reference = newReference(this.doc, 'copy', command, from, range, inStage, onbuild);
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
      if (record) this.addEdge(reference, runsIn, edgeLine, command.range);
      sources.push(state);
    }
    if (command.command === 'run') {
      for (const mount of command.mounts) {
        const from = mount.from ?? '';
        const state = this.findOrAddByName(from === '' ? 'scratch' : from);
        sources.push(state);
        if (from === '') continue;
        const reference = newReference(this.doc, 'mount', command, from, mount.fromRange ?? command.range, inStage, onbuild);
        reference.mount = mount;
        if (!onbuild || runsIn === inStage) this.references.push(reference);
        reference.via = state.stage !== null ? 'name' : 'image';
        reference.source = state.stage !== null ? { stage: state.stage } : { image: state.image };
        if (record) this.addEdge(reference, runsIn, edgeLine, command.range);
      }
    }
    return sources;
  }

  private addEdge(reference: ResolvedReference, to: number, line: number, range: Range): void {
    const edge = dependencyEdge(reference, to, line, range);
    if (edge) this.edges.push(edge);
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
      const triggers = inheritedTriggers(this.stages, stage);
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
}

function compareRange(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}
