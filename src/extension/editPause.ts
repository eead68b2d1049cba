import type * as vscode from 'vscode';

/**
 * How long editing must pause before a change is announced to the features that push results (diagnostics,
 * CodeLens, the graph view, the checks of Compose and Bake files), one value for all so they follow the same edit.
 * Long enough to fold a burst into one recomputation (a key and its auto-closed pair, key repeat at ~30 per second,
 * a multi-cursor edit); short enough that the graph view redraws within 150 ms of an edit, leaving ~90 ms to
 * resolve (well under 1 ms for the examples), lay out and draw. Recomputing on every pause of a usual file costs
 * nothing noticeable.
 */
export const EDIT_PAUSE_MS = 60;

/**
 * Actions that wait for editing to pause: scheduling one again restarts its wait; each key (a document, a file)
 * waits on its own.
 */
export class EditPause<Key = string> implements vscode.Disposable {
  private readonly timers = new Map<Key, ReturnType<typeof setTimeout>>();

  /** Runs `action` once nothing was scheduled for `key` during `EDIT_PAUSE_MS`. */
  schedule(key: Key, action: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        action();
      }, EDIT_PAUSE_MS),
    );
  }

  /** Forgets the action waiting for `key`, if any. */
  cancel(key: Key): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
