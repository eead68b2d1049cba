import * as vscode from 'vscode';
import { checkBuildArgs, checkString, checkStringArray, type CheckedSetting } from '../core/editor/settingValues';
import type { ResolveOptions } from '../core/model';

/** Stageflow's settings for one document, read from the `stageflow.*` configuration. */
export interface StageflowSettings {
  /** `stageflow.buildArgs`: `--build-arg` values used to resolve FROM lines. */
  buildArgs: Record<string, string>;
  /** `stageflow.target`: the stage built by default; empty means the last stage. */
  target: string;
  /** `stageflow.codeLens.enabled`. */
  codeLensEnabled: boolean;
  /** `stageflow.diagnostics.enabled`. */
  diagnosticsEnabled: boolean;
  /** `stageflow.build.*`: how the editor's Build runs (see `src/extension/build/`). */
  build: BuildSettings;
}

/** The `stageflow.build.*` settings. */
export interface BuildSettings {
  /** `stageflow.build.command`: the command that builds, before Stageflow's arguments (`docker build`). */
  command: string;
  /** `stageflow.build.args`: extra arguments, one word each. */
  args: string[];
  /** `stageflow.build.context`: the build context; empty means the workspace folder holding the Dockerfile. */
  context: string;
}

/** The default of `stageflow.build.command`, as package.json declares it. */
export const DEFAULT_BUILD_COMMAND = 'docker build';

/** The settings that change how a graph resolves; a change to any of them recomputes every graph. */
export const resolveSettingKeys = ['stageflow.buildArgs', 'stageflow.target'] as const;

/**
 * Reads the settings that apply to a document (resource-scoped, so a folder can set its own build args).
 * Values of the wrong type are ignored and reported through `warn`, so a typo in settings.json never breaks
 * the features.
 */
export function readStageflowSettings(
  scope: vscode.ConfigurationScope | undefined,
  warn: (message: string) => void,
): StageflowSettings {
  const config = vscode.workspace.getConfiguration('stageflow', scope);
  const reported = <T>(checked: CheckedSetting<T>): T => {
    checked.problems.forEach(warn);
    return checked.value;
  };
  return {
    buildArgs: reported(checkBuildArgs(config.get<unknown>('buildArgs'))),
    target: reported(checkString('stageflow.target', config.get<unknown>('target'))),
    codeLensEnabled: config.get<unknown>('codeLens.enabled') !== false,
    diagnosticsEnabled: config.get<unknown>('diagnostics.enabled') !== false,
    build: {
      command: reported(checkString('stageflow.build.command', config.get<unknown>('build.command'))) || DEFAULT_BUILD_COMMAND,
      args: reported(checkStringArray('stageflow.build.args', config.get<unknown>('build.args'))),
      context: reported(checkString('stageflow.build.context', config.get<unknown>('build.context'))),
    },
  };
}

/** The resolve options that the settings ask for. */
export function resolveOptionsFromSettings(settings: StageflowSettings): Required<Pick<ResolveOptions, 'target' | 'buildArgs'>> {
  return { buildArgs: settings.buildArgs, target: settings.target };
}
