import type { StageGraph } from '../model';
import { toExportGraph, type ExportEdge, type ExportNode } from './toExportGraph';

/**
 * Renders a stage graph as Graphviz DOT (`dot -Tsvg`): stages as boxes titled `label #index` with their base and
 * platform, external images and `scratch` as their own nodes, one edge per dependency kind between two nodes with
 * the artifacts it carries, the target drawn bold and stages the target does not build greyed and dashed.
 * Every name and path is escaped, so any Dockerfile yields a valid DOT file.
 */
export function toDot(graph: StageGraph): string {
  const picture = toExportGraph(graph);
  const out = [
    'digraph stageflow {',
    '  rankdir=LR;',
    '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const node of picture.nodes) out.push(`  ${node.id} [${attributes(nodeAttributes(node))}];`);
  for (const edge of picture.edges) {
    out.push(`  ${edge.from} -> ${edge.to} [${attributes(edgeAttributes(edge))}];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}

type Attributes = [name: string, value: string][];

const GREY = 'gray60';
const KIND_COLOURS: Record<ExportEdge['kind'], string> = { from: 'black', copy: '#1f6feb', mount: '#8250df' };

function nodeAttributes(node: ExportNode): Attributes {
  const list: Attributes = [['label', node.lines.map(escapeDot).join('\\n')]];
  const styles = node.kind === 'stage' ? ['rounded'] : node.kind === 'image' ? ['rounded', 'filled'] : ['dotted'];
  if (node.kind === 'image') list.push(['fillcolor', '#eeeeee']);
  if (!node.reachable) {
    if (node.kind === 'stage') styles.push('dashed');
    list.push(['color', GREY], ['fontcolor', GREY]);
  }
  list.push(['style', styles.join(',')]);
  if (node.isTarget) list.push(['penwidth', '2']);
  return list;
}

function edgeAttributes(edge: ExportEdge): Attributes {
  const list: Attributes = [];
  if (edge.lines.length > 0) list.push(['label', edge.lines.map(escapeDot).join('\\n')]);
  const style = edge.onbuild ? 'dotted' : edge.kind === 'from' ? 'bold' : edge.kind === 'mount' ? 'dashed' : 'solid';
  list.push(['style', style]);
  const colour = edge.reachable ? KIND_COLOURS[edge.kind] : GREY;
  list.push(['color', colour], ['fontcolor', colour]);
  return list;
}

function attributes(list: Attributes): string {
  return list.map(([name, value]) => `${name}="${value}"`).join(', ');
}

/** Inside a quoted DOT string only `"` needs escaping, but `\` starts DOT's label escapes (`\n`, `\N`...). */
function escapeDot(text: string): string {
  return text.replace(/[\\"]/g, (char) => `\\${char}`);
}
