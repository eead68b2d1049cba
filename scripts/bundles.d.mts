// Types of scripts/bundles.mjs for the TypeScript that imports it (test harnesses, benches).
import type { BuildOptions } from 'esbuild';

export declare const NODE_BUNDLE: BuildOptions;
export declare const BROWSER_BUNDLE: BuildOptions;
export declare const WEB_WORKER_BUNDLE: BuildOptions;
export type DistBundleName = 'extension' | 'extensionWeb' | 'layoutWorker' | 'cli' | 'webview';
export declare const DIST_BUNDLES: Record<DistBundleName, BuildOptions>;
export declare function distBundleOptions(name: DistBundleName, options: { outdir: string; production?: boolean }): BuildOptions;
