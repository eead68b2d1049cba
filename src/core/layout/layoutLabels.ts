import type { Edge, Stage, StageGraph } from '../model';
import { artifactWords } from './artifactWords';
import { shortenImageRef } from './shortenImageRef';
import { shortenEnd, shortenMiddle } from './shortenText';

/** What the base of a stage is called on screen: the base stage's label, else the image. */
export function baseLabel(graph: StageGraph, stage: Stage): string {
  const base = stage.baseStage === null ? undefined : graph.stages[stage.baseStage];
  return base ? base.label : stage.baseName;
}

/** `prefix` and the stage's base within `max` characters: an image keeps what tells it apart (shortenImageRef). */
function fromLine(graph: StageGraph, stage: Stage, prefix: string, max: number): string {
  const budget = max - Array.from(prefix).length;
  return prefix + (stage.baseStage === null ? shortenImageRef(stage.baseName, budget) : shortenMiddle(baseLabel(graph, stage), budget));
}

/** "1 instruction", "3 instructions". */
function instructionCount(stage: Stage): string {
  return `${stage.instructionCount} ${stage.instructionCount === 1 ? 'instruction' : 'instructions'}`;
}

/** The text lines of a stage box: title, `#index · FROM base`, then counts and marks. */
export function stageLines(graph: StageGraph, stage: Stage): string[] {
  const facts = [instructionCount(stage)];
  if (stage.platform) facts.push(stage.platform);
  if (stage.isTarget) facts.unshift('target');
  else if (stage.reachable === false) facts.unshift('not built');
  return [
    shortenMiddle(stage.label, 30),
    fromLine(graph, stage, `#${stage.index} · FROM `, 38),
    shortenEnd(facts.join(' · '), 38),
  ];
}

/** Hover text of a stage box: everything the box shortens, and the stage's description. */
export function stageTooltip(graph: StageGraph, stage: Stage): string {
  const lines = [`${stage.label} (stage ${stage.index})`, `FROM ${stage.baseName}${stage.baseStage !== null ? ` (stage ${stage.baseStage})` : ''}`];
  if (stage.platform) lines.push(`platform ${stage.platform}`);
  lines.push(`${instructionCount(stage)}, lines ${stage.startLine}–${stage.endLine}`);
  if (stage.isTarget) lines.push('The build target.');
  else if (stage.reachable === false) lines.push(`Skipped: not built for ${targetName(graph)}.`);
  if (stage.description) lines.push('', stage.description);
  return lines.join('\n');
}

/** A sentence for screen readers describing a stage box. */
export function stageAriaLabel(graph: StageGraph, stage: Stage): string {
  const parts = [`Stage ${stage.label}, number ${stage.index}`, `from ${baseLabel(graph, stage)}`, instructionCount(stage)];
  if (stage.platform) parts.push(`platform ${stage.platform}`);
  if (stage.isTarget) parts.push('the build target');
  else if (stage.reachable === false) parts.push('not built for this target');
  return parts.join(', ');
}

function targetName(graph: StageGraph): string {
  const target = graph.target === null ? undefined : graph.stages[graph.target];
  return target ? `target ${target.label}` : 'the target';
}

/** Longest edge label drawn; the hover text has everything. */
const EDGE_LABEL_LENGTH = 30;

/**
 * The short label drawn on a merged edge: what is copied or mounted in words (`runc → /usr/bin/`), marked
 * `onbuild` for ONBUILD triggers, with the count of merged instructions (`×3 …`).
 */
export function edgeLabel(edges: readonly Edge[]): string {
  const first = edges[0];
  const artifacts = edges.flatMap((edge) => (edge.artifact ? [edge.artifact] : []));
  const prefix = [edges.length > 1 ? `×${edges.length}` : '', first.onbuild ? 'onbuild' : ''].filter(Boolean).join(' ');
  const what = artifacts.length > 0 ? artifactWords(artifacts, EDGE_LABEL_LENGTH - (prefix ? Array.from(prefix).length + 1 : 0)) : '';
  return shortenEnd([prefix, what].filter(Boolean).join(' '), EDGE_LABEL_LENGTH);
}

/** Hover text of a merged edge: every instruction it stands for, complete. */
export function edgeTooltip(edges: readonly Edge[]): string {
  return edges.map(describeEdge).join('\n');
}

/**
 * The 1-based line of the instruction an edge comes from. An ONBUILD-inherited edge is dated at the child's FROM,
 * where the trigger fires, but its instruction is the trigger in the parent.
 */
export function instructionLine(edge: Edge): number {
  return edge.onbuild ? edge.range.start.line + 1 : edge.line;
}

function describeEdge(edge: Edge): string {
  const prefix = edge.onbuild ? 'ONBUILD ' : '';
  const where = edge.onbuild ? `(line ${instructionLine(edge)}, fires at line ${edge.line})` : `(line ${edge.line})`;
  if (edge.kind === 'from' || !edge.artifact) return `${prefix}FROM ${edge.ref} ${where}`;
  const { sources, destination } = edge.artifact;
  if (edge.kind === 'mount') return `${prefix}RUN --mount from=${edge.ref} source=${sources.join(' ')} target=${destination} ${where}`;
  return `${prefix}COPY --from=${edge.ref} ${sources.join(' ')} → ${destination} ${where}`;
}
