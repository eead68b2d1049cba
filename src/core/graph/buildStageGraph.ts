/**
 * The stage graph of a Dockerfile, resolved exactly as BuildKit would build it: stages, the images and stages they
 * build on, what flows between them (COPY --from, RUN --mount from=), the target and what it needs, BuildKit's
 * verdict and build checks, and Stageflow's own hints.
 */
import { BuildCheckCollector, type BuildCheckFinding } from '../parse/buildChecks';
import { DocumentText } from '../parse/documentText';
import type { Diagnostic, Edge, ExternalImage, MetaArg, Range, ResolveOptions, Stage, StageGraph, StageReference } from '../model';
import { parseDockerfile, type ParsedDockerfile } from '../parse/parseDockerfile';
import { unquoteShellWord } from '../parse/unquoteShellWord';
import { resolveStages, type Resolution } from '../buildkit/resolveStages';
import { stageConfig, stageDescription, summarizeInstruction, type StageConfig } from './summarizeStage';
import { stageflowHints } from './stageflowHints';

/** Builds the graph of `text`; never throws (an internal failure becomes a graph with an error). */
export function buildStageGraph(text: string, options: ResolveOptions = {}): StageGraph {
  const resolved = withDefaults(options);
  try {
    return build(text, resolved);
  } catch (err) {
    const message = `stageflow internal error: ${err instanceof Error ? err.message : String(err)}`;
    const range: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return {
      ok: false,
      error: message,
      errorRange: range,
      escapeToken: '\\',
      syntax: null,
      metaArgs: [],
      stages: [],
      edges: [],
      references: [],
      images: [],
      target: null,
      reachable: [],
      diagnostics: [{ severity: 'error', code: 'stageflow.internalError', message, range }],
      options: resolved,
    };
  }
}

function withDefaults(options: ResolveOptions): Required<ResolveOptions> {
  const buildPlatform = options.buildPlatform || 'linux/amd64';
  return {
    target: options.target ?? '',
    buildArgs: { ...(options.buildArgs ?? {}) },
    buildPlatform,
    targetPlatform: options.targetPlatform || buildPlatform,
  };
}

function build(text: string, options: Required<ResolveOptions>): StageGraph {
  const doc = new DocumentText(text);
  const parsed = parseDockerfile(doc);
  // After a parse error BuildKit stops; the stages read so far are still resolved, for display only.
  const checks = parsed.error ? new BuildCheckCollector('skip=all') : parsed.checks;
  const resolution = resolveStages(parsed, doc, options, checks);
  const error = parsed.error ?? resolution.error;
  const reachable = parsed.error ? null : resolution.reachable;

  const stages = toStages(resolution, reachable, doc, new Set(parsed.directives.map((directive) => directive.line)));
  const references = toReferences(resolution);
  const diagnostics: Diagnostic[] = [];
  if (error) {
    diagnostics.push({ severity: 'error', code: error.code, message: error.message, range: error.range });
  }
  diagnostics.push(...parsed.checks.findings.map(toDiagnostic));
  const edges = toEdges(resolution.edges);
  diagnostics.push(...stageflowHints(stages, references, edges, resolution.target));

  return {
    ok: error === null,
    error: error?.message ?? null,
    errorRange: error?.range ?? null,
    escapeToken: parsed.escapeToken,
    syntax: parsed.syntax,
    metaArgs: toMetaArgs(parsed),
    stages,
    edges,
    references,
    images: toImages(resolution.edges, reachable),
    target: resolution.target,
    reachable: reachable ? [...reachable].sort((a, b) => a - b) : [],
    diagnostics,
    options,
  };
}

function toStages(resolution: Resolution, reachable: Set<number> | null, doc: DocumentText, directiveLines: ReadonlySet<number>): Stage[] {
  const configs: StageConfig[] = [];
  return resolution.stages.map((resolved) => {
    const { syntax } = resolved;
    const { from } = syntax;
    const last = syntax.commands[syntax.commands.length - 1];
    const config = stageConfig(syntax, resolved.baseStage !== null ? configs[resolved.baseStage] : null);
    configs.push(config);
    const end = last ? last.range.end : from.range.end;
    return {
      index: resolved.index,
      name: resolved.name,
      rawName: from.stageName?.text ?? null,
      displayName: resolved.displayName,
      label: resolved.name ?? `stage-${resolved.index}`,
      rawBaseName: from.baseName.text,
      baseName: resolved.baseName,
      baseStage: resolved.baseStage,
      baseImage: resolved.baseImage,
      rawPlatform: from.platform?.value ?? null,
      platform: resolved.platform,
      startLine: from.line,
      endLine: last ? last.endLine : from.endLine,
      reachable: reachable ? reachable.has(resolved.index) : null,
      isTarget: resolution.target === resolved.index,
      description: stageDescription(doc, from.range.start.line, directiveLines),
      instructionCount: syntax.commands.length,
      workdir: config.workdir,
      user: config.user,
      expose: config.expose,
      entrypoint: config.entrypoint,
      cmd: config.cmd,
      instructions: syntax.commands.map((c) => summarizeInstruction(c)),
      ranges: {
        stage: { start: from.range.start, end },
        from: from.range,
        baseName: from.baseName.range,
        name: from.stageName?.range ?? null,
        asKeyword: from.asKeyword?.range ?? null,
        platform: from.platformRange,
      },
    };
  });
}

/** The edges in the model's order: by the stage they lead to, then by line. */
function toEdges(edges: readonly Edge[]): Edge[] {
  return [...edges].sort((a, b) => a.to - b.to || a.line - b.line);
}

function toReferences(resolution: Resolution): StageReference[] {
  return resolution.references.map((r) => ({
    kind: r.kind,
    text: r.text,
    range: r.range,
    inStage: r.inStage,
    stage: r.source && 'stage' in r.source ? r.source.stage : null,
    via: r.via,
    onbuild: r.onbuild,
    line: r.line,
  }));
}

function toImages(edges: readonly Edge[], reachable: Set<number> | null): ExternalImage[] {
  const images = new Map<string, ExternalImage>();
  for (const edge of [...edges].sort((a, b) => a.line - b.line)) {
    if (!('image' in edge.from)) continue;
    const ref = edge.from.image;
    const used = reachable?.has(edge.to) ?? false;
    const known = images.get(ref);
    if (known) known.reachable ||= used;
    else images.set(ref, { ref, reachable: used });
  }
  return [...images.values()];
}

function toMetaArgs(parsed: ParsedDockerfile): MetaArg[] {
  return parsed.metaArgs.map((arg) => ({
    name: arg.name,
    default: arg.rawDefault === null ? null : unquoteShellWord(arg.rawDefault, parsed.escapeToken),
    line: arg.line,
    range: arg.range,
  }));
}


function toDiagnostic(finding: BuildCheckFinding): Diagnostic {
  const diagnostic: Diagnostic = { severity: 'warning', code: finding.rule, message: finding.message, range: finding.range, href: finding.href };
  if (finding.replacement !== undefined) diagnostic.fix = { title: `Change to '${finding.replacement}'`, replacement: finding.replacement };
  return diagnostic;
}
