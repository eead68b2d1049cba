/**
 * The variables visible in FROM and `--platform`: BuildKit's built-ins (`dockerfile2llb/platform.go`
 * `defaultArgs`) followed by the meta ARGs declared before the first FROM, each default expanded in order and
 * overridable with `--build-arg` (`buildMetaArgs`).
 */
import { expandVariables } from '../parse/expandVariables';
import type { Range, ResolveOptions } from '../model';
import type { MetaArgSyntax } from '../parse/parseDockerfile';
import { formatPlatform, parsePlatform, type PlatformParts } from './platformSpec';

/** The variables visible in FROM, or the error met while building them. */
export interface MetaArgScope {
  /** Variable values in declaration order (built-ins first). */
  values: Map<string, string>;
  /** BuildKit's error while expanding an ARG default, or null. */
  error: { message: string; range: Range } | null;
}

const DEFAULT_PLATFORM: PlatformParts = { os: 'linux', architecture: 'amd64', variant: '' };

function platformOrDefault(specifier: string): PlatformParts {
  const parsed = parsePlatform(specifier);
  return typeof parsed === 'string' ? DEFAULT_PLATFORM : parsed;
}

/** The BUILD* and TARGET* built-ins for the given options; `targetStage` is the stage being built. */
export function builtinArgs(options: Required<ResolveOptions>, targetStage: string): Map<string, string> {
  const build = platformOrDefault(options.buildPlatform);
  const target = options.targetPlatform ? platformOrDefault(options.targetPlatform) : build;
  const builtins: [string, string][] = [
    ['BUILDPLATFORM', formatPlatform(build)],
    ['BUILDOS', build.os],
    ['BUILDOSVERSION', ''],
    ['BUILDARCH', build.architecture],
    ['BUILDVARIANT', build.variant],
    ['TARGETPLATFORM', formatPlatform(target)],
    ['TARGETOS', target.os],
    ['TARGETOSVERSION', ''],
    ['TARGETARCH', target.architecture],
    ['TARGETVARIANT', target.variant],
    ['TARGETSTAGE', targetStage || 'default'],
  ];
  const values = new Map<string, string>();
  for (const [key, value] of builtins) values.set(key, options.buildArgs[key] ?? value);
  return values;
}

/**
 * Adds the meta ARGs to `builtins`: a `--build-arg` wins, else the default expanded with what is declared so far;
 * an ARG without default and without override stays unset. `buildArgs` null means "defaults only" (BuildKit's
 * lint pass).
 */
export function applyMetaArgs(
  builtins: Map<string, string>,
  metaArgs: readonly MetaArgSyntax[],
  buildArgs: Record<string, string> | null,
  escapeToken: string,
): MetaArgScope {
  const values = new Map(builtins);
  for (const arg of metaArgs) {
    let value: string | null = null;
    const override = buildArgs && Object.prototype.hasOwnProperty.call(buildArgs, arg.name) ? buildArgs[arg.name] : undefined;
    if (override !== undefined) {
      value = override;
    } else if (arg.rawDefault !== null) {
      const expanded = expandVariables(arg.rawDefault, (name) => values.get(name), escapeToken);
      if (expanded.error) return { values, error: { message: expanded.error, range: arg.range } };
      value = expanded.value;
    }
    if (value !== null) {
      values.delete(arg.name);
      values.set(arg.name, value);
    }
  }
  return { values, error: null };
}
