import type { Range } from '../../model';

/**
 * The syntax tree of an HCL file (native syntax, or JSON read into the same shape), every node with its exact range.
 * Only what Bake files use is kept in detail; expressions that Stageflow never evaluates (for expressions, splats,
 * template directives) are still parsed, so the file's structure and later positions stay right.
 */

/** A file's or a block's contents, in source order. */
export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

/** `name = expression`. */
export interface HclAttribute {
  name: string;
  nameRange: Range;
  expression: HclExpression;
  /** From the name to the end of the expression. */
  range: Range;
}

/** A block label: `"name"` or a bare identifier. */
export interface HclLabel {
  value: string;
  /** The label without its quotes. */
  range: Range;
}

/** `type "label" ... { body }`. */
export interface HclBlock {
  type: string;
  typeRange: Range;
  labels: HclLabel[];
  body: HclBody;
  /** From the type to the closing brace. */
  range: Range;
}

/** One piece of a template: literal text, or an interpolated expression (`${...}`). */
export type HclTemplatePart = { text: string; range: Range } | { expression: HclExpression };

/** Any expression. Every node spans `range` in the source. */
export type HclExpression =
  | { kind: 'literal'; value: number | boolean | null; range: Range }
  | {
      kind: 'template';
      parts: HclTemplatePart[];
      /**
       * The literal value when the template is plain text, written exactly as its value (no escapes, no
       * interpolation), so an edit of `contentRange` changes the value and nothing else; otherwise null.
       */
      plainText: string | null;
      /** Inside the quotes (or the heredoc's lines). */
      contentRange: Range;
      /** Holds a `%{...}` directive, which Stageflow does not evaluate. */
      hasDirective: boolean;
      range: Range;
    }
  | { kind: 'variable'; name: string; range: Range }
  | { kind: 'tuple'; items: HclExpression[]; range: Range }
  | { kind: 'object'; items: HclObjectItem[]; range: Range }
  | { kind: 'call'; name: string; args: HclExpression[]; expandFinal: boolean; range: Range }
  | { kind: 'getAttr'; target: HclExpression; name: string; range: Range }
  | { kind: 'index'; target: HclExpression; key: HclExpression; range: Range }
  | { kind: 'unary'; operator: '!' | '-'; operand: HclExpression; range: Range }
  | { kind: 'binary'; operator: string; left: HclExpression; right: HclExpression; range: Range }
  | { kind: 'conditional'; condition: HclExpression; whenTrue: HclExpression; whenFalse: HclExpression; range: Range }
  /** For expressions and splats: parsed for their extent only. */
  | { kind: 'unsupported'; what: string; range: Range };

/** `key = value` (or `key: value`) inside an object constructor; a bare identifier key is its own name. */
export interface HclObjectItem {
  key: HclExpression;
  value: HclExpression;
}

/** An HCL syntax error: the message and where the parser stopped. */
export interface HclSyntaxError {
  message: string;
  range: Range;
}

/** What parsing a file gives: the body as far as it parsed, and the first error, if any. */
export interface HclParseResult {
  body: HclBody;
  error: HclSyntaxError | null;
}
