import { shortenImageRef } from '../layout/shortenImageRef';
import { shortenMiddle } from '../layout/shortenText';
import { fitLensLine, lensRoomBeside, type LineCandidate } from './fitLensLine';
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
 * The longest lens title, in characters: a title that takes most of a line (`LENS_LINE_BUDGET`) would leave no
 * room for "Show in graph". Details go to the tooltips.
 */
export const MAX_LENS_TITLE = 28;

/**
 * What a FROM's own lenses keep when its line is short of room, most useful first: "Show in graph" (kept always, the
 * one way from the editor to the stage in the graph), the offer to name the stage, how many stages use it (and the
 * way to them), whether the target skips it (`not built`, `target`, `built?`), the FROM as BuildKit reads it (also in
 * the hover; cut in the middle before it goes), and last the usual cases, `unused` and `built`. What goes is said in
 * the "Show in graph" tooltip.
 */
const PRIORITY = { showGraph: 0, nameStage: 1, users: 2, notBuilt: 3, base: 4, unused: 5, built: 6 } as const;

/** The fewest characters of a base's name worth showing: fewer and the FROM lens goes (the hover has it). */
const MIN_BASE_NAME = 8;

/**
 * The lenses of a Dockerfile: above every FROM, what it builds on when the FROM line does not already say it,
 * how many stages use it, whether it is built for the target, and a way to the graph; above every numeric
 * reference (and unnamed stages referenced by index), an offer to name the stage. Every title fits
 * `MAX_LENS_TITLE`, and the lenses of a FROM fit what `beside(stage)`, the titles other lenses draw on that line
 * (Build, the Compose and Bake lens), leave of `LENS_LINE_BUDGET`, dropping the least useful first (`PRIORITY`);
 * names, lists and what was dropped are spelt out in the tooltips.
 */
export function stageCodeLenses(graph: StageGraph, beside: (stage: number) => readonly string[] = () => []): StageLens[] {
  const lenses: StageLens[] = [];
  for (const stage of graph.stages) {
    lenses.push(...fromLenses(graph, stage, lensRoomBeside(beside(stage.index))));
  }
  for (const reference of graph.references) {
    if (reference.via === 'index' && reference.stage !== null) {
      lenses.push(nameStageLens(graph.stages[reference.stage], reference.range));
    }
  }
  return lenses;
}

/** A lens of a FROM line with its claim to the line's room. */
interface FromLens extends StageLens, LineCandidate {}

/** The lenses above a stage's FROM that fit `room` characters; the "Show in graph" tooltip names those left out. */
function fromLenses(graph: StageGraph, stage: Stage, room: number): StageLens[] {
  const range = stage.ranges.from;
  const showGraph: FromLens = {
    range,
    title: 'Show in graph',
    tooltip: 'Open the stage graph of this Dockerfile with this stage highlighted',
    action: { kind: 'showGraph', stage: stage.index },
    priority: PRIORITY.showGraph,
    always: true,
  };
  const base = baseLens(graph, stage);
  const target = targetLens(graph, stage);
  const users = usersLens(graph, stage);
  const candidates: FromLens[] = [
    ...(base ? [base] : []),
    { ...users, priority: users.action === null ? PRIORITY.unused : PRIORITY.users },
    { ...target, priority: target.title === 'built' ? PRIORITY.built : PRIORITY.notBuilt },
    showGraph,
  ];
  const referencedByIndex = graph.references.some((reference) => reference.stage === stage.index && reference.via === 'index');
  if (stage.name === null && referencedByIndex) candidates.push({ ...nameStageLens(stage, range), priority: PRIORITY.nameStage });
  const titles = fitLensLine(candidates, room);
  const dropped = candidates.filter((_, index) => titles[index] === null);
  if (dropped.length > 0) {
    showGraph.tooltip += `

No room on this line for: ${dropped.map((lens) => `${lens.title} (${lens.tooltip})`).join('; ')}`;
  }
  return candidates.flatMap((lens, index) => {
    const title = titles[index];
    return title === null ? [] : [{ range: lens.range, title, tooltip: lens.tooltip, action: lens.action }];
  });
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
function baseLens(graph: StageGraph, stage: Stage): FromLens | null {
  if (stage.rawBaseName === stage.baseName) return null;
  const range = stage.ranges.from;
  const platform = stage.platform ? ` for ${stage.platform}` : '';
  const name = stage.baseStage !== null ? graph.stages[stage.baseStage].label : stage.baseName;
  // A stage name is cut in the middle; an image keeps what tells it apart (shortenImageRef).
  const cut = (max: number): string => (stage.baseStage !== null ? shortenMiddle(name, max) : shortenImageRef(name, max));
  const shorten = (max: number): string | null => (max - 'FROM '.length < MIN_BASE_NAME ? null : 'FROM ' + cut(max - 'FROM '.length));
  if (stage.baseStage !== null) {
    const base = graph.stages[stage.baseStage];
    return {
      range,
      title: titled('FROM ', name),
      tooltip: `${stage.rawBaseName} is stage ${base.label}${platform}: go to it (line ${base.startLine})`,
      action: { kind: 'revealStage', stage: base.index },
      priority: PRIORITY.base,
      shorten,
    };
  }
  return { range, title: 'FROM ' + cut(MAX_LENS_TITLE - 'FROM '.length), tooltip: `${stage.rawBaseName} is the image ${name}${platform}`, action: null, priority: PRIORITY.base, shorten };
}

function usersLens(graph: StageGraph, stage: Stage): StageLens {
  const range = stage.ranges.from;
  const users = stageUsers(graph, stage.index);
  if (users.length === 0) {
    return { range, title: 'unused', tooltip: 'No stage builds on, copies from or mounts this one', action: null };
  }
  const occurrences = stageOccurrences(graph, stage.index);
  return {
    range,
    title: `${users.length} ${users.length === 1 ? 'user' : 'users'}`,
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
