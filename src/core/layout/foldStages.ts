import { relatedStages } from '../graph/relatedStages';
import type { StageGraph } from '../model';
import type { LayoutOptions } from './layoutTypes';
import { stageOfKey } from './stageKeys';

/** Stages drawn as one summary node: those the target does not build, or those unrelated to the focused stage. */
export interface FoldedStages {
  /** `summary:skipped` (build path) or `summary:unrelated` (focus). */
  id: string;
  /** Stage indexes, in file order. */
  members: number[];
  /** The stage the summary is placed beside: the focused stage, else the target. */
  anchor: number | null;
}

/** Which node each stage is drawn as. */
export interface StageFolding {
  /** Per stage index: the id of the node that stands for it (`stage:N` or the summary's id). */
  nodeOf: string[];
  /** The folded stages, or null when every stage is drawn. */
  folded: FoldedStages | null;
}

/**
 * How the view's choices fold the graph: with `focus`, only the focused stage and what it needs and what needs it
 * are drawn; with `buildPath`, only what the target builds. The rest become one summary node (a focus on a stage
 * the graph does not have is ignored). When BuildKit could not decide what the target builds, nothing is folded
 * for the build path.
 */
export function foldStages(graph: StageGraph, options: LayoutOptions): StageFolding {
  const count = graph.stages.length;
  const focus = stageOfKey(graph, options.focus);
  const shown = focus === null ? null : relatedStages(graph, focus);
  const onPath = (index: number): boolean => graph.stages[index].reachable !== false;
  // The focused stage is drawn even when the target skips it: a focus on nothing would be no help.
  const drawn = (index: number): boolean => (shown === null || shown.has(index)) && (!options.buildPath || onPath(index) || index === focus);
  const members = graph.stages.map((stage) => stage.index).filter((index) => !drawn(index));
  if (members.length === 0 || members.length === count) return { nodeOf: graph.stages.map((stage) => `stage:${stage.index}`), folded: null };
  const id = focus === null ? 'summary:skipped' : 'summary:unrelated';
  return {
    nodeOf: graph.stages.map((stage) => (drawn(stage.index) ? `stage:${stage.index}` : id)),
    folded: { id, members, anchor: focus ?? graph.target },
  };
}
