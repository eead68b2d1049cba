import * as vscode from 'vscode';
import { dockerfileFacts, type DockerfileFacts } from '../../core/entrypoints/dockerfileFacts';
import { Disposable } from '../disposable';
import { EditPause } from '../editPause';
import { readWorkspaceText } from './readWorkspaceText';

interface OnDisk {
  uri: vscode.Uri;
  /** Undefined when the file could not be read: its entry points are then not checked. */
  facts: DockerfileFacts | undefined;
  watcher: vscode.FileSystemWatcher;
}

/**
 * The facts (stages, declared ARGs) of the Dockerfiles that Compose and Bake files build, for checking those files:
 * from the open document when there is one (as edited), else read once through `vscode.workspace.fs` and read
 * again when a watcher sees the file change. Keyed by URI path, as the core names Dockerfiles.
 */
export class DockerfileFactsStore extends Disposable {
  private readonly onDisk = new Map<string, OnDisk>();
  private readonly fromDocuments = new Map<string, { version: number; facts: DockerfileFacts }>();
  private readonly pause = this.register(new EditPause<'edited'>());
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());

  /** Fires when a Dockerfile the store follows changed, in an editor (after editing pauses) or on disk. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.onDisk.has(event.document.uri.path)) this.pause.schedule('edited', () => this.changeEmitter.fire());
      }),
    );
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.fromDocuments.delete(document.uri.toString());
        const followed = this.onDisk.get(document.uri.path);
        if (followed) void this.read(followed).then(() => this.changeEmitter.fire());
      }),
    );
  }

  /** The facts of the Dockerfile at a path, as it is now, or undefined when it is not followed or cannot be read. */
  lookup(path: string): DockerfileFacts | undefined {
    const followed = this.onDisk.get(path);
    if (!followed) return undefined;
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === followed.uri.toString());
    if (!document) return followed.facts;
    const key = document.uri.toString();
    const cached = this.fromDocuments.get(key);
    if (cached?.version === document.version) return cached.facts;
    const facts = dockerfileFacts(document.getText());
    this.fromDocuments.set(key, { version: document.version, facts });
    return facts;
  }

  /**
   * Follows exactly these Dockerfiles: reads the new ones (and watches them), forgets the others. Resolves when
   * every new one has been read.
   */
  async follow(uris: readonly vscode.Uri[]): Promise<void> {
    const wanted = new Map(uris.map((uri) => [uri.path, uri]));
    for (const [path, followed] of this.onDisk) {
      if (wanted.has(path)) continue;
      followed.watcher.dispose();
      this.onDisk.delete(path);
    }
    const added: OnDisk[] = [];
    for (const [path, uri] of wanted) {
      if (this.onDisk.has(path)) continue;
      const watcher = watchFile(uri);
      const followed: OnDisk = { uri, facts: undefined, watcher };
      const reread = () => void this.read(followed).then(() => this.changeEmitter.fire());
      watcher.onDidChange(reread);
      watcher.onDidCreate(reread);
      watcher.onDidDelete(reread);
      this.onDisk.set(path, followed);
      added.push(followed);
    }
    await Promise.all(added.map((followed) => this.read(followed)));
  }

  override dispose(): void {
    for (const followed of this.onDisk.values()) followed.watcher.dispose();
    super.dispose();
  }

  private async read(followed: OnDisk): Promise<void> {
    const read = await readWorkspaceText(followed.uri);
    if ('problem' in read) this.log.info(`Entry points: the Dockerfile ${vscode.workspace.asRelativePath(followed.uri)} is not checked against: ${read.problem}.`);
    followed.facts = 'text' in read ? dockerfileFacts(read.text) : undefined;
  }
}

/** A watcher for one file, whatever its name (a Dockerfile may be called anything). */
function watchFile(uri: vscode.Uri): vscode.FileSystemWatcher {
  const slash = uri.path.lastIndexOf('/');
  return vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(uri.with({ path: uri.path.slice(0, slash) || '/' }), uri.path.slice(slash + 1)));
}
