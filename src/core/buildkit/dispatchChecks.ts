/**
 * The build checks BuildKit runs while it dispatches the instructions of a stage it builds
 * (`dockerfile2llb/convert.go`): JSON form for CMD/ENTRYPOINT, one CMD/ENTRYPOINT/HEALTHCHECK per stage, a relative
 * first WORKDIR, the legacy `ENV key value` form, and secrets in ARG/ENV names.
 */
import { buildCheckMessages, type BuildCheckCollector } from '../parse/buildChecks';
import { expandVariables, noVariables } from '../parse/expandVariables';
import type { CommandSyntax } from '../parse/parseDockerfile';
import { parseShellWords } from '../parse/splitInstruction';

/** What a stage hands to the stages built on it. */
export interface InheritedDispatchState {
  /** A SHELL instruction ran (shell-form CMD/ENTRYPOINT then use it on purpose). */
  shellSet: boolean;
  /** A WORKDIR ran (only the first WORKDIR of a chain is judged). */
  workdirSet: boolean;
}

const SECRET_WORDS = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED_WORDS = /(?:_|^)(?:public|file|version)(?:_|$)/i;

/** Runs the dispatch-time checks over one stage's instructions, in order. */
export class StageDispatchChecks {
  private readonly usedOnce = new Map<string, CommandSyntax>();
  readonly state: InheritedDispatchState;

  constructor(
    private readonly checks: BuildCheckCollector,
    private readonly escapeToken: string,
    inherited: InheritedDispatchState | null,
  ) {
    this.state = { shellSet: inherited?.shellSet ?? false, workdirSet: inherited?.workdirSet ?? false };
  }

  /** Checks `runs` (for an inherited ONBUILD trigger, `written` is the ONBUILD instruction that holds it). */
  check(runs: CommandSyntax, written: CommandSyntax): void {
    switch (runs.command) {
      case 'shell':
        this.state.shellSet = true;
        break;
      case 'workdir':
        this.checkWorkdir(runs, written);
        break;
      case 'cmd':
      case 'entrypoint':
      case 'healthcheck':
        this.checkConfigInstruction(runs, written);
        break;
      case 'env':
      case 'label':
        this.checkKeyValues(runs, written);
        break;
      case 'arg':
        for (const word of runs.args) this.checkSecretName('ARG', word.split('=')[0], written);
        break;
    }
  }

  private checkWorkdir(runs: CommandSyntax, written: CommandSyntax): void {
    const path = runs.args[0] ?? '';
    // A path holding variables depends on the stage's values and is not judged.
    if (!this.state.workdirSet && !path.includes('$')) {
      const expanded = expandVariables(path, noVariables, this.escapeToken).value;
      if (!expanded.startsWith('/')) {
        this.checks.report('WorkdirRelativePath', buildCheckMessages.WorkdirRelativePath(expanded), written.line, written.range);
      }
    }
    this.state.workdirSet = true;
  }

  private checkConfigInstruction(runs: CommandSyntax, written: CommandSyntax): void {
    const previous = this.usedOnce.get(runs.command);
    if (previous) {
      this.checks.report('MultipleInstructionsDisallowed', buildCheckMessages.MultipleInstructionsDisallowed(runs.keyword), previous.line, previous.range);
    }
    this.usedOnce.set(runs.command, written);
    if (runs.command !== 'healthcheck' && !runs.json && !this.state.shellSet) {
      this.checks.report('JSONArgsRecommended', buildCheckMessages.JSONArgsRecommended(runs.keyword), written.line, written.range);
    }
  }

  private checkKeyValues(runs: CommandSyntax, written: CommandSyntax): void {
    const words = parseShellWords(runs.rest, 0, this.escapeToken).map((w) => w.text);
    if (words.length === 0) return;
    const keyword = runs.command.toUpperCase();
    const legacy = !words[0].includes('=');
    const keys = legacy ? [words[0]] : words.map((w) => w.split('=')[0]);
    for (const key of keys) {
      if (legacy) this.checks.report('LegacyKeyValueFormat', buildCheckMessages.LegacyKeyValueFormat(runs.keyword), written.line, written.range);
      if (keyword === 'ENV') this.checkSecretName('ENV', key, written);
    }
  }

  private checkSecretName(instruction: string, key: string, written: CommandSyntax): void {
    if (SECRET_WORDS.test(key) && !ALLOWED_WORDS.test(key)) {
      this.checks.report('SecretsUsedInArgOrEnv', buildCheckMessages.SecretsUsedInArgOrEnv(instruction, key), written.line, written.range);
    }
  }
}
