import * as vscode from 'vscode';
import type { GraphEntryPoint } from '../../core/editor/graphEntryPoints';
import { stageAtLine } from '../../core/graph/stageQueries';
import type { StageGraph } from '../../core/model';
import type { GraphMessage, HostToWebviewMessage } from '../../shared/protocol';
import type { DocumentGraphCache } from '../documentGraphCache';
import type { DrawnGraph } from './headComparison';
import { graphLayoutOptions, graphPanelModel, type GraphViewSettings } from './graphPanelModel';
import { LatestLayout } from './latestLayout';
import type { LayoutRunner } from './layoutRunner';
import { uriBaseName } from './uriBaseName';

/** The last drawing (or empty state) the panel posted and what the webview last drew, for the integration tests. */
export interface PostedMessageSummary {
  type: 'graph' | 'empty';
  documentUri: string | null;
  version: number | null;
  nodeCount: number | null;
  /** The Compose service or Bake target the drawing was resolved as, or null. */
  entryPoint: string | null;
  /** What the view's toolbar shows in force: the target and build args chosen in it, the setting's target, and whether Reset is offered. */
  choices: { target: string | null; buildArgs: Record<string, string>; targetFromSettings: string | null; overriding: boolean } | null;
  /** What the webview last reported drawing, or null before its first drawing. */
  rendered: { version: number; nodeCount: number } | null;
  /** The last cursor highlight posted since that drawing, and whether it asked the view to reveal the stage. */
  highlight: { stage: number | null; reveal: boolean } | null;
  /** When the drawing's layout was asked for and when it arrived (`Date.now()`), or null without a layout. */
  layout: { requestedAt: number; arrivedAt: number } | null;
  /** When it was posted (`Date.now()`). */
  postedAt: number;
}

const NO_DOCUMENT = 'Open a Dockerfile (or run "Stageflow: Show Stage Graph" from one) and its build stages appear here.';

/**
 * What a drawing is made of: the resolved graph (the cache hands out one object per document version and resolve
 * options), the document and its version, and the view's settings. The same key gives the same message.
 */
interface DrawingKey {
  graph: StageGraph;
  uri: string;
  version: number;
  /** The view's settings and the entry points drawn, as JSON. */
  settings: string;
}

const sameDrawing = (a: DrawingKey | undefined, b: DrawingKey | undefined): boolean =>
  a !== undefined && b !== undefined && a.graph === b.graph && a.uri === b.uri && a.version === b.version && a.settings === b.settings;

/**
 * Keeps a webview's drawing in step with a document: lays the graph out off the host's event loop (the newest
 * request wins, see `LatestLayout`), lays out and posts only what the webview does not already show or await,
 * and highlights the stage under the editor's cursor. Until a layout arrives the webview keeps its previous drawing.
 */
export class PanelDrawing {
  private readonly layouts: LatestLayout;
  /** What the webview shows (undefined: an empty state, or not known). */
  private shown: DrawingKey | undefined;
  /** What the newest layout request is for, until it is drawn or superseded. */
  private awaited: DrawingKey | undefined;
  private shownEmpty: string | undefined;
  private lastHighlight: string | undefined;
  /** A stage "Show in graph" asked for, revealed with the next highlight of that stage. */
  private pendingReveal: number | undefined;
  /** The timing of the layout of the message being posted. */
  private layoutTiming: PostedMessageSummary['layout'] = null;
  /** What was posted last, for `_stageflow.graphPanelLastMessage`. */
  lastPosted: PostedMessageSummary | undefined;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly cache: DocumentGraphCache,
    private readonly log: vscode.LogOutputChannel,
    layoutRunner: LayoutRunner,
    /** Told of every drawing posted (Compare with HEAD lays its overlay onto it). */
    private readonly onDrawn: (drawing: DrawnGraph) => void = () => {},
  ) {
    this.layouts = new LatestLayout(layoutRunner);
  }

  /** Forgets what the webview shows (it reloaded), so the next `show` posts even an unchanged drawing. */
  reset(): void {
    this.shown = undefined;
    this.shownEmpty = undefined;
  }

  /** Never draws what was requested so far (the panel is closing). */
  cancel(): void {
    this.layouts.supersede();
    this.awaited = undefined;
  }

  /**
   * Draws `document` resolved and laid out with the view's `settings`, with the Compose services and Bake targets
   * that build it, or the empty state without a document (or settings). A later call supersedes this one: its layout
   * is then never drawn.
   */
  async show(document: vscode.TextDocument | undefined, settings?: GraphViewSettings, entryPoints: readonly GraphEntryPoint[] = []): Promise<void> {
    if (!document || !settings) {
      this.cancel();
      this.showEmpty(NO_DOCUMENT);
      return;
    }
    const graph = this.cache.get(document);
    const drawn = { uri: document.uri.toString(), fileName: uriBaseName(document.uri), version: document.version, text: document.getText() };
    const key: DrawingKey = { graph, uri: drawn.uri, version: drawn.version, settings: JSON.stringify([settings, entryPoints]) };
    if (sameDrawing(key, this.awaited)) return;
    if (sameDrawing(key, this.shown)) {
      this.cancel(); // back to what is on screen: whatever was awaited since is no longer wanted
      return;
    }
    this.awaited = key;
    const requestedAt = Date.now();
    let layout;
    const resolveOptions = this.cache.getResolveOptions(document);
    try {
      layout = await this.layouts.layout({ text: drawn.text, resolveOptions, options: graphLayoutOptions(settings, entryPoints) });
    } catch (error) {
      // A bug in the layout must leave a message in the panel, never a blank or silently stale one.
      this.log.error(`Graph view: cannot draw ${document.uri.toString(true)} v${drawn.version}: ${String(error)}`);
      this.awaited = undefined;
      this.showEmpty(`Stageflow could not draw ${drawn.fileName} (${String(error)}). The Stageflow output channel has the details.`);
      return;
    }
    if (layout === undefined) return; // superseded by a later call, which drew or will draw
    this.awaited = undefined;
    const arrivedAt = Date.now();
    this.log.trace(`Graph view: ${document.uri.toString(true)} v${drawn.version} laid out in ${arrivedAt - requestedAt} ms.`);
    const message = graphPanelModel(drawn, graph, settings, layout, entryPoints);
    if (message.type === 'empty') {
      this.showEmpty(message.message);
      return;
    }
    this.shown = key;
    this.shownEmpty = undefined;
    this.lastHighlight = undefined;
    this.layoutTiming = { requestedAt, arrivedAt };
    this.post(message);
    this.onDrawn({ uri: document.uri, version: drawn.version, text: drawn.text, resolveOptions, layout: message.error === null ? message.layout : null });
    // A new drawing starts with the stage the cursor is in already highlighted.
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
    if (editor) this.highlight(document, editor.selection.active);
  }

  /** Asks the view to bring `stage` into view when the cursor's highlight next falls on it (undefined: no stage). */
  revealWithNextHighlight(stage: number | undefined): void {
    this.pendingReveal = stage;
  }

  /** Whether a stage waits to be revealed with the next highlight. */
  get revealPending(): boolean {
    return this.pendingReveal !== undefined;
  }

  /**
   * Highlights the stage at `position` of `document` (none outside every stage), unless it already is; revealing
   * it when "Show in graph" asked for that stage.
   */
  highlight(document: vscode.TextDocument, position: vscode.Position): void {
    const stage = stageAtLine(this.cache.get(document), position.line);
    const reveal = stage !== null && stage.index === this.pendingReveal;
    const key = `${document.version}:${stage?.index ?? 'none'}`;
    if (key === this.lastHighlight && !reveal) return;
    this.lastHighlight = key;
    if (reveal) this.pendingReveal = undefined;
    this.post({ type: 'highlightStage', stage: stage?.index ?? null, version: document.version, reveal });
  }

  /** Notes what the webview reports drawing. */
  rendered(version: number, nodeCount: number): void {
    if (this.lastPosted) this.lastPosted.rendered = { version, nodeCount };
  }

  /** Posts any message to the webview (drawings and empty states are remembered for the tests). */
  post(message: HostToWebviewMessage): void {
    void this.webview.postMessage(message);
    if (message.type === 'highlightStage' && this.lastPosted) this.lastPosted.highlight = { stage: message.stage, reveal: message.reveal };
    if (message.type !== 'graph' && message.type !== 'empty') return;
    this.lastPosted = {
      type: message.type,
      documentUri: message.type === 'graph' ? message.documentUri : null,
      version: message.type === 'graph' ? message.version : null,
      nodeCount: message.type === 'graph' ? message.layout.nodes.length : null,
      entryPoint: message.type === 'graph' ? message.entryPoint : null,
      choices: message.type === 'graph' ? postedChoices(message) : null,
      rendered: this.lastPosted?.rendered ?? null,
      highlight: null,
      layout: this.layoutTiming,
      postedAt: Date.now(),
    };
  }

  /** Shows an explanation instead of a drawing, unless it already shows this one. */
  private showEmpty(text: string): void {
    if (this.shownEmpty === text && this.shown === undefined) return;
    this.shown = undefined;
    this.shownEmpty = text;
    this.lastHighlight = undefined;
    this.layoutTiming = null;
    this.post({ type: 'empty', message: text });
  }
}

/** The resolve choices a graph message shows, as `PostedMessageSummary.choices`. */
function postedChoices(message: GraphMessage): PostedMessageSummary['choices'] {
  const buildArgs = Object.fromEntries(message.buildArgs.flatMap((arg) => (arg.override === null ? [] : [[arg.name, arg.override]])));
  return { target: message.target, buildArgs, targetFromSettings: message.targetFromSettings, overriding: message.overriding };
}
