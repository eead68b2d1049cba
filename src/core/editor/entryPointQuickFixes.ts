import type { FileDiagnostic } from '../entrypoints/entryPointModel';
import type { Range } from '../model';
import { rangesTouch } from './rangeOrder';
import type { StageQuickFix } from './stageQuickFixes';

/**
 * The certain fixes of the Compose or Bake diagnostics of the file at `path` that touch `range` (a misspelt target
 * replaced by the stage name it was meant to be), each as the edits of that file.
 */
export function entryPointQuickFixes(diagnostics: readonly FileDiagnostic[], path: string, range: Range): StageQuickFix[] {
  return diagnostics
    .filter((item) => item.path === path && item.diagnostic.fix !== undefined && rangesTouch(item.diagnostic.range, range))
    .map(({ diagnostic }) => ({ title: diagnostic.fix!.title, diagnostic, edits: [{ range: diagnostic.range, newText: diagnostic.fix!.replacement }] }));
}
