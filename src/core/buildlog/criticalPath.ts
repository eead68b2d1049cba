/** The critical path of a build: the chain of stages that held it up longest. */
export interface CriticalPath {
  /** Stage indexes from the chain's first stage to the target. */
  stages: number[];
  /** The summed durations of those stages, or null when none of them has one. */
  durationMs: number | null;
}

/**
 * The chain of stages ending at `target`, each needing the one before (`dependencies[s]`: FROM, COPY --from, mount
 * from=), whose summed `durations` is the longest; a stage without a duration counts 0. Among equal chains the one
 * through the lower stage index wins, so the answer is stable. A dependency cycle (a file BuildKit rejects) is cut
 * where it closes.
 */
export function criticalPath(
  dependencies: readonly (readonly number[])[],
  durations: readonly (number | null)[],
  target: number | null,
): CriticalPath {
  if (target === null || target < 0 || target >= dependencies.length) return { stages: [], durationMs: null };
  const longest = new Map<number, number>();
  const previous = new Map<number, number | null>();
  const visiting = new Set<number>();
  // Iterative depth-first walk: a chain of thousands of stages must not overflow the stack.
  const stack: { stage: number; expanded: boolean }[] = [{ stage: target, expanded: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (longest.has(top.stage)) {
      stack.pop();
      continue;
    }
    if (!top.expanded) {
      top.expanded = true;
      visiting.add(top.stage);
      for (const dependency of dependencies[top.stage]) {
        if (!longest.has(dependency) && !visiting.has(dependency)) stack.push({ stage: dependency, expanded: false });
      }
      continue;
    }
    stack.pop();
    visiting.delete(top.stage);
    let best: number | null = null;
    for (const dependency of dependencies[top.stage]) {
      const length = longest.get(dependency);
      if (length !== undefined && (best === null || length > longest.get(best)!)) best = dependency;
    }
    longest.set(top.stage, (durations[top.stage] ?? 0) + (best === null ? 0 : longest.get(best)!));
    previous.set(top.stage, best);
  }
  const stages: number[] = [];
  for (let stage: number | null = target; stage !== null; stage = previous.get(stage) ?? null) stages.push(stage);
  stages.reverse();
  const timed = stages.some((stage) => durations[stage] !== null && durations[stage] !== undefined);
  return { stages, durationMs: timed ? longest.get(target)! : null };
}
