import type { StageGraph } from '../model';
import { validateNewStageName } from '../buildkit/stageNameRules';

/**
 * Why `name` cannot become a stage name in this file, or null when it can. On top of BuildKit's name rule,
 * uniqueness and reserved words (`validateNewStageName`), a name not in lower case is refused (BuildKit would
 * lowercase it and warn), and a name that the file already uses for an external
 * image (`FROM name`, `COPY --from=name`, `RUN --mount=from=name`) is refused: once a stage carries it, those
 * references would bind to the stage instead of the image.
 */
export function validateRefactorStageName(graph: StageGraph, name: string, renaming?: number): string | null {
  const reason = validateNewStageName(graph, name, renaming);
  if (reason !== null) return reason;
  if (name !== name.toLowerCase()) return `Write '${name.toLowerCase()}' in lower case: BuildKit lowercases stage names (lint StageNameCasing)`;
  const lower = name.toLowerCase();
  for (const reference of graph.references) {
    if (reference.stage !== null || reference.via === 'index') continue;
    const written = reference.kind === 'from' ? graph.stages[reference.inStage]?.baseName ?? reference.text : reference.text;
    if (written.toLowerCase() === lower) {
      return `\`${name}\` already names an image on line ${reference.line}; a stage called so would take its place`;
    }
  }
  return null;
}
