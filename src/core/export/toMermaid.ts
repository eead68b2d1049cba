import type { StageGraph } from '../model';
import { toExportGraph, type ExportEdge, type ExportGraph, type ExportNode } from './toExportGraph';

/**
 * Renders a stage graph as a Mermaid flowchart (for Markdown docs): stages as boxes titled `label #index` with their
 * base and platform, external images as stadiums, `scratch` as a circle, thick arrows for FROM, plain arrows for
 * COPY and dotted ones for mounts and ONBUILD, labelled with the artifacts they carry; the target is outlined and
 * stages the target does not build are greyed and dashed. Every name and path is escaped as an entity code where
 * Mermaid would read it as syntax or markup. No statement ends in `;`: Mermaid reads `#333333;` as an entity code
 * before it parses, and only forgives that in `style` and `classDef` lines, so `linkStyle 0 stroke:#333333;` fails.
 */
export function toMermaid(graph: StageGraph): string {
  return mermaidFlowchart(toExportGraph(graph));
}

/**
 * What a caller lays over a picture (the graph diff marks added, changed and removed parts): classes defined after
 * the picture's own, so they win, the nodes each applies to, and styles that replace the colour of some edges.
 */
export interface MermaidOverlay {
  /** `name style` pairs, e.g. `['added', 'stroke:#1a7f37']`. */
  classDefs: Array<[string, string]>;
  /** The node ids each class of `classDefs` applies to, by class name. */
  classMembers: ReadonlyMap<string, readonly string[]>;
  /** A `linkStyle` replacing the kind colour, by edge position in the picture. */
  edgeStyles: ReadonlyMap<number, string>;
  /** Edges drawn dashed, by position. */
  dashedEdges: ReadonlySet<number>;
}

/** Writes an export picture as a Mermaid flowchart, with an optional overlay of classes and edge styles. */
export function mermaidFlowchart(picture: ExportGraph, overlay?: MermaidOverlay): string {
  const out = ['flowchart LR'];
  for (const node of picture.nodes) out.push(`  ${nodeShape(node)}`);
  picture.edges.forEach((edge, index) => out.push(`  ${edgeLine(edge, overlay?.dashedEdges.has(index) ?? false)}`));
  out.push(
    '  classDef image fill:#eeeeee,stroke:#888888',
    '  classDef scratch fill:none,stroke:#888888,stroke-dasharray:2 2',
    '  classDef target stroke-width:3px',
    '  classDef unreachable fill:#f6f6f6,stroke:#aaaaaa,color:#999999,stroke-dasharray:5 5',
  );
  for (const [name, style] of overlay?.classDefs ?? []) out.push(`  classDef ${name} ${style}`);
  for (const className of ['image', 'scratch', 'target', 'unreachable'] as const) {
    const ids = picture.nodes.filter((node) => nodeClasses(node).includes(className)).map((node) => node.id);
    if (ids.length > 0) out.push(`  class ${ids.join(',')} ${className}`);
  }
  for (const [name] of overlay?.classDefs ?? []) {
    const ids = overlay?.classMembers.get(name) ?? [];
    if (ids.length > 0) out.push(`  class ${ids.join(',')} ${name}`);
  }
  picture.edges.forEach((edge, index) => {
    const colour = edge.reachable ? KIND_COLOURS[edge.kind] : '#aaaaaa';
    out.push(`  linkStyle ${index} ${overlay?.edgeStyles.get(index) ?? `stroke:${colour}`}`);
  });
  return `${out.join('\n')}\n`;
}

const KIND_COLOURS: Record<ExportEdge['kind'], string> = { from: '#333333', copy: '#1f6feb', mount: '#8250df' };

function nodeShape(node: ExportNode): string {
  const label = `"${node.lines.map(escapeMermaid).join('<br>')}"`;
  if (node.kind === 'image') return `${node.id}([${label}])`;
  if (node.kind === 'scratch') return `${node.id}((${label}))`;
  return `${node.id}[${label}]`;
}

function nodeClasses(node: ExportNode): string[] {
  const classes: string[] = node.kind === 'stage' ? [] : [node.kind];
  if (node.isTarget) classes.push('target');
  if (!node.reachable) classes.push('unreachable');
  return classes;
}

function edgeLine(edge: ExportEdge, dashed: boolean): string {
  const arrow = dashed || edge.onbuild || edge.kind === 'mount' ? '-.->' : edge.kind === 'from' ? '==>' : '-->';
  const label = edge.lines.length > 0 ? `|"${edge.lines.map(escapeMermaid).join('<br>')}"|` : '';
  return `${edge.from} ${arrow}${label} ${edge.to}`;
}

/**
 * Letters, digits and punctuation Mermaid leaves alone inside a quoted label; the rest becomes `#code;`. A bare `#`
 * is safe because `;` is always entity-coded, so it can never start an entity of its own.
 */
const SAFE = /[\p{L}\p{N} .,:/\-_+=@()[\]{}*~!?'$^#→…×]/u;

/** Mermaid reads `"`, `#…;`, `<…>`, `&`, backticks and `|` in labels as syntax or HTML: entity-code them. */
function escapeMermaid(text: string): string {
  let escaped = '';
  for (const char of text) escaped += SAFE.test(char) ? char : `#${char.codePointAt(0)};`;
  return escaped;
}
