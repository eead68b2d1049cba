// What the extension shows of a document's last build or saved log, read through its test-only command; shared by
// the build and saved-log tests.
import * as vscode from 'vscode';
import type { LineAnnotation } from '../../src/core/buildrun/buildAnnotations';
import type { BuildReport } from '../../src/core/buildrun/buildReport';
import type { TimelineJson } from '../../src/core/buildlog/timelineJson';
import type { BuildRecord } from '../../src/extension/build/buildRunner';

/** What `_stageflow.buildState` reports for a document (`building` and `lastBuild` stay null where nothing builds). */
export interface BuildState {
  building: string | null;
  lastBuild: BuildRecord | null;
  result: {
    running: boolean;
    source: { kind: 'build'; command: string } | { kind: 'log'; name: string };
    mismatch: string | null;
    outcome: string | null;
    timeline: TimelineJson | null;
    report: BuildReport | null;
  } | null;
  annotations: LineAnnotation[];
}

/** The build state of `uri`, or of the active editor's document. */
export function buildState(uri?: vscode.Uri): Promise<BuildState> {
  return Promise.resolve(vscode.commands.executeCommand<BuildState>('_stageflow.buildState', uri));
}
