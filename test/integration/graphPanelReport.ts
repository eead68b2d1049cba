// What the graph panel last posted, read through its test-only command; shared by the graph view tests.
import * as vscode from 'vscode';

/** What `_stageflow.graphPanelLastMessage` reports (PostedMessageSummary in src/extension/graphView/panelDrawing.ts). */
export interface PanelReport {
  type: string;
  documentUri: string | null;
  version: number | null;
  nodeCount: number | null;
  /** The Compose service or Bake target the drawing was resolved as, or null. */
  entryPoint: string | null;
  rendered: { version: number; nodeCount: number } | null;
  highlight: { stage: number | null; reveal: boolean } | null;
  /** When the posted drawing's layout was asked for and arrived, in the extension host's `Date.now()`. */
  layout: { requestedAt: number; arrivedAt: number } | null;
  /** When it was posted, in the extension host's `Date.now()`. */
  postedAt: number;
}

/** The open graph panel's report, or undefined when no panel is open. */
export const panelReport = async (): Promise<PanelReport | undefined> => vscode.commands.executeCommand<PanelReport | undefined>('_stageflow.graphPanelLastMessage');
