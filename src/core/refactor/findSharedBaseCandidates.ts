import type { StageGraph } from '../model';
import { DocumentText } from '../parse/documentText';
import { baseKey, commonPrefixLength } from './extractSharedBase';
import { imageShortName } from './proposeStageName';
import { validateRefactorStageName } from './validateRefactorStageName';

/** Stages that could share a base stage, how many instructions they share, and a name to propose. */
export interface SharedBaseCandidate {
  stageIndexes: number[];
  prefixLength: number;
  proposedName: string;
}

function proposeBaseName(graph: StageGraph, image: string | null, taken: Set<string>): string {
  const stem = `${(image && imageShortName(image)) || 'shared'}-base`;
  for (let suffix = 1; suffix <= graph.stages.length + 1; suffix++) {
    const candidate = suffix === 1 ? stem : `${stem}-${suffix}`;
    if (!taken.has(candidate) && validateRefactorStageName(graph, candidate) === null) return candidate;
  }
  return `${stem}-${graph.stages.length + 2}`;
}

/**
 * Groups of two or more stages with the same base and platform whose first instructions are the same as
 * written, each with the length of their common prefix; stages are grouped by their first instruction, so a
 * stage belongs to at most one group. Whether extracting a group keeps meaning is `extractSharedBase`'s answer.
 */
export function findSharedBaseCandidates(graph: StageGraph, text: string): SharedBaseCandidate[] {
  const doc = new DocumentText(text);
  const groups = new Map<string, number[]>();
  for (const stage of graph.stages) {
    if (stage.instructions.length === 0) continue;
    const key = baseKey(stage) + '\n' + doc.textIn(stage.instructions[0].range);
    groups.set(key, [...(groups.get(key) ?? []), stage.index]);
  }
  const taken = new Set<string>();
  const candidates: SharedBaseCandidate[] = [];
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue;
    const stages = indexes.map((index) => graph.stages[index]);
    const proposedName = proposeBaseName(graph, stages[0].baseImage, taken);
    taken.add(proposedName);
    candidates.push({ stageIndexes: indexes, prefixLength: commonPrefixLength(text, stages), proposedName });
  }
  return candidates;
}
