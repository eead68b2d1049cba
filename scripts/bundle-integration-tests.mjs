// Bundles the integration suite (test/integration/index.ts and every *.test.ts) for VS Code's extension host:
// CommonJS for Node, `vscode` and `mocha` left external (the host provides the first, node_modules the second).
// Usage: node scripts/bundle-integration-tests.mjs [outDir]   (default out/test/integration)
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE } from './bundles.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suiteSource = path.join(projectRoot, 'test', 'integration');

/** Writes index.js and one <name>.test.js per test file into `outDir`, which must lie inside the project. */
export async function bundleIntegrationSuite(outDir) {
  const entryPoints = readdirSync(suiteSource, { recursive: true })
    .filter((file) => file === 'index.ts' || file.endsWith('.test.ts'))
    .map((file) => path.join(suiteSource, file));
  // Source maps: run-integration-tests.mjs maps failing stack frames back to the test sources.
  await esbuild.build({ ...NODE_BUNDLE, entryPoints, outbase: suiteSource, outdir: outDir, sourcemap: true, external: ['vscode', 'mocha'] });
  return path.join(outDir, 'index.js');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleIntegrationSuite(path.resolve(process.argv[2] ?? path.join(projectRoot, 'out', 'test', 'integration')));
}
