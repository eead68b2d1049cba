import type { ResolveOptions } from '../model';

/** What an opening marker asks for, or why it cannot be read. */
export type MarkerArguments = { dockerfile: string; options: ResolveOptions } | { problem: string };

/**
 * Reads the words of an opening marker after `stageflow:`: one Dockerfile path, then `--target T` and
 * `--build-arg K=V` (also written `--target=T`, `--build-arg=K=V`), as `docker build` takes them. A build arg must
 * carry its value: unlike the command line, a diagram in a document must not depend on the environment.
 */
export function parseMarkerArguments(text: string): MarkerArguments {
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  let dockerfile: string | undefined;
  const options: ResolveOptions = {};
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word.startsWith('--')) {
      if (dockerfile !== undefined) return { problem: `the stageflow marker names two Dockerfiles ('${dockerfile}' and '${word}'); use one marker for each` };
      dockerfile = word;
      continue;
    }
    const equals = word.indexOf('=');
    const flag = equals >= 0 ? word.slice(0, equals) : word;
    if (flag !== '--target' && flag !== '--build-arg') {
      return { problem: `unknown option '${flag}' in the stageflow marker (expected --target T or --build-arg K=V)` };
    }
    let value: string;
    if (equals >= 0) value = word.slice(equals + 1);
    else if (i + 1 < words.length && !words[i + 1].startsWith('--')) value = words[++i];
    else return { problem: `option '${flag}' in the stageflow marker needs a value` };
    if (flag === '--target') {
      if (value === '') return { problem: `option '--target' in the stageflow marker needs a stage name` };
      options.target = value;
      continue;
    }
    const split = value.indexOf('=');
    if (split <= 0) return { problem: `option '--build-arg' in the stageflow marker needs NAME=VALUE, got '${value}'` };
    options.buildArgs = { ...options.buildArgs, [value.slice(0, split)]: value.slice(split + 1) };
  }
  if (dockerfile === undefined) return { problem: 'the stageflow marker names no Dockerfile: <!-- stageflow: path/to/Dockerfile -->' };
  return { dockerfile, options };
}
