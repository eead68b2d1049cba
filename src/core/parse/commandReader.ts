import type { Range } from '../model';
import type { BuildCheckCollector } from './buildChecks';
import type { DocumentText } from './documentText';
import { applyInstructionRule, type InstructionRead } from './instructionRules';
import type { CommandSyntax } from './instructionSyntax';
import type { LogicalLine, ScannedInstruction } from './scanInstructions';
import { splitInstruction, type Span, type SplitInstruction, type Word } from './splitInstruction';

/**
 * Reads one scanned instruction into a `CommandSyntax` by its instruction's rule (`instructionRules.ts`), throwing
 * `ParseError` with BuildKit's message; knows the document, to give every part its range.
 */
export class CommandReader {
  constructor(
    private readonly doc: DocumentText,
    private readonly escapeToken: string,
    private readonly checks: BuildCheckCollector,
  ) {}

  /** The range of a whole instruction, from its first character to the end of its last line. */
  instructionRange(scanned: ScannedInstruction): Range {
    const start = this.doc.positionAt(scanned.logical.offsets[0] ?? this.doc.lineStarts[scanned.startLine]);
    const end = this.doc.lineRange(scanned.endLine).end;
    return { start, end };
  }

  read(scanned: ScannedInstruction): CommandSyntax {
    return this.readSplit(scanned, splitInstruction(scanned.logical, this.escapeToken), true);
  }

  private readSplit(scanned: ScannedInstruction, split: SplitInstruction, topLevel: boolean): CommandSyntax {
    const { logical } = scanned;
    const line = scanned.startLine + 1;
    const range = this.instructionRange(scanned);
    const read: InstructionRead = {
      syntax: {
        command: split.keyword.text.toLowerCase(),
        keyword: split.keyword.text,
        keywordRange: this.spanRange(logical, split.keyword),
        line,
        endLine: scanned.endLine + 1,
        range,
        flags: split.flags,
        args: [],
        json: false,
        rest: split.rest.text,
        text: logical.text.trim(),
        copyFrom: null,
        copyFromRange: null,
        mounts: [],
        trigger: null,
        triggerError: null,
        heredocNames: scanned.heredocs.map((h) => h.name),
      },
      scanned,
      split,
      escapeToken: this.escapeToken,
      flags: new Map(),
      spanRange: (span) => this.spanRange(logical, span),
      lint: (rule, message, replacement) => {
        if (topLevel) this.checks.report(rule, message, line, range, replacement);
      },
      lineWithWordReplaced: (word, replacement) => this.lineWithWordReplaced(scanned, word, replacement),
      readTrigger: (triggerSplit) => this.readSplit(scanned, triggerSplit, false),
    };
    applyInstructionRule(read);
    return read.syntax;
  }

  private spanRange(logical: LogicalLine, span: Span): Range {
    const start = logical.offsets[Math.min(span.start, logical.offsets.length - 1)];
    const end = span.end > span.start ? logical.offsets[span.end - 1] + 1 : start;
    return this.doc.rangeAt(start, end);
  }

  /**
   * The instruction's text with one word replaced, when the instruction is a single line without heredocs (so the
   * replacement of its whole range is exact), else undefined.
   */
  private lineWithWordReplaced(scanned: ScannedInstruction, word: Word, replacement: string): string | undefined {
    if (scanned.startLine !== scanned.endLine) return undefined;
    const { logical } = scanned;
    const start = logical.offsets[0];
    const lineEnd = this.doc.lineStarts[scanned.startLine] + this.doc.contentLength(scanned.startLine);
    const text = this.doc.text.slice(start, lineEnd);
    const wordStart = logical.offsets[word.start] - start;
    const wordEnd = logical.offsets[word.end - 1] + 1 - start;
    return text.slice(0, wordStart) + replacement + text.slice(wordEnd);
  }
}
