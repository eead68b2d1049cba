import * as path from 'node:path';

/** Where a build runs and how it names the Dockerfile. */
export interface BuildLocation {
  /** The build context; the process runs here and passes `.`. */
  cwd: string;
  /** `-f`: the Dockerfile relative to `cwd` (absolute when there is no relative way, e.g. another drive). */
  dockerfile: string;
}

/**
 * The build context of a Dockerfile: `stageflow.build.context` when set (`${workspaceFolder}` and `${fileDirname}`
 * substituted; a relative path is taken from the workspace folder), else the workspace folder that holds the
 * Dockerfile, else the Dockerfile's own folder. Pure (Node's `path` only), so it is unit-tested without VS Code.
 */
export function buildLocation(dockerfilePath: string, workspaceFolder: string | null, contextSetting: string, paths: path.PlatformPath = path): BuildLocation {
  const fileDirname = paths.dirname(dockerfilePath);
  const root = workspaceFolder ?? fileDirname;
  const setting = contextSetting.replaceAll('${workspaceFolder}', root).replaceAll('${fileDirname}', fileDirname);
  const cwd = setting === '' ? root : paths.resolve(root, setting);
  const relative = paths.relative(cwd, dockerfilePath);
  return { cwd, dockerfile: relative === '' || paths.isAbsolute(relative) ? dockerfilePath : relative };
}
