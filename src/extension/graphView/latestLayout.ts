import type { GraphLayout } from '../../core/layout/layoutTypes';
import type { LayoutRequest, LayoutRunner } from './layoutRunner';

/**
 * Layouts for a view that only ever wants the newest one: one runs at a time, and a newer request supersedes
 * every older one. A request still waiting for its turn never starts, and the result of one that was running is
 * dropped, so the view keeps its previous drawing until the newest layout arrives and never draws an old one.
 * While the user types through a slow layout, the view is redrawn once each layout finishes, with the latest text.
 */
export class LatestLayout {
  /** Number of the newest request; a request whose number is lower is superseded. */
  private newest = 0;
  /** Settles when the running layout ends (successfully or not). */
  private idle: Promise<void> = Promise.resolve();

  constructor(private readonly runner: LayoutRunner) {}

  /**
   * Lays out `request`; resolves with its layout, or with `undefined` when a later call (or `supersede`)
   * superseded it. Rejects when its layout failed and it is still the newest.
   */
  async layout(request: LayoutRequest): Promise<GraphLayout | undefined> {
    const ticket = ++this.newest;
    await this.idle;
    if (ticket !== this.newest) return undefined;
    const running = this.runner.run(request);
    this.idle = running.then(
      () => undefined,
      () => undefined,
    );
    try {
      const layout = await running;
      return ticket === this.newest ? layout : undefined;
    } catch (error) {
      if (ticket !== this.newest) return undefined;
      throw error;
    }
  }

  /** Supersedes every request made so far (the view now shows something that needs no layout). */
  supersede(): void {
    this.newest++;
  }
}
