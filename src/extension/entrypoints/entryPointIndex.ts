import * as vscode from 'vscode';
import { entryPointFileKind, inSkippedFolder } from '../../core/entrypoints/entryPointFileKind';
import type { EntryPoint, EntryPointScan } from '../../core/entrypoints/entryPointModel';
import { readEntryPoints } from '../../core/entrypoints/readEntryPoints';
import { Disposable } from '../disposable';
import { EditPause } from '../editPause';
import { readWorkspaceText } from './readWorkspaceText';

/**
 * Every name `entryPointFileKind` accepts (Compose `compose.yaml`, `docker-compose.yml`, their `.override` and
 * `compose.NAME.yaml` variants; Bake `docker-bake.hcl`, `docker-bake.json` and theirs), and a few it rejects
 * (`compose.hcl`), which the index filters out: one search and one watcher cover both tools.
 */
export const entryPointFileGlob = '**/{compose,docker-compose,compose.*,docker-compose.*,docker-bake,docker-bake.*}.{yml,yaml,hcl,json}';

/** How many files the first search reads at most; a workspace with more is logged as such. */
const maxFiles = 1000;

/**
 * The Compose and Bake files of the workspace and the entry points they define, kept current.
 *
 * Files are found with one `findFiles` when the extension starts and followed with one file-system watcher;
 * they are read through `vscode.workspace.fs` (so virtual workspaces work), and an open document's text replaces
 * the file's, edit by edit. `scan()` always answers for the texts as they are now (read again only after a
 * change); `onDidChange` fires after changes settle, for push-style consumers. Paths given to the core are URI
 * paths. Files in `node_modules` and `.git`, and documents outside the workspace folders (a `git:` diff, another
 * project's file), are left out.
 */
export class EntryPointIndex extends Disposable {
  private readonly files = new Map<string, { uri: vscode.Uri; text: string }>();
  private scanned: EntryPointScan | undefined;
  private readonly reads = new Set<Promise<void>>();
  private readonly pause = this.register(new EditPause<'changed'>());
  private filesChanged = false;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());

  /** Fires after Compose or Bake files were found, created, deleted or edited (once editing pauses). */
  readonly onDidChange = this.changeEmitter.event;
  /** Settles when the first search and its reads are done. */
  readonly ready: Promise<void>;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(entryPointFileGlob));
    this.register(watcher.onDidCreate((uri) => this.track(this.readFromDisk(uri))));
    this.register(watcher.onDidChange((uri) => this.track(this.readFromDisk(uri))));
    this.register(watcher.onDidDelete((uri) => this.remove(uri)));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.takeDocument(document)));
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.takeDocument(event.document);
      }),
    );
    // Unsaved edits are gone once the document closes: the file on disk is what the tools read.
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.files.has(document.uri.toString())) this.track(this.readFromDisk(document.uri));
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.track(this.findAll())));
    for (const document of vscode.workspace.textDocuments) this.takeDocument(document);
    this.ready = this.track(this.findAll());
  }

  /** The entry points of the files as they are now (open documents as edited). */
  scan(): EntryPointScan {
    if (!this.scanned) {
      const files = [...this.files.values()].map(({ uri, text }) => ({ path: uri.path, text }));
      this.scanned = readEntryPoints(files);
    }
    return this.scanned;
  }

  /** Whether Stageflow reads this document as a Compose or Bake file (by name, inside a workspace folder). */
  isEntryPointFile(uri: vscode.Uri): boolean {
    return wanted(uri);
  }

  /** The URI of an indexed file, by the path the core gives it (its URI path), or undefined. */
  fileUri(path: string): vscode.Uri | undefined {
    for (const { uri } of this.files.values()) {
      if (uri.path === path) return uri;
    }
    return undefined;
  }

  /**
   * The URI of the Dockerfile an entry point builds: its path on the scheme and authority of the entry point's
   * Compose or Bake file; null when the Dockerfile is remote or inline.
   */
  dockerfileUri(entry: EntryPoint): vscode.Uri | null {
    if (entry.dockerfile === null) return null;
    return this.fileUri(entry.source.path)?.with({ path: entry.dockerfile }) ?? null;
  }

  /** Resolves once every read started so far has finished (files created or changed on disk are then in `scan()`). */
  async settled(): Promise<void> {
    while (this.reads.size > 0) await Promise.all([...this.reads]);
  }

  private track(read: Promise<void>): Promise<void> {
    this.reads.add(read);
    return read.finally(() => this.reads.delete(read));
  }

  private async findAll(): Promise<void> {
    const started = performance.now();
    const found = await vscode.workspace.findFiles(entryPointFileGlob, '**/{node_modules,.git}/**', maxFiles);
    const uris = found.filter(wanted);
    await Promise.all(uris.map((uri) => this.readFromDisk(uri)));
    const elapsed = (performance.now() - started).toFixed(0);
    if (uris.length === 0) {
      this.log.info(`Entry points: no Compose or Bake files in the workspace (searched in ${elapsed} ms).`);
    } else {
      const names = uris.map((uri) => vscode.workspace.asRelativePath(uri)).sort();
      this.log.info(`Entry points: ${uris.length} Compose and Bake files read in ${elapsed} ms: ${names.join(', ')}.`);
    }
    if (found.length >= maxFiles) this.log.warn(`Entry points: stopped at ${maxFiles} Compose and Bake files; the others are not indexed.`);
    this.filesChanged = true;
    this.announce();
  }

  private takeDocument(document: vscode.TextDocument): void {
    if (!wanted(document.uri)) return;
    const key = document.uri.toString();
    const text = document.getText();
    if (this.files.get(key)?.text === text) return;
    this.filesChanged ||= !this.files.has(key);
    this.files.set(key, { uri: document.uri, text });
    this.changed();
  }

  private async readFromDisk(uri: vscode.Uri): Promise<void> {
    if (!wanted(uri)) return;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open && !open.isClosed) {
      this.takeDocument(open);
      return;
    }
    const read = await readWorkspaceText(uri);
    if ('problem' in read) {
      if (read.problem !== 'no such file') this.log.warn(`Entry points: ${vscode.workspace.asRelativePath(uri)} not read: ${read.problem}.`);
      this.remove(uri);
      return;
    }
    const key = uri.toString();
    if (this.files.get(key)?.text === read.text) return;
    this.filesChanged ||= !this.files.has(key);
    this.files.set(key, { uri, text: read.text });
    this.changed();
  }

  private remove(uri: vscode.Uri): void {
    if (!this.files.delete(uri.toString())) return;
    this.filesChanged = true;
    this.changed();
  }

  private changed(): void {
    this.scanned = undefined;
    this.pause.schedule('changed', () => this.announce());
  }

  private announce(): void {
    this.pause.cancel('changed');
    const started = performance.now();
    const scan = this.scan();
    const elapsed = (performance.now() - started).toFixed(1);
    const summary = `${this.files.size} files, ${scan.entries.length} entry points (${scan.entries.map(describe).join(', ') || 'none'}), read in ${elapsed} ms`;
    if (this.filesChanged) this.log.info(`Entry points: ${summary}.`);
    else this.log.trace(`Entry points after an edit: ${summary}.`);
    this.filesChanged = false;
    this.changeEmitter.fire();
  }
}

/** A Compose or Bake file of the workspace, outside the folders never searched. */
function wanted(uri: vscode.Uri): boolean {
  return entryPointFileKind(uri.path) !== null && vscode.workspace.getWorkspaceFolder(uri) !== undefined && !inSkippedFolder(vscode.workspace.asRelativePath(uri, false));
}

function describe(entry: EntryPoint): string {
  return `${entry.kind} ${entry.name}`;
}
