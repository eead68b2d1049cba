import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { distBundleOptions } from '../../../scripts/bundles.mjs';

/** What one run of the CLI process produced. */
export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The `stageflow` CLI bundled exactly as `npm run compile` bundles it, but into a temporary directory (never
 * `dist/`, which other work may be using), and run as a real child process.
 */
export class StageflowProcess {
  private constructor(
    private readonly directory: string,
    private readonly script: string,
  ) {}

  /** Bundles `src/cli/main.ts` into a fresh temporary directory. */
  static async build(): Promise<StageflowProcess> {
    const directory = mkdtempSync(path.join(tmpdir(), 'stageflow-cli-test-'));
    const script = path.join(directory, 'cli.js');
    await esbuild.build(distBundleOptions('cli', { outdir: directory }));
    return new StageflowProcess(directory, script);
  }

  /** Runs `stageflow ...args` with `input` on stdin (empty by default), in `cwd`, with extra environment. */
  run(args: string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): ProcessResult {
    const result = spawnSync(process.execPath, [this.script, ...args], {
      input: options.input ?? '',
      cwd: options.cwd ?? REPOSITORY,
      env: { ...process.env, ...options.env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** Deletes the temporary bundle. */
  dispose(): void {
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** The repository root, where `examples/` lives. */
export const REPOSITORY = path.join(__dirname, '../../..');
