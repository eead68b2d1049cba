import { referenceAt, stageAtLine } from '../graph/stageQueries';
import type { Range, Stage, StageGraph } from '../model';
import { findSharedBaseCandidates, type SharedBaseCandidate } from './findSharedBaseCandidates';
import { isIndexReferenceTo } from './nameStage';
import { performRefactoring, type RefactoringName, type RefactorRequest } from './performRefactoring';
import { proposeExtractedStageName } from './proposeExtractedStageName';
import { proposeStageName } from './proposeStageName';
import { isRefusal, type RefactorOptions, type RefactorOutcome } from './refactorOutcome';

/** What every offered refactoring says about itself. */
interface RefactorActionBase {
  refactoring: RefactoringName;
  /** The title editors show (a code action's, a command's confirmation). */
  title: string;
  /** Extracts new code (a stage) or rewrites what is there. */
  kind: 'extract' | 'rewrite';
}

/** A refactoring that applies: the request that runs it, and the name it gives (asked for first when `asksName`). */
export interface EnabledRefactorAction extends RefactorActionBase {
  request: RefactorRequest;
  name: string;
  asksName: boolean;
}

/** A refactoring that does not apply, and why. */
export interface DisabledRefactorAction extends RefactorActionBase {
  disabled: { reason: string };
}

/** A refactoring as offered at a place: enabled with its request, or disabled with the reason. */
export type RefactorAction = EnabledRefactorAction | DisabledRefactorAction;

/** Whether an action applies. */
export function isEnabled(action: RefactorAction): action is EnabledRefactorAction {
  return 'request' in action;
}

/**
 * Offering runs the refactorings' own checks only; the full check against the rebuilt graph runs when one is
 * applied, so asking what applies at the cursor stays cheap.
 */
const OFFER: RefactorOptions = { verify: false };

const TITLES: Record<RefactoringName, string> = {
  extractStage: 'Extract stage from here…',
  extractSharedBase: 'Extract shared base stage…',
  nameStage: 'Name stage…',
  nameAllStages: 'Name all stages referenced by index',
};

const KINDS: Record<RefactoringName, 'extract' | 'rewrite'> = {
  extractStage: 'extract',
  extractSharedBase: 'extract',
  nameStage: 'rewrite',
  nameAllStages: 'rewrite',
};

function disabled(refactoring: RefactoringName, reason: string, title = TITLES[refactoring]): RefactorAction {
  return { refactoring, title, kind: KINDS[refactoring], disabled: { reason } };
}

/** The action for a request whose outcome (computed with `name`) says whether it applies. */
function offered(request: RefactorRequest, name: string, asksName: boolean, outcome: RefactorOutcome, title = TITLES[request.refactoring]): RefactorAction {
  if (isRefusal(outcome)) return disabled(request.refactoring, outcome.refused, title);
  if (outcome.edits.length === 0) return disabled(request.refactoring, outcome.notes.join(' '), title);
  return { refactoring: request.refactoring, title, kind: KINDS[request.refactoring], request, name, asksName };
}

/** Why a 0-based line has no stage: the file has none, or the line is above the first FROM. */
function noStageReason(graph: StageGraph, line: number): string {
  return graph.stages.length === 0 ? 'This file has no FROM, so no stage' : `Line ${line + 1} is above the first FROM, in no stage`;
}

/**
 * What the offers of one request share, each computed at most once: the graph, the text, the groups of stages that
 * start alike (asked for by both the shared-base offer and its action), and "name all".
 */
class Offers {
  private candidates: SharedBaseCandidate[] | undefined;
  private nameAll: RefactorAction | undefined;

  constructor(
    readonly graph: StageGraph,
    readonly text: string,
  ) {}

  sharedBaseCandidates(): SharedBaseCandidate[] {
    this.candidates ??= findSharedBaseCandidates(this.graph, this.text);
    return this.candidates;
  }

  nameAllStages(): RefactorAction {
    this.nameAll ??= offered({ refactoring: 'nameAllStages' }, '', false, performRefactoring(this.text, this.graph, { refactoring: 'nameAllStages' }, '', OFFER));
    return this.nameAll;
  }
}

/**
 * Extracting with the split still to pick (the person started on the FROM): offered when splitting before some
 * instruction applies; the refusal of the first split otherwise.
 */
function extractWithSplitToPick(offers: Offers, stage: Stage, name: string, asksName: boolean): RefactorAction {
  const request: RefactorRequest = { refactoring: 'extractStage', stage: stage.index, line: null };
  if (stage.instructions.length === 0) return disabled('extractStage', `${stage.label} has no instruction to move into a new stage`);
  let firstRefusal: string | null = null;
  for (const instruction of stage.instructions) {
    const outcome = performRefactoring(offers.text, offers.graph, { ...request, line: instruction.startLine }, name, OFFER);
    if (!isRefusal(outcome)) return offered(request, name, asksName, outcome);
    firstRefusal ??= outcome.refused;
  }
  return disabled('extractStage', firstRefusal ?? 'No split point applies');
}

function actionFor(offers: Offers, request: RefactorRequest, chosenName?: string): RefactorAction {
  const { graph, text } = offers;
  const asks = chosenName === undefined;
  switch (request.refactoring) {
    case 'extractStage': {
      const stage = graph.stages[request.stage];
      if (!stage) return disabled('extractStage', `There is no stage ${request.stage}`);
      const name = chosenName ?? proposeExtractedStageName(graph, stage.index);
      if (request.line === null) return extractWithSplitToPick(offers, stage, name, asks);
      return offered(request, name, asks, performRefactoring(text, graph, request, name, OFFER));
    }
    case 'extractSharedBase': {
      const candidate = offers.sharedBaseCandidates().find((found) => request.stages.every((index) => found.stageIndexes.includes(index)));
      const name = chosenName ?? candidate?.proposedName ?? proposeExtractedStageName(graph, request.stages[0] ?? 0);
      return offered(request, name, asks, performRefactoring(text, graph, request, name, OFFER));
    }
    case 'nameStage': {
      const stage = graph.stages[request.stage];
      if (!stage) return disabled('nameStage', `There is no stage ${request.stage}`);
      if (stage.rawName === null) {
        const name = chosenName ?? proposeStageName(graph, stage.index);
        return offered(request, name, asks, performRefactoring(text, graph, request, name, OFFER), `Name stage ${stage.index}…`);
      }
      if (!graph.references.some((reference) => isIndexReferenceTo(graph, reference, stage.index))) {
        return disabled('nameStage', `Stage ${stage.index} is already named \`${stage.rawName}\` and no reference uses its index; rename it with F2`);
      }
      const name = chosenName ?? stage.rawName;
      return offered(request, name, false, performRefactoring(text, graph, request, name, OFFER), `Use the name ${stage.rawName}`);
    }
    case 'nameAllStages':
      return offers.nameAllStages();
    default: {
      const unknown: never = request;
      return disabled('nameAllStages', `Unknown refactoring ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The action for one request, as a command started with explicit arguments (a CodeLens, a code action, a
 * keybinding) runs it: whether it applies (with the refactoring's own reason when not), the name to propose and
 * whether to ask for one. With `chosenName` (a name the caller already has) the check uses that name and asks
 * for none. A stage that does not exist is refused, whatever sent the request.
 */
export function refactorActionFor(graph: StageGraph, text: string, request: RefactorRequest, chosenName?: string): RefactorAction {
  return actionFor(new Offers(graph, text), request, chosenName);
}

/**
 * The 1-based line to split a stage before, for a range: the range's own line when it spans one line (null on
 * the FROM: the person picks), else the first instruction that starts below the selection (undefined: none).
 */
function splitLineFor(stage: Stage, range: Range): number | null | undefined {
  if (range.start.line === range.end.line) return range.start.line <= stage.ranges.from.end.line ? null : range.start.line + 1;
  const lastSelected = range.end.character === 0 ? range.end.line : range.end.line + 1;
  return stage.instructions.find((instruction) => instruction.startLine > lastSelected)?.startLine;
}

function extractStageAt(offers: Offers, range: Range, chosenName?: string): RefactorAction {
  const stage = stageAtLine(offers.graph, range.start.line);
  if (!stage) return disabled('extractStage', noStageReason(offers.graph, range.start.line));
  const line = splitLineFor(stage, range);
  if (line === undefined) return disabled('extractStage', 'Nothing of the stage would remain below the selection');
  return actionFor(offers, { refactoring: 'extractStage', stage: stage.index, line }, chosenName);
}

function extractSharedBaseAt(offers: Offers, range: Range, chosenName?: string): RefactorAction {
  const stage = stageAtLine(offers.graph, range.start.line);
  if (!stage) return disabled('extractSharedBase', noStageReason(offers.graph, range.start.line));
  const candidate = offers.sharedBaseCandidates().find((found) => found.stageIndexes.includes(stage.index));
  if (!candidate) return disabled('extractSharedBase', `No other stage starts like ${stage.label} (same base, platform and first instruction)`);
  return actionFor(offers, { refactoring: 'extractSharedBase', stages: candidate.stageIndexes }, chosenName);
}

/** The stage to name: the one a numeric reference under the cursor reaches, else the stage at the cursor. */
function nameStageAt(offers: Offers, range: Range, chosenName?: string): RefactorAction {
  const { graph } = offers;
  const reference = referenceAt(graph, range.start);
  const stage = reference?.via === 'index' && reference.stage !== null ? graph.stages[reference.stage] : stageAtLine(graph, range.start.line);
  if (!stage) return disabled('nameStage', noStageReason(graph, range.start.line));
  return actionFor(offers, { refactoring: 'nameStage', stage: stage.index }, chosenName);
}

function actionsAt(offers: Offers, range: Range, chosenName?: string): Record<RefactoringName, RefactorAction> {
  return {
    extractStage: extractStageAt(offers, range, chosenName),
    extractSharedBase: extractSharedBaseAt(offers, range, chosenName),
    nameStage: nameStageAt(offers, range, chosenName),
    nameAllStages: offers.nameAllStages(),
  };
}

/**
 * Every refactoring Stageflow has, as offered at `range` (a cursor or a selection, 0-based): each with the
 * request that applies it or the reason it does not apply there. The stage concerned is the one `stageAtLine`
 * gives for the range's start (for naming, a numeric reference under the cursor names the stage it reaches);
 * a one-line range on a FROM leaves the split point to pick, a selection over several lines splits below it.
 * Editors translate these into code actions (in this order) and commands, and show a disabled one's reason when
 * asked for it. `chosenName`, when a caller already has the name, is checked instead of the proposed ones.
 */
export function refactorActionsAt(graph: StageGraph, text: string, range: Range, chosenName?: string): Record<RefactoringName, RefactorAction> {
  return actionsAt(new Offers(graph, text), range, chosenName);
}
