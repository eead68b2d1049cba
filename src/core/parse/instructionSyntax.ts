/** What an instruction is made of once read (`CommandReader`): the syntax the resolution and the editor work on. */
import type { Range } from '../model';
import type { FlagWord, Word } from './splitInstruction';

/** A `RUN --mount` as parsed before expansion. */
export interface MountSyntax {
  flag: FlagWord;
  from: string | null;
  fromRange: Range | null;
  options: Record<string, string>;
}

/** One instruction after FROM (or an ONBUILD trigger), with what the stage graph needs from it. */
export interface CommandSyntax {
  /** Lowercased keyword. */
  command: string;
  /** The keyword as written. */
  keyword: string;
  keywordRange: Range;
  /** 1-based lines, BuildKit's location. */
  line: number;
  endLine: number;
  /** The whole instruction, heredoc bodies included. */
  range: Range;
  flags: FlagWord[];
  /** Arguments: JSON strings, whitespace-separated words or the whole rest, as BuildKit's line parser gives them. */
  args: string[];
  json: boolean;
  /** The arguments' text after the flags. */
  rest: string;
  /** The instruction's text with continuations joined (heredoc bodies left out). */
  text: string;
  /** COPY --from flag. */
  copyFrom: FlagWord | null;
  copyFromRange: Range | null;
  mounts: MountSyntax[];
  /** For ONBUILD: the trigger instruction, and why BuildKit rejects it when the trigger runs (or null). */
  trigger: CommandSyntax | null;
  triggerError: string | null;
  /** Heredoc names (for COPY: sources written as heredocs). */
  heredocNames: string[];
}

/** A FROM instruction, with the ranges of its words. */
export interface FromSyntax extends CommandSyntax {
  baseName: Word & { range: Range };
  asKeyword: (Word & { range: Range }) | null;
  stageName: (Word & { range: Range }) | null;
  platform: FlagWord | null;
  platformRange: Range | null;
}

/** A stage as written: its FROM and the instructions after it. */
export interface StageSyntax {
  from: FromSyntax;
  /** Lowercased `AS` name, or null. */
  name: string | null;
  commands: CommandSyntax[];
}

/** An ARG declared before the first FROM. */
export interface MetaArgSyntax {
  name: string;
  /** The value after `=` as written, or null. */
  rawDefault: string | null;
  line: number;
  range: Range;
}
