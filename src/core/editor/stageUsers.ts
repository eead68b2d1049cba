import type { StageGraph } from '../model';

/** One stage that depends on another, with how many dependencies of each kind it has on it. */
export interface StageUser {
  /** The dependent stage's index. */
  stage: number;
  /** `FROM <stage>`: builds on it. */
  from: number;
  /** `COPY --from=<stage>` (ONBUILD-inherited ones included). */
  copy: number;
  /** `RUN --mount=...,from=<stage>`. */
  mount: number;
}

/** The stages that build on, copy from or mount a stage, in stage order, read from the graph's edges. */
export function stageUsers(graph: StageGraph, stageIndex: number): StageUser[] {
  const users = new Map<number, StageUser>();
  for (const edge of graph.edges) {
    if (!('stage' in edge.from) || edge.from.stage !== stageIndex) {
      continue;
    }
    let user = users.get(edge.to);
    if (!user) {
      user = { stage: edge.to, from: 0, copy: 0, mount: 0 };
      users.set(edge.to, user);
    }
    user[edge.kind] += 1;
  }
  return [...users.values()].sort((a, b) => a.stage - b.stage);
}

/** How a user depends on a stage, in words: `FROM`, `COPY ×2, mount`. */
export function describeUse(user: StageUser): string {
  const parts: string[] = [];
  const add = (count: number, word: string) => {
    if (count > 0) {
      parts.push(count > 1 ? `${word} ×${count}` : word);
    }
  };
  add(user.from, 'FROM');
  add(user.copy, 'COPY');
  add(user.mount, 'mount');
  return parts.join(', ');
}
