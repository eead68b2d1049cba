import type { StageGraph } from '../model';
import { DocumentText } from '../parse/documentText';
import { scanInstructions } from '../parse/scanInstructions';

/**
 * The lines of a Dockerfile with what refactorings need to place new text: the line ending in use, comment
 * lines, the parser-directive header, and which lines belong to an instruction (continuations and heredoc
 * bodies included), all 0-based.
 */
export class DockerfileLines {
  readonly lines: string[];
  /** `\r\n` when the file uses it, else `\n`. */
  readonly eol: string;
  /** Number of parser-directive lines at the top (`# syntax=`, `# escape=`, `# check=`). */
  readonly directiveLineCount: number;
  private readonly instructionLine: boolean[];

  constructor(text: string, graph: StageGraph) {
    this.lines = text.split(/\r?\n/);
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    // The parser's own reading: directives are the first lines, one each, until the first line that is not one.
    this.directiveLineCount = scanInstructions(new DocumentText(text)).directives.length;
    this.instructionLine = this.lines.map(() => false);
    const mark = (startLine: number, endLine: number) => {
      for (let line = startLine; line <= endLine && line < this.lines.length; line++) this.instructionLine[line] = true;
    };
    for (const arg of graph.metaArgs) mark(arg.range.start.line, arg.range.end.line);
    for (const stage of graph.stages) {
      mark(stage.ranges.from.start.line, stage.ranges.from.end.line);
      for (const instruction of stage.instructions) mark(instruction.range.start.line, instruction.range.end.line);
    }
  }

  /** A line that holds only a comment (and is not part of an instruction or the directive header). */
  isComment(line: number): boolean {
    return (
      line >= this.directiveLineCount &&
      !this.instructionLine[line] &&
      this.lines[line] !== undefined &&
      this.lines[line].trimStart().startsWith('#')
    );
  }

  /**
   * The first line of the comment block written directly above `line` (no blank line in between): the comments
   * that describe the instruction there, e.g. a stage's description above its FROM. `line` itself when none.
   */
  commentBlockStart(line: number): number {
    let start = line;
    while (start > 0 && this.isComment(start - 1)) start--;
    return start;
  }

  /**
   * The comments BuildKit's parser attaches to the instruction at `line` (`PrevComment`): every comment line
   * since the previous instruction, across blank lines, but none before an empty `#` line, which resets them.
   * `docker buildx build --call=targets` takes a stage's description from the one that starts with its name.
   */
  attachedComments(line: number): Array<{ line: number; text: string }> {
    const attached: Array<{ line: number; text: string }> = [];
    for (let above = line - 1; above >= this.directiveLineCount && !this.instructionLine[above]; above--) {
      const trimmed = this.lines[above].trim();
      if (trimmed === '') continue;
      if (!trimmed.startsWith('#')) break;
      const comment = trimmed.slice(1).trim();
      if (comment === '') break;
      attached.unshift({ line: above, text: comment });
    }
    return attached;
  }
}

/** The keyword `AS` in the casing that matches a FROM keyword as written (BuildKit lint `FromAsCasing`). */
export function asKeywordFor(fromKeyword: string): string {
  return fromKeyword === fromKeyword.toLowerCase() ? 'as' : 'AS';
}
