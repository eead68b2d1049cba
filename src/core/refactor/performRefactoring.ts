import type { StageGraph } from '../model';
import { extractSharedBase } from './extractSharedBase';
import { extractStage } from './extractStage';
import { nameAllStages } from './nameAllStages';
import { nameStage } from './nameStage';
import { refuse, type RefactorOptions, type RefactorOutcome } from './refactorOutcome';

/**
 * One refactoring and what it acts on, as plain data: what a code action, a CodeLens or a command carries from
 * the moment it is offered to the moment it is applied.
 */
export type RefactorRequest =
  /** Split `stage` before the instruction at 1-based `line`; null: the person picks the instruction. */
  | { refactoring: 'extractStage'; stage: number; line: number | null }
  /** Move what these stages share (base and leading instructions) into a new stage. */
  | { refactoring: 'extractSharedBase'; stages: number[] }
  /** Name `stage` (or, when it has a name, use it instead of its index) and rewrite its numeric references. */
  | { refactoring: 'nameStage'; stage: number }
  /** Rewrite every numeric stage reference to a name, naming the unnamed stages they reach. */
  | { refactoring: 'nameAllStages' };

/** Which refactoring a request asks for. */
export type RefactoringName = RefactorRequest['refactoring'];

/**
 * Runs a request with the name chosen for it (the new stage's, or the stage's; `nameAllStages` picks its own)
 * and returns the edits or the refusal, exactly as the refactoring itself answers.
 */
export function performRefactoring(text: string, graph: StageGraph, request: RefactorRequest, name: string, options: RefactorOptions = {}): RefactorOutcome {
  switch (request.refactoring) {
    case 'extractStage':
      if (request.line === null) return refuse('Pick the instruction to split before');
      return extractStage(text, graph, request.line, name, options);
    case 'extractSharedBase':
      return extractSharedBase(text, graph, request.stages, name, options);
    case 'nameStage':
      return nameStage(text, graph, request.stage, name, options);
    case 'nameAllStages':
      return nameAllStages(text, graph, options);
    default: {
      const unknown: never = request;
      return refuse(`Unknown refactoring ${JSON.stringify(unknown)}`);
    }
  }
}
