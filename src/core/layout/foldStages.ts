import { relatedStages } from '../graph/relatedStages';
import { findStageFamilies, type StageFamily } from '../graph/stageFamilies';
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

/** A family of stages with two or more of its members drawn: as one node (collapsed), or side by side in a box. */
export interface DrawnFamily {
  family: StageFamily;
  /** The members drawn (not folded into the summary), in file order. */
  members: number[];
  collapsed: boolean;
}

/** Which node each stage is drawn as. */
export interface StageFolding {
  /** Per stage index: the id of the node that stands for it (`stage:N`, a collapsed family's id or the summary's id). */
  nodeOf: string[];
  /** The folded stages, or null when every stage is drawn. */
  folded: FoldedStages | null;
  /** The families drawn, collapsed or grouped. */
  families: DrawnFamily[];
}

/**
 * How the view's choices fold the graph: with `focus`, only the focused stage and what it needs and what needs it
 * are drawn; with `buildPath`, only what the target builds. The rest become one summary node (a focus on a stage
 * the graph does not have is ignored). When BuildKit could not decide what the target builds, nothing is folded
 * for the build path. Families of variants (`findStageFamilies`) with two or more members drawn are drawn as one
 * node or as a group, as `families` and `collapseFamiliesFrom` say.
 */
export function foldStages(graph: StageGraph, options: LayoutOptions): StageFolding {
  const count = graph.stages.length;
  const focus = stageOfKey(graph, options.focus);
  const shown = focus === null ? null : relatedStages(graph, focus);
  const onPath = (index: number): boolean => graph.stages[index].reachable !== false;
  // The focused stage is drawn even when the target skips it: a focus on nothing would be no help.
  const drawn = (index: number): boolean => (shown === null || shown.has(index)) && (!options.buildPath || onPath(index) || index === focus);
  let members = graph.stages.map((stage) => stage.index).filter((index) => !drawn(index));
  if (members.length === count) members = [];
  const id = focus === null ? 'summary:skipped' : 'summary:unrelated';
  const nodeOf = graph.stages.map((stage) => (members.includes(stage.index) ? id : `stage:${stage.index}`));
  const collapsedByDefault = count >= (options.collapseFamiliesFrom ?? Number.POSITIVE_INFINITY);
  const families: DrawnFamily[] = [];
  for (const family of findStageFamilies(graph)) {
    const shown = family.members.filter((member) => nodeOf[member] !== id);
    if (shown.length < 2) continue;
    const collapsed = options.families && Object.hasOwn(options.families, family.id) ? options.families[family.id] : collapsedByDefault;
    families.push({ family, members: shown, collapsed });
    if (collapsed) for (const member of shown) nodeOf[member] = family.id;
  }
  return { nodeOf, folded: members.length === 0 ? null : { id, members, anchor: focus ?? graph.target }, families };
}
