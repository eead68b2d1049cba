import type { Edge, Stage, StageGraph } from '../model';

/**
 * How the stages of a file before a refactoring correspond to the stages after it.
 * `newIndexOf` maps every old stage to its new index; `inserted` is the stage a refactoring added and the old
 * stages that now continue `FROM` it; `named` holds the names given to stages that had none.
 */
export interface StageCorrespondence {
  newIndexOf(oldIndex: number): number;
  inserted?: { index: number; continuing: number[] };
  named?: ReadonlyMap<number, string>;
}

/** The correspondence of a refactoring that adds no stage. */
export function identityCorrespondence(named?: ReadonlyMap<number, string>): StageCorrespondence {
  return { newIndexOf: (index) => index, named };
}

/** The correspondence of a refactoring that inserts one stage at `index`, which `continuing` now build on. */
export function insertionCorrespondence(index: number, continuing: number[]): StageCorrespondence {
  return { newIndexOf: (old) => (old < index ? old : old + 1), inserted: { index, continuing } };
}

function sourceKey(source: Edge['from'], mapStage: (index: number) => number): string {
  return 'stage' in source ? `stage:${mapStage(source.stage)}` : `image:${source.image}`;
}

function edgeKey(edge: Edge, from: string, to: number): string {
  return JSON.stringify([from, to, edge.kind, edge.onbuild === true, edge.artifact ?? null]);
}

/** Old edges in new indexes, as comparable keys. */
function edgesBefore(before: StageGraph, correspondence: StageCorrespondence): string[] {
  const map = (index: number) => correspondence.newIndexOf(index);
  return before.edges.map((edge) => edgeKey(edge, sourceKey(edge.from, map), map(edge.to))).sort();
}

/**
 * New edges folded back onto the old shape: an edge into the inserted stage counts as an edge into every stage
 * that continues from it, and the `FROM inserted` edges of those stages disappear.
 */
function edgesAfter(after: StageGraph, correspondence: StageCorrespondence): string[] {
  const inserted = correspondence.inserted;
  const continuing = new Set((inserted?.continuing ?? []).map((old) => correspondence.newIndexOf(old)));
  const keys: string[] = [];
  for (const edge of after.edges) {
    const from = sourceKey(edge.from, (index) => index);
    if (inserted && edge.kind === 'from' && from === `stage:${inserted.index}` && continuing.has(edge.to)) continue;
    if (inserted && edge.to === inserted.index) {
      for (const target of continuing) keys.push(edgeKey(edge, from, target));
    } else {
      keys.push(edgeKey(edge, from, edge.to));
    }
  }
  return keys.sort();
}

function describeStage(stage: Stage): string {
  return `stage ${stage.index} (${stage.label})`;
}

/** Fields of a stage that no refactoring may change. */
function compareStage(before: Stage, after: Stage, expectedName: string | null, differences: string[]): void {
  const fields: Array<keyof Stage> = ['reachable', 'isTarget', 'description', 'workdir', 'user', 'entrypoint', 'cmd'];
  if (after.name !== expectedName) differences.push(`${describeStage(before)}: name ${after.name} instead of ${expectedName}`);
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      differences.push(`${describeStage(before)}: ${field} ${JSON.stringify(after[field])} instead of ${JSON.stringify(before[field])}`);
    }
  }
  if (JSON.stringify(before.expose) !== JSON.stringify(after.expose)) differences.push(`${describeStage(before)}: exposed ports changed`);
}

/**
 * The ways `after` differs from `before` under the correspondence (empty when the build means the same): the
 * verdict, every stage's name, base, platform, reachability, description and effective image settings, the
 * edges between stages and images, the target and the set of built stages.
 */
export function compareStageGraphs(before: StageGraph, after: StageGraph, correspondence: StageCorrespondence): string[] {
  const differences: string[] = [];
  if (before.ok !== after.ok) differences.push(`verdict ${after.ok ? 'ok' : 'fails'} instead of ${before.ok ? 'ok' : 'fails'}`);
  else if (!before.ok && before.error !== after.error) differences.push(`error "${after.error}" instead of "${before.error}"`);
  const inserted = correspondence.inserted;
  const expectedCount = before.stages.length + (inserted ? 1 : 0);
  if (after.stages.length !== expectedCount) {
    differences.push(`${after.stages.length} stages instead of ${expectedCount}`);
    return differences;
  }
  for (const stage of before.stages) {
    const newIndex = correspondence.newIndexOf(stage.index);
    const moved = after.stages[newIndex];
    compareStage(stage, moved, correspondence.named?.get(stage.index) ?? stage.name, differences);
    const continues = inserted?.continuing.includes(stage.index) ?? false;
    const base = continues && inserted ? after.stages[inserted.index] : moved;
    if (continues && moved.baseStage !== inserted?.index) differences.push(`${describeStage(stage)} no longer builds on the new stage`);
    const expectedBaseStage = stage.baseStage === null ? null : correspondence.newIndexOf(stage.baseStage);
    if (base.baseStage !== expectedBaseStage || base.baseImage !== stage.baseImage || base.platform !== stage.platform) {
      differences.push(`${describeStage(stage)}: base ${base.baseImage ?? `stage ${base.baseStage}`} (${base.platform}) instead of ${stage.baseImage ?? `stage ${expectedBaseStage}`} (${stage.platform})`);
    }
  }
  if (inserted) {
    const added = after.stages[inserted.index];
    const expectedReachable = inserted.continuing.some((old) => before.stages[old].reachable === true)
      ? true
      : before.stages[inserted.continuing[0]]?.reachable ?? null;
    if (added.reachable !== expectedReachable) differences.push(`the new stage's reachability is ${added.reachable}, not ${expectedReachable}`);
    if (added.isTarget) differences.push('the new stage became the target');
  }
  const oldEdges = edgesBefore(before, correspondence);
  const newEdges = edgesAfter(after, correspondence);
  if (JSON.stringify(oldEdges) !== JSON.stringify(newEdges)) {
    const missing = oldEdges.filter((key) => !newEdges.includes(key));
    const extra = newEdges.filter((key) => !oldEdges.includes(key));
    differences.push(`edges differ (lost ${missing.join(', ') || 'none'}; gained ${extra.join(', ') || 'none'})`);
  }
  const expectedTarget = before.target === null ? null : correspondence.newIndexOf(before.target);
  if (after.target !== expectedTarget) differences.push(`target stage ${after.target} instead of ${expectedTarget}`);
  const expectedReachable = before.reachable.map((index) => correspondence.newIndexOf(index));
  if (inserted && inserted.continuing.some((old) => before.reachable.includes(old))) expectedReachable.push(inserted.index);
  expectedReachable.sort((a, b) => a - b);
  if (JSON.stringify(after.reachable) !== JSON.stringify(expectedReachable)) {
    differences.push(`built stages [${after.reachable.join(', ')}] instead of [${expectedReachable.join(', ')}]`);
  }
  const imageKeys = (graph: StageGraph) => graph.images.map((image) => `${image.ref}:${image.reachable}`).sort();
  if (JSON.stringify(imageKeys(before)) !== JSON.stringify(imageKeys(after))) differences.push('external images differ');
  return differences;
}
