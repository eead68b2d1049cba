import { buildStageGraph } from '../graph/buildStageGraph';
import type { Edge, EdgeSource, ResolveOptions, StageGraph } from '../model';
import { lineStarts } from '../parse/lineStarts';
import { matchStages, type StageFingerprint, type StageMatching } from './matchStages';

/** A dependency as the diff counts it: one per source, stage and kind, however many instructions make it. */
export interface DiffEdge {
  from: EdgeSource;
  to: number;
  kind: Edge['kind'];
}

/** A stage present in both versions, by its index in each. */
export interface StagePair {
  oldIndex: number;
  newIndex: number;
}

/** What changed in a stage present in both versions. */
export interface StageChangeFlags extends StagePair {
  base: boolean;
  platform: boolean;
  instructionCount: boolean;
}

/**
 * How two versions of a Dockerfile differ as build graphs, by stage index (old indexes for what was removed, new
 * ones for the rest), with both graphs: the data an adapter marks on a drawing, and what `toGraphDiff` names.
 */
export interface GraphComparison {
  before: StageGraph;
  after: StageGraph;
  matching: StageMatching;
  /** New stages with no old counterpart, in file order. */
  addedStages: number[];
  /** Old stages with no new counterpart, in file order. */
  removedStages: number[];
  /** Stages whose name changed and nothing else (a stage that was unnamed shifting from `stage-1` to `stage-2` is
   *  not a rename). */
  renamedStages: StagePair[];
  /** Stages whose base, platform or number of instructions changed. */
  changedStages: StageChangeFlags[];
  /** Dependencies only the new version has, in new indexes. */
  addedEdges: DiffEdge[];
  /** Dependencies only the old version had, in old indexes. */
  removedEdges: DiffEdge[];
  /** New stages the default target (or the options' target) builds that it did not build before, added ones included. */
  nowBuilt: number[];
  /** New stages it no longer builds, though it built them before. */
  nowSkipped: number[];
}

/**
 * Compares two versions of a Dockerfile, both resolved with the same options (default: the default target, as
 * `docker build` without flags). Stages are matched by `matchStages`; edges are compared through that matching,
 * so a stage that only moved or was renamed changes no edge.
 */
export function compareDockerfiles(oldText: string, newText: string, options: ResolveOptions = {}): GraphComparison {
  const before = buildStageGraph(oldText, options);
  const after = buildStageGraph(newText, options);
  const matching = matchStages(fingerprints(oldText, before), fingerprints(newText, after));
  const { newIndexOf, oldIndexOf } = matching;

  const pairs: StagePair[] = [];
  oldIndexOf.forEach((oldIndex, newIndex) => {
    if (oldIndex !== null) pairs.push({ oldIndex, newIndex });
  });
  const renamedStages: StagePair[] = [];
  const changedStages: StageChangeFlags[] = [];
  for (const { oldIndex, newIndex } of pairs) {
    const older = before.stages[oldIndex];
    const newer = after.stages[newIndex];
    const flags = {
      oldIndex,
      newIndex,
      base: older.baseStage !== null ? newIndexOf[older.baseStage] !== newer.baseStage : older.baseImage !== newer.baseImage,
      platform: older.platform !== newer.platform,
      instructionCount: older.instructionCount !== newer.instructionCount,
    };
    if (flags.base || flags.platform || flags.instructionCount) changedStages.push(flags);
    const named = older.name !== null || newer.name !== null;
    if (named && older.name !== newer.name) renamedStages.push({ oldIndex, newIndex });
  }

  // An old edge in new terms: a matched stage by its new index, a removed one by a key no new stage has.
  const oldKey = (edge: DiffEdge): string =>
    edgeKey(edge, (index) => (newIndexOf[index] === null ? `old ${index}` : `${newIndexOf[index]}`));
  const newKey = (edge: DiffEdge): string => edgeKey(edge, (index) => `${index}`);
  const oldEdges = distinctEdges(before.edges);
  const newEdges = distinctEdges(after.edges);
  const oldKeys = new Set(oldEdges.map(oldKey));
  const newKeys = new Set(newEdges.map(newKey));

  return {
    before,
    after,
    matching,
    addedStages: indexesWhere(oldIndexOf, (oldIndex) => oldIndex === null),
    removedStages: indexesWhere(newIndexOf, (newIndex) => newIndex === null),
    renamedStages,
    changedStages,
    addedEdges: newEdges.filter((edge) => !oldKeys.has(newKey(edge))),
    removedEdges: oldEdges.filter((edge) => !newKeys.has(oldKey(edge))),
    nowBuilt: after.stages
      .filter((stage) => stage.reachable === true && wasBuilt(before, oldIndexOf[stage.index]) === false)
      .map((stage) => stage.index),
    nowSkipped: after.stages
      .filter((stage) => stage.reachable === false && wasBuilt(before, oldIndexOf[stage.index]) === true)
      .map((stage) => stage.index),
  };
}

/** Whether the old stage was built: false for a stage that did not exist, null when the old graph could not tell. */
function wasBuilt(before: StageGraph, oldIndex: number | null): boolean | null {
  return oldIndex === null ? false : before.stages[oldIndex].reachable;
}

function indexesWhere<T>(items: readonly T[], test: (item: T) => boolean): number[] {
  return items.flatMap((item, index) => (test(item) ? [index] : []));
}

function edgeKey(edge: DiffEdge, stageKey: (index: number) => string): string {
  const from = 'stage' in edge.from ? `stage ${stageKey(edge.from.stage)}` : `image ${edge.from.image}`;
  return `${from} -> ${stageKey(edge.to)} ${edge.kind}`;
}

/** The graph's edges reduced to one per source, stage and kind, in the graph's order. */
function distinctEdges(edges: readonly Edge[]): DiffEdge[] {
  const seen = new Set<string>();
  const distinct: DiffEdge[] = [];
  for (const edge of edges) {
    const reduced: DiffEdge = { from: edge.from, to: edge.to, kind: edge.kind };
    const key = edgeKey(reduced, (index) => `${index}`);
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(reduced);
  }
  return distinct;
}

/** Each stage with the exact text of its instructions (the model's summaries are shortened, so two long RUN lines
 *  that differ only near their end would look alike). */
function fingerprints(text: string, graph: StageGraph): StageFingerprint[] {
  const starts = lineStarts(text);
  const offset = (line: number, character: number): number => (line < starts.length ? starts[line] + character : text.length);
  return graph.stages.map((stage) => ({
    stage,
    instructions: stage.instructions
      .map(({ range }) => text.slice(offset(range.start.line, range.start.character), offset(range.end.line, range.end.character)))
      .map((instruction) => instruction.replace(/\s+/g, ' ').trim())
      .join('\n'),
  }));
}
