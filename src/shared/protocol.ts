/**
 * The graph view's message protocol: every message between the extension host and the webview, as plain data
 * (ids, labels, line numbers; never parser objects). The webview imports this file with `import type` only.
 * Both sides validate what they receive with `src/shared/validateMessages.ts`.
 */
import type { DiffOverlay } from '../core/diff/diffOverlay';
import type { BuildOverlay } from '../core/buildrun/graphBuildOverlay';
import type { GraphLayout, LayoutDirection } from '../core/layout/layoutTypes';

// ---------------------------------------------------------------- webview -> host

/** The webview has loaded and can draw: the host answers with the current `graph`. */
export interface ReadyMessage {
  type: 'ready';
  /** The view's choices saved by an earlier page of this panel (a window reload), for the document it showed. */
  restore: { documentUri: string; view: ViewChoices } | null;
}

/**
 * How the view folds the graph, chosen in the view and laid out by the host; kept per document across redraws and
 * in the webview's state across reloads.
 */
export interface ViewChoices {
  /** Key (`LayoutNode.key`) of the stage whose ancestors and descendants alone are drawn, or null for all. */
  focus: string | null;
  /** Draw only what the target builds; the stages it skips fold into one summary node. */
  buildPath: boolean;
  /** Families of stages the user collapsed (true) or opened (false), by id; the others follow the default. */
  families: Record<string, boolean>;
}

/** The webview drew the graph of `version` (the host logs it; tests wait for it). */
export interface RenderedMessage {
  type: 'rendered';
  version: number;
  /** Nodes on screen (the last good drawing's while the file does not build). */
  nodeCount: number;
}

/** The user picked a stage: reveal its FROM line in the editor. */
export interface RevealStageMessage {
  type: 'revealStage';
  /** 0-based stage index in the graph of `version`. */
  stage: number;
  /** The document version the webview drew, so a stale click is ignored. */
  version: number;
}

/** The user picked an edge: reveal the instruction (COPY, RUN --mount, FROM) it comes from. */
export interface RevealLineMessage {
  type: 'revealLine';
  /** 1-based line number. */
  line: number;
  version: number;
}

/** The user chose another build target (a stage name), or the default (null: the last stage). */
export interface SetTargetMessage {
  type: 'setTarget';
  target: string | null;
}

/**
 * The user picked a Compose service or Bake target in the target picker: resolve the graph with its target and
 * build args, as `docker compose build NAME` or `docker buildx bake NAME` would.
 */
export interface SetEntryPointMessage {
  type: 'setEntryPoint';
  /** `EntryPointInfo.id` of the graph message drawn. */
  id: string;
}

/** The user picked an entry-point node: open its Compose or Bake file at the service or target. */
export interface RevealEntryPointMessage {
  type: 'revealEntryPoint';
  /** `EntryPointInfo.id` of the graph message drawn. */
  id: string;
}

/** The user asked to drop the target, build args and entry point chosen in the view: back to the settings. */
export interface ResetResolveOptionsMessage {
  type: 'resetResolveOptions';
}

/** The user changed the `--build-arg` overrides for meta ARGs (empty values mean "no override"). */
export interface SetBuildArgsMessage {
  type: 'setBuildArgs';
  buildArgs: Record<string, string>;
}

/** The user toggled external images or the flow direction. */
export interface SetLayoutOptionsMessage {
  type: 'setLayoutOptions';
  hideImages: boolean;
  direction: LayoutDirection;
}

/** The user changed how the graph is folded (focus, build path, families). */
export interface SetViewChoicesMessage {
  type: 'setViewChoices';
  view: ViewChoices;
}

/** The user asked to export the picture: SVG to a file, Mermaid or DOT to the clipboard. */
export interface ExportGraphMessage {
  type: 'exportGraph';
  format: ExportFormat;
}

/** The user turned "Compare with HEAD" on (draw the difference from the file at git's HEAD) or off. */
export interface CompareWithHeadMessage {
  type: 'compareWithHead';
  compare: boolean;
}

/** Formats the view can export. */
export type ExportFormat = 'svg' | 'mermaid' | 'dot';

/**
 * The user clicked Build: build the shown document with the target and build args chosen in the view (the
 * `stageflow.build` command); ignored when the view has moved on to another document since.
 */
export interface BuildMessage {
  type: 'build';
  documentUri: string;
}

/** The user clicked Cancel while the shown document builds. */
export interface CancelBuildMessage {
  type: 'cancelBuild';
}

/** The webview drew a build's states over the graph of `version` (the host notes it; tests wait for it). */
export interface BuildDrawnMessage {
  type: 'buildDrawn';
  version: number;
  /** Whether the states drawn are a running build's. */
  running: boolean;
  /** Nodes that show a build state. */
  nodeCount: number;
}

/** Everything the webview may send. */
export type WebviewToHostMessage =
  | ReadyMessage
  | RenderedMessage
  | RevealStageMessage
  | RevealLineMessage
  | SetTargetMessage
  | SetEntryPointMessage
  | RevealEntryPointMessage
  | SetBuildArgsMessage
  | ResetResolveOptionsMessage
  | SetLayoutOptionsMessage
  | SetViewChoicesMessage
  | ExportGraphMessage
  | CompareWithHeadMessage
  | BuildMessage
  | CancelBuildMessage
  | BuildDrawnMessage;

// ---------------------------------------------------------------- host -> webview

/** A meta ARG the user can override, with its current override. */
export interface BuildArgInfo {
  name: string;
  /** The default as written, or null. */
  defaultValue: string | null;
  /** The value the `stageflow.buildArgs` setting gives it (in force unless overridden), or null. */
  setting: string | null;
  /** The override chosen in the view, or null. */
  override: string | null;
}

/** A Compose service or Bake target that builds the Dockerfile, as the target picker lists it. */
export interface EntryPointInfo {
  /** Stable across edits; entry-point nodes of the layout carry it too (`LayoutNode.entryPoint`). */
  id: string;
  /** `compose: api`, `bake: app-debug`. */
  label: string;
}

/** The drawing of one document version, with what the toolbar needs. */
export interface GraphMessage {
  type: 'graph';
  /** The document's URI as a string (the view's identity across reloads). */
  documentUri: string;
  /** The file name for the header. */
  fileName: string;
  version: number;
  layout: GraphLayout;
  /** BuildKit's message when the file does not build for the chosen target, else null. */
  error: string | null;
  /** 1-based line of the error, when known. */
  errorLine: number | null;
  /** Named stages, in file order, for the target picker. */
  targets: string[];
  /** The target chosen in the view, or null for the default (the setting's, else the last stage). */
  target: string | null;
  /** The `stageflow.target` setting when it picks the target in force (nothing chosen in the view), else null. */
  targetFromSettings: string | null;
  /** Whether a target, build args or entry point chosen in the view is in force over the settings (Reset undoes it). */
  overriding: boolean;
  /** The Compose services and Bake targets that build this Dockerfile, for the target picker. */
  entryPoints: EntryPointInfo[];
  /** The entry point picked (its target and build args are then `target` and the overrides), or null. */
  entryPoint: string | null;
  buildArgs: BuildArgInfo[];
  hideImages: boolean;
  direction: LayoutDirection;
  /** The view's choices in force (a focus on a stage the file no longer has is dropped). */
  view: ViewChoices;
}

/** Nothing to draw: no Dockerfile is active, or the active one is empty. */
export interface EmptyMessage {
  type: 'empty';
  /** What the user can do about it, as plain text. */
  message: string;
}

/** The editor cursor moved into a stage (null: outside every stage): highlight it and its edges. */
export interface HighlightStageMessage {
  type: 'highlightStage';
  stage: number | null;
  version: number;
  /** "Show in graph" asked for this stage: bring it into view at a readable zoom, whatever the user did before. */
  reveal: boolean;
}

/** How an export went, to show briefly in the view. */
export interface ExportResultMessage {
  type: 'exportResult';
  format: ExportFormat;
  /** A short sentence for the status line, e.g. "Mermaid copied to the clipboard". */
  message: string;
}

/**
 * The difference from the file at HEAD, laid onto the drawing of `version` (sent after each drawing while the
 * user compares), or no comparison (`overlay` null) with the reason when there is one to tell.
 */
export interface DiffOverlayMessage {
  type: 'diffOverlay';
  /** The document version whose drawing the overlay belongs to; null with no overlay. */
  version: number | null;
  overlay: DiffOverlay | null;
  /** Why nothing is compared (no git, no repository, no file at HEAD), for the status line; else null. */
  message: string | null;
}

/**
 * A build laid onto the shown document (running, ended, or a saved log), as per-stage states, the critical path and
 * a timeline, computed in the core (`graphBuildOverlay`); null when the document has none (an edit dropped it). The
 * view draws it over the graph of `version` of `documentUri` only, and keeps it across redraws of that version.
 */
export interface BuildStateMessage {
  type: 'buildState';
  documentUri: string;
  version: number;
  overlay: BuildOverlay | null;
}

/** Whether the view's Build button can build the shown document, or a build of it runs (Cancel). */
export interface BuildAvailabilityMessage {
  type: 'buildAvailability';
  documentUri: string;
  /** `ready`: Build builds it; `building`: a build of it runs; `unavailable`: `reason` says why it cannot. */
  state: 'ready' | 'building' | 'unavailable';
  reason: string | null;
}

/** Everything the host may send. */
export type HostToWebviewMessage =
  | GraphMessage
  | EmptyMessage
  | HighlightStageMessage
  | ExportResultMessage
  | DiffOverlayMessage
  | BuildStateMessage
  | BuildAvailabilityMessage;

// ---------------------------------------------------------------- persisted state

/** What the webview keeps with `setState`, and the serializer hands back after a window reload. */
export interface GraphViewState {
  documentUri: string | null;
  /** d3-zoom transform. */
  zoom: { x: number; y: number; k: number } | null;
  /** Key (`LayoutNode.key`) of the selected node. */
  selected: string | null;
  /** Whether the legend is open. */
  legend: boolean;
  /** Whether the build timeline strip is folded away (its toggle closed). */
  timelineCollapsed: boolean;
  /** The view's choices for `documentUri`, sent back to the host after a reload. */
  view: ViewChoices | null;
}
