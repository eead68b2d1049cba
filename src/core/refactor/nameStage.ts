import { parseGoInt } from '../buildkit/parseGoInt';
import type { StageGraph, StageReference, TextEdit } from '../model';
import { applyTextEdits } from './applyTextEdits';
import { identityCorrespondence } from './compareStageGraphs';
import { asKeywordFor } from './dockerfileLines';
import { proveMeaningKept } from './proveMeaningKept';
import { refuse, type RefactorOptions, type RefactorOutcome } from './refactorOutcome';
import { validateRefactorStageName } from './validateRefactorStageName';

/**
 * Whether an ONBUILD trigger fires in this file: only in a stage built FROM the stage that declares it. A trigger
 * that fires nowhere here is only resolved by Dockerfiles elsewhere that use the image, where an index means
 * another file's stage, so its text is left alone.
 */
export function firesInThisFile(graph: StageGraph, reference: StageReference): boolean {
  return !reference.onbuild || graph.stages.some((stage) => stage.baseStage === reference.inStage);
}

/** Whether BuildKit resolves this reference to the stage through its index (`0`, `00`, `+0`, ONBUILD too). */
export function isIndexReferenceTo(graph: StageGraph, reference: StageReference, stageIndex: number): boolean {
  return reference.via === 'index' && reference.stage === stageIndex && firesInThisFile(graph, reference);
}

function sameRange(a: StageReference, b: StageReference): boolean {
  return (
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

/** Why a written index that looks like the stage's is left alone. */
function whyLeftAlone(reference: StageReference, stageIndex: number): string {
  const where = `\`${reference.text}\` on line ${reference.line}`;
  if (reference.kind === 'mount') {
    return `${where} is left as is: RUN --mount from= takes no index, BuildKit reads it as an image called "${reference.text}".`;
  }
  if (reference.onbuild) {
    return `${where} is left as is: this ONBUILD trigger fires in no stage of this file, so it does not reach stage ${stageIndex} here.`;
  }
  return `${where} is left as is: BuildKit does not resolve it to stage ${stageIndex}.`;
}

/**
 * Names an unnamed stage: adds ` AS name` after its base (the `as` casing follows the FROM keyword, so BuildKit's
 * `FromAsCasing` check stays quiet; the text is inserted on the base's own line, so continuations and the escape
 * character need no care) and rewrites every reference that BuildKit resolves to that stage by index — `0`, `00`,
 * `+0`, `ONBUILD COPY --from=0` — to the name. A written number that BuildKit resolves to something else (a mount's
 * `from=0` is an image, an index past the stages reaches an implicit image state) is left alone and explained in
 * the notes. Given a stage's existing name, only rewrites the numeric references ("use the name"), provided the
 * name reaches that stage (with duplicate names, `--from` binds to the last). Refuses when the file does not
 * build, the stage already has another name, or the name is not usable.
 */
export function nameStage(text: string, graph: StageGraph, stageIndex: number, name: string, options: RefactorOptions = {}): RefactorOutcome {
  if (!graph.ok) return refuse(`BuildKit rejects this file (${graph.error ?? 'unknown error'}); fix that first`);
  const stage = graph.stages[stageIndex];
  if (!stage) return refuse(`There is no stage ${stageIndex}`);
  const edits: TextEdit[] = [];
  if (stage.rawName !== null) {
    if (name.toLowerCase() !== stage.name) return refuse(`Stage ${stageIndex} is already named \`${stage.rawName}\`; rename it instead`);
    // Using the existing name: `--from=name` binds to the last stage of that name (SEMANTICS.md), so it must be this one.
    const last = graph.stages.filter((candidate) => candidate.name === stage.name).pop();
    if (last && last.index !== stageIndex) {
      return refuse(`Stage ${last.index} is also named \`${stage.name}\`; --from=${stage.name} would reach it instead of stage ${stageIndex}`);
    }
    if (!graph.references.some((reference) => isIndexReferenceTo(graph, reference, stageIndex))) {
      return refuse(`No reference reaches stage ${stageIndex} by index`);
    }
  } else {
    const invalid = validateRefactorStageName(graph, name, stageIndex);
    if (invalid !== null) return refuse(invalid);
    const fromKeyword = text.split(/\r?\n/)[stage.ranges.from.start.line]?.slice(stage.ranges.from.start.character).split(/\s/)[0] ?? 'FROM';
    edits.push({ range: { start: stage.ranges.baseName.end, end: stage.ranges.baseName.end }, newText: ` ${asKeywordFor(fromKeyword)} ${name}` });
  }
  const notes: string[] = [];
  const rewritten: StageReference[] = [];
  for (const reference of graph.references) {
    if (isIndexReferenceTo(graph, reference, stageIndex)) {
      if (rewritten.some((done) => sameRange(done, reference))) continue;
      rewritten.push(reference);
      edits.push({ range: reference.range, newText: name });
    } else if (reference.kind !== 'from' && parseGoInt(reference.text) === BigInt(stageIndex)) {
      if (!rewritten.some((done) => sameRange(done, reference))) notes.push(whyLeftAlone(reference, stageIndex));
    }
  }
  if (options.verify === false) return { edits, notes };
  const named = stage.name === null ? new Map([[stageIndex, name]]) : undefined;
  const differences = proveMeaningKept(text, graph, applyTextEdits(text, edits), identityCorrespondence(named));
  if (differences.length > 0) return refuse(`Stageflow could not confirm this keeps the build's meaning (${differences[0]})`);
  return { edits, notes };
}
