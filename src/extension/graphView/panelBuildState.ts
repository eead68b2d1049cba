import * as vscode from 'vscode';
import { graphBuildOverlay, type OverlaySource } from '../../core/buildrun/graphBuildOverlay';
import type { BuildAvailabilityMessage, BuildDrawnMessage, BuildStateMessage, HostToWebviewMessage } from '../../shared/protocol';
import type { BuildFeatures } from '../build/registerBuildResults';
import type { BuildResult } from '../build/buildResults';
import { BUILD_NEEDS_PROCESS } from '../build/registerBuildUnavailable';
import { Disposable } from '../disposable';
import { uriBaseName } from './uriBaseName';

/** How many posted states the test record keeps. */
const MAX_RECORDED = 500;

/** What the panel posted about builds and what the webview drew, for the integration tests (`_stageflow.graphPanelBuild`). */
export interface PanelBuildRecord {
  /** Each build state posted for the shown document (the last 500): running or not, the outcome, `label:state text` per stage. */
  posted: { version: number; running: boolean; outcome: string; stages: string[]; criticalPath: number[]; failure: { stage: number | null; line: number | null } | null }[];
  /** The Build button's last state posted. */
  availability: Omit<BuildAvailabilityMessage, 'type'> | null;
  /** What the webview last reported drawing. */
  drawn: Omit<BuildDrawnMessage, 'type'> | null;
}

/**
 * The build side of the graph panel: lays the shown document's build (live, ended, or a saved log, from
 * `BuildResults`) onto the view as per-stage states, as often as the build is published (`BuildRunner` throttles
 * it), and clears them when the results are dropped (an edit); tells the view whether its Build button can build
 * (the runner's refusal: an untrusted workspace, a file not on disk) or a build runs; runs and cancels builds the
 * view asks for. Without a runner (VS Code for the Web) the button says where building works; saved logs are drawn
 * all the same.
 */
export class PanelBuildState extends Disposable {
  private document: vscode.TextDocument | undefined;
  readonly record: PanelBuildRecord = { posted: [], availability: null, drawn: null };

  constructor(
    private readonly build: BuildFeatures,
    private readonly post: (message: HostToWebviewMessage) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(build.results.onDidChange((uri) => uri.toString() === this.document?.uri.toString() && this.postState()));
    if (!build.runner) return;
    this.register(build.runner.onDidChangeRunning(() => this.postAvailability()));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.postAvailability()));
  }

  /** The view shows `document` now (or nothing): its build and the Build button's state are posted again. */
  show(document: vscode.TextDocument | undefined): void {
    if (document !== this.document) this.record.posted = [];
    this.document = document;
    if (!document) return;
    this.postState();
    this.postAvailability();
  }

  /** The view's Build button: builds the shown document with the view's target and build args (the cache has them). */
  async start(documentUri: string): Promise<void> {
    const document = this.document;
    if (!document || document.uri.toString() !== documentUri) {
      this.log.info(`Graph view: a Build click for ${documentUri} came after the view moved on; nothing was built.`);
      return;
    }
    await vscode.commands.executeCommand('stageflow.build', document.uri);
  }

  /** The view's Cancel button, while the shown document builds. */
  cancel(): void {
    if (this.document && this.build.runner?.building?.toString() === this.document.uri.toString()) this.build.runner.cancel();
  }

  /** The webview reports drawing a build's states. */
  drawn(message: BuildDrawnMessage): void {
    this.record.drawn = { version: message.version, running: message.running, nodeCount: message.nodeCount };
  }

  private postState(): void {
    const document = this.document;
    if (!document) return;
    const result = this.build.results.get(document.uri);
    const overlay = result?.timeline ? graphBuildOverlay(result.timeline, overlaySource(result), Date.now()) : null;
    const message: BuildStateMessage = { type: 'buildState', documentUri: document.uri.toString(), version: result?.version ?? document.version, overlay };
    this.post(message);
    if (overlay) {
      // A long build publishes every second: the record keeps its latest states only.
      if (this.record.posted.length >= MAX_RECORDED) this.record.posted.splice(0, this.record.posted.length - MAX_RECORDED + 1);
      this.record.posted.push({
        version: message.version,
        running: overlay.running,
        outcome: overlay.outcome,
        stages: overlay.stages.map((stage) => `${stage.label}:${stage.state} ${stage.text}`),
        criticalPath: overlay.criticalPath,
        failure: overlay.failure && { stage: overlay.failure.stage, line: overlay.failure.line },
      });
    }
  }

  private postAvailability(): void {
    const document = this.document;
    if (!document) return;
    const building = this.build.runner?.building;
    const refusal = this.build.runner ? this.build.runner.refusal(document) : BUILD_NEEDS_PROCESS;
    let state: BuildAvailabilityMessage['state'] = 'ready';
    let reason: string | null = null;
    if (building?.toString() === document.uri.toString()) state = 'building';
    else if (refusal !== null) [state, reason] = ['unavailable', refusal];
    else if (building) [state, reason] = ['unavailable', `A build of ${uriBaseName(building)} is running.`];
    const message: BuildAvailabilityMessage = { type: 'buildAvailability', documentUri: document.uri.toString(), state, reason };
    this.record.availability = { documentUri: message.documentUri, state, reason };
    this.post(message);
  }
}

function overlaySource(result: BuildResult): OverlaySource {
  return result.source.kind === 'log' ? { kind: 'log', name: result.source.name } : { kind: 'build', running: result.running, report: result.report?.message ?? null };
}
