import { layoutEntryPoints, type GraphEntryPoint } from '../../core/editor/graphEntryPoints';
import { isOverriding, type ResolveOverride } from '../../core/editor/resolveOverride';
import type { GraphLayout, LayoutDirection, LayoutOptions } from '../../core/layout/layoutTypes';
import type { StageGraph } from '../../core/model';
import { stageOfKey } from '../../core/layout/stageKeys';
import type { EmptyMessage, GraphMessage, ViewChoices } from '../../shared/protocol';

/**
 * What the view draws with for one document: the target and build args chosen in it over the settings (kept by
 * the document graph cache, so every feature and every panel sees the same), and how to draw.
 */
export interface GraphViewSettings extends ResolveOverride {
  hideImages: boolean;
  direction: LayoutDirection;
  /** Focus and build path; none when left out. */
  view?: ViewChoices;
  /** The `stageflow.target` and `stageflow.buildArgs` settings the choices apply over; none when left out. */
  fromSettings?: { target: string; buildArgs: Record<string, string> };
}

/** What picking an entry point chooses over `choices`: its target and build args, as its tool resolves them. */
export function pickEntryPoint<T extends ResolveOverride>(choices: T, entry: GraphEntryPoint): T {
  return { ...choices, target: entry.resolveOptions.target, buildArgs: { ...entry.resolveOptions.buildArgs }, entryPoint: entry.id };
}

/** No focus, the whole graph, families as they come by default. */
export const DEFAULT_VIEW_CHOICES: ViewChoices = { focus: null, buildPath: false, families: {} };

/** From this many stages, families of variants start collapsed: a big file opens with fewer, more telling boxes. */
export const FAMILIES_COLLAPSED_FROM = 20;

/** A document as the panel sees it (plain data, so this stays testable without VS Code). */
export interface GraphDocument {
  uri: string;
  fileName: string;
  version: number;
  text: string;
}

/**
 * The layout options the view's choices ask for, with the entry points that build the document drawn as nodes:
 * every choice that changes the picture, in one object.
 */
export function graphLayoutOptions(settings: GraphViewSettings, entryPoints: readonly GraphEntryPoint[] = []): LayoutOptions {
  const view = settings.view ?? DEFAULT_VIEW_CHOICES;
  return {
    hideImages: settings.hideImages,
    direction: settings.direction,
    entryPoints: layoutEntryPoints(entryPoints),
    focus: view.focus,
    buildPath: view.buildPath,
    families: view.families,
    collapseFamiliesFrom: FAMILIES_COLLAPSED_FROM,
  };
}

/**
 * What the webview should show for a document, its resolved graph and that graph's layout (laid out with
 * `graphLayoutOptions(settings, entryPoints)`): the drawing, or a helpful empty state when there is nothing to
 * draw; the entry points that build the document are offered in the target picker. Pure: the same inputs always
 * give the same message.
 */
export function graphPanelModel(
  document: GraphDocument,
  graph: StageGraph,
  settings: GraphViewSettings,
  layout: GraphLayout,
  entryPoints: readonly GraphEntryPoint[] = [],
): GraphMessage | EmptyMessage {
  if (document.text.trim() === '') {
    return { type: 'empty', message: `${document.fileName} is empty. Add a FROM line and its stages appear here as you type.` };
  }
  // A file BuildKit rejects before finding stages still gets a graph message: the view keeps its last good
  // drawing under the error banner while the user is mid-edit.
  if (graph.stages.length === 0 && graph.ok) {
    return { type: 'empty', message: `${document.fileName} has no build stages yet. Add a FROM line to start one.` };
  }
  const view = settings.view ?? DEFAULT_VIEW_CHOICES;
  // The settings apply under the view's choices, unless a Compose service or Bake target was picked (its alone do).
  const fromSettings = settings.entryPoint === null ? settings.fromSettings : undefined;
  return {
    type: 'graph',
    documentUri: document.uri,
    fileName: document.fileName,
    version: document.version,
    layout,
    error: graph.ok ? null : (graph.error ?? 'BuildKit would reject this file.'),
    errorLine: graph.ok || !graph.errorRange ? null : graph.errorRange.start.line + 1,
    targets: namedStages(graph),
    target: settings.target,
    entryPoints: entryPoints.map((entry) => ({ id: entry.id, label: entry.label })),
    entryPoint: entryPoints.some((entry) => entry.id === settings.entryPoint) ? settings.entryPoint : null,
    buildArgs: graph.metaArgs
      .filter((arg, index) => graph.metaArgs.findIndex((other) => other.name === arg.name) === index)
      .map((arg) => ({
        name: arg.name,
        defaultValue: arg.default,
        setting: fromSettings && Object.hasOwn(fromSettings.buildArgs, arg.name) ? fromSettings.buildArgs[arg.name] : null,
        override: Object.hasOwn(settings.buildArgs, arg.name) ? settings.buildArgs[arg.name] : null,
      })),
    targetFromSettings: settings.target === null && fromSettings?.target ? fromSettings.target : null,
    overriding: isOverriding(settings),
    hideImages: settings.hideImages,
    direction: settings.direction,
    // A focus on a stage the file no longer has was ignored by the layout; the view is told so.
    view: { ...view, focus: stageOfKey(graph, view.focus) === null ? null : view.focus },
  };
}

/** Stage names as written, in file order, once each (BuildKit compares them case-insensitively). */
function namedStages(graph: StageGraph): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const stage of graph.stages) {
    if (stage.name === null || seen.has(stage.name)) continue;
    seen.add(stage.name);
    names.push(stage.rawName ?? stage.name);
  }
  return names;
}
