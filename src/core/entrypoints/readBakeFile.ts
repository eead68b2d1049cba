import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { DocumentText } from '../parse/documentText';
import type { Range } from '../model';
import type { FileDiagnostic, SourceFile } from './entryPointModel';
import { entryPointFileKind } from './entryPointFileKind';
import type { HclBlock, HclBody, HclExpression } from './hcl/hclSyntax';
import { parseHcl } from './hcl/parseHcl';
import { MALFORMED_FILE_CODE } from './readComposeFile';
import { mapEntries, parseYaml } from './yamlNodes';

/** One Bake file read into HCL's syntax tree (JSON files too), with its syntax errors. */
export interface BakeFileReading {
  path: string;
  body: HclBody;
  diagnostics: FileDiagnostic[];
}

/** The block types of a Bake file, which JSON writes as `{"target": {"name": {...}}}`. */
const BLOCK_TYPES = new Set(['target', 'group', 'variable', 'function']);

/**
 * Reads a `docker-bake.hcl` or `docker-bake.json` into one syntax tree, so Bake's rules are applied once for both
 * syntaxes. In JSON, as in HCL's JSON syntax, strings are templates (`"${TAG}"` interpolates). A syntax error
 * becomes a diagnostic and the file contributes what parsed before it; never throws.
 */
export function readBakeFile(file: SourceFile): BakeFileReading {
  const malformed = (message: string, range: Range): FileDiagnostic => ({
    path: file.path,
    diagnostic: { severity: 'error', code: MALFORMED_FILE_CODE, message, range },
  });
  if (entryPointFileKind(file.path)?.syntax === 'json') {
    const doc = new DocumentText(file.text);
    const { document, diagnostics } = parseYaml(file.text, doc, MALFORMED_FILE_CODE);
    const empty: HclBody = { attributes: [], blocks: [] };
    if (diagnostics.length > 0) return { path: file.path, body: empty, diagnostics: diagnostics.map((diagnostic) => ({ path: file.path, diagnostic })) };
    if (!isMap(document.contents)) {
      return { path: file.path, body: empty, diagnostics: [malformed('A Bake JSON file holds an object at the top level', doc.lineRange(0))] };
    }
    return { path: file.path, body: jsonBody(document.contents, document, doc), diagnostics: [] };
  }
  const { body, error } = parseHcl(file.text);
  return { path: file.path, body, diagnostics: error ? [malformed(error.message, error.range)] : [] };
}

function jsonBody(node: Node, document: Document.Parsed, doc: DocumentText): HclBody {
  const body: HclBody = { attributes: [], blocks: [] };
  for (const [name, entry] of mapEntries(node, document)) {
    const nameRange = keyRange(entry.key, doc);
    if (BLOCK_TYPES.has(name) && isMap(entry.value)) {
      for (const [label, block] of mapEntries(entry.value, document)) {
        const labelRange = keyRange(block.key, doc);
        const blockBody = block.value && isMap(block.value) ? jsonBody(block.value, document, doc) : { attributes: [], blocks: [] };
        const end = block.value?.range ? doc.positionAt(block.value.range[1]) : labelRange.end;
        body.blocks.push({ type: name, typeRange: nameRange, labels: [{ value: label, range: labelRange }], body: blockBody, range: { start: labelRange.start, end } } satisfies HclBlock);
      }
      continue;
    }
    const expression = jsonExpression(entry.value, document, doc, nameRange);
    body.attributes.push({ name, nameRange, expression, range: { start: nameRange.start, end: expression.range.end } });
  }
  return body;
}

/** A JSON key's span without its quotes. */
function keyRange(key: Node, doc: DocumentText): Range {
  const [start, end] = key.range ?? [0, 0];
  const quoted = isScalar(key) && (key.type === 'QUOTE_DOUBLE' || key.type === 'QUOTE_SINGLE');
  return doc.rangeAt(quoted ? start + 1 : start, quoted ? end - 1 : end);
}

function jsonExpression(node: Node | null, document: Document.Parsed, doc: DocumentText, fallback: Range): HclExpression {
  const range = node?.range ? doc.rangeAt(node.range[0], node.range[1]) : fallback;
  if (node === null || (isScalar(node) && node.value === null)) return { kind: 'literal', value: null, range };
  if (isSeq(node)) return { kind: 'tuple', items: node.items.map((item) => jsonExpression(item as Node, document, doc, range)), range };
  if (isMap(node)) {
    const items = [...mapEntries(node, document)].map(([key, entry]) => {
      const keyText = keyRange(entry.key, doc);
      return {
        key: { kind: 'template', parts: [{ text: key, range: keyText }], plainText: key, contentRange: keyText, hasDirective: false, range: keyText } as HclExpression,
        value: jsonExpression(entry.value, document, doc, keyText),
      };
    });
    return { kind: 'object', items, range };
  }
  if (isScalar(node) && typeof node.value === 'string') return jsonString(node.value, node, doc, range);
  if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) return { kind: 'literal', value: node.value, range };
  return { kind: 'unsupported', what: 'JSON value', range };
}

/**
 * A JSON string as a template. Plain text written without escapes is a literal located between its quotes; text
 * with `${`/`%{` is parsed as an HCL template (its parts keep the string's range: only the whole is ever edited).
 */
function jsonString(value: string, node: Node, doc: DocumentText, range: Range): HclExpression {
  const [start, end] = node.range ?? [0, 0];
  const inner = doc.rangeAt(start + 1, end - 1);
  if (!value.includes('${') && !value.includes('%{')) {
    const exact = doc.text.slice(start + 1, end - 1) === value;
    return { kind: 'template', parts: value === '' ? [] : [{ text: value, range: inner }], plainText: exact ? value : null, contentRange: exact ? inner : range, hasDirective: false, range };
  }
  const parsed = parseHcl(`v = <<EOT\n${value}\nEOT\n`);
  const expression = parsed.body.attributes[0]?.expression;
  if (parsed.error || expression?.kind !== 'template') return { kind: 'unsupported', what: 'template', range };
  // The heredoc adds a final newline that the JSON string does not have.
  const parts = expression.parts.map((part) => ('text' in part ? { text: part.text, range } : part));
  const last = parts[parts.length - 1];
  if (last && 'text' in last) last.text = last.text.replace(/\n$/, '');
  if (last && 'text' in last && last.text === '') parts.pop();
  return { kind: 'template', parts, plainText: null, contentRange: range, hasDirective: expression.hasDirective, range };
}
