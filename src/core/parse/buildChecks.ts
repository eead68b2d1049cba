/**
 * BuildKit's build checks (`frontend/dockerfile/linter/ruleset.go`) that concern stages, ARGs in FROM and the shape
 * of instructions, with their messages and documentation pages, plus the `# check=skip=...` directive.
 */
import type { Range } from '../model';

/** One build check that fired. */
export interface BuildCheckFinding {
  rule: string;
  message: string;
  /** 1-based line BuildKit reports. */
  line: number;
  range: Range;
  href: string;
  /** A certain fix: replace `range` with this text. */
  replacement?: string;
}

const docs = (slug: string): string => `https://docs.docker.com/go/dockerfile/rule/${slug}/`;

/** Message builders, named after BuildKit's rules. */
export const buildCheckMessages = {
  StageNameCasing: (name: string) => `Stage name '${name}' should be lowercase`,
  FromAsCasing: (from: string, as: string) => `'${as}' and '${from}' keywords' casing do not match`,
  NoEmptyContinuation: () => 'Empty continuation line',
  ConsistentInstructionCasing: (command: string, casing: string) =>
    `Command '${command}' should match the case of the command majority (${casing})`,
  DuplicateStageName: (name: string) => `Duplicate stage name ${JSON.stringify(name)}, stage names should be unique`,
  ReservedStageName: (name: string) => `Stage name should not use the same name as reserved stage ${JSON.stringify(name)}`,
  MaintainerDeprecated: () => 'Maintainer instruction is deprecated in favor of using label',
  UndefinedArgInFrom: (arg: string, suggestion: string) =>
    `FROM argument '${arg}' is not declared` + (suggestion ? ` (did you mean ${suggestion}?)` : ''),
  RedundantTargetPlatform: (platform: string) =>
    `Setting platform to predefined ${platform} in FROM is redundant as this is the default behavior`,
  InvalidDefaultArgInFrom: (baseName: string) => `Default value for ARG ${baseName} results in empty or invalid base image name`,
  FromPlatformFlagConstDisallowed: (platform: string) =>
    `FROM --platform flag should not use constant value ${JSON.stringify(platform)}`,
  JSONArgsRecommended: (instruction: string) =>
    `JSON arguments recommended for ${instruction} to prevent unintended behavior related to OS signals`,
  LegacyKeyValueFormat: (command: string) => `"${command} key=value" should be used instead of legacy "${command} key value" format`,
  SecretsUsedInArgOrEnv: (instruction: string, key: string) =>
    `Do not use ARG or ENV instructions for sensitive data (${instruction} ${JSON.stringify(key)})`,
  WorkdirRelativePath: (workdir: string) =>
    `Relative workdir ${JSON.stringify(workdir)} can have unexpected results if the base image changes`,
  MultipleInstructionsDisallowed: (instruction: string) =>
    `Multiple ${instruction} instructions should not be used in the same stage because only the last one will be used`,
} as const;

/** The name of a build check Stageflow reproduces. */
export type BuildCheckRule = keyof typeof buildCheckMessages;

const slugs: Record<BuildCheckRule, string> = {
  StageNameCasing: 'stage-name-casing',
  FromAsCasing: 'from-as-casing',
  NoEmptyContinuation: 'no-empty-continuation',
  ConsistentInstructionCasing: 'consistent-instruction-casing',
  DuplicateStageName: 'duplicate-stage-name',
  ReservedStageName: 'reserved-stage-name',
  MaintainerDeprecated: 'maintainer-deprecated',
  UndefinedArgInFrom: 'undefined-arg-in-from',
  RedundantTargetPlatform: 'redundant-target-platform',
  InvalidDefaultArgInFrom: 'invalid-default-arg-in-from',
  FromPlatformFlagConstDisallowed: 'from-platform-flag-const-disallowed',
  JSONArgsRecommended: 'json-args-recommended',
  MultipleInstructionsDisallowed: 'multiple-instructions-disallowed',
  WorkdirRelativePath: 'workdir-relative-path',
  LegacyKeyValueFormat: 'legacy-key-value-format',
  SecretsUsedInArgOrEnv: 'secrets-used-in-arg-or-env',
};

/** The documentation page of a rule. */
export function buildCheckHref(rule: BuildCheckRule): string {
  return docs(slugs[rule]);
}

/** Collects findings, honouring `# check=skip=A,B` / `skip=all`. */
export class BuildCheckCollector {
  readonly findings: BuildCheckFinding[] = [];
  private readonly skipped: Set<string>;
  private readonly skipAll: boolean;

  constructor(checkDirective: string | null) {
    const { skipped, skipAll } = parseCheckDirective(checkDirective);
    this.skipped = skipped;
    this.skipAll = skipAll;
  }

  report(rule: BuildCheckRule, message: string, line: number, range: Range, replacement?: string): void {
    if (this.skipAll || this.skipped.has(rule)) return;
    const finding: BuildCheckFinding = { rule, message, line, range, href: buildCheckHref(rule) };
    if (replacement !== undefined) finding.replacement = replacement;
    this.findings.push(finding);
  }
}

function parseCheckDirective(value: string | null): { skipped: Set<string>; skipAll: boolean } {
  const skipped = new Set<string>();
  let skipAll = false;
  for (const part of (value ?? '').split(';')) {
    const [key, rules] = part.split('=', 2).map((s) => s.trim());
    if (key !== 'skip' || rules === undefined) continue;
    if (rules === 'all') skipAll = true;
    else for (const rule of rules.split(',')) skipped.add(rule.trim());
  }
  return { skipped, skipAll };
}
