import type { Edge, Stage, StageGraph } from '../../../src/core/model';

/**
 * What `docker build` does with a file, in the test's own terms (independent of the refactorings' own checker):
 * per stage its name, base, platform, reachability, description and image settings; every edge; target; built set.
 */
export interface GraphShape {
  ok: boolean;
  target: number | null;
  reachable: number[];
  stages: string[];
  edges: string[];
}

function stageShape(stage: Stage, base: Stage, baseRef: string, name: string | null): string {
  return JSON.stringify({
    name,
    base: baseRef,
    platform: base.platform,
    reachable: stage.reachable,
    isTarget: stage.isTarget,
    description: stage.description,
    workdir: stage.workdir,
    user: stage.user,
    cmd: stage.cmd,
    entrypoint: stage.entrypoint,
    expose: stage.expose,
  });
}

function edgeShape(edge: Edge, from: string, to: number): string {
  return JSON.stringify([from, to, edge.kind, edge.onbuild === true, edge.artifact ?? null]);
}

function baseRefOf(stage: Stage, toOld: (index: number) => number): string {
  return stage.baseStage === null ? `image:${stage.baseImage}` : `stage:${toOld(stage.baseStage)}`;
}

/** The shape of a graph as it is. */
export function shapeOf(graph: StageGraph, names: ReadonlyMap<number, string> = new Map()): GraphShape {
  const same = (index: number) => index;
  return {
    ok: graph.ok,
    target: graph.target,
    reachable: graph.reachable,
    stages: graph.stages.map((stage) => stageShape(stage, stage, baseRefOf(stage, same), names.get(stage.index) ?? stage.name)),
    edges: graph.edges
      .map((edge) => edgeShape(edge, 'stage' in edge.from ? `stage:${edge.from.stage}` : `image:${edge.from.image}`, edge.to))
      .sort(),
  };
}

/**
 * The shape of a graph after a stage was inserted at `inserted`, folded back: the inserted stage disappears, the
 * stages that continue FROM it take its base, platform and incoming edges, and indexes after it move back by one.
 */
export function foldedShapeOf(graph: StageGraph, inserted: number): GraphShape {
  const toOld = (index: number) => (index < inserted ? index : index - 1);
  const added = graph.stages[inserted];
  const continuing = graph.stages.filter((stage) => stage.baseStage === inserted).map((stage) => stage.index);
  const stages = graph.stages
    .filter((stage) => stage.index !== inserted)
    .map((stage) => {
      const base = continuing.includes(stage.index) ? added : stage;
      return stageShape(stage, base, baseRefOf(base, toOld), stage.name);
    });
  const edges: string[] = [];
  for (const edge of graph.edges) {
    const from = 'stage' in edge.from ? `stage:${toOld(edge.from.stage)}` : `image:${edge.from.image}`;
    if ('stage' in edge.from && edge.from.stage === inserted && edge.kind === 'from') continue;
    if (edge.to === inserted) {
      for (const target of continuing) edges.push(edgeShape(edge, from, toOld(target)));
    } else {
      edges.push(edgeShape(edge, from, toOld(edge.to)));
    }
  }
  return {
    ok: graph.ok,
    target: graph.target === null ? null : toOld(graph.target),
    reachable: graph.reachable.filter((index) => index !== inserted).map(toOld),
    stages,
    edges: edges.sort(),
  };
}
