import type { Position, Range, RefactorResult, StageGraph, TextEdit } from '../model';
import { validateNewStageName } from '../buildkit/stageNameRules';
import { comparePositions } from './rangeOrder';
import { stageMentionAt } from './stageMentionAt';

/** Where a rename starts: the stage, the span the editor selects, and the text offered for editing. */
export type RenamePreparation = { stage: number; range: Range; placeholder: string } | { refused: string };

/**
 * Checks that the cursor is on something F2 can rename: the name after `AS`, or a reference that BuildKit binds to
 * a named stage by name. Anything else is refused with a reason the editor shows.
 */
export function prepareStageRename(graph: StageGraph, position: Position): RenamePreparation {
  const mention = stageMentionAt(graph, position);
  if (mention === null) {
    return { refused: 'Only a stage name (after AS) or a reference to a stage can be renamed.' };
  }
  const stage = graph.stages[mention.stage];
  if (mention.kind === 'reference' && mention.reference.via === 'index') {
    return stage.name === null
      ? { refused: `This refers to stage ${stage.index} by its index; give the stage a name first ("Name stage ${stage.index}…").` }
      : { refused: `This refers to stage ${stage.name} by its index; rename the stage at its AS name instead.` };
  }
  const indirect = variableReference(graph, mention.stage);
  if (indirect !== null) {
    return { refused: indirect };
  }
  const placeholder = mention.kind === 'reference' ? mention.reference.text : (stage.rawName ?? '');
  return { stage: mention.stage, range: mention.range, placeholder };
}

/**
 * The edits that rename a stage: its name after `AS` and every reference BuildKit binds to it by name (`FROM`,
 * `COPY --from`, mount `from=`, in ONBUILD triggers too) — nothing else. Refused when the new name breaks
 * BuildKit's name rule or is taken, when a reference reaches the stage through a variable, or when an image
 * reference elsewhere would start binding to the renamed stage.
 */
export function renameStageEdits(graph: StageGraph, stageIndex: number, newName: string): RefactorResult {
  const stage = graph.stages[stageIndex];
  if (!stage || stage.name === null || stage.ranges.name === null) {
    return { refused: `Stage ${stageIndex} has no name to rename.` };
  }
  const invalid = validateNewStageName(graph, newName, stageIndex);
  if (invalid !== null) {
    return { refused: invalid };
  }
  const indirect = variableReference(graph, stageIndex);
  if (indirect !== null) {
    return { refused: indirect };
  }
  const lowered = newName.toLowerCase();
  const captured = graph.references.find(
    (reference) =>
      reference.stage !== stageIndex &&
      reference.via !== 'index' &&
      (reference.kind === 'from'
        ? // FROM compares exactly against the lowercased names of earlier stages (SEMANTICS.md, buildkit #2003).
          reference.inStage > stageIndex && reference.text === lowered
        : reference.text.toLowerCase() === lowered),
  );
  if (captured) {
    return { refused: `"${captured.text}" on line ${captured.line} would then refer to this stage instead of what it names now.` };
  }
  const edits: TextEdit[] = [{ range: stage.ranges.name, newText: newName }];
  const seen = new Set<string>([rangeKey(stage.ranges.name)]);
  for (const reference of graph.references) {
    if (reference.stage !== stageIndex || reference.via !== 'name' || seen.has(rangeKey(reference.range))) {
      continue;
    }
    seen.add(rangeKey(reference.range));
    // FROM only binds to the exact lowercased name; --from and mounts match in any case, so they keep their spelling.
    edits.push({ range: reference.range, newText: reference.kind === 'from' ? lowered : newName });
  }
  edits.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { edits };
}

/** Why a stage cannot be renamed safely when some reference reaches it through an ARG, or null. */
function variableReference(graph: StageGraph, stageIndex: number): string | null {
  const reference = graph.references.find((candidate) => candidate.stage === stageIndex && candidate.text.includes('$'));
  return reference
    ? `Line ${reference.line} refers to this stage through a variable (${reference.text}); renaming would break it.`
    : null;
}

function rangeKey(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}
