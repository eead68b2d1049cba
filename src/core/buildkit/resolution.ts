/**
 * What resolving a Dockerfile finds (`resolveStages`), and the one way its references and dependency edges are
 * made, shared by BuildKit's resolution and the references shown beyond it (`displayOnlyReferences`).
 */
import type { Artifact, Edge, EdgeSource, Range } from '../model';
import type { DocumentText } from '../parse/documentText';
import type { CommandSyntax, MountSyntax, StageSyntax } from '../parse/parseDockerfile';

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

/** A FROM / `--from` / mount `from=` as written, with what it binds to. */
export interface ResolvedReference {
  kind: 'from' | 'copy' | 'mount';
  /** Exactly as written in the document. */
  text: string;
  /** The value BuildKit uses (flag quotes removed; FROM: after ARG expansion). */
  ref: string;
  range: Range;
  inStage: number;
  source: EdgeSource | null;
  via: 'name' | 'index' | 'image' | 'scratch' | 'invalid';
  onbuild: boolean;
  line: number;
  command: CommandSyntax;
  mount: MountSyntax | null;
}

/** Everything the resolution found, including how far BuildKit got. */
export interface Resolution {
  stages: ResolvedStage[];
  references: ResolvedReference[];
  /** The model's edges, in the order they were found. */
  edges: Edge[];
  target: number | null;
  /** Stages built for the target, or null when BuildKit failed before knowing. */
  reachable: Set<number> | null;
  error: ResolveError | null;
}

/** A `--from` or mount `from=` reference of `command`, written at `range`, not bound yet. */
export function newReference(
  doc: DocumentText,
  kind: 'copy' | 'mount',
  command: CommandSyntax,
  ref: string,
  range: Range,
  inStage: number,
  onbuild: boolean,
): ResolvedReference {
  return { kind, text: doc.textIn(range), ref, range, inStage, source: null, via: 'invalid', onbuild, line: command.line, command, mount: null };
}

/**
 * The dependency edge a bound reference makes into stage `to`, on `line` for the instruction at `range` (for an
 * ONBUILD-inherited edge: the child's FROM line and the trigger in the parent), with what a copy or mount carries;
 * null when the reference binds to nothing.
 */
export function dependencyEdge(reference: ResolvedReference, to: number, line: number, range: Range): Edge | null {
  if (reference.source === null || reference.via === 'invalid') return null;
  const edge: Edge = { from: reference.source, to, kind: reference.kind, ref: reference.ref, via: reference.via, line, range };
  if (reference.onbuild) edge.onbuild = true;
  if (reference.kind === 'copy') edge.artifact = copyArtifact(reference.command);
  if (reference.kind === 'mount' && reference.mount) edge.artifact = mountArtifact(reference.mount);
  return edge;
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
