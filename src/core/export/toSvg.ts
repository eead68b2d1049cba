import { layoutStageGraph } from '../layout/layoutStageGraph';
import type { GraphLayout } from '../layout/layoutTypes';
import { nodeText } from '../layout/nodeText';
import type { StageGraph } from '../model';

/** Colours of the standalone picture (a file has no editor theme); dark ones when the viewer prefers dark. */
const STYLE = `
svg { background: #ffffff; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
.node rect { fill: #f6f8fa; stroke: #57606a; stroke-width: 1; }
.node-image rect { fill: #eaeef2; stroke-dasharray: 4 2; }
.node-scratch rect { fill: none; stroke-dasharray: 2 2; }
.node-entry rect { fill: #ffffff; stroke: #1a7f37; stroke-width: 1.5; }
.node-entry .detail { fill: #1f2328; }
.node.target rect { stroke: #0969da; stroke-width: 2.5; }
.node.unreachable { opacity: 0.5; }
.node.unreachable rect { stroke-dasharray: 5 3; }
.node.unreachable .title { font-weight: 400; font-style: italic; }
.node-family .stack { opacity: 0.55; }
.node-summary rect { fill: none; stroke-dasharray: 9 4; }
.node-summary .title { font-weight: 400; }
.group rect { fill: none; stroke: #57606a; stroke-dasharray: 3 3; }
.group-label { font-size: 11px; fill: #57606a; }
.title { font-size: 13px; font-weight: 600; fill: #1f2328; }
.detail { font-size: 11px; fill: #57606a; }
.edge path { fill: none; stroke: #57606a; stroke-width: 1.4; }
.edge-from:not(.unreachable) path { stroke-width: 2.4; }
.edge-copy path { stroke: #0969da; }
.edge-mount path { stroke: #8250df; stroke-dasharray: 6 3; }
.edge.onbuild path { stroke-dasharray: 2 3; }
.edge-builds path { stroke: #1a7f37; stroke-dasharray: 1 3; stroke-linecap: round; }
.edge.unreachable { opacity: 0.45; }
.edge-label text { font-size: 10px; fill: #1f2328; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; }
.edge-label.unreachable text { fill-opacity: 0.55; }
.arrow { fill: #57606a; }
@media (prefers-color-scheme: dark) {
  svg { background: #0d1117; }
  .node rect { fill: #161b22; stroke: #8b949e; }
  .node-image rect { fill: #21262d; }
  .node-entry rect { fill: #0d1117; stroke: #3fb950; }
  .node-entry .detail { fill: #e6edf3; }
  .node.target rect { stroke: #58a6ff; }
  .title { fill: #e6edf3; }
  .detail { fill: #8b949e; }
  .edge path { stroke: #8b949e; }
  .edge-copy path { stroke: #58a6ff; }
  .edge-mount path { stroke: #bc8cff; }
  .edge-builds path { stroke: #3fb950; }
  .edge-label text { fill: #e6edf3; stroke: #0d1117; }
  .group rect { stroke: #8b949e; }
  .group-label { fill: #8b949e; }
  .arrow { fill: #8b949e; }
}`;

/**
 * Renders the same picture as the graph view as a standalone SVG document (for `stageflow graph --format svg`
 * and the view's "Save as SVG", which passes the layout it computed with the view's options). Every piece of
 * document text is XML-escaped, so names, paths and comments containing markup stay text.
 */
export function toSvg(graph: StageGraph, layout: GraphLayout = layoutStageGraph(graph)): string {
  const width = Math.max(layout.width, 200);
  const height = Math.max(layout.height, 60);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${escapeXml(svgTitle(graph))}</title>`,
    `<style>${STYLE}</style>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">' +
      '<path class="arrow" d="M0,0L10,5L0,10z"/></marker></defs>',
  ];
  if (layout.nodes.length === 0) {
    out.push(`<text class="detail" x="20" y="34">${escapeXml(graph.error ?? 'No stages: the Dockerfile has no FROM instruction.')}</text>`);
  }
  out.push('<g class="groups">');
  for (const group of layout.groups) {
    out.push(`<g class="group"><title>${escapeXml(group.label)}</title><rect x="${group.x}" y="${group.y}" width="${group.width}" height="${group.height}" rx="10"/>`);
    out.push(`<text class="group-label" x="${group.x + 10}" y="${group.y + 15}">${escapeXml(group.label)}</text></g>`);
  }
  out.push('</g>', '<g class="edges">');
  for (const edge of layout.edges) {
    const classes = ['edge', `edge-${edge.kind}`, edge.onbuild ? 'onbuild' : '', edge.reachable ? '' : 'unreachable'].filter(Boolean).join(' ');
    out.push(`<g class="${classes}"><title>${escapeXml(edge.tooltip)}</title><path d="${edge.path}" marker-end="url(#arrow)"/></g>`);
  }
  // The labels after every line, so no other edge is drawn across one's words.
  out.push('</g>', '<g class="edge-labels">');
  for (const edge of layout.edges) {
    if (!edge.label || edge.points.length === 0) continue;
    out.push(`<g class="edge-label${edge.reachable ? '' : ' unreachable'}"><title>${escapeXml(edge.tooltip)}</title>`);
    out.push(`<text x="${edge.labelX}" y="${edge.labelY - 4}" text-anchor="middle">${escapeXml(edge.label)}</text></g>`);
  }
  out.push('</g>', '<g class="nodes">');
  for (const node of layout.nodes) {
    const classes = ['node', `node-${node.kind}`, node.isTarget ? 'target' : '', node.reachable ? '' : 'unreachable'].filter(Boolean).join(' ');
    const boxed = node.kind === 'stage' || node.kind === 'family';
    out.push(`<g class="${classes}" transform="translate(${node.x},${node.y})"><title>${escapeXml(node.tooltip)}</title>`);
    // A collapsed family is drawn as a stack of boxes.
    if (node.kind === 'family') out.push(`<rect class="stack" x="4" y="-4" width="${node.width}" height="${node.height}" rx="6"/>`);
    out.push(`<rect width="${node.width}" height="${node.height}" rx="${boxed ? 6 : node.height / 2}"/>`);
    for (const line of nodeText(node)) {
      out.push(`<text class="${line.role}" x="${line.x}" y="${line.y}" text-anchor="${line.anchor}">${escapeXml(line.text)}</text>`);
    }
    out.push('</g>');
  }
  out.push('</g>', '</svg>');
  return `${out.join('\n')}\n`;
}

function svgTitle(graph: StageGraph): string {
  const target = graph.target === null ? undefined : graph.stages[graph.target];
  const count = `${graph.stages.length} ${graph.stages.length === 1 ? 'stage' : 'stages'}`;
  return target ? `Stage graph: ${count}, target ${target.label}` : `Stage graph: ${count}`;
}

/** Escapes text for XML content and attributes; control characters XML cannot carry become spaces. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
