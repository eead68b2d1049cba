import type { StageGraph, TextEdit } from '../model';
import { parseGoInt } from '../buildkit/parseGoInt';
import { firesInThisFile } from './nameStage';
import type { RefactorOutcome } from './refactorOutcome';

/**
 * The edits that keep every numeric `COPY --from` pointing at the same stage once a new stage is inserted at index
 * `insertAt`: indexes of stages at or after it grow by one (written as plain numbers, so `01` becomes `2`).
 * Mount `from=` takes no index (a number there is an image) and is left alone, and so is an ONBUILD trigger that
 * fires in no stage of the file. Refuses when a number at or past `insertAt` reaches no stage — BuildKit resolves
 * it to an implicit image state or rejects it — since one more stage would change what it reaches.
 */
export function shiftIndexReferences(graph: StageGraph, insertAt: number): RefactorOutcome {
  const edits: TextEdit[] = [];
  const notes: string[] = [];
  const shifted = new Set<string>();
  for (const reference of graph.references) {
    const value = parseGoInt(reference.text);
    if (reference.kind !== 'copy' || value === null || value < BigInt(insertAt)) continue;
    if (!firesInThisFile(graph, reference)) {
      notes.push(`\`--from=${reference.text}\` on line ${reference.line} is left as is: that ONBUILD trigger fires in no stage of this file.`);
      continue;
    }
    if (reference.via !== 'index' || reference.stage === null) {
      return {
        refused: `\`--from=${reference.text}\` on line ${reference.line} reaches no stage (BuildKit resolves it to an implicit image state or rejects it); one more stage would change what it reaches — write the image's name instead`,
      };
    }
    const key = JSON.stringify(reference.range);
    if (shifted.has(key)) continue;
    shifted.add(key);
    edits.push({ range: reference.range, newText: String(reference.stage + 1) });
    notes.push(`\`--from=${reference.text}\` on line ${reference.line} becomes \`--from=${reference.stage + 1}\`: stage ${reference.stage} moves to index ${reference.stage + 1}.`);
  }
  return { edits, notes };
}
