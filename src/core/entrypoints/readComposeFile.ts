import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { DocumentText } from '../parse/documentText';
import type { Diagnostic } from '../model';
import type { BuildSettings } from './buildSettings';
import type { BuildArg, FileDiagnostic, LocatedValue, SourceFile, SourceLocation } from './entryPointModel';
import { interpolateCompose } from './interpolateCompose';
import { mapEntries, nodeLocation, parseYaml, scalarValue } from './yamlNodes';

/** The diagnostic code of a file that cannot be read as what its name says (bad syntax, wrong shape). */
export const MALFORMED_FILE_CODE = 'stageflow.malformedEntryPointFile';

/** The `build` settings one Compose file gives a service (unset fields are `undefined`, see `BuildSettings`). */
export interface ComposeBuildSettings extends BuildSettings {
  service: string;
  serviceLocation: SourceLocation;
}

/** What one Compose file says about builds. */
export interface ComposeFileReading {
  path: string;
  services: ComposeBuildSettings[];
  diagnostics: FileDiagnostic[];
}

/**
 * Reads the services that have a `build` from one Compose file: `build: PATH` (the context) or a mapping with
 * `context`, `dockerfile`, `dockerfile_inline`, `target` and `args` (a mapping, or a list of `NAME=value` and
 * `NAME`). Merge keys and anchors are followed; `${VAR:-default}` takes its default. Syntax errors and settings of
 * the wrong shape become diagnostics; never throws.
 */
export function readComposeFile(file: SourceFile): ComposeFileReading {
  const doc = new DocumentText(file.text);
  const { document, diagnostics } = parseYaml(file.text, doc, MALFORMED_FILE_CODE);
  const reading: ComposeFileReading = { path: file.path, services: [], diagnostics: diagnostics.map((diagnostic) => ({ path: file.path, diagnostic })) };
  if (diagnostics.length > 0) return reading;
  const problem = (node: Node, message: string) => reading.diagnostics.push({ path: file.path, diagnostic: malformed(message, nodeLocation(node, file.path, doc).range) });
  const top = document.contents;
  if (top === null || (isScalar(top) && top.value === null)) return reading;
  if (!isMap(top)) {
    problem(top, 'A Compose file holds a mapping (services:, volumes:, ...) at the top level');
    return reading;
  }
  const services = mapEntries(top, document).get('services');
  if (!services?.value) return reading;
  if (!isMap(services.value)) {
    problem(services.value, '`services` must be a mapping of service names to their settings');
    return reading;
  }
  for (const [name, entry] of mapEntries(services.value, document)) {
    const build = entry.value && isMap(entry.value) ? mapEntries(entry.value, document).get('build') : undefined;
    if (!build?.value) continue;
    const settings = readBuild(name, nodeLocation(entry.key, file.path, doc), build.value, document, file.path, doc, problem);
    if (settings) reading.services.push(settings);
  }
  return reading;
}

type Problem = (node: Node, message: string) => void;

function readBuild(service: string, serviceLocation: SourceLocation, build: Node, document: Document.Parsed, path: string, doc: DocumentText, problem: Problem): ComposeBuildSettings | null {
  const value = (node: Node | null) => (node ? scalarValue(node, path, doc, interpolateCompose) : null);
  if (isScalar(build)) return { service, serviceLocation, context: value(build), args: [] };
  if (!isMap(build)) {
    problem(build, `The build of service ${service} must be a context path or a mapping`);
    return null;
  }
  const fields = mapEntries(build, document);
  const settings: ComposeBuildSettings = { service, serviceLocation, args: [] };
  for (const field of ['context', 'dockerfile', 'target'] as const) {
    const entry = fields.get(field);
    if (!entry) continue;
    if (entry.value && !isScalar(entry.value)) {
      problem(entry.value, `\`${field}\` of service ${service} must be a string`);
      continue;
    }
    settings[field] = value(entry.value);
  }
  if (fields.has('dockerfile_inline')) settings.inline = true;
  const args = fields.get('args')?.value;
  if (args) settings.args = readArgs(service, args, document, path, doc, problem);
  return settings;
}

/** `args:` as a mapping (`NAME: value`) or a list (`- NAME=value`, `- NAME`). */
function readArgs(service: string, args: Node, document: Document.Parsed, path: string, doc: DocumentText, problem: Problem): BuildArg[] {
  const result: BuildArg[] = [];
  if (isMap(args)) {
    for (const [name, entry] of mapEntries(args, document)) {
      const value = entry.value ? scalarValue(entry.value, path, doc, interpolateCompose) : null;
      if (entry.value && !isScalar(entry.value)) problem(entry.value, `Build arg ${name} of service ${service} must be a string`);
      result.push({ name, nameLocation: nodeLocation(entry.key, path, doc), value });
    }
    return result;
  }
  if (!isSeq(args)) {
    problem(args, `\`args\` of service ${service} must be a mapping or a list of NAME=value`);
    return result;
  }
  for (const item of args.items) {
    const node = item as Node;
    if (!isScalar(node) || typeof node.value !== 'string') {
      problem(node, `Each build arg of service ${service} must be NAME=value or NAME`);
      continue;
    }
    result.push(listArg(node.value, scalarValue(node, path, doc, interpolateCompose), path, doc));
  }
  return result;
}

/** `NAME=value` in a list: the name and the value, each located inside the item when the item is a literal. */
function listArg(text: string, item: LocatedValue | null, path: string, doc: DocumentText): BuildArg {
  const equals = text.indexOf('=');
  const name = equals >= 0 ? text.slice(0, equals) : text;
  const whole = item?.location ?? { path, range: doc.lineRange(0) };
  if (!item?.literal) {
    const value = equals >= 0 ? { value: interpolateCompose(text.slice(equals + 1)), location: whole, literal: false, style: null } : null;
    return { name, nameLocation: whole, value };
  }
  const start = doc.offsetAt(whole.range.start);
  const nameLocation = { path, range: doc.rangeAt(start, start + name.length) };
  if (equals < 0) return { name, nameLocation, value: null };
  const valueText = text.slice(equals + 1);
  return {
    name,
    nameLocation,
    value: { value: valueText, location: { path, range: doc.rangeAt(start + equals + 1, start + text.length) }, literal: true, style: item.style },
  };
}

function malformed(message: string, range: Diagnostic['range']): Diagnostic {
  return { severity: 'error', code: MALFORMED_FILE_CODE, message, range };
}
