/** Checks the values of Stageflow's settings as the user typed them in settings.json (any JSON at all). */

/** A setting value with the problems found in it, worded for the log. */
export interface CheckedSetting<T> {
  value: T;
  problems: string[];
}

/**
 * `stageflow.buildArgs`: an object of NAME: value pairs. Numbers and booleans become text, as `--build-arg` would
 * receive them; anything else is dropped with a problem, so a typo never breaks the features.
 */
export function checkBuildArgs(value: unknown): CheckedSetting<Record<string, string>> {
  if (value === undefined || value === null) {
    return { value: {}, problems: [] };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { value: {}, problems: ['stageflow.buildArgs must be an object of NAME: "value" pairs; ignoring it.'] };
  }
  const buildArgs: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, argValue] of Object.entries(value)) {
    if (typeof argValue === 'string' || typeof argValue === 'number' || typeof argValue === 'boolean') {
      buildArgs[name] = String(argValue);
    } else {
      problems.push(`stageflow.buildArgs.${name} is not a string; ignoring it.`);
    }
  }
  return { value: buildArgs, problems };
}

/** A string setting such as `stageflow.target`, trimmed; anything else counts as empty, with a problem. */
export function checkString(key: string, value: unknown): CheckedSetting<string> {
  if (value === undefined || value === null) {
    return { value: '', problems: [] };
  }
  return typeof value === 'string' ? { value: value.trim(), problems: [] } : { value: '', problems: [`${key} must be a string; ignoring it.`] };
}

/** A list of words such as `stageflow.build.args`; entries that are not strings are dropped, with a problem. */
export function checkStringArray(key: string, value: unknown): CheckedSetting<string[]> {
  if (value === undefined || value === null) {
    return { value: [], problems: [] };
  }
  if (!Array.isArray(value)) {
    return { value: [], problems: [`${key} must be an array of strings; ignoring it.`] };
  }
  const strings = value.filter((entry): entry is string => typeof entry === 'string');
  const problems = strings.length === value.length ? [] : [`${key} holds entries that are not strings; ignoring them.`];
  return { value: strings, problems };
}
