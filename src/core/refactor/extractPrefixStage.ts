import type { InstructionSummary, Position, Range, Stage, StageGraph, TextEdit } from '../model';
import { applyTextEdits, minimizeTextEdits } from './applyTextEdits';
import { DocumentText } from '../parse/documentText';
import { insertionCorrespondence } from './compareStageGraphs';
import { asKeywordFor, DockerfileLines } from './dockerfileLines';
import { proveMeaningKept } from './proveMeaningKept';
import { refuse, type RefactorOptions, type RefactorOutcome } from './refactorOutcome';
import { shiftIndexReferences } from './shiftIndexReferences';
import { validateRefactorStageName } from './validateRefactorStageName';
import { argDefaultVariables, argNames, envNames, referencedVariables } from './variableUse';

/** Which stages lose how many leading instructions to a new stage. */
export interface PrefixExtraction {
  /** The stages that will continue `FROM` the new stage; they share the same base and leading instructions. */
  stageIndexes: number[];
  /** How many instructions after each FROM move into the new stage (0 moves none: the new stage is an alias). */
  prefixLength: number;
  /** The new stage's name. */
  name: string;
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

function lineStart(line: number): Position {
  return { line, character: 0 };
}

/** The lines that hold a stage's first `count` instructions (and the comments among them), whole lines. */
function prefixLines(stage: Stage, count: number): Range | null {
  if (count === 0) return null;
  return { start: lineStart(stage.ranges.from.end.line + 1), end: lineStart(stage.instructions[count - 1].range.end.line + 1) };
}

/**
 * The ARG instructions to re-declare after the new FROM: all of the moved ones, in order, when the remaining
 * instructions use any of them (by `$NAME`, or through the environment of a RUN); none otherwise.
 * Refuses when an ENV among the moved instructions could make a re-declared ARG evaluate differently.
 */
function argRedeclarations(
  prefix: InstructionSummary[],
  rest: InstructionSummary[],
  doc: DocumentText,
  escapeToken: string,
): string[] | { refused: string } {
  const args = prefix.filter((instruction) => instruction.keyword === 'ARG');
  if (args.length === 0) return [];
  const declared = new Set(args.flatMap((arg) => argNames(doc.textIn(arg.range), escapeToken)));
  const restUses = referencedVariables(rest.map((instruction) => doc.textIn(instruction.range)).join('\n'));
  const used = rest.some((instruction) => instruction.keyword === 'RUN') || [...declared].some((name) => restUses.has(name));
  if (!used) return [];
  for (const [position, instruction] of prefix.entries()) {
    if (instruction.keyword !== 'ENV') continue;
    for (const name of envNames(doc.textIn(instruction.range), escapeToken)) {
      if (declared.has(name)) {
        return { refused: `ENV on line ${instruction.startLine} sets ${name}, which an ARG above the split declares too; re-declaring that ARG below could change which value wins` };
      }
      const dependent = prefix
        .slice(0, position)
        .find((earlier) => earlier.keyword === 'ARG' && argDefaultVariables(doc.textIn(earlier.range), escapeToken).has(name));
      if (dependent) {
        return { refused: `The default of the ARG on line ${dependent.startLine} uses ${name}, which ENV on line ${instruction.startLine} changes afterwards; re-declared below, it would take another value` };
      }
    }
  }
  return args.map((arg) => doc.textIn(arg.range));
}

/** Where the `--platform` flag (or, without one, the base name) starts in a FROM. */
function baseSpanStart(text: string, doc: DocumentText, stage: Stage): Position {
  if (stage.ranges.platform === null) return stage.ranges.baseName.start;
  const fromOffset = doc.offsetAt(stage.ranges.from.start);
  const flagOffset = text.lastIndexOf('--', doc.offsetAt(stage.ranges.platform.start));
  return flagOffset >= fromOffset ? doc.positionAt(flagOffset) : stage.ranges.platform.start;
}

/**
 * Where the new stage goes: above the comment block that describes the stage (so it stays with it), and above
 * BuildKit's description line of the stage (`# <name> ...`) even when a blank line separates it from the FROM.
 */
function insertionLine(lines: DockerfileLines, stage: Stage): number {
  const fromLine = stage.ranges.from.start.line;
  const block = lines.commentBlockStart(fromLine);
  const description = lines.attachedComments(fromLine).find((comment) => stage.name !== null && comment.text.startsWith(`${stage.name} `));
  return description ? Math.min(description.line, block) : block;
}

/** Moves edits that fall inside `span` into coordinates relative to the span's first line. */
function relativeTo(span: Range, edits: TextEdit[]): TextEdit[] {
  const shift = (position: Position): Position => ({ line: position.line - span.start.line, character: position.character });
  return edits.map((edit) => ({ range: { start: shift(edit.range.start), end: shift(edit.range.end) }, newText: edit.newText }));
}

/**
 * Inserts a stage `FROM <base> AS name` holding the first `prefixLength` instructions of the given stages
 * (identical in each), placed before the first of them and above its description comments (which stay with
 * it); each given stage then continues `FROM name`, keeping its own name, so every reference to it still holds.
 *
 * Meaning is kept as follows:
 * - Numeric `--from` references to the stages at or after the insertion point are shifted by one (the indexes
 *   are updated rather than the stages named, so the edit stays minimal and adds no names); a number that
 *   BuildKit resolves to no stage (an implicit image state, or out of range) is refused, since one more stage
 *   would change what it reaches.
 * - ARGs declared among the moved instructions are re-declared (as written, defaults included) when the rest
 *   uses them; current BuildKit also inherits them from the parent stage, re-declaring keeps other builders right.
 * - The `--platform` of the original FROM moves with the base: a stage built FROM another takes its platform.
 *
 * Refuses, with the reason, when BuildKit rejects the file, the name is unusable, the moved part holds ONBUILD
 * (its triggers would fire in the continuing stage) or a CMD that an ENTRYPOINT in the rest would reset in a new
 * stage, the moved part refers to a stage that would come after the new one, an ENV above could change a
 * re-declared ARG, or — as a last safeguard — the resulting file's stage graph is not the original one.
 */
export function extractPrefixStage(text: string, graph: StageGraph, request: PrefixExtraction, options: RefactorOptions = {}): RefactorOutcome {
  if (!graph.ok) return refuse(`BuildKit rejects this file (${graph.error ?? 'unknown error'}); fix that first`);
  const invalid = validateRefactorStageName(graph, request.name);
  if (invalid !== null) return refuse(invalid);
  const stages = [...new Set(request.stageIndexes)].sort((a, b) => a - b).map((index) => graph.stages[index]);
  if (stages.length === 0 || stages.some((stage) => stage === undefined)) return refuse('No such stage');
  const first = stages[0];
  const insertAt = first.index;
  const count = request.prefixLength;
  const doc = new DocumentText(text);
  const lines = new DockerfileLines(text, graph);

  const redeclarations = new Map<number, string[]>();
  for (const stage of stages) {
    if (stage.instructions.length < count) return refuse(`Stage ${stage.label} has fewer than ${count} instructions`);
    const prefix = stage.instructions.slice(0, count);
    const rest = stage.instructions.slice(count);
    const onbuild = prefix.find((instruction) => instruction.keyword === 'ONBUILD');
    if (onbuild) {
      return refuse(`ONBUILD on line ${onbuild.startLine} would move into \`${request.name}\` and fire in ${stage.label}, which builds on it`);
    }
    const cmd = prefix.find((instruction) => instruction.keyword === 'CMD');
    const entrypoint = rest.find((instruction) => instruction.keyword === 'ENTRYPOINT');
    if (cmd && entrypoint) {
      return refuse(`ENTRYPOINT on line ${entrypoint.startLine} would reset the CMD of line ${cmd.startLine} once they are in different stages`);
    }
    const span = prefixLines(stage, count);
    const forward = graph.references.find(
      (reference) =>
        span !== null &&
        reference.kind !== 'from' &&
        contains(span, reference.range.start) &&
        reference.stage !== null &&
        reference.stage >= insertAt,
    );
    if (forward) {
      return refuse(`\`${forward.text}\` on line ${forward.line} refers to stage ${forward.stage}, which would come after \`${request.name}\``);
    }
    const args = argRedeclarations(prefix, rest, doc, graph.escapeToken);
    if (!Array.isArray(args)) return refuse(args.refused);
    redeclarations.set(stage.index, args);
  }

  const shifting = shiftIndexReferences(graph, insertAt);
  if ('refused' in shifting) return refuse(shifting.refused);
  const shifts = shifting.edits;
  const notes = [...shifting.notes];

  const eol = lines.eol;
  const removed = stages.map((stage) => prefixLines(stage, count)).filter((span): span is Range => span !== null);
  const insideRemoved = (edit: TextEdit) => removed.some((span) => contains(span, edit.range.start) && !(edit.range.start.line === span.end.line));
  const firstSpan = prefixLines(first, count);
  let moved = '';
  if (firstSpan) {
    moved = doc.textIn(firstSpan);
    if (!moved.endsWith('\n')) moved += eol;
    const inside = shifts.filter((edit) => contains(firstSpan, edit.range.start) && edit.range.start.line < firstSpan.end.line);
    moved = applyTextEdits(moved, relativeTo(firstSpan, inside));
  }
  const fromKeyword = doc.textIn({ start: first.ranges.from.start, end: { line: first.ranges.from.start.line, character: first.ranges.from.start.character + 4 } });
  const header = `${doc.textIn({ start: first.ranges.from.start, end: first.ranges.baseName.end })} ${asKeywordFor(fromKeyword)} ${request.name}${eol}`;
  const insertion = lineStart(insertionLine(lines, first));
  // A blank line sets the new stage apart from what precedes it, as stages usually are.
  const separator = insertion.line > lines.directiveLineCount && lines.lines[insertion.line - 1].trim() !== '' ? eol : '';
  const edits: TextEdit[] = [{ range: { start: insertion, end: insertion }, newText: separator + header + moved + eol }];
  for (const stage of stages) {
    edits.push({ range: { start: baseSpanStart(text, doc, stage), end: stage.ranges.baseName.end }, newText: request.name });
    const span = prefixLines(stage, count);
    const args = redeclarations.get(stage.index) ?? [];
    if (span) edits.push({ range: span, newText: args.map((arg) => arg + eol).join('') });
    if (args.length > 0) notes.push(`${stage.label} re-declares ${args.length === 1 ? 'its ARG' : `its ${args.length} ARGs`} from above the split.`);
  }
  edits.push(...shifts.filter((edit) => !insideRemoved(edit)));
  const minimal = minimizeTextEdits(text, edits);

  if (options.verify === false) return { edits: minimal, notes };
  const result = applyTextEdits(text, minimal);
  const differences = proveMeaningKept(text, graph, result, insertionCorrespondence(insertAt, stages.map((stage) => stage.index)));
  if (differences.length > 0) return refuse(`Stageflow could not confirm this keeps the build's meaning (${differences[0]})`);
  return { edits: minimal, notes };
}
