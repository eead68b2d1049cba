import * as vscode from 'vscode';
import { readBuildLog } from '../../core/buildlog/buildLogReader';
import type { BuildLog } from '../../core/buildlog/model';
import { matchBuildLog, type LogCandidate } from '../../core/buildrun/matchBuildLog';
import { failureLocation, summarizeTimeline } from '../../core/buildrun/summarizeTimeline';
import { buildStageGraph } from '../../core/graph/buildStageGraph';
import { isDockerfile, type DocumentGraphCache } from '../documentGraphCache';
import type { BuildResults } from './buildResults';

/** Larger logs are refused rather than read into memory (the CLI's limit too). */
const MAX_LOG_BYTES = 128 * 1024 * 1024;
/** How many files named like the log's Dockerfile are tried besides the open ones. */
const MAX_FOUND_FILES = 20;

/**
 * "Stageflow: Open Build Log…": reads a saved `--progress=plain` log (a CI job's, a colleague's) and lays it onto the
 * Dockerfile it is a build of, shown in the editor with its times and failure as after a build from the editor.
 * Tried in order: the active Dockerfile, the other open ones, then the workspace's files named as the log's
 * `load build definition from NAME` says; a log that fits none is refused with the reason it does not fit.
 * Resolves with the Dockerfile it was laid onto (null when none) and the message shown.
 */
export async function openBuildLog(logUri: vscode.Uri | undefined, cache: DocumentGraphCache, results: BuildResults, log: vscode.LogOutputChannel): Promise<OpenedLog | undefined> {
  const uri = logUri ?? (await pickLog());
  if (!uri) return undefined;
  const refuse = (message: string): OpenedLog => {
    void vscode.window.showErrorMessage(message);
    return { dockerfile: null, message };
  };
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  let buildLog: BuildLog;
  try {
    buildLog = readBuildLog(await readLogText(uri));
  } catch (error) {
    return refuse(`Cannot open the build log ${name}: ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (buildLog.vertices.length === 0) {
    return refuse(`${name} holds no BuildKit progress (the "#1 ..." lines of docker build --progress=plain).`);
  }
  const documents = await candidateDocuments(buildLog);
  if (documents.length === 0) {
    return refuse(`Open the Dockerfile that ${name} is a build of, then open the log again.`);
  }
  const candidates: LogCandidate[] = documents.map((document) => ({
    id: document.uri.toString(),
    fileName: document.uri.path,
    graph: buildStageGraph(document.getText(), cache.getResolveOptions(document)),
  }));
  const { matches, mismatches } = matchBuildLog(buildLog, candidates);
  if (matches.length === 0) {
    const first = mismatches[0];
    const file = documents.find((document) => document.uri.toString() === first.id)!;
    const others = mismatches.length > 1 ? ` (nor of ${mismatches.length - 1} other Dockerfile${mismatches.length > 2 ? 's' : ''})` : '';
    return refuse(`${name} is not a build of ${vscode.workspace.asRelativePath(file.uri)}${others}: ${first.mismatch.message}.`);
  }
  const { id, timeline } = matches[0];
  const document = documents.find((candidate) => candidate.uri.toString() === id)!;
  const graph = candidates.find((candidate) => candidate.id === id)!.graph;
  await vscode.window.showTextDocument(document, { preview: false });
  results.set({ uri: document.uri, version: document.version, graph, timeline, mismatch: null, source: { kind: 'log', name }, running: false, report: null });
  log.info(`Build log ${uri.toString(true)} laid onto ${document.uri.toString(true)}: ${timeline.outcome}.`);
  const outcome = timeline.outcome === 'failed' ? `failed${failureLocation(timeline)}: ${timeline.failure?.message ?? ''}` : timeline.outcome;
  const summary = `${name} on ${vscode.workspace.asRelativePath(document.uri)}: build ${outcome}${summarizeTimeline(timeline)}.`;
  const warnings = timeline.warnings.map((warning) => ` Note: ${warning}.`).join('');
  const show = timeline.warnings.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(summary + warnings);
  return { dockerfile: document.uri, message: summary + warnings };
}

/** Where a saved log was laid, and what the user was told. */
export interface OpenedLog {
  /** The Dockerfile it fits, or null when it was refused. */
  dockerfile: vscode.Uri | null;
  message: string;
}

async function pickLog(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Open Build Log',
    title: 'Open a build log (docker build --progress=plain)',
    filters: { 'Build logs': ['log', 'txt'], 'All files': ['*'] },
  });
  return picked?.[0];
}

/** The log as text: refused when too large, binary or not UTF-8, as the CLI refuses it. */
async function readLogText(uri: vscode.Uri): Promise<string> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.type & vscode.FileType.Directory) throw new Error('it is a folder');
  if (stat.size > MAX_LOG_BYTES) throw new Error(`it is larger than ${MAX_LOG_BYTES / 1024 / 1024} MiB`);
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.includes(0)) throw new Error('it is a binary file');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Error('it is not UTF-8 text');
  }
}

/** The Dockerfiles a log may be a build of: the active one, the open ones, then files named as the log says. */
async function candidateDocuments(buildLog: BuildLog): Promise<vscode.TextDocument[]> {
  const documents: vscode.TextDocument[] = [];
  const add = (document: vscode.TextDocument) => {
    if (isDockerfile(document) && !documents.some((known) => known.uri.toString() === document.uri.toString())) documents.push(document);
  };
  const active = vscode.window.activeTextEditor?.document;
  if (active) add(active);
  vscode.workspace.textDocuments.forEach(add);
  const named = buildLog.dockerfileName?.split(/[\\/]/).pop();
  if (named && !/[*?[\]{}]/.test(named)) {
    const found = await vscode.workspace.findFiles(`**/${named}`, '**/node_modules/**', MAX_FOUND_FILES);
    for (const uri of found) add(await vscode.workspace.openTextDocument(uri));
  }
  return documents;
}
