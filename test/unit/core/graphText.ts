/** Compact, complete text forms of a stage graph, so tests can state expected results in full. */
import type { Edge, StageGraph } from '../../../src/core/model';

/** `0 build <- image golang:1.22 [reachable]`, one line per stage. */
export function stageLines(graph: StageGraph): string[] {
  return graph.stages.map((s) => {
    const base = s.baseStage !== null ? `stage ${s.baseStage}` : `image ${s.baseImage}`;
    const reach = s.reachable === null ? 'unknown' : s.reachable ? 'built' : 'skipped';
    return `${s.index} ${s.displayName || '(single)'} <- ${base} [${reach}${s.isTarget ? ', target' : ''}] lines ${s.startLine}-${s.endLine}`;
  });
}

function source(edge: Edge): string {
  return 'stage' in edge.from ? `stage ${edge.from.stage}` : `image ${edge.from.image}`;
}

/** `copy stage 0 -> 1 via name "build" line 4`, one line per edge, in the graph's order. */
export function edgeLines(graph: StageGraph): string[] {
  return graph.edges.map(
    (e) => `${e.kind} ${source(e)} -> ${e.to} via ${e.via} ${JSON.stringify(e.ref)} line ${e.line}${e.onbuild ? ' onbuild' : ''}`,
  );
}

/** `error CircularDependency 2:12-2:13 circular dependency ...`, one line per diagnostic. */
export function diagnosticLines(graph: StageGraph, include: (code: string) => boolean = () => true): string[] {
  return graph.diagnostics
    .filter((d) => include(d.code))
    .map((d) => {
      const { start, end } = d.range;
      const fix = d.fix ? ` => ${JSON.stringify(d.fix.replacement)}` : '';
      return `${d.severity} ${d.code} ${start.line}:${start.character}-${end.line}:${end.character} ${d.message}${fix}`;
    });
}

/** The verdict: `ok` or the error message. */
export function verdict(graph: StageGraph): string {
  return graph.ok ? 'ok' : `error: ${graph.error}`;
}
