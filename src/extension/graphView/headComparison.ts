import * as vscode from 'vscode';
import { compareDockerfiles } from '../../core/diff/compareDockerfiles';
import { diffOverlay } from '../../core/diff/diffOverlay';
import type { GraphLayout } from '../../core/layout/layoutTypes';
import type { ResolveOptions } from '../../core/model';
import type { DiffOverlayMessage } from '../../shared/protocol';
import { gitHeadText } from './gitHeadText';

/** A drawing the webview was sent: what it is of, and its layout. */
export interface DrawnGraph {
  uri: vscode.Uri;
  version: number;
  text: string;
  resolveOptions: ResolveOptions;
  /** Null when the file does not build (the view then keeps an older drawing, which no overlay fits). */
  layout: GraphLayout | null;
}

/**
 * "Compare with HEAD" in the graph view: reads the Dockerfile at HEAD once when the user turns it on, then lays the
 * difference (the core's `compareDockerfiles`, resolved with the drawing's target and build args) onto every
 * drawing of that document until the user turns it off or the view shows another document.
 */
export class HeadComparison {
  private head: { uri: string; text: string } | undefined;
  private lastDrawn: DrawnGraph | undefined;
  /** The last message posted, for the integration tests. */
  lastPosted: DiffOverlayMessage | undefined;

  constructor(
    private readonly post: (message: DiffOverlayMessage) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Turns the comparison on for the drawn document; says why not when there is nothing to compare with. */
  async start(): Promise<void> {
    const drawn = this.lastDrawn;
    if (!drawn) return this.refuse('Open a Dockerfile to compare it with HEAD.');
    const head = await gitHeadText(drawn.uri);
    if ('problem' in head) return this.refuse(head.problem);
    this.head = { uri: drawn.uri.toString(), text: head.text };
    this.log.info(`Graph view: comparing ${drawn.uri.toString(true)} with HEAD.`);
    // The latest drawing: the file may have been drawn again while HEAD was read.
    this.drawn(this.lastDrawn ?? drawn);
  }

  /** Turns the comparison off: the view draws the graph alone again. */
  stop(): void {
    this.head = undefined;
    this.send({ type: 'diffOverlay', version: null, overlay: null, message: null });
  }

  /** Called for every drawing posted: lays the comparison onto it while comparing that document. */
  drawn(drawing: DrawnGraph): void {
    this.lastDrawn = drawing;
    if (!this.head) return;
    if (this.head.uri !== drawing.uri.toString()) {
      // Another document: its HEAD was not asked for.
      this.head = undefined;
      this.send({ type: 'diffOverlay', version: null, overlay: null, message: null });
      return;
    }
    if (drawing.layout === null) {
      this.send({ type: 'diffOverlay', version: drawing.version, overlay: null, message: 'Compare with HEAD shows again once the file builds.' });
      return;
    }
    const comparison = compareDockerfiles(this.head.text, drawing.text, drawing.resolveOptions);
    this.send({ type: 'diffOverlay', version: drawing.version, overlay: diffOverlay(comparison, drawing.layout, 'HEAD'), message: null });
  }

  private refuse(problem: string): void {
    this.head = undefined;
    void vscode.window.showInformationMessage(problem);
    this.send({ type: 'diffOverlay', version: null, overlay: null, message: problem });
  }

  private send(message: DiffOverlayMessage): void {
    this.lastPosted = message;
    this.post(message);
  }
}
