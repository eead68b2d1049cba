import type { Stage, StageGraph } from '../model';
import { DocumentText } from '../parse/documentText';
import { extractPrefixStage } from './extractPrefixStage';
import { refuse, type RefactorOptions, type RefactorOutcome } from './refactorOutcome';

/** What makes two stages start from the same place: the FROM's platform and base as written and as resolved. */
export function baseKey(stage: Stage): string {
  return JSON.stringify([stage.rawPlatform, stage.platform, stage.rawBaseName, stage.baseName, stage.baseStage, stage.baseImage]);
}

/** A FROM's platform and base as written. */
function describeBase(stage: Stage): string {
  return `${stage.rawPlatform === null ? '' : `--platform=${stage.rawPlatform} `}${stage.rawBaseName}`;
}

/** How many leading instructions the stages share, compared as written. */
export function commonPrefixLength(text: string, stages: Stage[]): number {
  const doc = new DocumentText(text);
  const shortest = Math.min(...stages.map((stage) => stage.instructions.length));
  let length = 0;
  while (length < shortest && stages.every((stage) => doc.textIn(stage.instructions[length].range) === doc.textIn(stages[0].instructions[length].range))) {
    length++;
  }
  return length;
}

/**
 * Moves the leading instructions that two or more stages share (same base, same platform, same instructions as
 * written) into a new stage `name`, placed before the first of them; each continues `FROM name` with the rest.
 * Refuses when fewer than two stages are given, their bases differ, they share no leading instruction, or for
 * any reason of `extractPrefixStage`.
 */
export function extractSharedBase(text: string, graph: StageGraph, stageIndexes: number[], name: string, options: RefactorOptions = {}): RefactorOutcome {
  const indexes = [...new Set(stageIndexes)].sort((a, b) => a - b);
  if (indexes.length < 2) return refuse('Pick at least two stages');
  const missing = indexes.find((index) => graph.stages[index] === undefined);
  if (missing !== undefined) return refuse(`There is no stage ${missing}`);
  const stages = indexes.map((index) => graph.stages[index]);
  const other = stages.find((stage) => baseKey(stage) !== baseKey(stages[0]));
  if (other) {
    return refuse(`${stages[0].label} and ${other.label} start from different bases (${describeBase(stages[0])}, ${describeBase(other)})`);
  }
  const length = commonPrefixLength(text, stages);
  if (length === 0) return refuse(`${stages.map((stage) => stage.label).join(', ')} share no leading instruction`);
  return extractPrefixStage(text, graph, { stageIndexes: indexes, prefixLength: length, name }, options);
}
