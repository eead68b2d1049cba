import * as vscode from 'vscode';
import { findDiagramBlocks } from '../../core/docs/findDiagramBlocks';
import type { Diagnostic } from '../../core/model';
import { Disposable } from '../disposable';
import type { DocumentGraphCache } from '../documentGraphCache';
import { EditPause } from '../editPause';
import { toDiagnostic } from '../typeConverters';
import { readMarkerDockerfiles } from './markerDockerfiles';

/** Whether Stageflow looks for diagram markers in a document. */
export function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown';
}

/**
 * Marks what would stop "Update stage diagram" on the markers of open Markdown files: a marker that cannot be
 * read (unclosed, nested, stray, unknown options) and a Dockerfile that cannot be read. Checked when a file opens,
 * after editing pauses, and when files are created, deleted or renamed in the editor (a Dockerfile created outside
 * it shows up at the next edit). Stale diagrams are not marked: that needs every Dockerfile followed, and the
 * action or `stageflow docs --check` says it. `stageflow.diagnostics.enabled: false` clears them.
 */
export class StageDiagramDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('stageflow-docs'));
  private readonly pause = this.register(new EditPause<string>());
  /** The newest check of each document; an older one that finishes later publishes nothing. */
  private readonly checks = new Map<string, number>();
  private nextCheck = 0;

  constructor(private readonly cache: DocumentGraphCache) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((document) => void this.refresh(document)));
    this.register(
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (contentChanges.length > 0 && isMarkdown(document)) this.pause.schedule(document.uri.toString(), () => void this.refresh(document));
      }),
    );
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.pause.cancel(document.uri.toString());
        this.checks.delete(document.uri.toString());
        this.collection.delete(document.uri);
      }),
    );
    this.register(vscode.workspace.onDidCreateFiles(() => this.refreshAll()));
    this.register(vscode.workspace.onDidDeleteFiles(() => this.refreshAll()));
    this.register(vscode.workspace.onDidRenameFiles(() => this.refreshAll()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stageflow.diagnostics.enabled')) this.refreshAll();
      }),
    );
  }

  /** Checks every open Markdown file (those opened before Stageflow started included). */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.refresh(document);
  }

  private async refresh(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const check = ++this.nextCheck;
    this.checks.set(key, check);
    const diagnostics = isMarkdown(document) && this.cache.settingsFor(document).diagnosticsEnabled ? await markerProblems(document) : [];
    if (this.checks.get(key) !== check || document.isClosed) return;
    if (diagnostics.length === 0) this.collection.delete(document.uri);
    else this.collection.set(document.uri, diagnostics.map(toDiagnostic));
  }
}

async function markerProblems(document: vscode.TextDocument): Promise<Diagnostic[]> {
  const text = document.getText();
  if (!text.includes('stageflow')) return [];
  const scan = findDiagramBlocks(text);
  const diagnostics: Diagnostic[] = scan.problems.map(({ range, message }) => ({ severity: 'error', code: 'stageflow.diagramMarker', message, range }));
  const dockerfiles = await readMarkerDockerfiles(document.uri, scan.blocks);
  for (const block of scan.blocks) {
    const read = dockerfiles.get(block.dockerfile);
    if (read && 'problem' in read) diagnostics.push({ severity: 'error', code: 'stageflow.diagramDockerfile', message: read.problem, range: block.markerRange });
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line);
}
