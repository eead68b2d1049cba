import type { Diagnostic, Range, StageGraph, TextEdit } from '../model';
import { rangesTouch } from './rangeOrder';
import { renameStageEdits } from './renameStage';

/** A certain fix for one of the graph's diagnostics. */
export interface StageQuickFix {
  title: string;
  diagnostic: Diagnostic;
  edits: TextEdit[];
}

/**
 * The fixes for the diagnostics that touch `range`: the core's own `fix` (e.g. a misspelt stage reference), and
 * for `StageNameCasing` the stage renamed to its lowercase name with every reference following (the rename is
 * refused, and no fix offered, when it could change what a reference binds to).
 */
export function stageQuickFixes(graph: StageGraph, range: Range): StageQuickFix[] {
  const fixes: StageQuickFix[] = [];
  for (const diagnostic of graph.diagnostics) {
    if (!rangesTouch(diagnostic.range, range)) {
      continue;
    }
    if (diagnostic.fix) {
      fixes.push({ title: diagnostic.fix.title, diagnostic, edits: [{ range: diagnostic.range, newText: diagnostic.fix.replacement }] });
    } else if (diagnostic.code === 'StageNameCasing') {
      const stage = graph.stages.find((candidate) => candidate.ranges.from.start.line === diagnostic.range.start.line);
      if (stage?.name && stage.rawName !== stage.name) {
        const renamed = renameStageEdits(graph, stage.index, stage.name);
        if ('edits' in renamed) {
          fixes.push({ title: `Rename stage to '${stage.name}'`, diagnostic, edits: renamed.edits });
        }
      }
    }
  }
  return fixes;
}
