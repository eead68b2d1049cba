import type { ResolveOptions } from '../model';

/**
 * What the graph view chose for one document over the `stageflow.target` and `stageflow.buildArgs` settings, as
 * `docker build --target` and `--build-arg` would take it. Every feature resolves the document with it (see
 * `applyResolveOverride`), and the view shows it, so what the form says is what is in force.
 */
export interface ResolveOverride {
  /** The target picked, or null for the setting's target. */
  target: string | null;
  /** Build args typed in the view, over the settings' ones. */
  buildArgs: Record<string, string>;
  /**
   * The Compose service or Bake target picked (its id), or null. Its tool builds with its own target and build args
   * alone, so `target` (null: the last stage) and `buildArgs` then replace the settings instead of adding to them.
   */
  entryPoint: string | null;
}

/** No choice made in the view: the settings alone. */
export const NO_RESOLVE_OVERRIDE: Readonly<ResolveOverride> = Object.freeze({ target: null, buildArgs: Object.freeze({}), entryPoint: null });

/** Whether the view's choices change anything, so the view offers to reset them. */
export function isOverriding(override: ResolveOverride): boolean {
  return override.target !== null || override.entryPoint !== null || Object.keys(override.buildArgs).length > 0;
}

/** The options a document resolves with: the settings' target and build args with the view's choices over them. */
export function applyResolveOverride(fromSettings: Required<Pick<ResolveOptions, 'target' | 'buildArgs'>>, override: ResolveOverride): ResolveOptions {
  if (override.entryPoint !== null) return { target: override.target ?? '', buildArgs: { ...override.buildArgs } };
  return { target: override.target ?? fromSettings.target, buildArgs: { ...fromSettings.buildArgs, ...override.buildArgs } };
}
