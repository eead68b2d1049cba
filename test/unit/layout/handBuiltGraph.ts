import type { Edge, StageGraph } from '../../../src/core/model';
import { edge, graph, stage } from '../stageGraphBuilder';

/** A stage as `FROM <base> AS <name>`: `base` is an image ref, or `#n` for stage n. */
export interface StageSketch {
  name?: string;
  base: string;
  reachable?: boolean;
}

/** A `COPY --from=<from> <sources> <dest>` (or mount) into stage `to`; `from` is a stage index or an image ref. */
export interface CopySketch {
  from: number | string;
  to: number;
  sources?: string[];
  kind?: 'copy' | 'mount';
}

/**
 * Builds a complete StageGraph from a sketch, the way the core would for the equivalent Dockerfile: ten lines per
 * stage, FROM edges from each base, copies sorted by target then line, images in order of first use (bases
 * first), the last stage the target.
 */
export function handBuiltGraph(stages: StageSketch[], copies: CopySketch[] = []): StageGraph {
  const images: string[] = [];
  const useImage = (ref: string): void => {
    if (!images.includes(ref)) images.push(ref);
  };
  const built = stages.map((sketch, index) => {
    const baseStage = sketch.base.startsWith('#') ? Number(sketch.base.slice(1)) : null;
    if (baseStage === null) useImage(sketch.base);
    const baseName = baseStage === null ? sketch.base : stages[baseStage].name ?? String(baseStage);
    return stage(index, {
      name: sketch.name ?? null,
      baseName,
      baseStage,
      baseImage: baseStage === null ? sketch.base : null,
      startLine: index * 10 + 1,
      endLine: index * 10 + 9,
      reachable: sketch.reachable ?? true,
      isTarget: index === stages.length - 1,
      instructionCount: 2,
    });
  });
  const edges: Edge[] = built.map((child) => edge(child.baseStage ?? child.baseName, child.index, 'from', { ref: child.baseName, line: child.startLine }));
  copies.forEach((copy, position) => {
    if (typeof copy.from === 'string') useImage(copy.from);
    edges.push(
      edge(copy.from, copy.to, copy.kind ?? 'copy', {
        ref: typeof copy.from === 'string' ? copy.from : built[copy.from].label,
        line: built[copy.to].startLine + 1 + position,
        artifact: { sources: copy.sources ?? ['/out/app'], destination: '/app/', flags: {} },
      }),
    );
  });
  edges.sort((a, b) => a.to - b.to || a.line - b.line);
  return graph(built, edges, images);
}
