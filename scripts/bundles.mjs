// The one esbuild configuration: how each runtime is bundled, and the bundles that ship in dist/. Everything that
// bundles (scripts/build.mjs, the integration-suite bundler, the CLI and webview test harnesses, the benches)
// starts from these, so a test bundles exactly what ships.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = (file) => path.join(projectRoot, file);

const SHARED = { bundle: true, sourcesContent: false, logLevel: 'warning' };

/** Node code (the extension host, the CLI, a worker, tests that run in the host): CommonJS for Node 20. */
export const NODE_BUNDLE = { ...SHARED, platform: 'node', format: 'cjs', target: 'node20' };

/** Browser code (the webview, pages the benches draw in): one self-contained script. */
export const BROWSER_BUNDLE = { ...SHARED, platform: 'browser', format: 'iife', target: 'es2022' };

/**
 * A web worker (VS Code for the Web's extension host): CommonJS, as that host loads extensions, with no Node
 * built-in available (esbuild fails on one; test/unit/web/webBundle.test.ts checks the metafile too).
 */
export const WEB_WORKER_BUNDLE = { ...SHARED, platform: 'browser', format: 'cjs', target: 'es2022' };

/** The bundles in dist/, by the name of the file each writes (`dist/<name>.js`). */
export const DIST_BUNDLES = {
  /** The extension host's entry; `vscode` is provided by the host. */
  extension: { ...NODE_BUNDLE, entryPoints: { extension: source('src/extension/extension.ts') }, external: ['vscode'] },
  /** The web extension host's entry (package.json `browser`): everything that needs no process. */
  extensionWeb: { ...WEB_WORKER_BUNDLE, entryPoints: { extensionWeb: source('src/extension/extensionWeb.ts') }, external: ['vscode'] },
  /** The graph view's layout worker thread, started by the extension host (WorkerLayoutRunner). */
  layoutWorker: { ...NODE_BUNDLE, entryPoints: { layoutWorker: source('src/extension/graphView/layoutWorker.ts') } },
  /** The `stageflow` command (package.json `bin`). */
  cli: { ...NODE_BUNDLE, entryPoints: { cli: source('src/cli/main.ts') }, banner: { js: '#!/usr/bin/env node' } },
  /** The graph view's script. */
  webview: { ...BROWSER_BUNDLE, entryPoints: { webview: source('webview/main.ts') } },
};

/**
 * The options to write one of `DIST_BUNDLES` into `outdir`: minified without source maps for the package
 * (`production`), readable with source maps otherwise.
 */
export function distBundleOptions(name, { outdir, production = false }) {
  return { ...DIST_BUNDLES[name], outdir, minify: production, sourcemap: !production };
}
