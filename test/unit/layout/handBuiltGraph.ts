import type { Edge, Stage, StageGraph } from '../../../src/core/model';

const nowhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

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
 * Builds a complete StageGraph from a sketch, the way the core would for the equivalent Dockerfile: one line per
 * instruction, FROM edges from each base, copies sorted by target then line, the last stage the target.
 */
export function handBuiltGraph(stages: StageSketch[], copies: CopySketch[] = []): StageGraph {
  const edges: Edge[] = [];
  const images: string[] = [];
  const useImage = (ref: string): void => {
    if (!images.includes(ref)) images.push(ref);
  };
  const built: Stage[] = stages.map((sketch, index) => {
    const baseStage = sketch.base.startsWith('#') ? Number(sketch.base.slice(1)) : null;
    if (baseStage === null) useImage(sketch.base);
    const label = sketch.name ?? `stage-${index}`;
    return {
      index,
      name: sketch.name ?? null,
      rawName: sketch.name ?? null,
      displayName: label,
      label,
      rawBaseName: baseStage === null ? sketch.base : stages[baseStage].name ?? String(baseStage),
      baseName: baseStage === null ? sketch.base : stages[baseStage].name ?? String(baseStage),
      baseStage,
      baseImage: baseStage === null ? sketch.base : null,
      rawPlatform: null,
      platform: null,
      startLine: index * 10 + 1,
      endLine: index * 10 + 9,
      reachable: sketch.reachable ?? true,
      isTarget: index === stages.length - 1,
      description: null,
      instructionCount: 2,
      workdir: null,
      user: null,
      expose: [],
      entrypoint: null,
      cmd: null,
      instructions: [],
      ranges: { stage: nowhere, from: nowhere, baseName: nowhere, name: null, asKeyword: null, platform: null },
    };
  });
  built.forEach((stage, index) => {
    edges.push({
      from: stage.baseStage === null ? { image: stage.baseName } : { stage: stage.baseStage },
      to: index,
      kind: 'from',
      ref: stage.baseName,
      via: stage.baseStage === null ? (stage.baseName === 'scratch' ? 'scratch' : 'image') : 'name',
      line: stage.startLine,
      range: nowhere,
    });
  });
  copies.forEach((copy, position) => {
    if (typeof copy.from === 'string') useImage(copy.from);
    edges.push({
      from: typeof copy.from === 'string' ? { image: copy.from } : { stage: copy.from },
      to: copy.to,
      kind: copy.kind ?? 'copy',
      ref: typeof copy.from === 'string' ? copy.from : built[copy.from].label,
      via: typeof copy.from === 'string' ? 'image' : 'name',
      line: built[copy.to].startLine + 1 + position,
      artifact: { sources: copy.sources ?? ['/out/app'], destination: '/app/', flags: {} },
      range: nowhere,
    });
  });
  edges.sort((a, b) => a.to - b.to || a.line - b.line);
  return {
    ok: true,
    error: null,
    errorRange: null,
    escapeToken: '\\',
    syntax: null,
    metaArgs: [],
    stages: built,
    edges,
    references: [],
    images: images.map((ref) => ({ ref, reachable: true })),
    target: built.length - 1,
    reachable: built.filter((stage) => stage.reachable !== false).map((stage) => stage.index),
    diagnostics: [],
    options: { target: '', buildArgs: {}, buildPlatform: 'linux/amd64', targetPlatform: 'linux/amd64' },
  };
}
