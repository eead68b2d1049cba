// Bundles the integration suite (test/integration/index.ts and every *.test.ts) for VS Code's extension host:
// CommonJS for Node, `vscode` and `mocha` left external (the host provides the first, node_modules the second).
// bundleWebIntegrationSuite bundles the tests that need no process for VS Code for the Web's web worker host.
// Usage: node scripts/bundle-integration-tests.mjs [outDir]   (default out/test/integration)
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE, WEB_WORKER_BUNDLE } from './bundles.mjs';

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

/**
 * The tests that need a process, left out of the web suite: building runs docker, the off-host layouts are a Node
 * worker thread, the packaging tests read the .vsix from disk, Compare with HEAD makes its repository with git.
 */
const NEEDS_PROCESS = new Set(['build.test.ts', 'compareWithHead.test.ts', 'layoutOffHost.test.ts', 'vsix.test.ts']);

/** The suite's files, names relative to test/integration, that run in the web worker extension host. */
export function webTestFiles() {
  return readdirSync(suiteSource).filter((file) => file.endsWith('.test.ts') && !NEEDS_PROCESS.has(file)).sort();
}

/**
 * Resolves what a web worker lacks: `stageflow:web-tests` (the module requiring every web test file, in order) and
 * `node:assert/strict` (npm's `assert`, the same API written for browsers).
 */
const webSuitePlugin = {
  name: 'stageflow-web-suite',
  setup(build) {
    build.onResolve({ filter: /^stageflow:web-tests$/ }, () => ({ path: 'web-tests', namespace: 'stageflow' }));
    build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}`) ? undefined : { path: 'assert-strict', namespace: 'stageflow' },
    );
    build.onLoad({ filter: /^web-tests$/, namespace: 'stageflow' }, () => ({
      contents: webTestFiles().map((file) => `require(${JSON.stringify(path.join(suiteSource, file))});`).join('\n'),
      resolveDir: suiteSource,
      loader: 'js',
    }));
    build.onLoad({ filter: /^assert-strict$/, namespace: 'stageflow' }, () => ({
      contents: "module.exports = require('assert/').strict;",
      resolveDir: projectRoot,
      loader: 'js',
    }));
  },
};

/**
 * Writes the web suite, one self-contained index.js, into `outDir` (inside the extension's folder: the tests run
 * in the host that runs the extension). `env` is what the tests read as `process.env` (mode, grep, screenshots).
 */
export async function bundleWebIntegrationSuite(outDir, env) {
  await esbuild.build({
    ...WEB_WORKER_BUNDLE,
    entryPoints: { index: path.join(suiteSource, 'web', 'webSuite.ts') },
    outdir: outDir,
    sourcemap: true,
    external: ['vscode'],
    inject: [path.join(suiteSource, 'web', 'processShim.ts')],
    define: { STAGEFLOW_TEST_ENV_JSON: JSON.stringify(JSON.stringify(env)) },
    plugins: [webSuitePlugin],
  });
  return path.join(outDir, 'index.js');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleIntegrationSuite(path.resolve(process.argv[2] ?? path.join(projectRoot, 'out', 'test', 'integration')));
}
