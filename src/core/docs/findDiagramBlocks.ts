import type { Range, ResolveOptions } from '../model';
import { lineStarts } from '../parse/lineStarts';
import { parseMarkerArguments } from './parseMarkerArguments';

/**
 * One diagram block of a Markdown file: an opening marker `<!-- stageflow: path [--target T] [--build-arg K=V]... -->`
 * on a line of its own, the lines Stageflow owns, and the closing marker `<!-- /stageflow -->` on a line of its own.
 */
export interface DiagramBlock {
  /** 1-based line of the opening marker. */
  line: number;
  /** The Dockerfile as written in the marker: a path relative to the Markdown file. */
  dockerfile: string;
  /** `--target` and `--build-arg` of the marker, as `docker build` reads them. */
  options: ResolveOptions;
  /** The opening marker's text on its line (where an editor offers "Update stage diagram"). */
  markerRange: Range;
  /** The lines between the two markers, from the start of the line after the opening marker to the start of the
   *  closing marker's line: exactly what an update replaces. */
  contentRange: Range;
  /** The text of `contentRange` now. */
  content: string;
  /** The opening marker's line break (`\n` or `\r\n`): generated lines use it, so a CRLF file stays CRLF. */
  eol: string;
  /** Spaces and tabs before the opening marker, repeated before every generated line (a block in a list item). */
  indent: string;
}

/** A marker that cannot be read: unclosed, nested, stray, or with arguments Stageflow does not understand. */
export interface MarkerProblem {
  /** 1-based line of the marker at fault. */
  line: number;
  range: Range;
  message: string;
}

/** Every well-formed block of a Markdown file, and every marker that is not; a block with a problem is left out. */
export interface DiagramBlockScan {
  blocks: DiagramBlock[];
  problems: MarkerProblem[];
}

/** Up to three spaces, then three or more backticks or tildes (CommonMark's fence), and the info string. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const OPENING = /^([ \t]*)<!--\s*stageflow:(.*)$/;
const CLOSING_START = /^[ \t]*<!--\s*\/\s*stageflow\b/;
const CLOSING = /^[ \t]*<!--\s*\/stageflow\s*-->\s*$/;

/** Where a fenced code block is open: its fence character and length (a closing fence must be at least as long). */
interface OpenFence {
  char: string;
  length: number;
}

/**
 * Finds the diagram blocks of a Markdown text. Markers are recognised only on a line of their own and outside
 * fenced code blocks (so a README can show the syntax in an example); inside a block only the closing marker (or a
 * nested opening one, which is a problem) is looked for, since everything there is Stageflow's to replace.
 */
export function findDiagramBlocks(markdown: string): DiagramBlockScan {
  const starts = lineStarts(markdown);
  const lineText = (line: number): string => {
    const end = line + 1 < starts.length ? starts[line + 1] - 1 : markdown.length;
    const text = markdown.slice(starts[line], end);
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  };
  const blocks: DiagramBlock[] = [];
  const problems: MarkerProblem[] = [];
  const problemAt = (line: number, message: string): void => {
    problems.push({ line: line + 1, range: wholeLine(line, lineText(line)), message });
  };

  let fence: OpenFence | null = null;
  /** The open block: its marker line, what the marker says (null when it could not be read), a nested marker seen. */
  let open: { line: number; indent: string; parsed: ReturnType<typeof readOpeningMarker>; nested: boolean } | null = null;
  for (let line = 0; line < starts.length; line++) {
    const text = lineText(line);
    if (fence) {
      if (closesFence(text, fence)) fence = null;
      continue;
    }
    const opening = OPENING.exec(text);
    if (open) {
      if (opening) {
        problemAt(line, `a stageflow marker inside the block opened on line ${open.line + 1}: close that one first with <!-- /stageflow -->`);
        open.nested = true;
      } else if (CLOSING.test(text)) {
        if (open.parsed && 'dockerfile' in open.parsed && !open.nested) {
          blocks.push(blockBetween(markdown, starts, open.line, line, lineText(open.line), open.indent, open.parsed));
        }
        open = null;
      } else if (CLOSING_START.test(text)) {
        problemAt(line, 'a malformed closing marker: write it as <!-- /stageflow --> on a line of its own');
        open.nested = true;
      }
      continue;
    }
    if (opening) {
      const parsed = readOpeningMarker(opening[2]);
      if ('problem' in parsed) problemAt(line, parsed.problem);
      open = { line, indent: opening[1], parsed, nested: false };
      continue;
    }
    if (CLOSING_START.test(text)) {
      problemAt(line, 'a closing <!-- /stageflow --> marker with no <!-- stageflow: ... --> marker open above it');
      continue;
    }
    const fenceStart = FENCE.exec(text);
    if (fenceStart && !(fenceStart[1][0] === '`' && fenceStart[2].includes('`'))) {
      fence = { char: fenceStart[1][0], length: fenceStart[1].length };
    }
  }
  if (open) problemAt(open.line, 'this stageflow marker is never closed: add <!-- /stageflow --> on a line of its own after it');
  problems.sort((a, b) => a.line - b.line);
  return { blocks, problems };
}

/** The marker's arguments after `stageflow:`, which must end with `-->` on the same line. */
function readOpeningMarker(rest: string): ReturnType<typeof parseMarkerArguments> {
  const end = rest.indexOf('-->');
  if (end < 0) return { problem: 'the stageflow marker must end with --> on the same line' };
  if (rest.slice(end + 3).trim() !== '') return { problem: 'text after the stageflow marker: put the marker on a line of its own' };
  return parseMarkerArguments(rest.slice(0, end));
}

function closesFence(text: string, fence: OpenFence): boolean {
  const match = FENCE.exec(text);
  return match !== null && match[1][0] === fence.char && match[1].length >= fence.length && match[2].trim() === '';
}

function wholeLine(line: number, text: string): Range {
  return { start: { line, character: 0 }, end: { line, character: text.length } };
}

function blockBetween(
  markdown: string,
  starts: number[],
  openLine: number,
  closeLine: number,
  markerText: string,
  indent: string,
  parsed: { dockerfile: string; options: ResolveOptions },
): DiagramBlock {
  const contentStart = starts[openLine + 1];
  return {
    line: openLine + 1,
    dockerfile: parsed.dockerfile,
    options: parsed.options,
    markerRange: { start: { line: openLine, character: indent.length }, end: { line: openLine, character: markerText.trimEnd().length } },
    contentRange: { start: { line: openLine + 1, character: 0 }, end: { line: closeLine, character: 0 } },
    content: markdown.slice(contentStart, starts[closeLine]),
    eol: markdown[contentStart - 2] === '\r' ? '\r\n' : '\n',
    indent,
  };
}
