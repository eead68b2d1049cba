import * as vscode from 'vscode';
import { toDot } from '../../core/export/toDot';
import { toMermaid } from '../../core/export/toMermaid';
import { toSvg } from '../../core/export/toSvg';
import type { StageGraph } from '../../core/model';
import { stageAtLine } from '../../core/graph/stageQueries';
import { isDockerfile, type DocumentGraphCache } from '../documentGraphCache';
import { createNonce, graphPanelHtml } from './graphPanelHtml';
import { graphPanelModel, type GraphViewSettings } from './graphPanelModel';
import { revealRefusal, type RevealRequest } from './revealRefusal';
import type { ExportFormat, GraphViewState, HostToWebviewMessage, WebviewToHostMessage } from '../../shared/protocol';
import { validateWebviewMessage } from '../../shared/validateMessages';
import { readStageflowSettings, resolveOptionsFromSettings } from '../settings';
import { toPosition } from '../typeConverters';

/** The webview type, also the key the serializer restores panels by. */
export const GRAPH_VIEW_TYPE = 'stageflow.graph';
/** Pause after an edit before redrawing: short enough that the view follows typing within 150 ms. */
const EDIT_DELAY_MS = 60;

/** The last drawing (or empty state) the panel posted and what the webview last drew, for the integration tests. */
export interface PostedMessageSummary {
  type: 'graph' | 'empty';
  documentUri: string | null;
  version: number | null;
  nodeCount: number | null;
  /** What the webview last reported drawing, or null before its first drawing. */
  rendered: { version: number; nodeCount: number } | null;
  /** The last cursor highlight posted since that drawing, and whether it asked the view to reveal the stage. */
  highlight: { stage: number | null; reveal: boolean } | null;
}

/**
 * Registers the graph view: the `stageflow.showGraph` command, the serializer that restores the panel after a
 * window reload, and a test-only command reporting what the panel last received.
 */
export function registerGraphPanel(context: vscode.ExtensionContext, cache: DocumentGraphCache, log: vscode.LogOutputChannel): void {
  const services = { extensionUri: context.extensionUri, cache, log };
  context.subscriptions.push(
    vscode.commands.registerCommand('stageflow.showGraph', (uri?: unknown, stage?: unknown) =>
      GraphPanel.show(services, uri instanceof vscode.Uri ? uri : undefined, typeof stage === 'number' && Number.isInteger(stage) ? stage : undefined),
    ),
    vscode.window.registerWebviewPanelSerializer(GRAPH_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => GraphPanel.revive(services, panel, state),
    }),
    vscode.commands.registerCommand('_stageflow.graphPanelLastMessage', () => GraphPanel.current?.lastPosted),
    { dispose: () => GraphPanel.current?.dispose() },
  );
}

interface Services {
  extensionUri: vscode.Uri;
  cache: DocumentGraphCache;
  log: vscode.LogOutputChannel;
}

/**
 * One panel beside the editor that draws the active Dockerfile's stage graph and follows the active editor like
 * the Markdown preview: it keeps the last Dockerfile while another kind of file is active.
 */
class GraphPanel implements vscode.Disposable {
  static current: GraphPanel | undefined;

  private document: vscode.TextDocument | undefined;
  private ready = false;
  private settings: GraphViewSettings = { target: null, buildArgs: {}, hideImages: false, direction: 'LR' };
  private lastJson = '';
  private lastHighlight: string | undefined;
  /** A stage "Show in graph" asked for, revealed with the next highlight of that stage. */
  private pendingReveal: number | undefined;
  private editTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Target and build args chosen in this panel for documents it showed before (the cache resolves with them). */
  private readonly choices = new Map<string, Pick<GraphViewSettings, 'target' | 'buildArgs'>>();
  lastPosted: PostedMessageSummary | undefined;

  /**
   * Opens the panel beside the editor (or reveals it) and shows `uri`, else the active Dockerfile. With `stage`
   * (the CodeLens on a FROM), the editor's cursor moves to that FROM, so the graph highlights that stage rather
   * than wherever the cursor happened to be.
   */
  static async show(services: Services, uri?: vscode.Uri, stage?: number): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : activeDockerfile();
    if (document && stage !== undefined) moveCursorToStage(services.cache, document, stage);
    if (!GraphPanel.current) {
      const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, 'Stage Graph', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, panelOptions(services.extensionUri));
      GraphPanel.current = new GraphPanel(services, panel, document);
    } else {
      GraphPanel.current.panel.reveal(undefined, true);
    }
    // The stage's highlight asks the view to bring it into view (it goes with the first drawing of a new panel).
    GraphPanel.current.pendingReveal = stage;
    if (document) GraphPanel.current.follow(document);
  }

  /** Restores a panel VS Code kept across a window reload, following the document it showed. */
  static async revive(services: Services, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
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
    private readonly services: Services,
    private readonly panel: vscode.WebviewPanel,
    document: vscode.TextDocument | undefined,
  ) {
    this.document = document;
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'icon.png');
    panel.webview.html = this.html();
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isDockerfile(editor.document)) this.follow(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document && event.contentChanges.length > 0) this.scheduleUpdate();
      }),
      vscode.workspace.onDidCloseTextDocument((closed) => {
        if (closed === this.document) {
          this.document = undefined;
          this.update();
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === this.document) this.highlightCursor(event.selections[0]?.active);
      }),
      services.cache.onDidChangeGraph((event) => {
        if (event.document === this.document) this.update();
      }),
    );
  }

  dispose(): void {
    if (GraphPanel.current === this) GraphPanel.current = undefined;
    clearTimeout(this.editTimer);
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.subscriptions.length = 0;
    this.panel.dispose();
  }

  /** Shows another document, with the target and build args the user chose for it earlier in this panel. */
  private follow(document: vscode.TextDocument): void {
    if (document === this.document) {
      const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
      if (this.pendingReveal !== undefined && editor) this.highlightCursor(editor.selection.active);
      return;
    }
    if (this.document) this.choices.set(this.document.uri.toString(), { target: this.settings.target, buildArgs: this.settings.buildArgs });
    this.document = document;
    this.settings = { ...this.settings, ...(this.choices.get(document.uri.toString()) ?? { target: null, buildArgs: {} }) };
    this.update();
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

  private scheduleUpdate(): void {
    clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => this.update(), EDIT_DELAY_MS);
  }

  /** Posts the current document's drawing (or the empty state), unless the view already shows exactly that. */
  private update(): void {
    clearTimeout(this.editTimer);
    if (!this.ready) return;
    const document = this.document;
    let message: HostToWebviewMessage;
    if (!document) {
      message = { type: 'empty', message: 'Open a Dockerfile (or run "Stageflow: Show Stage Graph" from one) and its build stages appear here.' };
      this.panel.title = 'Stage Graph';
    } else {
      const started = performance.now();
      this.panel.title = `Stage Graph: ${baseName(document.uri)}`;
      try {
        message = graphPanelModel(
          { uri: document.uri.toString(), fileName: baseName(document.uri), version: document.version, text: document.getText() },
          this.services.cache.get(document),
          this.settings,
        );
        this.services.log.trace(`Graph view: ${document.uri.toString(true)} v${document.version} laid out in ${(performance.now() - started).toFixed(1)} ms.`);
      } catch (error) {
        // A bug in the layout must leave a message in the panel, never a blank or silently stale one.
        this.services.log.error(`Graph view: cannot draw ${document.uri.toString(true)} v${document.version}: ${String(error)}`);
        message = { type: 'empty', message: `Stageflow could not draw ${baseName(document.uri)} (${String(error)}). The Stageflow output channel has the details.` };
      }
    }
    const json = JSON.stringify(message);
    if (json === this.lastJson) return;
    this.lastJson = json;
    this.lastHighlight = undefined;
    this.post(message);
    // A new drawing starts with the stage the cursor is in already highlighted.
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
    if (editor && message.type === 'graph') this.highlightCursor(editor.selection.active);
  }

  private post(message: HostToWebviewMessage): void {
    void this.panel.webview.postMessage(message);
    if (message.type === 'highlightStage' && this.lastPosted) this.lastPosted.highlight = { stage: message.stage, reveal: message.reveal };
    if (message.type !== 'graph' && message.type !== 'empty') return;
    this.lastPosted = {
      type: message.type,
      documentUri: message.type === 'graph' ? message.documentUri : null,
      version: message.type === 'graph' ? message.version : null,
      nodeCount: message.type === 'graph' ? message.layout.nodes.length : null,
      rendered: this.lastPosted?.rendered ?? null,
      highlight: null,
    };
  }

  private highlightCursor(position: vscode.Position | undefined): void {
    const document = this.document;
    if (!document || !position || !this.ready) return;
    const stage = stageAtLine(this.services.cache.get(document), position.line);
    const reveal = stage !== null && stage.index === this.pendingReveal;
    const key = `${document.version}:${stage?.index ?? 'none'}`;
    if (key === this.lastHighlight && !reveal) return;
    this.lastHighlight = key;
    if (reveal) this.pendingReveal = undefined;
    this.post({ type: 'highlightStage', stage: stage?.index ?? null, version: document.version, reveal });
  }

  private receive(data: unknown): void {
    const message = validateWebviewMessage(data);
    if (!message) {
      this.services.log.warn(`Graph view: ignored an unexpected message from the webview: ${safeJson(data)}`);
      return;
    }
    void this.handle(message).catch((error: unknown) => this.services.log.error(`Graph view: ${message.type} failed: ${String(error)}`));
  }

  private async handle(message: WebviewToHostMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.lastJson = '';
        this.update();
        return;
      case 'rendered':
        if (this.lastPosted) this.lastPosted.rendered = { version: message.version, nodeCount: message.nodeCount };
        this.services.log.trace(`Graph view: drew version ${message.version} (${message.nodeCount} nodes).`);
        return;
      case 'revealStage':
        return this.revealStage(message.stage, message.version);
      case 'revealLine':
        return this.revealLine(message.line, message.version);
      case 'setTarget':
        this.settings = { ...this.settings, target: message.target };
        return this.applyResolveOptions();
      case 'setBuildArgs':
        this.settings = { ...this.settings, buildArgs: { ...message.buildArgs } };
        return this.applyResolveOptions();
      case 'setLayoutOptions':
        this.settings = { ...this.settings, hideImages: message.hideImages, direction: message.direction };
        this.update();
        return;
      case 'exportGraph':
        return this.export(message.format);
      default:
        return assertNever(message);
    }
  }

  /** Resolves the document with the view's target and build args (over the settings), for every feature. */
  private applyResolveOptions(): void {
    const document = this.document;
    if (!document) return;
    const fromSettings = resolveOptionsFromSettings(readStageflowSettings(document.isUntitled ? undefined : document.uri, (text) => this.services.log.warn(text)));
    const buildArgs = { ...fromSettings.buildArgs, ...this.settings.buildArgs };
    this.services.cache.setDocumentResolveOptions(document.uri, { target: this.settings.target ?? fromSettings.target, buildArgs });
    this.update();
  }

  /** The graph the view shows, if the document has not changed since the view drew it. */
  private graphFor(version: number): { document: vscode.TextDocument; graph: StageGraph } | undefined {
    const document = this.document;
    if (!document || document.version !== version) {
      this.services.log.info(`Graph view: refused a request for version ${version}; the document is at ${document?.version ?? 'none'}.`);
      return undefined;
    }
    return { document, graph: this.services.cache.get(document) };
  }

  private async revealStage(index: number, version: number): Promise<void> {
    const current = this.graphFor(version);
    if (!current || this.refuseReveal({ stage: index }, current)) return;
    const { start, end } = current.graph.stages[index].ranges.from;
    await this.reveal(current.document, new vscode.Range(start.line, start.character, end.line, end.character));
  }

  private async revealLine(line: number, version: number): Promise<void> {
    const current = this.graphFor(version);
    if (!current || this.refuseReveal({ line }, current)) return;
    const text = current.document.lineAt(line - 1);
    await this.reveal(current.document, new vscode.Range(line - 1, text.firstNonWhitespaceCharacterIndex, line - 1, text.range.end.character));
  }

  /** Logs and returns true when the request names a stage or line the document does not have. */
  private refuseReveal(request: RevealRequest, current: { document: vscode.TextDocument; graph: StageGraph }): boolean {
    const refusal = revealRefusal(request, { stageCount: current.graph.stages.length, lineCount: current.document.lineCount });
    if (refusal !== null) this.services.log.warn(`Graph view: ${refusal}`);
    return refusal !== null;
  }

  private async reveal(document: vscode.TextDocument, range: vscode.Range): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Selection(range.start, range.start) });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async export(format: ExportFormat): Promise<void> {
    const document = this.document;
    if (!document) return;
    const graph = this.services.cache.get(document);
    if (format === 'svg') {
      const target = await vscode.window.showSaveDialog({
        defaultUri: document.isUntitled ? undefined : document.uri.with({ path: `${document.uri.path}.svg` }),
        filters: { SVG: ['svg'] },
        title: 'Save Stage Graph as SVG',
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(toSvg(graph, { hideImages: this.settings.hideImages, direction: this.settings.direction })));
      this.post({ type: 'exportResult', format, message: `Saved ${baseName(target)}` });
      return;
    }
    await vscode.env.clipboard.writeText(format === 'mermaid' ? toMermaid(graph) : toDot(graph));
    this.post({ type: 'exportResult', format, message: `${format === 'mermaid' ? 'Mermaid' : 'DOT'} copied to the clipboard` });
  }
}

/** Scripts on; local resources only from the bundle and the stylesheet folders; no retained hidden context. */
function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** Puts the cursor of the editor showing `document` on the FROM of stage `index`, when both exist. */
function moveCursorToStage(cache: DocumentGraphCache, document: vscode.TextDocument, index: number): void {
  const from = cache.get(document).stages[index]?.ranges.from.start;
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
  if (!from || !editor) return;
  const position = toPosition(from);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position));
}

function activeDockerfile(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && isDockerfile(document) ? document : undefined;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
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
