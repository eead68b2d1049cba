import type { Diagnostic, Range, TextEdit } from '../model';

/**
 * Entry points: the Compose services and Bake targets that build a Dockerfile, as plain data. Paths are POSIX
 * strings (`/`-separated) as the caller gave them (the CLI gives paths relative to the folder it scans, the editor
 * gives URI paths); every range is 0-based and end-exclusive like the rest of the model.
 */

/** A file the caller read: its path and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Where something is written: a file and the exact span in it. */
export interface SourceLocation {
  path: string;
  range: Range;
}

/** How a literal value is written, so an edit can keep its quoting. */
export type ValueStyle = 'plain' | 'double-quoted' | 'single-quoted';

/** A string setting of an entry point (`context`, `dockerfile`, `target`, a build arg's value) and where it is written. */
export interface LocatedValue {
  /**
   * The value Compose or Bake would use, or null when it cannot be known without their environment (a variable
   * without a default, a function Stageflow does not evaluate).
   */
  value: string | null;
  /**
   * For a literal (`literal` true), exactly the characters of the value, without quotes; otherwise the whole
   * expression or scalar the value comes from.
   */
  location: SourceLocation;
  /** Written as itself, so replacing `location` changes the value and nothing else (no escape, variable or `${}`). */
  literal: boolean;
  /** How the literal is quoted; null for anything that is not a literal. */
  style: ValueStyle | null;
}

/** One build argument of an entry point. */
export interface BuildArg {
  name: string;
  /** Where the name is written. */
  nameLocation: SourceLocation;
  /** The value, or null when none is written (Compose `- NAME` takes it from the environment). */
  value: LocatedValue | null;
}

/** Which tool builds the entry point. */
export type EntryPointKind = 'compose' | 'bake';

/** One Compose service with a `build`, or one Bake target. */
export interface EntryPoint {
  kind: EntryPointKind;
  /** The service or target name (`docker compose build NAME`, `docker buildx bake NAME`). */
  name: string;
  /** Where the service key or the target's label is written. */
  source: SourceLocation;
  /** The build context directory (normalised), or null when it is remote (a Git or HTTP URL) or unknown. */
  context: string | null;
  /** Where `context` is written, or null when it takes the default (`.`). */
  contextValue: LocatedValue | null;
  /** The Dockerfile (context joined with `dockerfile`, default `Dockerfile`), or null when remote, inline or unknown. */
  dockerfile: string | null;
  /** Where `dockerfile` is written, or null when it takes the default. */
  dockerfileValue: LocatedValue | null;
  /** The `target` stage as written, or null when absent: then the Dockerfile's last stage is built. */
  target: LocatedValue | null;
  /** Build arguments, after Compose override files or Bake `inherits` have been merged, sorted by name. */
  args: BuildArg[];
}

/** A Bake `group`: the targets `docker buildx bake GROUP` builds (nested groups expanded). */
export interface BakeGroup {
  name: string;
  source: SourceLocation;
  targets: string[];
}

/** A diagnostic in a Compose, Bake or Docker file. */
export interface FileDiagnostic {
  path: string;
  diagnostic: Diagnostic;
}

/** The edits of one file; edits never overlap. */
export interface FileTextEdits {
  path: string;
  edits: TextEdit[];
}

/** Every entry point found in the files given, Bake groups, and the problems found while reading them. */
export interface EntryPointScan {
  entries: EntryPoint[];
  groups: BakeGroup[];
  /** Malformed files and unresolvable Bake `inherits`; checks against Dockerfiles come from `checkEntryPoints`. */
  diagnostics: FileDiagnostic[];
}
