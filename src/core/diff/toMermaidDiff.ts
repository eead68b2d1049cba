import { oneLine, toExportGraph, type ExportEdge, type ExportGraph, type ExportNode } from '../export/toExportGraph';
import { mermaidFlowchart } from '../export/toMermaid';
import { shortenMiddle } from '../layout/shortenText';
import type { StageGraph } from '../model';
import type { DiffEdge, GraphComparison } from './compareDockerfiles';

/** Longest "was ..." line added to a changed stage's box. */
const MAX_NOTE = 60;

/** The styles of the diff's parts, after the drawing's own so they win: GitHub's green, amber and red. */
const DIFF_CLASSES: Array<[string, string]> = [
  ['added', 'fill:#dafbe1,stroke:#1a7f37,stroke-width:2px'],
  ['changed', 'fill:#fff8c5,stroke:#9a6700,stroke-width:2px'],
  ['removed', 'fill:#ffebe9,stroke:#cf222e,color:#82071e,stroke-dasharray:5 5'],
];
const ADDED_EDGE = 'stroke:#1a7f37,stroke-width:2px';
const REMOVED_EDGE = 'stroke:#cf222e,stroke-dasharray:5 5';

/**
 * Draws a comparison as one Mermaid flowchart for a pull-request comment: the new graph as `toMermaid` draws it,
 * added stages, images and edges in green, changed and renamed stages in amber with what they were, and the removed stages,
 * images and edges of the old graph put back in red and dashed, attached to the stages that remain.
 */
export function toMermaidDiff(comparison: GraphComparison): string {
  const { before, after, matching } = comparison;
  const newPicture = toExportGraph(after);
  const oldPicture = toExportGraph(before);

  const newImageIds = new Map(newPicture.nodes.flatMap((node) => ('image' in node.source ? [[node.source.image, node.id] as const] : [])));
  /** Where an old node is drawn: on its new counterpart, or as a removed node of its own. */
  const placeOfOld = (node: ExportNode): string => {
    if ('stage' in node.source) {
      const newIndex = matching.newIndexOf[node.source.stage];
      return newIndex === null ? `r${node.id}` : `s${newIndex}`;
    }
    return newImageIds.get(node.source.image) ?? `r${node.id}`;
  };
  const oldNodes = new Map(oldPicture.nodes.map((node) => [node.id, node]));
  const oldPlace = (id: string): string => placeOfOld(oldNodes.get(id) as ExportNode);
  const removedNodes = oldPicture.nodes
    .filter((node) => placeOfOld(node).startsWith('r'))
    .map((node): ExportNode => ({ ...node, id: placeOfOld(node), isTarget: false }));

  const notes = changeNotes(comparison);
  const nodes = newPicture.nodes.map((node) => {
    const extra = 'stage' in node.source ? notes.get(node.source.stage) : undefined;
    return extra ? { ...node, lines: [...node.lines, ...extra] } : node;
  });

  const addedKeys = new Set(comparison.addedEdges.map((edge) => diffEdgeKey(edge)));
  const removedKeys = new Set(comparison.removedEdges.map((edge) => diffEdgeKey(edge)));
  const newNodes = new Map(newPicture.nodes.map((node) => [node.id, node]));
  const removedEdges = oldPicture.edges
    .filter((edge) => removedKeys.has(diffEdgeKey(exportEdgeAsDiff(edge, oldNodes))))
    .map((edge): ExportEdge => ({ ...edge, from: oldPlace(edge.from), to: oldPlace(edge.to) }));
  const picture: ExportGraph = { nodes: [...nodes, ...removedNodes], edges: [...newPicture.edges, ...removedEdges] };

  const edgeStyles = new Map<number, string>();
  const dashedEdges = new Set<number>();
  newPicture.edges.forEach((edge, index) => {
    if (addedKeys.has(diffEdgeKey(exportEdgeAsDiff(edge, newNodes)))) edgeStyles.set(index, ADDED_EDGE);
  });
  removedEdges.forEach((_, position) => {
    const index = newPicture.edges.length + position;
    edgeStyles.set(index, REMOVED_EDGE);
    dashedEdges.add(index);
  });
  const oldImages = new Set(oldPicture.nodes.flatMap((node) => ('image' in node.source ? [node.source.image] : [])));
  const addedImageIds = newPicture.nodes.filter((node) => 'image' in node.source && !oldImages.has(node.source.image)).map((node) => node.id);
  const changedIds = [...comparison.changedStages, ...comparison.renamedStages].map(({ newIndex }) => `s${newIndex}`);
  const classMembers = new Map<string, string[]>([
    ['added', [...addedImageIds, ...comparison.addedStages.map((index) => `s${index}`)]],
    ['changed', [...new Set(changedIds)]],
    ['removed', removedNodes.map((node) => node.id)],
  ]);
  return mermaidFlowchart(picture, { classDefs: DIFF_CLASSES, classMembers, edgeStyles, dashedEdges });
}

/** Lines saying what a changed or renamed stage was, by new stage index. */
function changeNotes(comparison: GraphComparison): Map<number, string[]> {
  const { before, after } = comparison;
  const notes = new Map<number, string[]>();
  const note = (index: number, line: string): void => {
    notes.set(index, [...(notes.get(index) ?? []), shortenMiddle(oneLine(line), MAX_NOTE)]);
  };
  for (const { oldIndex, newIndex } of comparison.renamedStages) note(newIndex, `renamed from ${before.stages[oldIndex].label}`);
  for (const change of comparison.changedStages) {
    const older = before.stages[change.oldIndex];
    if (change.base) note(change.newIndex, `base was ${baseText(before, change.oldIndex)}`);
    if (change.platform) note(change.newIndex, `platform was ${older.platform ?? 'none'}`);
    if (change.instructionCount) {
      note(change.newIndex, `instructions ${older.instructionCount} → ${after.stages[change.newIndex].instructionCount}`);
    }
  }
  return notes;
}

function baseText(graph: StageGraph, index: number): string {
  const stage = graph.stages[index];
  return stage.baseStage !== null ? graph.stages[stage.baseStage].label : stage.baseName;
}

/** A merged export edge as the diff's edge (source, stage, kind), through the nodes of its own picture. */
function exportEdgeAsDiff(edge: ExportEdge, nodes: ReadonlyMap<string, ExportNode>): DiffEdge {
  const to = (nodes.get(edge.to) as ExportNode).source as { stage: number };
  return { from: (nodes.get(edge.from) as ExportNode).source, to: to.stage, kind: edge.kind };
}

function diffEdgeKey({ from, to, kind }: DiffEdge): string {
  return JSON.stringify(['stage' in from ? from.stage : from.image, 'stage' in from, to, kind]);
}
