import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The folder of real BuildKit logs and the Dockerfiles they are builds of (see its README). */
export const BUILD_LOGS = path.join(__dirname, '../../fixtures/buildlogs');

/** The text of a fixture file in that folder. */
export function buildLogFixture(name: string): string {
  return readFileSync(path.join(BUILD_LOGS, name), 'utf8');
}

/**
 * The Dockerfile and `--target` a fixture log was built with (see the README's table): `NAME.log`,
 * `NAME.gha.log` and `NAME-rebuild.log` are builds of `NAME.Dockerfile`, `NAME-target-T.log` with `--target T`.
 */
export function buildOfLog(log: string): { dockerfile: string; target?: string } {
  const name = log.replace(/(\.gha)?\.log$/, '').replace(/-rebuild$/, '');
  const target = /^(.*)-target-(.+)$/.exec(name);
  return target ? { dockerfile: `${target[1]}.Dockerfile`, target: target[2] } : { dockerfile: `${name}.Dockerfile` };
}
