/** Which names a stage may be given (BuildKit's `instructions/parse.go` rule, plus Stageflow's safety checks). */
import type { StageGraph } from '../model';

/** BuildKit's stage-name pattern, checked after lowercasing. */
export const STAGE_NAME_PATTERN = /^[a-z][a-z0-9-_.]*$/;

const RESERVED_NAMES = new Set(['scratch', 'context']);

/**
 * Why `name` cannot name a stage of `graph`, or null when it can. `renaming` is the index of the stage being
 * renamed (its own current name is then not a conflict).
 */
export function validateNewStageName(graph: StageGraph, name: string, renaming?: number): string | null {
  if (name.trim() === '') return 'A stage name cannot be empty.';
  const lower = name.toLowerCase();
  if (!STAGE_NAME_PATTERN.test(lower)) {
    return `'${name}' is not a valid stage name: it must start with a letter and contain only letters, digits, '-', '_' and '.'.`;
  }
  if (RESERVED_NAMES.has(lower)) return `'${lower}' is reserved by BuildKit and cannot name a stage.`;
  const clash = graph.stages.find((s) => s.name === lower && s.index !== renaming);
  if (clash) return `A stage named '${lower}' already exists (line ${clash.startLine}).`;
  return null;
}
