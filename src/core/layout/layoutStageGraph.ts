import { mergeParallelEdges, type ParallelEdges } from '../graph/mergeParallelEdges';
import type { Stage, StageGraph } from '../model';
import { sideForPorts } from './assignPorts';
import { countBends, edgePath } from './edgePath';
import { readableScale } from './firstView';
import { layeredLayout, type RankPoint } from './layeredLayout';
import { placeEdgeLabels } from './placeEdgeLabels';
import { foldStages, type DrawnFamily, type FoldedStages } from './foldStages';
import { baseLabel, edgeLabel, edgeTooltip, instructionLine, stageAriaLabel, stageLines, stageTooltip } from './layoutLabels';
import { shortenImageRef } from './shortenImageRef';
import { shortenEnd, shortenMiddle } from './shortenText';
import { attachEdgesToMembers, groupedSlots, placeGroups, type GroupPlan } from './familyGroups';
import type { GraphLayout, LayoutDirection, LayoutEdge, LayoutEntryPoint, LayoutGroup, LayoutNode, LayoutOptions } from './layoutTypes';
import { stageKeys } from './stageKeys';

/** Estimated text widths (px per character) of the title and detail lines; boxes are sized from them. */
export const TITLE_CHAR_WIDTH = 7.6;
export const DETAIL_CHAR_WIDTH = 6.4;
const STAGE_HEIGHT = 60;
const IMAGE_HEIGHT = 30;
/** Longest entry-point title kept before cutting it in the middle. */
const MAX_ENTRY_TITLE = 34;
const SUMMARY_HEIGHT = 44;
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
  const folding = foldStages(graph, options);
  const drafts: NodeDraft[] = stageNodes(graph).filter((draft) => folding.nodeOf[draft.stage!] === draft.id);
  for (const drawn of folding.families) if (drawn.collapsed) drafts.push(familyNode(graph, drawn));
  const nodeIndex = new Map<string, number>(drafts.map((node, index) => [node.id, index]));
  if (!options.hideImages) {
    const used = folding.folded ? imagesUsedBy(graph, (stage) => nodeIndex.has(folding.nodeOf[stage])) : null;
    for (const image of graph.images) {
      const id = `image:${image.ref}`;
      if (nodeIndex.has(id) || (used && !used.has(image.ref))) continue;
      nodeIndex.set(id, drafts.length);
      drafts.push(imageNode(image.ref, image.reachable));
    }
  }
  /** The node that draws a stage: its own box, its collapsed family's, or none when folded away. */
  const nodeOfStage = (stage: number): number | undefined => nodeIndex.get(folding.nodeOf[stage]);
  const merged = mergeEdges(graph, nodeOfStage, nodeIndex);
  // Entry points follow the node that draws their stage.
  for (const entry of options.entryPoints ?? []) {
    const stage = nodeOfStage(entry.stage);
    const id = `entry:${entry.id}`;
    if (stage === undefined || nodeIndex.has(id)) continue;
    nodeIndex.set(id, drafts.length);
    drafts.push(entryNode(entry, drafts[stage].reachable));
    merged.push(buildsEdge(entry, stage, drafts.length - 1, graph));
  }
  makeRoomForPorts(drafts, merged, direction);
  // Families that are not collapsed are laid out as one box holding their members side by side.
  const plans: GroupPlan[] = folding.families
    .filter((drawn) => !drawn.collapsed)
    .map((drawn) => ({ id: drawn.family.id, label: `${drawn.family.stem}-* · ${drawn.members.length} variants`, members: drawn.members.map((member) => nodeIndex.get(`stage:${member}`)!) }));
  const { slots, slotOf, groupSlot } = groupedSlots(drafts, plans, direction);
  const labelSpace = (label: string): number => (direction === 'LR' ? Array.from(label).length * DETAIL_CHAR_WIDTH + 28 : 26);
  const drawing = layeredLayout({
    nodes: slots,
    edges: merged.map((edge) => ({ source: slotOf[edge.source], target: slotOf[edge.target], labelSpace: edge.label ? labelSpace(edge.label) : 0 })),
    rankGap: direction === 'LR' ? 56 : 72,
    nodeGap: direction === 'LR' ? 22 : 28,
    dummyGap: 10,
  });
  const toXY = (point: RankPoint): { x: number; y: number } => (direction === 'LR' ? { x: point.rank, y: point.cross } : { x: point.cross, y: point.rank });

  const nodes: LayoutNode[] = drafts.map((draft, index) => {
    const centre = toXY(drawing.nodes[slotOf[index]]);
    return { ...draft, x: centre.x - draft.width / 2, y: centre.y - draft.height / 2 };
  });
  const routes = merged.map((edge, index) => ({ source: edge.source, target: edge.target, label: edge.label, points: drawing.edges[index].points.map(toXY) }));
  const neighbourCross = (member: number): number[] =>
    merged.flatMap((edge) => (edge.source === member ? [edge.target] : edge.target === member ? [edge.source] : [])).map((other) => drawing.nodes[slotOf[other]].cross);
  const groups = placeGroups(plans, groupSlot.map((slot) => toXY(drawing.nodes[slot])), nodes, neighbourCross, direction);
  const members = new Set(plans.flatMap((plan) => plan.members));
  attachEdgesToMembers(routes, nodes, (node) => members.has(node), direction);
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
  if (folding.folded) nodes.push(summaryNode(graph, folding.folded, nodes, direction));
  const bends = edges.reduce((sum, edge) => sum + countBends(edge.points), 0);
  const { width, height } = moveToOrigin(nodes, edges, groups);
  for (const edge of edges) edge.path = edgePath(edge.points, direction);
  // Which names fit, and so the scale the drawing reads from, is only known once everything is placed.
  return { direction, width, height, nodes, edges, groups, crossings: drawing.crossings, bends, readableScale: readableScale({ nodes, edges }) };
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
  const keys = stageKeys(graph);
  return graph.stages.map((stage) => {
    const lines = stageLines(graph, stage);
    const width = Math.max(Array.from(lines[0]).length * TITLE_CHAR_WIDTH, ...lines.slice(1).map((line) => Array.from(line).length * DETAIL_CHAR_WIDTH)) + 24;
    return {
      id: `stage:${stage.index}`,
      key: keys[stage.index],
      kind: 'stage',
      stage: stage.index,
      members: [],
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
  const title = shortenImageRef(ref, 34);
  return {
    id: `image:${ref}`,
    key: `image:${ref}`,
    kind: scratch ? 'scratch' : 'image',
    stage: null,
    members: [],
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
    members: [],
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

/**
 * The graph's edges between drawn nodes, those of one kind and origin between the same two nodes merged into one,
 * labelled, in the order of their first edge. `nodeOfStage` gives the node a stage is drawn as (none when folded).
 */
function mergeEdges(graph: StageGraph, nodeOfStage: (stage: number) => number | undefined, nodeIndex: ReadonlyMap<string, number>): MergedEdge[] {
  const groups = new Map<string, { source: number; target: number; group: ParallelEdges; positions: number[] }>();
  for (const group of mergeParallelEdges(graph.edges)) {
    const source = 'stage' in group.from ? nodeOfStage(group.from.stage) : nodeIndex.get(`image:${group.from.image}`);
    const target = nodeOfStage(group.to);
    // Edges between stages drawn as one node are inside it; a stage's edge to itself (a broken file) stays.
    const inside = source === target && !('stage' in group.from && group.from.stage === group.to);
    if (source === undefined || target === undefined || inside) continue;
    const key = `${group.kind}${group.onbuild ? '-onbuild' : ''}:${source}->${target}`;
    const known = groups.get(key);
    if (known) known.positions.push(...group.positions);
    else groups.set(key, { source, target, group, positions: [...group.positions] });
  }
  const ids = [...nodeIndex.keys()];
  return [...groups.values()].map(({ source, target, group, positions }) => {
    positions.sort((a, b) => a - b);
    const edges = positions.map((position) => graph.edges[position]);
    return {
      id: `${group.kind}${group.onbuild ? '-onbuild' : ''}:${ids[source]}->${ids[target]}`,
      source,
      target,
      kind: group.kind,
      onbuild: group.onbuild,
      edges: positions,
      label: edgeLabel(edges),
      tooltip: edgeTooltip(edges),
    };
  });
}

/** The images some edge leads from into a stage that `drawn` accepts. */
function imagesUsedBy(graph: StageGraph, drawn: (stage: number) => boolean): Set<string> {
  const used = new Set<string>();
  for (const edge of graph.edges) if ('image' in edge.from && drawn(edge.to)) used.add(edge.from.image);
  return used;
}

/** A collapsed family as one box: the stem, its variants, and what is built of it. */
function familyNode(graph: StageGraph, drawn: DrawnFamily): NodeDraft {
  const stages = drawn.members.map((index) => graph.stages[index]);
  const variants = drawn.members.map((index) => drawn.family.variants[drawn.family.members.indexOf(index)]);
  const built = stages.filter((stage) => stage.reachable !== false).length;
  const isTarget = stages.some((stage) => stage.isTarget);
  const facts = [`${stages.length} variants`];
  if (isTarget) facts.unshift('target');
  else if (built === 0) facts.unshift('not built');
  else if (built < stages.length) facts.push(`${built} built`);
  const lines = [shortenMiddle(`${drawn.family.stem}-*`, 30), shortenEnd(variants.join(' · '), 38), shortenEnd(facts.join(' · '), 38)];
  const width = Math.max(Array.from(lines[0]).length * TITLE_CHAR_WIDTH, ...lines.slice(1).map((line) => Array.from(line).length * DETAIL_CHAR_WIDTH)) + 24;
  const describe = (stage: Stage): string => `${stage.label} (stage ${stage.index}), FROM ${baseLabel(graph, stage)}${stage.reachable === false ? ', not built' : ''}`;
  return {
    id: drawn.family.id,
    key: drawn.family.id,
    kind: 'family',
    stage: null,
    members: drawn.members,
    image: null,
    entryPoint: null,
    width: Math.round(Math.min(300, Math.max(120, width))),
    height: STAGE_HEIGHT,
    lines,
    tooltip: [`${stages.length} variants of ${drawn.family.stem}:`, ...stages.map(describe), '', 'Click to show them side by side.'].join('\n'),
    ariaLabel: `Family ${drawn.family.stem}, ${stages.length} variants: ${variants.join(', ')}; activate to show them`,
    reachable: built > 0,
    isTarget,
  };
}

/**
 * The node standing for the folded stages, placed beside the stage they were folded around (the focused stage or
 * the target): below its column left to right, right of its row top to bottom, clear of every other box.
 */
function summaryNode(graph: StageGraph, folded: FoldedStages, nodes: readonly LayoutNode[], direction: LayoutDirection): LayoutNode {
  const skipped = folded.id === 'summary:skipped';
  const count = folded.members.length;
  const names = folded.members.map((index) => graph.stages[index].label);
  const anchorLabel = folded.anchor === null ? 'the target' : graph.stages[folded.anchor].label;
  const title = skipped ? `${count} ${count === 1 ? 'stage' : 'stages'} not built` : `${count} other ${count === 1 ? 'stage' : 'stages'}`;
  const detail = skipped ? 'click to show them' : 'click to show the whole graph';
  const draft: NodeDraft = {
    id: folded.id,
    key: folded.id,
    kind: 'summary',
    stage: null,
    members: folded.members,
    image: null,
    entryPoint: null,
    width: Math.round(Math.max(Array.from(title).length * TITLE_CHAR_WIDTH, Array.from(detail).length * DETAIL_CHAR_WIDTH) + 24),
    height: SUMMARY_HEIGHT,
    lines: [title, detail],
    tooltip: `${skipped ? `Not built for ${anchorLabel}` : `Neither needed by ${anchorLabel} nor needing it`}: ${names.join(', ')}.\nClick to show ${skipped ? 'them' : 'the whole graph'}.`,
    ariaLabel: `${title}${skipped ? ` for ${anchorLabel}` : ` besides what ${anchorLabel} needs and what needs it`}; activate to show them`,
    reachable: !skipped,
    isTarget: false,
  };
  const anchor = nodes.find((node) => node.stage === folded.anchor) ?? nodes[nodes.length - 1];
  return { ...draft, ...besideAnchor(draft, anchor, nodes, direction) };
}

/** Where a box goes beside `anchor`: past every box that shares its column (LR) or row (TB). */
function besideAnchor(box: { width: number; height: number }, anchor: LayoutNode | undefined, nodes: readonly LayoutNode[], direction: LayoutDirection): { x: number; y: number } {
  const gap = 28;
  if (!anchor) return { x: 0, y: 0 };
  if (direction === 'LR') {
    const x = anchor.x + anchor.width / 2 - box.width / 2;
    const below = nodes.filter((node) => node.x < x + box.width && x < node.x + node.width && node.y >= anchor.y);
    return { x, y: Math.max(...below.map((node) => node.y + node.height)) + gap };
  }
  const y = anchor.y + anchor.height / 2 - box.height / 2;
  const right = nodes.filter((node) => node.y < y + box.height && y < node.y + node.height && node.x >= anchor.x);
  return { x: Math.max(...right.map((node) => node.x + node.width)) + gap, y };
}

/** Shifts everything so the drawing starts at the margin; returns the drawing's size. */
function moveToOrigin(nodes: LayoutNode[], edges: LayoutEdge[], groups: LayoutGroup[]): { width: number; height: number } {
  if (nodes.length === 0) return { width: 0, height: 0 };
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const include = (x: number, y: number): void => {
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  };
  for (const box of [...nodes, ...groups]) {
    include(box.x, box.y);
    include(box.x + box.width, box.y + box.height);
  }
  for (const edge of edges) for (const point of edge.points) include(point.x, point.y);
  const [dx, dy] = [MARGIN - minX, MARGIN - minY];
  const round = (value: number): number => Math.round(value * 10) / 10;
  for (const box of [...nodes, ...groups]) [box.x, box.y] = [round(box.x + dx), round(box.y + dy)];
  for (const edge of edges) {
    edge.points = edge.points.map((point) => ({ x: round(point.x + dx), y: round(point.y + dy) }));
    [edge.labelX, edge.labelY] = [round(edge.labelX + dx), round(edge.labelY + dy)];
  }
  return { width: round(maxX - minX + 2 * MARGIN), height: round(maxY - minY + 2 * MARGIN) };
}
