import { toDot } from '../core/export/toDot';
import { toMermaid } from '../core/export/toMermaid';
import { toSvg } from '../core/export/toSvg';
import type { StageGraph } from '../core/model';

/**
 * The output formats of `stageflow graph --format`, by name; the first is the default. Another exporter (a
 * `(graph) => string` from `src/core/export/`) becomes a format by adding one entry here.
 */
export const GRAPH_FORMATS: Record<string, (graph: StageGraph) => string> = {
  json: (graph) => `${JSON.stringify(graph, null, 2)}\n`,
  dot: toDot,
  mermaid: toMermaid,
  svg: (graph) => toSvg(graph),
};
