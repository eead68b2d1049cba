import { shortenImageRef } from '../layout/shortenImageRef';
import { shortenMiddle as shorten } from '../layout/shortenText';
import { mergeParallelEdges } from '../graph/mergeParallelEdges';
import type { Artifact, Edge, EdgeSource, Stage, StageGraph } from '../model';

/**
 * A format-neutral picture of a stage graph for the text exporters (DOT, Mermaid): one node per stage and per
 * external image, one edge per (source, target, kind) with the artifacts it carries. Every label line is plain
 * text on one line and of bounded length; each exporter only escapes it for its own syntax.
 */
export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** A stage, an external image, or `scratch`. */
export interface ExportNode {
  /** A short identifier that is safe in every format: `s<index>` for stages, `i<n>` for images. */
  id: string;
  kind: 'stage' | 'image' | 'scratch';
  /** Label lines, first line the title. */
  lines: string[];
  /** What the node stands for: the stage's index, or the image's full reference (`scratch` included). */
  source: EdgeSource;
  /** False for a stage the target does not build, and for an image only such stages use. */
  reachable: boolean;
  isTarget: boolean;
}

/** All dependencies of one kind between the same two nodes, merged. */
export interface ExportEdge {
  from: string;
  to: string;
  kind: Edge['kind'];
  onbuild: boolean;
  /** How many instructions make this dependency. */
  count: number;
  /** Label lines (empty for a plain FROM). */
  lines: string[];
  /** False when it leads into a stage the target does not build. */
  reachable: boolean;
}

/** Longest stage name, image reference or label line kept before cutting it with an ellipsis. */
const MAX_TEXT = 60;
/** Longest path shown on an edge before its leading directories are elided. */
const MAX_PATH = 36;
/** Artifacts listed on one edge before the rest is summarised as a count. */
const MAX_ARTIFACTS = 4;
/** Source paths listed for one artifact before the rest is summarised as a count. */
const MAX_SOURCES = 3;

/** Turns a resolved stage graph into the nodes and merged edges the text exporters draw. */
export function toExportGraph(graph: StageGraph): ExportGraph {
  const stageNodes = graph.stages.map(stageNode);
  const reachableStages = new Set(graph.stages.filter(isBuilt).map((stage) => stage.index));
  const imageIds = new Map<string, string>();
  const imageRefs: string[] = [];
  const noteImage = (ref: string): void => {
    if (!imageIds.has(ref)) {
      imageIds.set(ref, `i${imageIds.size}`);
      imageRefs.push(ref);
    }
  };
  for (const image of graph.images) noteImage(image.ref);
  for (const edge of graph.edges) if ('image' in edge.from) noteImage(edge.from.image);

  const edges = mergeEdges(graph.edges, imageIds, reachableStages);
  const imageNodes = imageRefs.map((ref): ExportNode => {
    const id = imageIds.get(ref) as string;
    return {
      id,
      kind: ref.toLowerCase() === 'scratch' ? 'scratch' : 'image',
      lines: [shortenImageRef(oneLine(ref), MAX_TEXT)],
      source: { image: ref },
      reachable: edges.some((edge) => edge.from === id && edge.reachable),
      isTarget: false,
    };
  });
  return { nodes: [...imageNodes, ...stageNodes], edges };
}

/** A stage is drawn as built unless the graph knows it is not (null: BuildKit failed before deciding). */
function isBuilt(stage: Stage): boolean {
  return stage.reachable !== false;
}

function stageNode(stage: Stage): ExportNode {
  const lines = [`${shorten(oneLine(stage.label), MAX_TEXT)} #${stage.index}`];
  const base = oneLine(stage.baseName || stage.rawBaseName);
  lines.push(`FROM ${stage.baseStage === null ? shortenImageRef(base, MAX_TEXT - 5) : shorten(base, MAX_TEXT - 5)}`);
  if (stage.platform) lines.push(shorten(`platform ${oneLine(stage.platform)}`, MAX_TEXT));
  if (stage.isTarget) lines.push('target');
  return { id: `s${stage.index}`, kind: 'stage', lines, source: { stage: stage.index }, reachable: isBuilt(stage), isTarget: stage.isTarget };
}

/** One export edge per group of parallel edges, labelled with the artifacts it carries. */
function mergeEdges(edges: Edge[], imageIds: Map<string, string>, reachableStages: Set<number>): ExportEdge[] {
  return mergeParallelEdges(edges).map((group) => {
    const from = 'stage' in group.from ? `s${group.from.stage}` : (imageIds.get(group.from.image) as string);
    const artifacts = group.positions.flatMap((position) => edges[position].artifact ?? []);
    const edge: ExportEdge = {
      from,
      to: `s${group.to}`,
      kind: group.kind,
      onbuild: group.onbuild,
      count: group.positions.length,
      lines: [],
      reachable: reachableStages.has(group.to),
    };
    return { ...edge, lines: edgeLines(edge, artifacts) };
  });
}

/** How an edge of each kind is titled; a plain FROM needs no label. */
const KIND_TITLES: Record<Edge['kind'], string> = { from: 'FROM', copy: 'COPY', mount: 'mount' };

function edgeLines(edge: ExportEdge, artifacts: Artifact[]): string[] {
  const kindTitle = KIND_TITLES[edge.kind];
  const title = edge.onbuild ? `ONBUILD ${kindTitle}` : kindTitle;
  const heading = edge.count > 1 ? `${title} ×${edge.count}` : edge.kind === 'from' && !edge.onbuild ? '' : title;
  const lines = heading ? [heading] : [];
  const shown = artifacts.slice(0, MAX_ARTIFACTS).map((artifact) => artifactLine(edge.kind, artifact));
  lines.push(...shown);
  if (artifacts.length > shown.length) lines.push(`+${artifacts.length - shown.length} more`);
  return lines;
}

/** `src → dest` for a COPY, `type: source → target` for a mount, paths elided to stay readable. */
function artifactLine(kind: Edge['kind'], artifact: Artifact): string {
  const sources = artifact.sources.slice(0, MAX_SOURCES).map(shortenPath);
  if (artifact.sources.length > sources.length) sources.push(`+${artifact.sources.length - sources.length}`);
  const flow = `${sources.join(', ') || '/'} → ${shortenPath(artifact.destination)}`;
  const type = kind === 'mount' ? artifact.flags.type : undefined;
  return shorten(type ? `${oneLine(type)}: ${flow}` : flow, MAX_TEXT);
}

/** Keeps the end of a long path (the part that says what it is): `/a/b/c/d/file` -> `…/d/file`. */
export function shortenPath(path: string): string {
  const flat = oneLine(path);
  if (flat.length <= MAX_PATH) return flat;
  const parts = flat.split('/');
  let kept = parts.pop() as string;
  if (kept === '' && parts.length > 0) kept = `${parts.pop() as string}/`;
  while (parts.length > 0 && kept.length + parts[parts.length - 1].length + 3 <= MAX_PATH) {
    kept = `${parts.pop() as string}/${kept}`;
  }
  if (kept.length + 2 > MAX_PATH) return shorten(kept, MAX_PATH);
  return `…/${kept}`;
}

/** Any line break, tab or other control character becomes a space: labels are built line by line. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}
