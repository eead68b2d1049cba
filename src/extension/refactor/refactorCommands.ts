import * as vscode from 'vscode';
import type { StageGraph } from '../../core/model';
import { extractSharedBase } from '../../core/refactor/extractSharedBase';
import { extractStage } from '../../core/refactor/extractStage';
import { findSharedBaseCandidates } from '../../core/refactor/findSharedBaseCandidates';
import { nameAllStages } from '../../core/refactor/nameAllStages';
import { nameStage } from '../../core/refactor/nameStage';
import { proposeExtractedStageName } from '../../core/refactor/proposeExtractedStageName';
import { proposeStageName } from '../../core/refactor/proposeStageName';
import type { RefactorOutcome } from '../../core/refactor/refactorOutcome';
import { validateRefactorStageName } from '../../core/refactor/validateRefactorStageName';
import type { DocumentGraphCache } from '../documentGraphCache';
import { toPosition, toWorkspaceEdit } from '../typeConverters';

/** What a refactoring command did, so callers (and tests) can tell an applied change from a refusal or a cancel. */
export type RefactorCommandResult = { applied: true; notes: string[] } | { applied: false; reason: string };

const cancelled: RefactorCommandResult = { applied: false, reason: 'Cancelled' };

/** The open document a command acts on: the one at `uri`, else the active editor's. */
async function documentFor(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}

/** Command arguments come from anywhere (keybindings, other extensions): keep only well-typed ones. */
function integerOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The 0-based line of the cursor when the active editor shows `document`. */
function cursorLine(document: vscode.TextDocument): number | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document === document ? editor.selection.active.line : undefined;
}

/** The stage holding a 0-based line, if any. */
function stageIndexAtLine(graph: StageGraph, line0: number | undefined): number | undefined {
  if (line0 === undefined) return undefined;
  return graph.stages.find((stage) => stage.startLine <= line0 + 1 && line0 + 1 <= stage.endLine)?.index;
}

/** Asks for a stage name, proposing one and checking each keystroke against the file's rules. */
function askName(graph: StageGraph, prompt: string, proposal: string, renaming?: number): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Stageflow',
    prompt,
    value: proposal,
    valueSelection: [0, proposal.length],
    validateInput: (value) => validateRefactorStageName(graph, value.trim(), renaming),
  });
}

/**
 * Applies a refactoring's edits as ONE undoable `WorkspaceEdit`, but only if the document is still the version
 * the edits were computed for; a refusal or a changed document is shown as a warning instead.
 */
async function applyOutcome(document: vscode.TextDocument, version: number, outcome: RefactorOutcome, log: vscode.LogOutputChannel): Promise<RefactorCommandResult> {
  if ('refused' in outcome) {
    void vscode.window.showWarningMessage(`Stageflow: ${outcome.refused}`);
    return { applied: false, reason: outcome.refused };
  }
  if (document.version !== version) {
    const reason = 'The document changed while the refactoring was computed; run it again';
    void vscode.window.showWarningMessage(`Stageflow: ${reason}`);
    return { applied: false, reason };
  }
  const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, outcome.edits));
  if (!applied) return { applied: false, reason: 'VS Code did not apply the edit' };
  for (const note of outcome.notes) log.info(note);
  if (outcome.notes.length > 0) void vscode.window.showInformationMessage(`Stageflow: ${outcome.notes.join(' ')}`);
  return { applied: true, notes: outcome.notes };
}

/** Puts the cursor on a new stage's name and starts a rename there, as VS Code's own extract refactorings do. */
async function renameNewStage(cache: DocumentGraphCache, document: vscode.TextDocument, name: string): Promise<void> {
  const graph = cache.get(document);
  const range = graph.stages.find((stage) => stage.name === name.toLowerCase())?.ranges.name;
  if (!range) return;
  const editor = await vscode.window.showTextDocument(document);
  const position = toPosition(range.start);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position));
  await vscode.commands.executeCommand('editor.action.rename', [document.uri, position]);
}

/**
 * `stageflow.nameStage(uri, stageIndex, name?)`: names a stage and rewrites its numeric references; for a stage
 * that has a name already, rewrites its numeric references to that name.
 */
async function nameStageCommand(cache: DocumentGraphCache, log: vscode.LogOutputChannel, uri: unknown, stageIndex?: number, name?: string): Promise<RefactorCommandResult> {
  const document = await documentFor(uri);
  if (!document) return { applied: false, reason: 'No Dockerfile is open' };
  let graph = cache.get(document);
  const index = stageIndex ?? stageIndexAtLine(graph, cursorLine(document));
  if (index === undefined || !graph.stages[index]) return { applied: false, reason: 'No stage to name here' };
  const existing = graph.stages[index].rawName ?? undefined;
  const chosen = name ?? existing ?? (await askName(graph, `Name stage ${index}`, proposeStageName(graph, index), index));
  if (chosen === undefined) return cancelled;
  graph = cache.get(document);
  const version = document.version;
  return applyOutcome(document, version, nameStage(document.getText(), graph, index, chosen.trim()), log);
}

/** `stageflow.nameAllStages(uri)`: names every unnamed stage referenced by index. */
async function nameAllStagesCommand(cache: DocumentGraphCache, log: vscode.LogOutputChannel, uri: unknown): Promise<RefactorCommandResult> {
  const document = await documentFor(uri);
  if (!document) return { applied: false, reason: 'No Dockerfile is open' };
  const version = document.version;
  return applyOutcome(document, version, nameAllStages(document.getText(), cache.get(document)), log);
}

/** Lets the person pick the instruction to split before, when the command was started on a stage's FROM. */
async function pickSplitLine(graph: StageGraph, stageIndex: number): Promise<number | undefined> {
  const stage = graph.stages[stageIndex];
  const items = stage.instructions.map((instruction) => ({
    label: `Line ${instruction.startLine}`,
    description: instruction.text,
    line0: instruction.startLine - 1,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: `Extract stage from ${stage.label}: split before which instruction?` });
  return picked?.line0;
}

/** `stageflow.extractStage(uri, line0, name?)`: splits a stage before the instruction at 0-based `line0`. */
async function extractStageCommand(cache: DocumentGraphCache, log: vscode.LogOutputChannel, uri: unknown, line0?: number, name?: string): Promise<RefactorCommandResult> {
  const document = await documentFor(uri);
  if (!document) return { applied: false, reason: 'No Dockerfile is open' };
  const graph = cache.get(document);
  let line = line0 ?? cursorLine(document);
  const stageIndex = stageIndexAtLine(graph, line);
  if (line === undefined || stageIndex === undefined) return { applied: false, reason: 'No stage to extract from here' };
  if (line + 1 === graph.stages[stageIndex].startLine && name === undefined) {
    line = await pickSplitLine(graph, stageIndex);
    if (line === undefined) return cancelled;
  }
  const chosen = name ?? (await askName(graph, 'Name of the new stage', proposeExtractedStageName(graph, stageIndex)));
  if (chosen === undefined) return cancelled;
  const version = document.version;
  const result = await applyOutcome(document, version, extractStage(document.getText(), cache.get(document), line + 1, chosen.trim()), log);
  if (result.applied) await renameNewStage(cache, document, chosen.trim());
  return result;
}

/** `stageflow.extractBase(uri, stageIndexes, name?)`: moves what stages share into a new base stage. */
async function extractBaseCommand(cache: DocumentGraphCache, log: vscode.LogOutputChannel, uri: unknown, stageIndexes?: number[], name?: string): Promise<RefactorCommandResult> {
  const document = await documentFor(uri);
  if (!document) return { applied: false, reason: 'No Dockerfile is open' };
  const graph = cache.get(document);
  const candidates = findSharedBaseCandidates(graph, document.getText());
  const here = stageIndexAtLine(graph, cursorLine(document));
  const candidate = stageIndexes
    ? candidates.find((found) => stageIndexes.every((index) => found.stageIndexes.includes(index)))
    : candidates.find((found) => here !== undefined && found.stageIndexes.includes(here));
  const indexes = stageIndexes ?? candidate?.stageIndexes;
  if (!indexes) return { applied: false, reason: 'No stages here share a base and leading instructions' };
  const chosen = name ?? (await askName(graph, 'Name of the shared base stage', candidate?.proposedName ?? proposeExtractedStageName(graph, indexes[0])));
  if (chosen === undefined) return cancelled;
  const version = document.version;
  const result = await applyOutcome(document, version, extractSharedBase(document.getText(), cache.get(document), indexes, chosen.trim()), log);
  if (result.applied) await renameNewStage(cache, document, chosen.trim());
  return result;
}

/** Registers `stageflow.nameStage`, `stageflow.nameAllStages`, `stageflow.extractStage` and `stageflow.extractBase`. */
export function registerRefactorCommands(cache: DocumentGraphCache, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('stageflow.nameStage', (uri?: unknown, stageIndex?: unknown, name?: unknown) =>
      nameStageCommand(cache, log, uri, integerOrUndefined(stageIndex), stringOrUndefined(name)),
    ),
    vscode.commands.registerCommand('stageflow.nameAllStages', (uri?: unknown) => nameAllStagesCommand(cache, log, uri)),
    vscode.commands.registerCommand('stageflow.extractStage', (uri?: unknown, line0?: unknown, name?: unknown) =>
      extractStageCommand(cache, log, uri, integerOrUndefined(line0), stringOrUndefined(name)),
    ),
    vscode.commands.registerCommand('stageflow.extractBase', (uri?: unknown, stageIndexes?: unknown, name?: unknown) =>
      extractBaseCommand(
        cache,
        log,
        uri,
        Array.isArray(stageIndexes) && stageIndexes.every((index) => Number.isInteger(index)) ? (stageIndexes as number[]) : undefined,
        stringOrUndefined(name),
      ),
    ),
  );
}
