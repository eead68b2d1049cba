import type { BuildArg, EntryPoint, EntryPointKind, LocatedValue, SourceLocation } from './entryPointModel';
import { joinPath } from './posixPath';

/**
 * What one file (or one Bake block) says about a build. A field is `undefined` when not set there, so a later file
 * or block can be merged over an earlier one; null when set to something Stageflow cannot use.
 */
export interface BuildSettings {
  context?: LocatedValue | null;
  dockerfile?: LocatedValue | null;
  /** The Dockerfile is written inline (`dockerfile_inline`, `dockerfile-inline`), not read from a file. */
  inline?: boolean;
  target?: LocatedValue | null;
  args: BuildArg[];
}

/** `over` merged onto `under`: each field `over` sets wins, build args merge by name (as Compose and Bake merge). */
export function mergeBuildSettings(under: BuildSettings, over: BuildSettings): BuildSettings {
  const args = new Map(under.args.map((arg) => [arg.name, arg]));
  for (const arg of over.args) args.set(arg.name, arg);
  return {
    context: over.context !== undefined ? over.context : under.context,
    dockerfile: over.dockerfile !== undefined ? over.dockerfile : under.dockerfile,
    inline: over.inline !== undefined ? over.inline : under.inline,
    target: over.target !== undefined ? over.target : under.target,
    args: [...args.values()],
  };
}

/** A Git or HTTP(S) URL: the context is fetched, not read from the workspace. */
const REMOTE_CONTEXT = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/;

/**
 * The entry point that merged settings describe. `directory` is where relative contexts start: the Compose file's
 * folder, or the folder Bake runs in (its files' folder). The context defaults to `.`, the Dockerfile to
 * `Dockerfile` inside the context (both tools resolve `dockerfile` relative to the context).
 */
export function toEntryPoint(kind: EntryPointKind, name: string, source: SourceLocation, settings: BuildSettings, directory: string): EntryPoint {
  const contextText = settings.context === undefined || settings.context === null ? '.' : settings.context.value;
  const contextPath = contextText === null || REMOTE_CONTEXT.test(contextText) ? null : joinPath(directory, contextText.replace(/^cwd:\/\//, ''));
  const dockerfileText = settings.dockerfile ? settings.dockerfile.value : 'Dockerfile';
  const dockerfile = contextPath === null || dockerfileText === null || settings.inline ? null : joinPath(contextPath, dockerfileText);
  return {
    kind,
    name,
    source,
    context: contextPath,
    contextValue: settings.context ?? null,
    dockerfile,
    dockerfileValue: settings.dockerfile ?? null,
    target: settings.target ?? null,
    args: [...settings.args].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}
