import * as vscode from 'vscode';
import type { ExportFormat, GraphViewState, ViewChoices, WebviewToHostMessage } from '../../shared/protocol';
import { validateWebviewMessage } from '../../shared/validateMessages';
import { Disposable } from '../disposable';
import { graphEntryPoints, type GraphEntryPoint } from '../../core/editor/graphEntryPoints';
import { NO_RESOLVE_OVERRIDE, type ResolveOverride } from '../../core/editor/resolveOverride';
import { isDockerfile, type DocumentGraphCache } from '../documentGraphCache';
import type { BuildFeatures } from '../build/registerBuildResults';
import type { EntryPointIndex } from '../entrypoints/entryPointIndex';
import { resolveOptionsFromSettings } from '../settings';
import { exportGraph } from './exportGraph';
import { createNonce, graphPanelHtml } from './graphPanelHtml';
import type { LayoutDirection } from '../../core/layout/layoutTypes';
import { graphLayoutOptions, pickEntryPoint, type GraphViewSettings } from './graphPanelModel';
import type { LayoutRunner } from './layoutRunner';
import { HeadComparison } from './headComparison';
import { PanelBuildState } from './panelBuildState';
import { PanelDrawing } from './panelDrawing';
import { moveCursorToStage, revealInEditor, type DrawnDocument } from './revealInEditor';
import type { RevealRequest } from './revealRefusal';
import { uriBaseName } from './uriBaseName';
import { toRange } from '../typeConverters';

/** The webview type, also the key the serializer restores panels by. */
export const GRAPH_VIEW_TYPE = 'stageflow.graph';

/** What every graph panel shares: where its resources are, the graphs, the log, and how layouts are computed. */
export interface GraphPanelServices {
  extensionUri: vscode.Uri;
  cache: DocumentGraphCache;
  log: vscode.LogOutputChannel;
  /** The Compose services and Bake targets of the workspace, drawn with the Dockerfiles they build. */
  entryPoints: EntryPointIndex;
  /** Build results (of builds and saved logs), laid onto the graph; the Build button runs builds where a runner is. */
  build: BuildFeatures;
  /** A layout runner for one panel (started with the panel, disposed with it). */
  createLayoutRunner(): LayoutRunner;
}

/**
 * Registers the graph view: the `stageflow.showGraph` command, the serializer that restores the panel after a
 * window reload, and test-only commands reporting what the panel last posted and receiving a webview message.
 */
export function registerGraphPanel(context: vscode.ExtensionContext, services: GraphPanelServices): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('stageflow.showGraph', (uri?: unknown, stage?: unknown) =>
      GraphPanel.show(services, uri instanceof vscode.Uri ? uri : undefined, typeof stage === 'number' && Number.isInteger(stage) ? stage : undefined),
    ),
    vscode.window.registerWebviewPanelSerializer(GRAPH_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => GraphPanel.revive(services, panel, state),
    }),
    vscode.commands.registerCommand('_stageflow.graphPanelLastMessage', () => GraphPanel.current?.drawing.lastPosted),
    vscode.commands.registerCommand('_stageflow.graphPanelLastComparison', () => GraphPanel.current?.comparison.lastPosted),
    vscode.commands.registerCommand('_stageflow.graphPanelBuild', () => GraphPanel.current?.buildState.record),
    // Test-only: delivers a message as if the webview had sent it (validated like one), for what a click would do.
    vscode.commands.registerCommand('_stageflow.graphPanelReceive', (data: unknown) => GraphPanel.current?.receive(data)),
    { dispose: () => GraphPanel.current?.dispose() },
  );
}

/**
 * One panel beside the editor that draws the active Dockerfile's stage graph and follows the active editor like
 * the Markdown preview: it keeps the last Dockerfile while another kind of file is active. This class owns the
 * panel's life, follows editors and routes the webview's messages; drawing (`PanelDrawing`, with layouts off the
 * host's event loop), revealing (`revealInEditor`) and exporting (`exportGraph`) live in their own files.
 */
class GraphPanel extends Disposable {
  static current: GraphPanel | undefined;

  private document: vscode.TextDocument | undefined;
  private ready = false;
  private drawingChoices: { hideImages: boolean; direction: LayoutDirection } = { hideImages: false, direction: 'LR' };
  /**
   * Focus, build path and families chosen in this panel, per document. The target and build args are not kept
   * here but in the cache (`setResolveOverride`), which every feature resolves with: a reopened panel shows them.
   */
  private readonly views = new Map<string, ViewChoices>();
  private readonly layoutRunner: LayoutRunner;
  readonly drawing: PanelDrawing;
  readonly comparison: HeadComparison;
  readonly buildState: PanelBuildState;

  /**
   * Opens the panel beside the editor (or reveals it) and shows `uri`, else the active Dockerfile. With `stage`
   * (the CodeLens on a FROM), the editor's cursor moves to that FROM, so the graph highlights that stage rather
   * than wherever the cursor happened to be.
   */
  static async show(services: GraphPanelServices, uri?: vscode.Uri, stage?: number): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : activeDockerfile();
    if (document && stage !== undefined) moveCursorToStage(services.cache.get(document), document, stage);
    if (!GraphPanel.current) {
      const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, 'Stage Graph', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, panelOptions(services.extensionUri));
      GraphPanel.current = new GraphPanel(services, panel, document);
    } else {
      GraphPanel.current.panel.reveal(undefined, true);
    }
    // The stage's highlight asks the view to bring it into view (it goes with the first drawing of a new panel).
    GraphPanel.current.drawing.revealWithNextHighlight(stage);
    if (document) GraphPanel.current.follow(document);
  }

  /** Restores a panel VS Code kept across a window reload, following the document it showed. */
  static async revive(services: GraphPanelServices, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = typeof state === 'object' && state !== null ? (state as Partial<GraphViewState>) : {};
    let document: vscode.TextDocument | undefined;
    if (typeof saved.documentUri === 'string') {
      try {
        document = await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.documentUri, true));
      } catch (error) {
        services.log.warn(`Graph view: cannot reopen ${saved.documentUri}: ${String(error)}`);
      }
    }
    panel.webview.options = panelOptions(services.extensionUri);
    GraphPanel.current?.dispose();
    GraphPanel.current = new GraphPanel(services, panel, document ?? activeDockerfile());
  }

  private constructor(
    private readonly services: GraphPanelServices,
    private readonly panel: vscode.WebviewPanel,
    document: vscode.TextDocument | undefined,
  ) {
    super();
    this.document = document;
    this.layoutRunner = services.createLayoutRunner();
    this.comparison = new HeadComparison((message) => this.drawing.post(message), services.log);
    this.drawing = new PanelDrawing(panel.webview, services.cache, services.log, this.layoutRunner, (drawing) => this.comparison.drawn(drawing));
    this.buildState = this.register(new PanelBuildState(services.build, (message) => this.drawing.post(message), services.log));
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'icon.png');
    panel.webview.html = this.html();
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(panel.webview.onDidReceiveMessage((data: unknown) => void this.receive(data)));
    this.register(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isDockerfile(editor.document)) this.follow(editor.document);
      }),
    );
    this.register(
      vscode.workspace.onDidCloseTextDocument((closed) => {
        if (closed === this.document) {
          this.document = undefined;
          this.update();
        }
      }),
    );
    this.register(
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === this.document) this.highlightCursor(event.selections[0]?.active);
      }),
    );
    // Edits arrive through the cache, after the one pause every feature waits for (EDIT_PAUSE_MS).
    this.register(
      services.cache.onDidChangeGraph((event) => {
        if (event.document === this.document) this.update();
      }),
    );
    // So do changes to the Compose and Bake files: their entry points are drawn with the document.
    this.register(services.entryPoints.onDidChange(() => this.update()));
  }

  override dispose(): void {
    if (GraphPanel.current === this) GraphPanel.current = undefined;
    this.drawing.cancel();
    this.layoutRunner.dispose();
    super.dispose();
    this.panel.dispose();
  }

  /** Shows another document, with the target and build args in force for it and the folding chosen for it earlier. */
  private follow(document: vscode.TextDocument): void {
    if (document === this.document) {
      const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
      if (this.drawing.revealPending && editor) this.highlightCursor(editor.selection.active);
      return;
    }
    this.document = document;
    this.update();
  }

  /** The view's settings for `document`: the cache's override in force, the settings under it, and how to draw. */
  private settingsOf(document: vscode.TextDocument): GraphViewSettings {
    const { cache } = this.services;
    return {
      ...cache.getResolveOverride(document.uri),
      ...this.drawingChoices,
      view: this.views.get(document.uri.toString()),
      fromSettings: resolveOptionsFromSettings(cache.settingsFor(document)),
    };
  }

  private html(): string {
    const webview = this.panel.webview;
    const root = this.services.extensionUri;
    return graphPanelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'media', 'graph.css')).toString(),
      nonce: createNonce(),
    });
  }

  /** Draws the current document (or the empty state); see `PanelDrawing.show`. */
  private update(): void {
    if (!this.ready) return;
    const document = this.document;
    this.panel.title = document ? `Stage Graph: ${uriBaseName(document.uri)}` : 'Stage Graph';
    void this.drawing.show(document, document && this.settingsOf(document), document && this.entryPointsOf(document));
    this.buildState.show(document);
  }

  /** The Compose services and Bake targets that build `document`, as the view shows them. */
  private entryPointsOf(document: vscode.TextDocument): GraphEntryPoint[] {
    return graphEntryPoints(this.services.entryPoints.scan(), document.uri.path, this.services.cache.get(document));
  }

  private highlightCursor(position: vscode.Position | undefined): void {
    if (this.document && position && this.ready) this.drawing.highlight(this.document, position);
  }

  /** Handles a message from the webview (or the test-only command), once validated. */
  receive(data: unknown): Promise<void> | undefined {
    const message = validateWebviewMessage(data);
    if (!message) {
      this.services.log.warn(`Graph view: ignored an unexpected message from the webview: ${safeJson(data)}`);
      return;
    }
    return this.handle(message).catch((error: unknown) => this.services.log.error(`Graph view: ${message.type} failed: ${String(error)}`));
  }

  private async handle(message: WebviewToHostMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.drawing.reset();
        // After a window reload the page brings back the folding the user chose for the document it showed.
        if (message.restore && message.restore.documentUri === this.document?.uri.toString()) this.views.set(message.restore.documentUri, message.restore.view);
        this.update();
        return;
      case 'rendered':
        this.drawing.rendered(message.version, message.nodeCount);
        this.services.log.trace(`Graph view: drew version ${message.version} (${message.nodeCount} nodes).`);
        return;
      case 'revealStage':
        return this.reveal({ stage: message.stage }, message.version);
      case 'revealLine':
        return this.reveal({ line: message.line }, message.version);
      case 'setTarget':
        return this.override((current) => ({ target: message.target, buildArgs: current.buildArgs, entryPoint: null }));
      case 'setEntryPoint':
        return this.pickEntryPoint(message.id);
      case 'revealEntryPoint':
        return this.revealEntryPoint(message.id);
      case 'setBuildArgs':
        return this.override((current) => ({ target: current.target, buildArgs: { ...message.buildArgs }, entryPoint: null }));
      case 'resetResolveOptions':
        return this.override(() => undefined);
      case 'setLayoutOptions':
        this.drawingChoices = { hideImages: message.hideImages, direction: message.direction };
        this.update();
        return;
      case 'setViewChoices':
        if (this.document) this.views.set(this.document.uri.toString(), message.view);
        this.update();
        return;
      case 'exportGraph':
        return this.export(message.format);
      case 'compareWithHead':
        return message.compare ? this.comparison.start() : this.comparison.stop();
      case 'build':
        return this.buildState.start(message.documentUri);
      case 'cancelBuild':
        this.buildState.cancel();
        return;
      case 'buildDrawn':
        this.buildState.drawn(message);
        return;
      default:
        return assertNever(message);
    }
  }

  /**
   * Resolves the document, for every feature, with the target and build args chosen in the view over the settings
   * (undefined: the settings alone); the cache keeps them, so the view shows them whenever it shows the document.
   */
  private override(choose: (current: ResolveOverride) => ResolveOverride | undefined): void {
    const document = this.document;
    if (!document) return;
    this.services.cache.setResolveOverride(document.uri, choose(this.services.cache.getResolveOverride(document.uri)));
    this.update();
  }

  /** Resolves the document as the Compose service or Bake target picked in the view builds it (its options alone). */
  private pickEntryPoint(id: string): void {
    const document = this.document;
    const entry = document && this.entryPointsOf(document).find((candidate) => candidate.id === id);
    if (!entry) {
      this.services.log.warn(`Graph view: no Compose service or Bake target ${id} builds this Dockerfile any more.`);
      return;
    }
    this.services.log.info(`Graph view: resolving as ${entry.label} builds it: ${JSON.stringify(entry.resolveOptions)}.`);
    this.override(() => pickEntryPoint(NO_RESOLVE_OVERRIDE, entry));
  }

  /** Opens the Compose or Bake file of an entry-point node at its service or target, beside the graph. */
  private async revealEntryPoint(id: string): Promise<void> {
    const entry = this.document && this.entryPointsOf(this.document).find((candidate) => candidate.id === id);
    const uri = entry && this.services.entryPoints.fileUri(entry.source.path);
    if (!entry || !uri) {
      this.services.log.warn(`Graph view: no Compose service or Bake target ${id} builds this Dockerfile any more.`);
      return;
    }
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === this.document);
    const range = toRange(entry.source.range);
    await vscode.window.showTextDocument(uri, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Selection(range.start, range.start) });
  }

  /** The document and graph the view shows, if the document has not changed since the view drew it. */
  private drawnDocument(version: number): DrawnDocument | undefined {
    const document = this.document;
    if (!document || document.version !== version) {
      this.services.log.info(`Graph view: refused a request for version ${version}; the document is at ${document?.version ?? 'none'}.`);
      return undefined;
    }
    return { document, graph: this.services.cache.get(document) };
  }

  private async reveal(request: RevealRequest, version: number): Promise<void> {
    const drawn = this.drawnDocument(version);
    if (!drawn) return;
    const refusal = await revealInEditor(request, drawn);
    if (refusal !== null) this.services.log.warn(`Graph view: ${refusal}`);
  }

  private async export(format: ExportFormat): Promise<void> {
    const document = this.document;
    if (!document) return;
    const { cache } = this.services;
    const request = { text: document.getText(), resolveOptions: cache.getResolveOptions(document), options: graphLayoutOptions(this.settingsOf(document), this.entryPointsOf(document)) };
    const result = await exportGraph(format, document, cache.get(document), request, this.layoutRunner);
    if (result !== undefined) this.drawing.post({ type: 'exportResult', format, message: result });
  }
}

/** Scripts on; local resources only from the bundle and the stylesheet folders; no retained hidden context. */
function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

function activeDockerfile(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && isDockerfile(document) ? document : undefined;
}

function safeJson(data: unknown): string {
  try {
    return JSON.stringify(data)?.slice(0, 200) ?? String(data);
  } catch {
    return String(data);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled message ${safeJson(value)}`);
}
