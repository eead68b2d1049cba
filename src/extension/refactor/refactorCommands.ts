import * as vscode from 'vscode';
import type { Range as CoreRange, StageGraph } from '../../core/model';
import { entryPointsOfDockerfile } from '../../core/entrypoints/entryPointQueries';
import { keepEntryPointBuilds } from '../../core/refactor/keepEntryPointBuilds';
import { performRefactoring, type RefactoringName, type RefactorRequest } from '../../core/refactor/performRefactoring';
import { isEnabled, refactorActionFor, refactorActionsAt, type RefactorAction } from '../../core/refactor/refactorActionsAt';
import type { RefactorOutcome } from '../../core/refactor/refactorOutcome';
import { validateRefactorStageName } from '../../core/refactor/validateRefactorStageName';
import type { DocumentGraphCache } from '../documentGraphCache';
import type { EntryPointIndex } from '../entrypoints/entryPointIndex';
import { fromRange, toPosition, toWorkspaceEdit } from '../typeConverters';

/** What a refactoring command did, so callers (and tests) can tell an applied change from a refusal or a cancel. */
export type RefactorCommandResult = { applied: true; notes: string[] } | { applied: false; reason: string };

const cancelled: RefactorCommandResult = { applied: false, reason: 'Cancelled' };

/** Shows why nothing changed (a refactoring that does not apply must never fail silently) and returns it. */
function notApplied(reason: string): RefactorCommandResult {
  void vscode.window.showWarningMessage(`Stageflow: ${reason}`);
  return { applied: false, reason };
}

/** The open document a command acts on: the one at `uri`, else the active editor's. */
async function documentFor(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}

/** Command arguments come from anywhere (keybindings, other extensions): keep only well-typed ones. */
function integerOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** A name passed as an argument, without the spaces around it. */
function nameOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}

/** The selection (or cursor) of the active editor when it shows `document`. */
function selectionIn(document: vscode.TextDocument): CoreRange | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document === document ? fromRange(editor.selection) : undefined;
}

/** The action of one refactoring at the selection, or why there is no selection to act at. */
function actionAtSelection(graph: StageGraph, document: vscode.TextDocument, refactoring: RefactoringName, name?: string): RefactorAction | string {
  const selection = selectionIn(document);
  if (!selection) return 'Put the cursor in the Dockerfile first';
  return refactorActionsAt(graph, document.getText(), selection, name)[refactoring];
}

/** What the name input box asks for each refactoring that asks for a name. */
function namePrompt(request: RefactorRequest): string {
  switch (request.refactoring) {
    case 'nameStage':
      return `Name stage ${request.stage}`;
    case 'extractSharedBase':
      return 'Name of the shared base stage';
    default:
      return 'Name of the new stage';
  }
}

/** Asks for a stage name, proposing one and checking each keystroke against the file's rules. */
function askName(graph: StageGraph, request: RefactorRequest, proposal: string): Thenable<string | undefined> {
  const renaming = request.refactoring === 'nameStage' ? request.stage : undefined;
  return vscode.window.showInputBox({
    title: 'Stageflow',
    prompt: namePrompt(request),
    value: proposal,
    valueSelection: [0, proposal.length],
    validateInput: (value) => validateRefactorStageName(graph, value.trim(), renaming),
  });
}

/** Lets the person pick the instruction to split a stage before; its 1-based line. */
async function pickSplitLine(graph: StageGraph, stageIndex: number): Promise<number | undefined> {
  const stage = graph.stages[stageIndex];
  const items = stage.instructions.map((instruction) => ({
    label: `Line ${instruction.startLine}`,
    description: instruction.text,
    line: instruction.startLine,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: `Extract stage from ${stage.label}: split before which instruction?` });
  return picked?.line;
}

/**
 * Applies a refactoring's edits as ONE undoable `WorkspaceEdit`, but only if the document is still the version
 * the edits were computed for; a refusal or a changed document is shown as a warning instead, and an outcome
 * with nothing to change as information.
 */
async function applyOutcome(document: vscode.TextDocument, version: number, outcome: RefactorOutcome, log: vscode.LogOutputChannel): Promise<RefactorCommandResult> {
  if ('refused' in outcome) return notApplied(outcome.refused);
  if (outcome.edits.length === 0) {
    const reason = outcome.notes.join(' ');
    void vscode.window.showInformationMessage(`Stageflow: ${reason}`);
    return { applied: false, reason };
  }
  if (document.version !== version) return notApplied('The document changed while the refactoring was computed; run it again');
  const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, outcome.edits));
  if (!applied) return notApplied('VS Code did not apply the edit');
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
 * Runs the action the core offered: says why when it does not apply, asks what is left to choose (the split
 * point, the name when the action asks for one), then applies the refactoring checked against the document as it
 * is by then. An extract ends with a rename started on the new stage's name.
 */
async function runAction(
  cache: DocumentGraphCache,
  entryPoints: EntryPointIndex,
  log: vscode.LogOutputChannel,
  document: vscode.TextDocument,
  action: RefactorAction | string,
): Promise<RefactorCommandResult> {
  if (typeof action === 'string') return notApplied(action);
  if (!isEnabled(action)) return notApplied(action.disabled.reason);
  let request = action.request;
  const graph = cache.get(document);
  if (request.refactoring === 'extractStage' && request.line === null) {
    const line = await pickSplitLine(graph, request.stage);
    if (line === undefined) return cancelled;
    request = { ...request, line };
  }
  const chosen = action.asksName ? await askName(graph, request, action.name) : action.name;
  if (chosen === undefined) return cancelled;
  const version = document.version;
  const outcome = keptForEntryPoints(entryPoints, document, cache.get(document), performRefactoring(document.getText(), cache.get(document), request, chosen.trim()));
  const result = await applyOutcome(document, version, outcome, log);
  if (result.applied && action.kind === 'extract') await renameNewStage(cache, document, chosen.trim());
  return result;
}

/** How a command started with explicit arguments finds its action in the document's graph and text. */
type ActionFromArguments = (graph: StageGraph, text: string) => RefactorAction;

/**
 * Runs one refactoring command on the document at `uri` (else the active editor's): the action its arguments
 * name, or without them the one the core offers at the cursor or selection.
 */
async function refactorCommand(
  cache: DocumentGraphCache,
  entryPoints: EntryPointIndex,
  log: vscode.LogOutputChannel,
  uri: unknown,
  refactoring: RefactoringName,
  name: string | undefined,
  fromArguments: ActionFromArguments | undefined,
): Promise<RefactorCommandResult> {
  const document = await documentFor(uri);
  if (!document) return notApplied('No Dockerfile is open');
  const graph = cache.get(document);
  const action = fromArguments ? fromArguments(graph, document.getText()) : actionAtSelection(graph, document, refactoring, name);
  return runAction(cache, entryPoints, log, document, action);
}

/** The start of a 0-based line, as a range. */
function lineStart(line: number): CoreRange {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

/**
 * `stageflow.refactor(uri, line0?)` (the "Refactor…" lens and the palette): lets the person pick among the
 * refactorings that apply at the line (or the cursor or selection), then runs the one picked; when none applies,
 * says why extracting does not.
 */
async function pickRefactoringCommand(cache: DocumentGraphCache, entryPoints: EntryPointIndex, log: vscode.LogOutputChannel, uri: unknown, line0?: number): Promise<RefactorCommandResult> {
  const document = await documentFor(uri);
  if (!document) return notApplied('No Dockerfile is open');
  const range = line0 === undefined ? selectionIn(document) : lineStart(line0);
  if (!range) return notApplied('Put the cursor in the Dockerfile first');
  const actions = refactorActionsAt(cache.get(document), document.getText(), range);
  const offered = Object.values(actions).filter(isEnabled);
  if (offered.length === 0) return notApplied(`No refactoring applies here. ${isEnabled(actions.extractStage) ? '' : actions.extractStage.disabled.reason}`.trim());
  const picked = await vscode.window.showQuickPick(
    offered.map((action) => ({ label: action.title, action })),
    { title: 'Stageflow: Refactor', placeHolder: 'Pick a refactoring (each keeps the build`s meaning)' },
  );
  if (!picked) return cancelled;
  return runAction(cache, entryPoints, log, document, picked.action);
}

/** `stageflow.nameAllStages(uri)`: leaves no numeric stage reference, naming the unnamed stages they reach. */
async function nameAllStagesCommand(cache: DocumentGraphCache, entryPoints: EntryPointIndex, log: vscode.LogOutputChannel, uri: unknown): Promise<RefactorCommandResult> {
  const document = await documentFor(uri);
  if (!document) return notApplied('No Dockerfile is open');
  const version = document.version;
  const graph = cache.get(document);
  return applyOutcome(document, version, keptForEntryPoints(entryPoints, document, graph, performRefactoring(document.getText(), graph, { refactoring: 'nameAllStages' }, '')), log);
}

/** The outcome, or a refusal when it would change what a Compose service or Bake target building the file builds. */
function keptForEntryPoints(entryPoints: EntryPointIndex, document: vscode.TextDocument, graph: StageGraph, outcome: RefactorOutcome): RefactorOutcome {
  return keepEntryPointBuilds(document.getText(), graph, outcome, entryPointsOfDockerfile(entryPoints.scan(), document.uri.path));
}

/**
 * Registers the refactoring commands; each takes the document's uri first, and without further arguments acts at
 * the cursor (the Command Palette):
 * - `stageflow.refactor(uri, line0?)`: picks among the refactorings that apply;
 * - `stageflow.nameStage(uri, stageIndex?, name?)`: names a stage (or uses its name) and rewrites its numeric
 *   references;
 * - `stageflow.nameAllStages(uri)`: leaves no numeric stage reference;
 * - `stageflow.extractStage(uri, line0?, name?)`: splits a stage before the instruction at 0-based `line0`; on a
 *   FROM, asks before which instruction;
 * - `stageflow.extractBase(uri, stageIndexes?, name?)`: moves what stages share into a new base stage.
 */
export function registerRefactorCommands(cache: DocumentGraphCache, entryPoints: EntryPointIndex, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('stageflow.nameStage', (uri?: unknown, stageIndex?: unknown, name?: unknown) => {
      const stage = integerOrUndefined(stageIndex);
      const chosen = nameOrUndefined(name);
      const fromArguments: ActionFromArguments | undefined =
        stage === undefined ? undefined : (graph, text) => refactorActionFor(graph, text, { refactoring: 'nameStage', stage }, chosen);
      return refactorCommand(cache, entryPoints, log, uri, 'nameStage', chosen, fromArguments);
    }),
    vscode.commands.registerCommand('stageflow.refactor', (uri?: unknown, line0?: unknown) => pickRefactoringCommand(cache, entryPoints, log, uri, integerOrUndefined(line0))),
    vscode.commands.registerCommand('stageflow.nameAllStages', (uri?: unknown) => nameAllStagesCommand(cache, entryPoints, log, uri)),
    vscode.commands.registerCommand('stageflow.extractStage', (uri?: unknown, line0?: unknown, name?: unknown) => {
      const line = integerOrUndefined(line0);
      const chosen = nameOrUndefined(name);
      const fromArguments: ActionFromArguments | undefined =
        line === undefined
          ? undefined
          : (graph, text) => refactorActionsAt(graph, text, lineStart(line), chosen).extractStage;
      return refactorCommand(cache, entryPoints, log, uri, 'extractStage', chosen, fromArguments);
    }),
    vscode.commands.registerCommand('stageflow.extractBase', (uri?: unknown, stageIndexes?: unknown, name?: unknown) => {
      const stages = Array.isArray(stageIndexes) && stageIndexes.every((index) => Number.isInteger(index)) ? (stageIndexes as number[]) : undefined;
      const chosen = nameOrUndefined(name);
      const fromArguments: ActionFromArguments | undefined =
        stages === undefined ? undefined : (graph, text) => refactorActionFor(graph, text, { refactoring: 'extractSharedBase', stages }, chosen);
      return refactorCommand(cache, entryPoints, log, uri, 'extractSharedBase', chosen, fromArguments);
    }),
  );
}
