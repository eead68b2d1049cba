import type { Diagnostic } from '../model';
import { suggestName } from '../parse/suggestName';
import type { DockerfileFacts } from './dockerfileFacts';
import type { EntryPoint, EntryPointScan, FileDiagnostic } from './entryPointModel';
import { entryPointStage } from './entryPointStage';
import { literalReplacement } from './literalReplacement';
import { parentDirectory, relativePath } from './posixPath';

/**
 * Build args BuildKit knows without an `ARG`: the proxy variables (any case) and its own `BUILDKIT_*` settings
 * (`frontend/dockerui/config.go`, `dockerfile2llb/convert.go` in moby/buildkit).
 */
const PREDEFINED_ARGS = new Set([
  'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY',
  'BUILDKIT_CACHE_MOUNT_NS', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_DOCKERFILE_CHECK', 'BUILDKIT_INLINE_CACHE',
  'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE',
  'BUILDKIT_SYNTAX', 'SOURCE_DATE_EPOCH',
]);

/** Looks up the facts of the Dockerfile at a path, or undefined when the caller has no such file. */
export type DockerfileLookup = (path: string) => DockerfileFacts | undefined;

/**
 * Checks every entry point against the Dockerfile it builds (those the lookup knows; the others are not checked):
 * - `stageflow.unknownTarget` (error): the `target` is no stage of that Dockerfile, as `docker build --target`
 *   would fail; the message names the closest stage name ("did you mean"), and when the target is written as a
 *   literal, a certain fix replaces it with that name;
 * - `stageflow.undeclaredBuildArg` (warning): a build arg that no `ARG` of the Dockerfile declares and that is not
 *   one BuildKit predefines, so it changes nothing (BuildKit says "build-arg was not consumed").
 * A target whose value Stageflow cannot know is not checked. Diagnostics are reported once per written location
 * (an override and a base file, or inheriting Bake targets, may share one), in the file that holds it.
 */
export function checkEntryPoints(scan: EntryPointScan, lookup: DockerfileLookup): FileDiagnostic[] {
  const diagnostics: FileDiagnostic[] = [];
  const reported = new Set<string>();
  const report = (path: string, diagnostic: Diagnostic) => {
    const key = `${path}:${diagnostic.code}:${diagnostic.range.start.line}:${diagnostic.range.start.character}`;
    if (reported.has(key)) return;
    reported.add(key);
    diagnostics.push({ path, diagnostic });
  };
  for (const entry of scan.entries) {
    const facts = entry.dockerfile === null ? undefined : lookup(entry.dockerfile);
    if (!facts) continue;
    const unknownTarget = checkTarget(entry, facts);
    if (unknownTarget) report(entry.target!.location.path, unknownTarget);
    for (const arg of entry.args) {
      if (facts.declaredArgs.has(arg.name) || PREDEFINED_ARGS.has(arg.name.toUpperCase())) continue;
      report(arg.nameLocation.path, {
        severity: 'warning',
        code: 'stageflow.undeclaredBuildArg',
        message: `Build arg ${arg.name} of ${describe(entry)} is not declared by any ARG in ${dockerfileName(entry, arg.nameLocation.path)}, so it has no effect`,
        range: arg.nameLocation.range,
      });
    }
  }
  return diagnostics;
}

function checkTarget(entry: EntryPoint, facts: DockerfileFacts): Diagnostic | null {
  const target = entry.target;
  if (target === null || target.value === null || target.value === '') return null;
  if (facts.graph.stages.length === 0 || entryPointStage(entry, facts.graph) !== null) return null;
  const names = facts.graph.stages.map((stage) => stage.name).filter((name): name is string => name !== null);
  const suggestion = suggestName(target.value, names, false);
  const diagnostic: Diagnostic = {
    severity: 'error',
    code: 'stageflow.unknownTarget',
    message: `Target ${target.value} of ${describe(entry)} is no stage of ${dockerfileName(entry, target.location.path)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
    range: target.location.range,
  };
  if (suggestion && target.literal) diagnostic.fix = { title: `Change the target to ${suggestion}`, replacement: literalReplacement(target, suggestion) };
  return diagnostic;
}

/** The Dockerfile as seen from the file the diagnostic is in (paths may be absolute in the editor). */
function dockerfileName(entry: EntryPoint, from: string): string {
  return entry.dockerfile === null ? 'its Dockerfile' : relativePath(parentDirectory(from), entry.dockerfile);
}

function describe(entry: EntryPoint): string {
  return entry.kind === 'compose' ? `service ${entry.name}` : `target ${entry.name}`;
}
