import type { StageGraph } from '../model';

/**
 * For each stage, the stages it needs (FROM, COPY --from, RUN --mount from=, ONBUILD-inherited), ascending and
 * without repeats: the edges along which BuildKit builds one stage before another.
 */
export function stageDependencies(graph: StageGraph): number[][] {
  const dependencies = graph.stages.map(() => new Set<number>());
  for (const edge of graph.edges) {
    if ('stage' in edge.from && edge.from.stage !== edge.to) dependencies[edge.to]?.add(edge.from.stage);
  }
  return dependencies.map((set) => [...set].sort((a, b) => a - b));
}

/** The stages a build of `roots` runs: the roots and everything they need, transitively. */
export function dependencyClosure(dependencies: readonly (readonly number[])[], roots: Iterable<number>): Set<number> {
  const closure = new Set<number>();
  const pending = [...roots];
  while (pending.length > 0) {
    const stage = pending.pop()!;
    if (closure.has(stage)) continue;
    closure.add(stage);
    pending.push(...(dependencies[stage] ?? []));
  }
  return closure;
}

/** The targets whose build runs `stage`: the stage itself and every stage that needs it, ascending. */
export function targetsBuilding(dependencies: readonly (readonly number[])[], stage: number): number[] {
  const users = dependencies.map(() => [] as number[]);
  dependencies.forEach((needed, user) => needed.forEach((dependency) => users[dependency]?.push(user)));
  return [...dependencyClosure(users, [stage])].sort((a, b) => a - b);
}
