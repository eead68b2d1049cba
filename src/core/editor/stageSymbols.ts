import type { InstructionSummary, Range, Stage, StageGraph } from '../model';
import { fromKeywordRange } from './stageOccurrences';

/** One entry of the Outline and breadcrumbs: a meta ARG, a stage, or an instruction inside a stage. */
export interface StageSymbol {
  name: string;
  detail: string;
  kind: 'metaArg' | 'stage' | 'instruction';
  /** Everything the symbol spans. */
  range: Range;
  /** What the editor selects when the symbol is picked; inside `range`. */
  selectionRange: Range;
  children: StageSymbol[];
}

/** The Dockerfile as an outline: meta ARGs, then each stage (named like BuildKit shows it) with its instructions. */
export function stageSymbols(graph: StageGraph): StageSymbol[] {
  const metaArgs: StageSymbol[] = graph.metaArgs.map((arg) => ({
    name: arg.name,
    detail: arg.default === null ? 'ARG' : `ARG = ${arg.default}`,
    kind: 'metaArg',
    range: arg.range,
    selectionRange: arg.range,
    children: [],
  }));
  return [...metaArgs, ...graph.stages.map((stage) => stageSymbol(graph, stage))];
}

function stageSymbol(graph: StageGraph, stage: Stage): StageSymbol {
  const base = stage.baseStage !== null ? graph.stages[stage.baseStage].label : stage.baseName;
  const status = stage.isTarget ? ' · target' : stage.reachable === false ? ' · not built' : '';
  return {
    name: stage.label,
    detail: `FROM ${base}${status}`,
    kind: 'stage',
    range: stage.ranges.stage,
    selectionRange: stage.ranges.name ?? fromKeywordRange(stage),
    children: stage.instructions.map(instructionSymbol),
  };
}

function instructionSymbol(instruction: InstructionSummary): StageSymbol {
  const start = instruction.range.start;
  const keywordEnd = { line: start.line, character: start.character + instruction.keyword.length };
  const withoutKeyword = instruction.text.toUpperCase().startsWith(instruction.keyword)
    ? instruction.text.slice(instruction.keyword.length).trim()
    : instruction.text;
  return {
    name: instruction.keyword,
    detail: withoutKeyword,
    kind: 'instruction',
    range: instruction.range,
    selectionRange: { start, end: keywordEnd },
    children: [],
  };
}
