// A file system that lives in memory, registered by a test under a scheme of its own: how a virtual workspace
// (vscode.dev's GitHub repositories, a remote without `file:`) looks to an extension.
import * as vscode from 'vscode';

interface Entry {
  type: vscode.FileType;
  ctime: number;
  mtime: number;
  data: Uint8Array;
}

/** A flat map from path to file or folder; enough for Stageflow, which stats, reads and writes whole files. */
export class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly entries = new Map<string, Entry>([['/', { type: vscode.FileType.Directory, ctime: 0, mtime: 0, data: new Uint8Array() }]]);
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  constructor(readonly scheme: string) {}

  /** Registers the provider; the returned Disposable unregisters it. */
  register(): vscode.Disposable {
    return vscode.workspace.registerFileSystemProvider(this.scheme, this, { isCaseSensitive: true });
  }

  /** The URI of `path` in this file system. */
  uri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: this.scheme, path });
  }

  /** Creates a file (and its folders) holding `text`, without events: for setting up a test. */
  seed(path: string, text: string): vscode.Uri {
    const parts = path.split('/').filter((part) => part !== '');
    for (let depth = 1; depth < parts.length; depth++) {
      const folder = `/${parts.slice(0, depth).join('/')}`;
      if (!this.entries.has(folder)) this.entries.set(folder, { type: vscode.FileType.Directory, ctime: 0, mtime: 0, data: new Uint8Array() });
    }
    this.entries.set(`/${parts.join('/')}`, { type: vscode.FileType.File, ctime: Date.now(), mtime: Date.now(), data: new TextEncoder().encode(text) });
    return this.uri(path);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => {});
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const entry = this.entry(uri);
    return { type: entry.type, ctime: entry.ctime, mtime: entry.mtime, size: entry.data.byteLength };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path === '/' ? '/' : `${uri.path}/`;
    return [...this.entries]
      .filter(([path]) => path !== uri.path && path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
      .map(([path, entry]) => [path.slice(prefix.length), entry.type]);
  }

  createDirectory(uri: vscode.Uri): void {
    this.entries.set(uri.path, { type: vscode.FileType.Directory, ctime: Date.now(), mtime: Date.now(), data: new Uint8Array() });
    this.changes.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.entry(uri);
    if (entry.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const existing = this.entries.get(uri.path);
    this.entries.set(uri.path, { type: vscode.FileType.File, ctime: existing?.ctime ?? Date.now(), mtime: Date.now(), data: content });
    this.changes.fire([{ type: existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.entry(uri);
    this.entries.delete(uri.path);
    this.changes.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    this.entries.set(newUri.path, this.entry(oldUri));
    this.entries.delete(oldUri.path);
    this.changes.fire([
      { type: vscode.FileChangeType.Deleted, uri: oldUri },
      { type: vscode.FileChangeType.Created, uri: newUri },
    ]);
  }

  private entry(uri: vscode.Uri): Entry {
    const entry = this.entries.get(uri.path);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }
}
