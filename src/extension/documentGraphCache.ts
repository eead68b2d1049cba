import * as vscode from 'vscode';
import { buildStageGraph } from '../core/graph/buildStageGraph';
import { applyResolveOverride, isOverriding, NO_RESOLVE_OVERRIDE, type ResolveOverride } from '../core/editor/resolveOverride';
import type { ResolveOptions, StageGraph } from '../core/model';
import { Disposable } from './disposable';
import { EditPause } from './editPause';
import { readStageflowSettings, resolveOptionsFromSettings, resolveSettingKeys, type StageflowSettings } from './settings';

/** A document's graph was recomputed after an edit or a change of resolve options. */
export interface GraphChangeEvent {
  document: vscode.TextDocument;
  graph: StageGraph;
}

interface CachedGraph {
  version: number;
  optionsKey: string;
  graph: StageGraph;
}


/** Whether a document is one Stageflow resolves (any scheme: files, untitled, virtual workspaces). */
export function isDockerfile(document: vscode.TextDocument): boolean {
  return document.languageId === 'dockerfile';
}

/**
 * One resolved stage graph per open Dockerfile, shared by every feature.
 *
 * `get` always answers for the document's current version and options (computing at most once per version), so
 * providers are never stale. Edits are announced through `onDidChangeGraph` only after typing pauses (`EditPause`), so
 * push-style consumers (diagnostics, CodeLens refresh, the graph view) do not recompute on every keystroke.
 * Resolve options come from the `stageflow.buildArgs`/`stageflow.target` settings, overridden per document with
 * `setResolveOverride` (the graph view's controls): the cache is the one place that override lives, so the view
 * shows what is in force even after it was closed and reopened. Everything about a document is dropped when it closes.
 */
export class DocumentGraphCache extends Disposable {
  private readonly graphs = new Map<string, CachedGraph>();
  private readonly overrides = new Map<string, ResolveOverride>();
  private readonly settings = new Map<string, StageflowSettings>();
  private readonly pauses = this.register(new EditPause());
  private readonly changeEmitter = this.register(new vscode.EventEmitter<GraphChangeEvent>());

  /** Fires after a Dockerfile's graph changed because of an edit (debounced) or new resolve options. */
  readonly onDidChangeGraph = this.changeEmitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (isDockerfile(event.document) && event.contentChanges.length > 0) {
          this.scheduleAnnouncement(event.document);
        }
      }),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stageflow')) {
          this.settings.clear();
        }
        if (resolveSettingKeys.some((key) => event.affectsConfiguration(key))) {
          this.log.info('Build args or target setting changed: resolving open Dockerfiles again.');
          this.announceAll();
        }
      }),
    );
  }

  /** The graph of the document as it is now, resolved with its current options. */
  get(document: vscode.TextDocument): StageGraph {
    const key = document.uri.toString();
    const options = this.getResolveOptions(document);
    const optionsKey = JSON.stringify(options);
    const cached = this.graphs.get(key);
    if (cached && cached.version === document.version && cached.optionsKey === optionsKey) {
      return cached.graph;
    }
    const graph = this.resolve(document, options);
    this.graphs.set(key, { version: document.version, optionsKey, graph });
    return graph;
  }

  /**
   * The `stageflow.*` settings for a document's resource (or a file's, for the Compose and Bake files that are
   * not open), read once per configuration change, so a bad value is logged once, not on every request. Every
   * feature reads its settings here.
   */
  settingsFor(resource: vscode.TextDocument | vscode.Uri): StageflowSettings {
    const uri = resource instanceof vscode.Uri ? resource : resource.uri;
    const key = uri.toString();
    let settings = this.settings.get(key);
    if (!settings) {
      const scope = resource instanceof vscode.Uri || !resource.isUntitled ? uri : undefined;
      settings = readStageflowSettings(scope, (message) => this.log.warn(message));
      this.settings.set(key, settings);
    }
    return settings;
  }

  /** The options a document resolves with: the settings for its resource, with the view's override over them. */
  getResolveOptions(document: vscode.TextDocument): ResolveOptions {
    return applyResolveOverride(resolveOptionsFromSettings(this.settingsFor(document)), this.getResolveOverride(document.uri));
  }

  /** What the graph view chose for a document over the settings (nothing chosen: `NO_RESOLVE_OVERRIDE`). */
  getResolveOverride(uri: vscode.Uri): ResolveOverride {
    return this.overrides.get(uri.toString()) ?? NO_RESOLVE_OVERRIDE;
  }

  /**
   * Resolves one document with the target and build args chosen in the graph view over the settings; `undefined`
   * goes back to the settings. Fires `onDidChangeGraph` when the override changes and the document is open.
   */
  setResolveOverride(uri: vscode.Uri, chosen: ResolveOverride | undefined): void {
    const key = uri.toString();
    const override = chosen && isOverriding(chosen) ? chosen : undefined;
    if (JSON.stringify(this.overrides.get(key)) === JSON.stringify(override)) {
      return; // Nothing changes: no event, so a view that sets options when it gets a graph cannot loop.
    }
    if (override) {
      this.overrides.set(key, { ...override, buildArgs: { ...override.buildArgs } });
    } else {
      this.overrides.delete(key);
    }
    this.log.info(`Resolve options for ${uri.toString(true)}: ${override ? JSON.stringify(override) : 'from settings'}.`);
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
    if (document && isDockerfile(document)) {
      this.announce(document);
    }
  }

  override dispose(): void {
    this.graphs.clear();
    super.dispose();
  }

  private resolve(document: vscode.TextDocument, options: ResolveOptions): StageGraph {
    const started = performance.now();
    const graph = buildStageGraph(document.getText(), options);
    const elapsed = (performance.now() - started).toFixed(1);
    this.log.trace(
      `Resolved ${document.uri.toString(true)} v${document.version} in ${elapsed} ms: ${graph.stages.length} stages, ` +
        (graph.ok ? `target ${graph.target ?? 'none'}` : `BuildKit would fail: ${graph.error}`),
    );
    return graph;
  }

  private scheduleAnnouncement(document: vscode.TextDocument): void {
    this.pauses.schedule(document.uri.toString(), () => {
      if (!document.isClosed) this.announce(document);
    });
  }

  private announce(document: vscode.TextDocument): void {
    this.changeEmitter.fire({ document, graph: this.get(document) });
  }

  private announceAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (isDockerfile(document)) {
        this.announce(document);
      }
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.pauses.cancel(key);
    this.graphs.delete(key);
    this.overrides.delete(key);
    this.settings.delete(key);
  }
}
