import { type BuildCheckCollector, buildCheckMessages } from '../parse/buildChecks';
import { expandVariables } from '../parse/expandVariables';
import type { ParsedDockerfile } from '../parse/parseDockerfile';
import type { Range } from '../model';
import { imageReferenceError } from './imageReference';
import { applyMetaArgs } from './metaArgScope';

/**
 * The build checks BuildKit runs over the whole file before it resolves anything (the rest run while parsing,
 * `parse/buildChecks.ts`, and while dispatching, `dispatchChecks.ts`): reserved and duplicate stage names,
 * consistent instruction casing, and a FROM that names no valid image with the ARG defaults alone.
 */
export function stageLintChecks(parsed: ParsedDockerfile, builtins: Map<string, string>, checks: BuildCheckCollector): void {
  checkStageNames(parsed, checks);
  checkInstructionCasing(parsed, checks);
  checkBaseImagesWithDefaults(parsed, builtins, checks);
}

function checkStageNames(parsed: ParsedDockerfile, checks: BuildCheckCollector): void {
  const seen = new Set<string>();
  for (const stage of parsed.stages) {
    if (!stage.name) continue;
    const { line, range } = stage.from;
    if (stage.name === 'context' || stage.name === 'scratch') {
      checks.report('ReservedStageName', buildCheckMessages.ReservedStageName(stage.name), line, range);
    }
    if (seen.has(stage.name)) {
      checks.report('DuplicateStageName', buildCheckMessages.DuplicateStageName(stage.name), line, range);
    }
    seen.add(stage.name);
  }
}

/** `ConsistentInstructionCasing`: every keyword in the casing most keywords use. */
function checkInstructionCasing(parsed: ParsedDockerfile, checks: BuildCheckCollector): void {
  const keywords: { keyword: string; line: number; range: Range }[] = [];
  for (const stage of parsed.stages) {
    keywords.push({ keyword: stage.from.keyword, line: stage.from.line, range: stage.from.keywordRange });
    for (const c of stage.commands) keywords.push({ keyword: c.keyword, line: c.line, range: c.keywordRange });
  }
  let lower = 0;
  let upper = 0;
  for (const { keyword } of keywords) {
    if (keyword === keyword.toLowerCase()) lower++;
    else if (keyword === keyword.toUpperCase()) upper++;
  }
  const majorityLower = lower > upper;
  for (const { keyword, line, range } of keywords) {
    const casing =
      majorityLower && keyword.toLowerCase() !== keyword
        ? 'lowercase'
        : !majorityLower && keyword.toUpperCase() !== keyword
          ? 'uppercase'
          : '';
    if (casing) checks.report('ConsistentInstructionCasing', buildCheckMessages.ConsistentInstructionCasing(keyword, casing), line, range);
  }
}

/** BuildKit's `validateBaseImagesWithDefaultArgs`: each FROM with ARG defaults only must name a valid image. */
function checkBaseImagesWithDefaults(parsed: ParsedDockerfile, builtins: Map<string, string>, checks: BuildCheckCollector): void {
  const defaults = applyMetaArgs(builtins, parsed.metaArgs, null, parsed.escapeToken);
  if (defaults.error) return;
  for (const stage of parsed.stages) {
    const expanded = expandVariables(stage.from.baseName.text, (n) => defaults.values.get(n), parsed.escapeToken);
    if (expanded.error) return;
    if (imageReferenceError(expanded.value) !== null) {
      checks.report('InvalidDefaultArgInFrom', buildCheckMessages.InvalidDefaultArgInFrom(stage.from.baseName.text), stage.from.line, stage.from.range);
    }
  }
}
