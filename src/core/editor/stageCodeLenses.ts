import { shortenMiddle } from '../layout/shortenText';
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

/**
 * The longest lens title, in characters. VS Code draws all the lenses of a line on one line, joined by ` | `, and
 * beside the graph view the editor is about 700 px wide (some 90 characters of the lens font): short titles keep
 * a FROM's lenses, "Show in graph" and the refactorings included, on screen. Details go to the tooltips.
 */
export const MAX_LENS_TITLE = 28;

/**
 * The lenses of a Dockerfile: above every FROM, what it builds on when the FROM line does not already say it,
 * how many stages use it, whether it is built for the target, and a way to the graph; above every numeric
 * reference (and unnamed stages referenced by index), an offer to name the stage. Every title fits
 * `MAX_LENS_TITLE`; names and lists are spelt out in the tooltips.
 */
export function stageCodeLenses(graph: StageGraph): StageLens[] {
  const lenses: StageLens[] = [];
  for (const stage of graph.stages) {
    const range = stage.ranges.from;
    const base = baseLens(graph, stage);
    if (base) lenses.push(base);
    lenses.push(usersLens(graph, stage), targetLens(graph, stage));
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

/** `prefix` and as much of `name` as fits the title budget (cut in the middle, where tags and paths differ least). */
function titled(prefix: string, name: string): string {
  return prefix + shortenMiddle(name, MAX_LENS_TITLE - prefix.length);
}

/**
 * The FROM as BuildKit reads it, when that is not what the line says: a base written with ARGs
 * (`FROM golang:${GO}` reads `FROM golang:1.22`), or a stage reached through one. A base written out in full is
 * on the FROM line right below, so it gets no lens.
 */
function baseLens(graph: StageGraph, stage: Stage): StageLens | null {
  if (stage.rawBaseName === stage.baseName) return null;
  const range = stage.ranges.from;
  const platform = stage.platform ? ` for ${stage.platform}` : '';
  if (stage.baseStage !== null) {
    const base = graph.stages[stage.baseStage];
    return {
      range,
      title: titled('FROM ', base.label),
      tooltip: `${stage.rawBaseName} is stage ${base.label}${platform}: go to it (line ${base.startLine})`,
      action: { kind: 'revealStage', stage: base.index },
    };
  }
  return { range, title: titled('FROM ', stage.baseName), tooltip: `${stage.rawBaseName} is the image ${stage.baseName}${platform}`, action: null };
}

function usersLens(graph: StageGraph, stage: Stage): StageLens {
  const range = stage.ranges.from;
  const users = stageUsers(graph, stage.index);
  if (users.length === 0) {
    return { range, title: 'used by none', tooltip: 'No stage builds on, copies from or mounts this one', action: null };
  }
  const occurrences = stageOccurrences(graph, stage.index);
  return {
    range,
    title: `used by ${users.length} ${users.length === 1 ? 'stage' : 'stages'}`,
    tooltip: `Used by ${users.map((user) => `${graph.stages[user.stage].label} (${describeUse(user)})`).join(', ')}: show the references`,
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
    const why = graph.options.target ? 'the target chosen' : 'the default target, the last stage';
    return { range, title: 'target', tooltip: `This stage is ${why}: what gets built`, action: null };
  }
  const target = graph.target === null ? null : graph.stages[graph.target];
  if (stage.reachable === null || target === undefined || target === null) {
    return { range, title: 'built?', tooltip: `Unknown whether the target needs this stage: ${graph.error ?? 'no target stage could be chosen'}`, action: null };
  }
  return stage.reachable
    ? { range, title: 'built', tooltip: `The ${chosen} ${target.label} needs this stage`, action: null }
    : { range, title: 'not built', tooltip: `The ${chosen} ${target.label} never uses this stage, so BuildKit skips it`, action: null };
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
    title: titled('Use the name ', stage.name),
    tooltip: `Stage ${stage.index} is named ${stage.name}: refer to it by name instead of its index`,
    action: { kind: 'nameStage', stage: stage.index, name: stage.rawName ?? stage.name },
  };
}
