import * as vscode from 'vscode';
import type { ResolveOptions } from './core/model';

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
}

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
  return {
    buildArgs: readBuildArgs(config.get<unknown>('buildArgs'), warn),
    target: readString(config.get<unknown>('target'), 'stageflow.target', warn),
    codeLensEnabled: config.get<unknown>('codeLens.enabled') !== false,
    diagnosticsEnabled: config.get<unknown>('diagnostics.enabled') !== false,
  };
}

/** The resolve options that the settings ask for. */
export function resolveOptionsFromSettings(settings: StageflowSettings): ResolveOptions {
  return { buildArgs: settings.buildArgs, target: settings.target };
}

function readBuildArgs(value: unknown, warn: (message: string) => void): Record<string, string> {
  if (value === undefined || value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    warn('stageflow.buildArgs must be an object of NAME: "value" pairs; ignoring it.');
    return {};
  }
  const buildArgs: Record<string, string> = {};
  for (const [name, argValue] of Object.entries(value)) {
    // Numbers and booleans are what people type for flags like VERSION or DEBUG; docker receives them as text.
    if (typeof argValue === 'string' || typeof argValue === 'number' || typeof argValue === 'boolean') {
      buildArgs[name] = String(argValue);
    } else {
      warn(`stageflow.buildArgs.${name} is not a string; ignoring it.`);
    }
  }
  return buildArgs;
}

function readString(value: unknown, key: string, warn: (message: string) => void): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value !== 'string') {
    warn(`${key} must be a string; ignoring it.`);
    return '';
  }
  return value.trim();
}
