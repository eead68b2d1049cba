// What the graph panel last posted, read through its test-only command; shared by the graph view tests.
import * as vscode from 'vscode';
import type { PanelBuildRecord } from '../../src/extension/graphView/panelBuildState';
import type { PostedMessageSummary } from '../../src/extension/graphView/panelDrawing';

/** What `_stageflow.graphPanelLastMessage` reports: the panel's own summary type, so the two cannot drift apart. */
export type PanelReport = PostedMessageSummary;

/** The open graph panel's report, or undefined when no panel is open. */
export const panelReport = async (): Promise<PanelReport | undefined> => vscode.commands.executeCommand<PanelReport | undefined>('_stageflow.graphPanelLastMessage');

/** What the open graph panel posted about builds and what its webview drew, or undefined when no panel is open. */
export const panelBuildReport = async (): Promise<PanelBuildRecord | undefined> => vscode.commands.executeCommand<PanelBuildRecord | undefined>('_stageflow.graphPanelBuild');
