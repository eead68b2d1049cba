import * as vscode from 'vscode';
import { checkEntryPoints } from '../../core/entrypoints/checkEntryPoints';
import type { FileDiagnostic } from '../../core/entrypoints/entryPointModel';
import { Disposable } from '../disposable';
import type { DocumentGraphCache } from '../documentGraphCache';
import { toDiagnostic } from '../typeConverters';
import type { DockerfileFactsStore } from './dockerfileFactsStore';
import type { EntryPointIndex } from './entryPointIndex';

/**
 * Publishes the problems of Compose and Bake files: malformed files and unresolvable Bake `inherits` (from the
 * scan), a target that is no stage of its Dockerfile and a build arg no ARG declares (`checkEntryPoints`), for
 * every indexed file, open or not, as the files and the Dockerfiles they build change.
 * `stageflow.diagnostics.enabled: false` for a file's folder clears them.
 */
export class EntryPointDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('stageflow-entrypoints'));

  constructor(
    private readonly index: EntryPointIndex,
    private readonly dockerfiles: DockerfileFactsStore,
    private readonly cache: DocumentGraphCache,
  ) {
    super();
    this.register(index.onDidChange(() => void this.refresh()));
    this.register(dockerfiles.onDidChange(() => this.publish()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stageflow.diagnostics.enabled')) this.publish();
      }),
    );
  }

  /** The diagnostics of every indexed file as the files are now (what the quick fixes are computed from). */
  current(): FileDiagnostic[] {
    const scan = this.index.scan();
    return [...scan.diagnostics, ...checkEntryPoints(scan, (path) => this.dockerfiles.lookup(path))];
  }

  /** Follows the Dockerfiles the entry points build now, then publishes. */
  async refresh(): Promise<void> {
    const uris = this.index.scan().entries.map((entry) => this.index.dockerfileUri(entry)).filter((uri): uri is vscode.Uri => uri !== null);
    await this.dockerfiles.follow(uris);
    this.publish();
  }

  private publish(): void {
    const byPath = new Map<string, vscode.Diagnostic[]>();
    for (const { path, diagnostic } of this.current()) byPath.set(path, [...(byPath.get(path) ?? []), toDiagnostic(diagnostic)]);
    const next = new Map<string, [vscode.Uri, vscode.Diagnostic[]]>();
    for (const [path, diagnostics] of byPath) {
      const uri = this.index.fileUri(path);
      if (uri && this.cache.settingsFor(uri).diagnosticsEnabled) next.set(uri.toString(), [uri, diagnostics]);
    }
    const stale: vscode.Uri[] = [];
    this.collection.forEach((uri) => {
      if (!next.has(uri.toString())) stale.push(uri);
    });
    for (const uri of stale) this.collection.delete(uri);
    for (const [uri, diagnostics] of next.values()) this.collection.set(uri, diagnostics);
  }
}
