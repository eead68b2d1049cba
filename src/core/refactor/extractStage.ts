import { stageAtLine } from '../graph/stageQueries';
import type { StageGraph } from '../model';
import { extractPrefixStage } from './extractPrefixStage';
import { refuse, type RefactorOptions, type RefactorOutcome } from './refactorOutcome';

/**
 * Splits a stage before the instruction at a 1-based `line` (any line of it: continuations and heredoc bodies
 * count): the instructions above become a new stage `FROM <original base> AS name` (keeping the original
 * `--platform`), placed before the stage and its description comments, and the stage continues `FROM name` under
 * its own name. The stage is the one `stageAtLine` gives. See `extractPrefixStage` for how meaning is kept
 * (numeric references to later stages are shifted by one, used ARGs re-declared) and the refusals it adds to
 * these: the line is above the first FROM, is the FROM itself, or holds no instruction.
 */
export function extractStage(text: string, graph: StageGraph, line: number, name: string, options: RefactorOptions = {}): RefactorOutcome {
  const stage = stageAtLine(graph, line - 1);
  if (!stage) {
    return refuse(graph.stages.length === 0 ? 'This file has no FROM, so no stage to extract from' : `Line ${line} is above the first FROM, in no stage`);
  }
  if (line <= stage.ranges.from.end.line + 1) return refuse('The split point is the FROM itself; pick an instruction below it');
  const position = stage.instructions.findIndex((instruction) => instruction.startLine <= line && line <= instruction.endLine);
  if (position < 0) return refuse(`Line ${line} holds no instruction; pick the instruction to split before`);
  return extractPrefixStage(text, graph, { stageIndexes: [stage.index], prefixLength: position, name }, options);
}
