import type { Position, Range, Stage, StageGraph } from '../model';
import { stageOccurrences } from './stageOccurrences';
import { describeUse, stageUsers } from './stageUsers';

/** What clicking a lens does; the adapter turns each into a command. */
export type StageLensAction =
  | { kind: 'revealStage'; stage: number }
  | { kind: 'showReferences'; position: Position; locations: Range[] }
  | { kind: 'showGraph'; stage: number }
  | { kind: 'nameStage'; stage: number; name?: string };

/** One CodeLens: a title above `range`, and what clicking it does (null: information only). */
export interface StageLens {
  range: Range;
  title: string;
  tooltip: string;
  action: StageLensAction | null;
}

/** How many user names a lens lists before it summarises the rest. */
const maxNamedUsers = 3;

/**
 * The lenses of a Dockerfile: above every FROM, where the stage builds from, who uses it, whether it is built for
 * the target, and a way to the graph; above every numeric reference (and unnamed stages referenced by index), an
 * offer to name the stage.
 */
export function stageCodeLenses(graph: StageGraph): StageLens[] {
  const lenses: StageLens[] = [];
  for (const stage of graph.stages) {
    const range = stage.ranges.from;
    lenses.push(baseLens(graph, stage), usersLens(graph, stage), targetLens(graph, stage));
    lenses.push({ range, title: 'Show in graph', tooltip: 'Open the stage graph of this Dockerfile with this stage highlighted', action: { kind: 'showGraph', stage: stage.index } });
    const referencedByIndex = graph.references.some((reference) => reference.stage === stage.index && reference.via === 'index');
    if (stage.name === null && referencedByIndex) {
      lenses.push(nameStageLens(stage, range));
    }
  }
  for (const reference of graph.references) {
    if (reference.via === 'index' && reference.stage !== null) {
      lenses.push(nameStageLens(graph.stages[reference.stage], reference.range));
    }
  }
  return lenses;
}

function baseLens(graph: StageGraph, stage: Stage): StageLens {
  const range = stage.ranges.from;
  const platform = stage.platform ? ` for ${stage.platform}` : '';
  if (stage.baseStage !== null) {
    const base = graph.stages[stage.baseStage];
    return {
      range,
      title: `builds on stage ${base.label}${platform}`,
      tooltip: `Go to stage ${base.label} (line ${base.startLine})`,
      action: { kind: 'revealStage', stage: base.index },
    };
  }
  // What was written is the FROM line right below; repeating it made the lens too long to reach its actions.
  const written = stage.rawBaseName !== stage.baseName ? `, written ${stage.rawBaseName}` : '';
  const image = stage.baseName === 'scratch' ? 'scratch, the empty image' : stage.baseName;
  return { range, title: `builds on ${image}${platform}`, tooltip: `The image this stage starts from${written}`, action: null };
}

function usersLens(graph: StageGraph, stage: Stage): StageLens {
  const range = stage.ranges.from;
  const users = stageUsers(graph, stage.index);
  if (users.length === 0) {
    return { range, title: 'used by no other stage', tooltip: 'No stage builds on, copies from or mounts this one', action: null };
  }
  const named = users
    .slice(0, maxNamedUsers)
    .map((user) => `${graph.stages[user.stage].label} (${describeUse(user)})`);
  const more = users.length > maxNamedUsers ? `, +${users.length - maxNamedUsers} more` : '';
  const occurrences = stageOccurrences(graph, stage.index);
  return {
    range,
    title: `used by ${users.length} ${users.length === 1 ? 'stage' : 'stages'}: ${named.join(', ')}${more}`,
    tooltip: 'Show the references to this stage',
    action: {
      kind: 'showReferences',
      position: occurrences.declaration.start,
      locations: occurrences.references.map((reference) => reference.range),
    },
  };
}

function targetLens(graph: StageGraph, stage: Stage): StageLens {
  const range = stage.ranges.from;
  const chosen = graph.options.target ? 'target' : 'default target';
  if (stage.isTarget) {
    return { range, title: `${chosen}`, tooltip: 'This stage is what gets built', action: null };
  }
  const target = graph.target === null ? null : graph.stages[graph.target];
  if (stage.reachable === null || target === undefined || target === null) {
    return { range, title: 'build status unknown', tooltip: graph.error ?? 'No target stage could be chosen', action: null };
  }
  return stage.reachable
    ? { range, title: `built for ${target.label}`, tooltip: `The ${chosen} ${target.label} needs this stage`, action: null }
    : { range, title: `not built for ${target.label}`, tooltip: `The ${chosen} ${target.label} never uses this stage, so BuildKit skips it`, action: null };
}

function nameStageLens(stage: Stage, range: Range): StageLens {
  if (stage.name === null) {
    return {
      range,
      title: `Name stage ${stage.index}…`,
      tooltip: `Give stage ${stage.index} a name and use it instead of the index`,
      action: { kind: 'nameStage', stage: stage.index },
    };
  }
  return {
    range,
    title: `Use the name ${stage.name}`,
    tooltip: `Stage ${stage.index} is named ${stage.name}: refer to it by name instead of its index`,
    action: { kind: 'nameStage', stage: stage.index, name: stage.rawName ?? stage.name },
  };
}
