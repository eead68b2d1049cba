import type { Edge, Range, Stage, StageGraph } from '../../src/core/model';

/**
 * Hand-built stage graphs for the tests of code that reads only the resolved model (exporters, layout): such tests
 * state the graph directly (including names and paths no Dockerfile parser would produce) instead of parsing.
 */

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A stage with the given fields; everything else neutral (unnamed, one line, no instructions, built). */
export function stage(index: number, fields: Partial<Stage> & { baseName: string }): Stage {
  const name = fields.name ?? null;
  return {
    index,
    name,
    rawName: name,
    displayName: name ?? `stage-${index}`,
    label: name ?? `stage-${index}`,
    rawBaseName: fields.baseName,
    baseStage: null,
    baseImage: null,
    rawPlatform: null,
    platform: null,
    startLine: index + 1,
    endLine: index + 1,
    reachable: true,
    isTarget: false,
    description: null,
    instructionCount: 0,
    workdir: null,
    user: null,
    expose: [],
    entrypoint: null,
    cmd: null,
    instructions: [],
    ranges: { stage: NOWHERE, from: NOWHERE, baseName: NOWHERE, name: null, asKeyword: null, platform: null },
    ...fields,
  };
}

/** An edge; `from` is a stage index or an image reference. */
export function edge(from: number | string, to: number, kind: Edge['kind'], extra: Partial<Edge> = {}): Edge {
  const source = typeof from === 'number' ? { stage: from } : { image: from };
  const via = typeof from === 'number' ? 'name' : from === 'scratch' ? 'scratch' : 'image';
  return { from: source, to, kind, ref: String(from), via, line: to + 1, range: NOWHERE, ...extra };
}

/** A copy edge carrying `sources` to `destination`. */
export function copy(from: number | string, to: number, sources: string[], destination: string): Edge {
  return edge(from, to, 'copy', { artifact: { sources, destination, flags: {} } });
}

/** A graph of the given stages and edges; unless given, the images are those the edges come from, in order. */
export function graph(stages: Stage[], edges: Edge[], images: string[] = imagesOf(edges)): StageGraph {
  const target = stages.find((s) => s.isTarget)?.index ?? null;
  return {
    ok: true,
    error: null,
    errorRange: null,
    escapeToken: '\\',
    syntax: null,
    metaArgs: [],
    stages,
    edges,
    references: [],
    images: images.map((ref) => ({ ref, reachable: true })),
    target,
    reachable: stages.filter((s) => s.reachable).map((s) => s.index),
    diagnostics: [],
    options: { target: '', buildArgs: {}, buildPlatform: 'linux/amd64', targetPlatform: 'linux/amd64' },
  };
}

function imagesOf(edges: Edge[]): string[] {
  return [...new Set(edges.flatMap((e) => ('image' in e.from ? [e.from.image] : [])))];
}
