import type { ResolveOptions } from '../core/model';
import type { CliOption } from './cliCommand';
import { CliError } from './cliError';
import type { ParsedArguments } from './parseArguments';

/** The `docker build` flags that change how a Dockerfile resolves, shared by every command that builds a graph. */
export const RESOLVE_OPTIONS: CliOption[] = [
  { name: '--target', value: 'NAME', description: 'Resolve for this stage instead of the last one.' },
  {
    name: '--build-arg',
    value: 'K=V',
    repeatable: true,
    description: 'Override a meta ARG (declared before the first FROM); `K` alone takes $K from the environment.',
  },
  { name: '--platform', value: 'P', description: 'The target platform, e.g. linux/arm64 (default: linux/amd64).' },
];

/** Reads `--target`, `--build-arg` and `--platform` into core resolve options, as `docker build` reads them. */
export function toResolveOptions(args: ParsedArguments, env: Readonly<Record<string, string | undefined>>): ResolveOptions {
  const options: ResolveOptions = {};
  const target = args.value('--target');
  if (target !== undefined) {
    if (target === '') throw new CliError(`option '--target' needs a stage name`);
    options.target = target;
  }
  const buildArgs: Record<string, string> = {};
  for (const pair of args.all('--build-arg')) {
    const equals = pair.indexOf('=');
    const name = equals >= 0 ? pair.slice(0, equals) : pair;
    if (name === '') throw new CliError(`option '--build-arg' needs NAME=VALUE, got '${pair}'`);
    // Like docker: `--build-arg NAME` passes the environment's value, and nothing when it is unset.
    const value = equals >= 0 ? pair.slice(equals + 1) : env[name];
    if (value !== undefined) buildArgs[name] = value;
  }
  if (Object.keys(buildArgs).length > 0) options.buildArgs = buildArgs;
  const platform = args.value('--platform');
  if (platform !== undefined) {
    if (!/^[a-z0-9_.-]+(\/[a-z0-9_.-]+){0,2}$/i.test(platform)) {
      throw new CliError(`option '--platform' needs OS/ARCH[/VARIANT], e.g. linux/arm64, got '${platform}'`);
    }
    options.targetPlatform = platform;
  }
  return options;
}
