import type { EdgeChange, GraphDiff, StageChange } from './toGraphDiff';

/**
 * A graph diff for people (`stageflow diff`'s default format): one heading per kind of change with one item per
 * line, empty kinds left out, or one line saying the build graph did not change.
 */
export function graphDiffText(diff: GraphDiff): string {
  const sections: Array<[string, string[]]> = [
    ['Stages added', diff.stages.added],
    ['Stages removed', diff.stages.removed],
    ['Stages renamed', diff.stages.renamed.map(({ from, to }) => `${from} → ${to}`)],
    ['Stages changed', diff.stages.changed.map(describeChange)],
    ['Edges added', diff.edges.added.map(describeEdge)],
    ['Edges removed', diff.edges.removed.map(describeEdge)],
    ['Now built for the target', diff.reachability.nowBuilt],
    ['No longer built for the target', diff.reachability.nowSkipped],
  ];
  const lines = sections.filter(([, items]) => items.length > 0).flatMap(([title, items]) => [`${title}:`, ...items.map((item) => `  ${item}`)]);
  if (lines.length === 0) return 'The stage graph did not change.\n';
  return `${lines.join('\n')}\n`;
}

function describeChange(change: StageChange): string {
  return `${change.name}: ${whatChanged(change)}`;
}

/** What changed in a stage: `base a → b, platform …, instructions 2 → 3`. */
export function whatChanged(change: StageChange): string {
  const parts: string[] = [];
  if (change.base) parts.push(`base ${change.base.from} → ${change.base.to}`);
  if (change.platform) parts.push(`platform ${change.platform.from ?? 'none'} → ${change.platform.to ?? 'none'}`);
  if (change.instructions) parts.push(`instructions ${change.instructions.from} → ${change.instructions.to}`);
  return parts.join(', ');
}

function describeEdge(edge: EdgeChange): string {
  return `${edge.from} → ${edge.to} (${edge.kind})`;
}
