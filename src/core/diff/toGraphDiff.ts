import type { Edge, StageGraph } from '../model';
import type { DiffEdge, GraphComparison } from './compareDockerfiles';

/** A stage present in both versions whose base, platform or number of instructions changed; only what changed. */
export interface StageChange {
  /** The stage's name in the new version (`stage-N` when unnamed). */
  name: string;
  /** What it builds on: an image (as expanded), `scratch`, or an earlier stage's name. */
  base?: { from: string; to: string };
  platform?: { from: string | null; to: string | null };
  /** The number of instructions after FROM. */
  instructions?: { from: number; to: number };
}

/** A dependency by names: `from` a stage's name or an image, `to` a stage's name. */
export interface EdgeChange {
  from: string;
  to: string;
  kind: Edge['kind'];
}

/**
 * The difference between two versions of a Dockerfile's build graph, by stage names (`stage-N` for unnamed stages):
 * old names for what was removed, new names for the rest. This is `stageflow diff --format json`.
 */
export interface GraphDiff {
  stages: {
    added: string[];
    removed: string[];
    renamed: Array<{ from: string; to: string }>;
    changed: StageChange[];
  };
  edges: { added: EdgeChange[]; removed: EdgeChange[] };
  /** New stages the default target now builds (added ones included), and those it built before and now skips. */
  reachability: { nowBuilt: string[]; nowSkipped: string[] };
}

/** Names the parts of a comparison. */
export function toGraphDiff(comparison: GraphComparison): GraphDiff {
  const { before, after } = comparison;
  const oldName = (index: number): string => before.stages[index].label;
  const newName = (index: number): string => after.stages[index].label;
  return {
    stages: {
      added: comparison.addedStages.map(newName),
      removed: comparison.removedStages.map(oldName),
      renamed: comparison.renamedStages.map(({ oldIndex, newIndex }) => ({ from: oldName(oldIndex), to: newName(newIndex) })),
      changed: comparison.changedStages.map((flags) => {
        const older = before.stages[flags.oldIndex];
        const newer = after.stages[flags.newIndex];
        const change: StageChange = { name: newer.label };
        if (flags.base) change.base = { from: baseName(before, flags.oldIndex), to: baseName(after, flags.newIndex) };
        if (flags.platform) change.platform = { from: older.platform, to: newer.platform };
        if (flags.instructionCount) change.instructions = { from: older.instructionCount, to: newer.instructionCount };
        return change;
      }),
    },
    edges: {
      added: comparison.addedEdges.map((edge) => namedEdge(after, edge)),
      removed: comparison.removedEdges.map((edge) => namedEdge(before, edge)),
    },
    reachability: { nowBuilt: comparison.nowBuilt.map(newName), nowSkipped: comparison.nowSkipped.map(newName) },
  };
}

function baseName(graph: StageGraph, index: number): string {
  const stage = graph.stages[index];
  return stage.baseStage !== null ? graph.stages[stage.baseStage].label : (stage.baseImage ?? stage.baseName);
}

function namedEdge(graph: StageGraph, edge: DiffEdge): EdgeChange {
  const from = 'stage' in edge.from ? graph.stages[edge.from.stage].label : edge.from.image;
  return { from, to: graph.stages[edge.to].label, kind: edge.kind };
}
