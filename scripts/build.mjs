// Bundles the runtimes into dist/ as scripts/bundles.mjs defines them: the extension host, its layout worker and
// the CLI (Node, CommonJS), the web extension host's entry (web worker, CommonJS) and the webview (browser IIFE). Flags: --production (minify, no source maps), --watch,
// --tests (also compile tests to out/), --cli-only (only dist/cli.js: what `npm pack` needs, see .npmignore).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { DIST_BUNDLES, distBundleOptions } from './bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const cliOnly = process.argv.includes('--cli-only');

const names = cliOnly ? ['cli'] : Object.keys(DIST_BUNDLES);
const contexts = await Promise.all(names.map((name) => esbuild.context(distBundleOptions(name, { outdir: 'dist', production }))));

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
  if (tests) {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'test/tsconfig.json'], { stdio: 'inherit' });
  }
}
