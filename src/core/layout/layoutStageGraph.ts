import { mergeParallelEdges } from '../graph/mergeParallelEdges';
import type { StageGraph } from '../model';
import { sideForPorts } from './assignPorts';
import { countBends, edgePath } from './edgePath';
import { layeredLayout, type RankPoint } from './layeredLayout';
import { placeEdgeLabels } from './placeEdgeLabels';
import { edgeLabel, edgeTooltip, instructionLine, stageAriaLabel, stageLines, stageTooltip } from './layoutLabels';
import { shortenMiddle } from './shortenText';
import type { GraphLayout, LayoutDirection, LayoutEdge, LayoutEntryPoint, LayoutNode, LayoutOptions } from './layoutTypes';

/** Estimated text widths (px per character) of the title and detail lines; boxes are sized from them. */
export const TITLE_CHAR_WIDTH = 7.6;
export const DETAIL_CHAR_WIDTH = 6.4;
const STAGE_HEIGHT = 60;
const IMAGE_HEIGHT = 30;
/** Longest entry-point title kept before cutting it in the middle. */
const MAX_ENTRY_TITLE = 34;
const MARGIN = 20;

type NodeDraft = Omit<LayoutNode, 'x' | 'y'>;

/**
 * Lays out a stage graph as layered boxes and routed edges: dependencies before dependents, crossings reduced,
 * long edges routed through bend points, parallel instructions of one kind merged into one edge with a count.
 * Entry points given in the options (Compose services, Bake targets) follow the stage each builds. Deterministic:
 * the same graph and options always give the same picture.
 */
export function layoutStageGraph(graph: StageGraph, options: LayoutOptions = {}): GraphLayout {
  const direction = options.direction ?? 'LR';
  const drafts: NodeDraft[] = stageNodes(graph);
  const nodeIndex = new Map<string, number>(drafts.map((node, index) => [node.id, index]));
  if (!options.hideImages) {
    for (const image of graph.images) {
      const id = `image:${image.ref}`;
      if (nodeIndex.has(id)) continue;
      nodeIndex.set(id, drafts.length);
      drafts.push(imageNode(image.ref, image.reachable));
    }
  }
  const merged = mergeEdges(graph, nodeIndex);
  for (const entry of options.entryPoints ?? []) {
    const stage = nodeIndex.get(`stage:${entry.stage}`);
    const id = `entry:${entry.id}`;
    if (stage === undefined || nodeIndex.has(id)) continue;
    nodeIndex.set(id, drafts.length);
    drafts.push(entryNode(entry, drafts[stage].reachable));
    merged.push(buildsEdge(entry, stage, drafts.length - 1, graph));
  }
  makeRoomForPorts(drafts, merged, direction);
  const labelSpace = (label: string): number => (direction === 'LR' ? Array.from(label).length * DETAIL_CHAR_WIDTH + 28 : 26);
  const drawing = layeredLayout({
    nodes: drafts.map((node) => (direction === 'LR' ? { rankSize: node.width, crossSize: node.height } : { rankSize: node.height, crossSize: node.width })),
    edges: merged.map((edge) => ({ source: edge.source, target: edge.target, labelSpace: edge.label ? labelSpace(edge.label) : 0 })),
    rankGap: direction === 'LR' ? 56 : 72,
    nodeGap: direction === 'LR' ? 22 : 28,
    dummyGap: 10,
  });
  const toXY = (point: RankPoint): { x: number; y: number } => (direction === 'LR' ? { x: point.rank, y: point.cross } : { x: point.cross, y: point.rank });

  const nodes: LayoutNode[] = drafts.map((draft, index) => {
    const centre = toXY(drawing.nodes[index]);
    return { ...draft, x: centre.x - draft.width / 2, y: centre.y - draft.height / 2 };
  });
  const routes = merged.map((edge, index) => ({ label: edge.label, points: drawing.edges[index].points.map(toXY) }));
  const labelPoints = placeEdgeLabels(routes, nodes, direction);
  const edges: LayoutEdge[] = merged.map((edge, index) => {
    const points = routes[index].points;
    return {
      id: edge.id,
      source: drafts[edge.source].id,
      target: drafts[edge.target].id,
      kind: edge.kind,
      onbuild: edge.onbuild,
      edges: edge.edges,
      lines: edge.edges.map((position) => instructionLine(graph.edges[position])),
      points,
      path: '',
      label: edge.label,
      tooltip: edge.tooltip,
      labelX: labelPoints[index].x,
      labelY: labelPoints[index].y,
      reachable: nodes[edge.target].reachable,
    };
  });
  const bends = edges.reduce((sum, edge) => sum + countBends(edge.points), 0);
  const { width, height } = moveToOrigin(nodes, edges);
  for (const edge of edges) edge.path = edgePath(edge.points, direction);
  return { direction, width, height, nodes, edges, crossings: drawing.crossings, bends };
}

/** Lengthens the side of every node that more edges enter or leave than fit at the port pitch, so each has its own port. */
function makeRoomForPorts(drafts: NodeDraft[], merged: readonly MergedEdge[], direction: LayoutDirection): void {
  const entering = new Array<number>(drafts.length).fill(0);
  const leaving = new Array<number>(drafts.length).fill(0);
  for (const edge of merged) {
    if (edge.source === edge.target) continue;
    leaving[edge.source]++;
    entering[edge.target]++;
  }
  drafts.forEach((draft, index) => {
    const side = sideForPorts(Math.max(entering[index], leaving[index]));
    if (direction === 'LR') draft.height = Math.max(draft.height, side);
    else draft.width = Math.max(draft.width, side);
  });
}

function stageNodes(graph: StageGraph): NodeDraft[] {
  const nameCount = new Map<string, number>();
  for (const stage of graph.stages) if (stage.name) nameCount.set(stage.name, (nameCount.get(stage.name) ?? 0) + 1);
  return graph.stages.map((stage) => {
    const lines = stageLines(graph, stage);
    const width = Math.max(Array.from(lines[0]).length * TITLE_CHAR_WIDTH, ...lines.slice(1).map((line) => Array.from(line).length * DETAIL_CHAR_WIDTH)) + 24;
    const uniqueName = stage.name !== null && nameCount.get(stage.name) === 1;
    return {
      id: `stage:${stage.index}`,
      key: uniqueName ? `stage:${stage.name}` : `stage:#${stage.index}`,
      kind: 'stage',
      stage: stage.index,
      image: null,
      entryPoint: null,
      width: Math.round(Math.min(300, Math.max(120, width))),
      height: STAGE_HEIGHT,
      lines,
      tooltip: stageTooltip(graph, stage),
      ariaLabel: stageAriaLabel(graph, stage),
      reachable: stage.reachable !== false,
      isTarget: stage.isTarget,
    };
  });
}

function imageNode(ref: string, reachable: boolean): NodeDraft {
  const scratch = ref.toLowerCase() === 'scratch';
  const title = shortenMiddle(ref, 34);
  return {
    id: `image:${ref}`,
    key: `image:${ref}`,
    kind: scratch ? 'scratch' : 'image',
    stage: null,
    image: ref,
    entryPoint: null,
    width: Math.round(Math.min(280, Math.max(90, Array.from(title).length * DETAIL_CHAR_WIDTH + 24))),
    height: IMAGE_HEIGHT,
    lines: [title],
    tooltip: scratch ? 'scratch: the empty image' : `External image ${ref}`,
    ariaLabel: scratch ? 'The empty scratch image' : `External image ${ref}`,
    reachable,
    isTarget: false,
  };
}

/** A Compose service or Bake target: a pill after its stage, greyed like that stage when the target skips it. */
function entryNode(entry: LayoutEntryPoint, reachable: boolean): NodeDraft {
  const title = shortenMiddle(entry.label, MAX_ENTRY_TITLE);
  return {
    id: `entry:${entry.id}`,
    key: `entry:${entry.id}`,
    kind: 'entry',
    stage: null,
    image: null,
    entryPoint: entry.id,
    width: Math.round(Math.min(280, Math.max(90, Array.from(title).length * DETAIL_CHAR_WIDTH + 24))),
    height: IMAGE_HEIGHT,
    lines: [title],
    tooltip: entry.tooltip,
    ariaLabel: `${entry.label}, builds stage ${entry.stage}`,
    reachable,
    isTarget: false,
  };
}

/** The edge from a stage to an entry point that builds it; it stands for no instruction of the Dockerfile. */
function buildsEdge(entry: LayoutEntryPoint, source: number, target: number, graph: StageGraph): MergedEdge {
  return {
    id: `builds:stage:${entry.stage}->entry:${entry.id}`,
    source,
    target,
    kind: 'builds',
    onbuild: false,
    edges: [],
    label: '',
    tooltip: `${entry.label} builds stage ${graph.stages[entry.stage].label}`,
  };
}

interface MergedEdge {
  id: string;
  source: number;
  target: number;
  kind: LayoutEdge['kind'];
  onbuild: boolean;
  edges: number[];
  label: string;
  tooltip: string;
}

/** The graph's parallel edges merged, labelled, and kept only where both ends are drawn, in graph order. */
function mergeEdges(graph: StageGraph, nodeIndex: ReadonlyMap<string, number>): MergedEdge[] {
  const merged: MergedEdge[] = [];
  for (const group of mergeParallelEdges(graph.edges)) {
    const sourceId = 'stage' in group.from ? `stage:${group.from.stage}` : `image:${group.from.image}`;
    const source = nodeIndex.get(sourceId);
    const target = nodeIndex.get(`stage:${group.to}`);
    if (source === undefined || target === undefined) continue;
    const edges = group.positions.map((position) => graph.edges[position]);
    merged.push({
      id: `${group.kind}${group.onbuild ? '-onbuild' : ''}:${sourceId}->stage:${group.to}`,
      source,
      target,
      kind: group.kind,
      onbuild: group.onbuild,
      edges: group.positions,
      label: edgeLabel(edges),
      tooltip: edgeTooltip(edges),
    });
  }
  return merged;
}

/** Shifts everything so the drawing starts at the margin; returns the drawing's size. */
function moveToOrigin(nodes: LayoutNode[], edges: LayoutEdge[]): { width: number; height: number } {
  if (nodes.length === 0) return { width: 0, height: 0 };
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const include = (x: number, y: number): void => {
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  };
  for (const node of nodes) {
    include(node.x, node.y);
    include(node.x + node.width, node.y + node.height);
  }
  for (const edge of edges) for (const point of edge.points) include(point.x, point.y);
  const [dx, dy] = [MARGIN - minX, MARGIN - minY];
  const round = (value: number): number => Math.round(value * 10) / 10;
  for (const node of nodes) [node.x, node.y] = [round(node.x + dx), round(node.y + dy)];
  for (const edge of edges) {
    edge.points = edge.points.map((point) => ({ x: round(point.x + dx), y: round(point.y + dy) }));
    [edge.labelX, edge.labelY] = [round(edge.labelX + dx), round(edge.labelY + dy)];
  }
  return { width: round(maxX - minX + 2 * MARGIN), height: round(maxY - minY + 2 * MARGIN) };
}
