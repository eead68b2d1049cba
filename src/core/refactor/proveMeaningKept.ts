import { buildStageGraph } from '../graph/buildStageGraph';
import type { ResolveOptions, StageGraph } from '../model';
import { compareStageGraphs, type StageCorrespondence } from './compareStageGraphs';

/**
 * The differences between what `docker build` does with `before` and with `after` (empty when none): the graphs
 * are compared under the correspondence for the default target and again for every named stage as `--target`,
 * with the options the original graph was resolved with.
 */
export function proveMeaningKept(
  before: string,
  beforeGraph: StageGraph,
  after: string,
  correspondence: StageCorrespondence,
): string[] {
  const options: ResolveOptions = { ...beforeGraph.options, target: beforeGraph.options.target };
  const differences = compareStageGraphs(beforeGraph, buildStageGraph(after, options), correspondence).map(
    (difference) => `default target: ${difference}`,
  );
  const names = new Set(beforeGraph.stages.map((stage) => stage.name).filter((name): name is string => name !== null));
  for (const name of names) {
    const targeted = { ...options, target: name };
    const found = compareStageGraphs(buildStageGraph(before, targeted), buildStageGraph(after, targeted), correspondence);
    differences.push(...found.map((difference) => `--target ${name}: ${difference}`));
  }
  return differences;
}
