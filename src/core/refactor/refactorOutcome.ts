import type { TextEdit } from '../model';

/**
 * A refactoring's answer: the edits that apply it, with notes for the person applying it (references left
 * alone on purpose and why), or why it cannot keep the build's meaning. Assignable to the model's
 * `RefactorResult`.
 */
export type RefactorOutcome = { edits: TextEdit[]; notes: string[] } | { refused: string };

/** A refusal with its reason. */
export function refuse(reason: string): RefactorOutcome {
  return { refused: reason };
}

/** Whether an outcome is a refusal. */
export function isRefusal(outcome: RefactorOutcome): outcome is { refused: string } {
  return 'refused' in outcome;
}

/** How much a refactoring checks before it answers. */
export interface RefactorOptions {
  /**
   * Rebuild the stage graph of the result and refuse when it differs from the original (default true). Editors
   * may skip it while only deciding whether to offer a refactoring; applying one should always verify.
   */
  verify?: boolean;
}
