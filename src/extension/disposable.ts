import * as vscode from 'vscode';

/**
 * An object that owns VS Code resources (event subscriptions, emitters, collections) and releases them together:
 * `register` hands one over, `dispose` disposes all of them once, in the order they were registered. Subclasses
 * that hold more (timers, a webview) override `dispose` and call `super.dispose()`.
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  /** Takes `disposable` to dispose with this object (at once when this one is already disposed); returns it. */
  protected register<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    vscode.Disposable.from(...this.owned.splice(0)).dispose();
  }
}
