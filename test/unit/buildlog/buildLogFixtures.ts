import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The folder of real BuildKit logs and the Dockerfiles they are builds of (see its README). */
export const BUILD_LOGS = path.join(__dirname, '../../fixtures/buildlogs');

/** The text of a fixture file in that folder. */
export function buildLogFixture(name: string): string {
  return readFileSync(path.join(BUILD_LOGS, name), 'utf8');
}
