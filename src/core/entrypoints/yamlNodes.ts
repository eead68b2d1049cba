import { isAlias, isMap, isScalar, parseDocument, type Document, type Node, type Scalar } from 'yaml';
import type { DocumentText } from '../parse/documentText';
import type { Diagnostic } from '../model';
import type { LocatedValue, SourceLocation, ValueStyle } from './entryPointModel';

/**
 * Reading YAML (Compose files) and JSON (`docker-bake.json`, which YAML 1.2 reads too) with the positions the
 * `yaml` package keeps on every node.
 */

/** A parsed YAML or JSON document and its syntax errors as diagnostics. */
export interface ParsedYaml {
  document: Document.Parsed;
  diagnostics: Diagnostic[];
}

/** Parses one document; `<<` merge keys are honoured (Compose files use them to share settings). */
export function parseYaml(text: string, doc: DocumentText, code: string): ParsedYaml {
  const document = parseDocument(text, { merge: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = document.errors.map((error) => ({
    severity: 'error',
    code,
    message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
    range: doc.rangeAt(error.pos[0], Math.max(error.pos[1], error.pos[0])),
  }));
  return { document, diagnostics };
}

/** A node with aliases followed to their anchors. */
export function resolveNode(node: unknown, document: Document.Parsed): Node | null {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(document);
  return isAlias(current) ? null : ((current as Node | null | undefined) ?? null);
}

/** A key of a mapping and the node it maps to. */
export interface MapEntry {
  key: Scalar;
  value: Node | null;
}

/**
 * The entries of a mapping by key, merge keys (`<<: *anchor`, `<<: [*a, *b]`) applied: the mapping's own keys win,
 * then earlier merged mappings over later ones, as YAML's merge rule says.
 */
export function mapEntries(node: Node | null, document: Document.Parsed): Map<string, MapEntry> {
  const entries = new Map<string, MapEntry>();
  if (!isMap(node)) return entries;
  const merged: Map<string, MapEntry>[] = [];
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    if (typeof pair.key.value === 'symbol' || pair.key.value === '<<') {
      const source = resolveNode(pair.value, document);
      const sources = source && 'items' in source && !isMap(source) ? (source.items as unknown[]) : [pair.value];
      for (const item of sources) merged.push(mapEntries(resolveNode(item, document), document));
      continue;
    }
    entries.set(String(pair.key.value), { key: pair.key, value: resolveNode(pair.value, document) });
  }
  for (const mergedEntries of merged) {
    for (const [key, entry] of mergedEntries) if (!entries.has(key)) entries.set(key, entry);
  }
  return entries;
}

/** Where a node is written. */
export function nodeLocation(node: Node, path: string, doc: DocumentText): SourceLocation {
  const [start, end] = node.range ?? [0, 0];
  return { path, range: doc.rangeAt(start, end) };
}

/**
 * A scalar as a located string. Strings, numbers and booleans read as written in the file (so `1.10` stays
 * `1.10`); null (`~`, empty) is null. A quoted scalar whose characters between the quotes are exactly its value is a
 * literal located between its quotes; `interpolate` computes what the tool makes of `$` in the value (null: unknown).
 */
export function scalarValue(node: Node, path: string, doc: DocumentText, interpolate: (text: string) => string | null): LocatedValue | null {
  if (!isScalar(node)) return null;
  const [start, end] = node.range ?? [0, 0];
  const written = doc.text.slice(start, end);
  const style = scalarStyle(node);
  if (node.value === null) return null;
  const text = style === 'plain' ? written : String(node.value);
  const quoted = style === 'double-quoted' || style === 'single-quoted';
  const innerStart = quoted ? start + 1 : start;
  const innerEnd = quoted ? end - 1 : end;
  const exact = style !== null && doc.text.slice(innerStart, innerEnd) === text;
  const hasVariable = text.includes('$');
  return {
    value: hasVariable ? interpolate(text) : text,
    location: { path, range: exact ? doc.rangeAt(innerStart, innerEnd) : doc.rangeAt(start, end) },
    literal: exact && !hasVariable,
    style: exact && !hasVariable ? style : null,
  };
}

function scalarStyle(node: Scalar): ValueStyle | null {
  switch (node.type) {
    case 'PLAIN':
      return 'plain';
    case 'QUOTE_DOUBLE':
      return 'double-quoted';
    case 'QUOTE_SINGLE':
      return 'single-quoted';
    default:
      return null;
  }
}
