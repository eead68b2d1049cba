/**
 * The stage graph: what BuildKit would build from one Dockerfile, as plain JSON-serialisable data.
 *
 * Field names and meanings follow `test/fixtures/conformance/README.md` (BuildKit's own verdicts), so a
 * conformance test can compare them directly. Lines are 1-based like BuildKit's; every `Range` is 0-based
 * (line and character, end exclusive) like the editor's, so adapters translate without arithmetic.
 */

/** A 0-based position in the document (UTF-16 code units, like VS Code). */
export interface Position {
  line: number;
  character: number;
}

/** A 0-based, end-exclusive span of the document. */
export interface Range {
  start: Position;
  end: Position;
}

/** Inputs that change how a Dockerfile resolves, as `docker build` flags would. */
export interface ResolveOptions {
  /** `--target`: a stage name (case-insensitive). Empty or absent: the last stage. */
  target?: string;
  /** `--build-arg K=V` overrides for meta ARGs (declared before the first FROM). */
  buildArgs?: Record<string, string>;
  /** The platform of the machine that builds; default `linux/amd64`. */
  buildPlatform?: string;
  /** `--platform`: the platform the image is built for; default the build platform. */
  targetPlatform?: string;
}

/** An ARG declared before the first FROM (visible in FROM lines and overridable with `--build-arg`). */
export interface MetaArg {
  name: string;
  /** Default as written after `=` (quotes removed), or null when there is none. */
  default: string | null;
  /** 1-based line of the ARG instruction. */
  line: number;
  range: Range;
}

/** One instruction of a stage, summarised for outlines and hovers. */
export interface InstructionSummary {
  /** Upper-cased keyword, e.g. `RUN`, `COPY`, `ONBUILD`. */
  keyword: string;
  /** The instruction's text on one line, continuations folded, shortened to a readable length. */
  text: string;
  /** 1-based first and last line. */
  startLine: number;
  endLine: number;
  /** The whole instruction, heredoc bodies included. */
  range: Range;
}

/** One build stage: a FROM and the instructions up to the next FROM. */
export interface Stage {
  /** 0-based, in file order. */
  index: number;
  /** The `AS` name, lowercased (BuildKit's form), or null when unnamed. */
  name: string | null;
  /** The `AS` name exactly as written. */
  rawName: string | null;
  /** BuildKit's display name: the name, `stage-N` when unnamed, empty in a one-stage file. */
  displayName: string;
  /** A label for people: the name, else `stage-N`. */
  label: string;
  /** The FROM image text as written (before meta-ARG expansion). */
  rawBaseName: string;
  /** The FROM image after meta-ARG expansion. */
  baseName: string;
  /** Index of the earlier stage this one builds on, or null. */
  baseStage: number | null;
  /** The external image this one builds on (`scratch` included), or null when it builds on a stage. */
  baseImage: string | null;
  /** `--platform` as written, or null. */
  rawPlatform: string | null;
  /** `--platform` after expansion, or null when not given. */
  platform: string | null;
  /** 1-based line of FROM, and the last line of the stage's last instruction. */
  startLine: number;
  endLine: number;
  /** Built for the target? null when BuildKit failed before computing reachability. */
  reachable: boolean | null;
  isTarget: boolean;
  /** The comment lines directly above FROM (what `docker buildx build --call=targets` shows), or null. */
  description: string | null;
  /** Instructions after FROM. */
  instructionCount: number;
  /** Effective WORKDIR, USER, ENTRYPOINT, CMD (inherited through base stages), exposed ports of this stage. */
  workdir: string | null;
  user: string | null;
  expose: string[];
  entrypoint: string | null;
  cmd: string | null;
  /** The stage's instructions after FROM, in order. */
  instructions: InstructionSummary[];
  ranges: {
    /** FROM line to the end of the stage's last instruction. */
    stage: Range;
    /** The FROM instruction. */
    from: Range;
    /** The image / base-stage argument of FROM. */
    baseName: Range;
    /** The name after `AS`, or null. */
    name: Range | null;
    /** The `AS` keyword, or null. */
    asKeyword: Range | null;
    /** The `--platform` flag value, or null. */
    platform: Range | null;
  };
}

/** Where an edge comes from: an earlier stage, or an external image (`scratch` included). */
export type EdgeSource = { stage: number } | { image: string };

/** A path that a COPY or mount carries from one stage to another. */
export interface Artifact {
  /** COPY: the source paths; mount: the `source=` path (default `/`). */
  sources: string[];
  /** COPY: the destination; mount: the `target=` path. */
  destination: string;
  /** Flags that change what lands: COPY `--chown`, `--chmod`, `--link`, `--parents`, `--exclude`; mount `type`,
   *  `source`, `target`, `readonly`/`rw` and the like, keys lowercased. */
  flags: Record<string, string>;
}

/**
 * One dependency. `from` edges come from FROM, `copy` from `COPY --from`, `mount` from `RUN --mount=...,from=`.
 * ONBUILD-inherited edges carry the child's FROM line and `onbuild: true`.
 */
export interface Edge {
  from: EdgeSource;
  to: number;
  kind: 'from' | 'copy' | 'mount';
  /** The reference as written (for FROM, after meta-ARG expansion). */
  ref: string;
  via: 'name' | 'index' | 'image' | 'scratch';
  /** 1-based line of the instruction (for ONBUILD-inherited edges, of the child's FROM). */
  line: number;
  onbuild?: boolean;
  /** For copy and mount edges: what flows. */
  artifact?: Artifact;
  /** The instruction that makes this edge (for ONBUILD-inherited edges, the trigger in the parent). */
  range: Range;
}

/**
 * Every place the file names a stage or an image in FROM, `--from` or mount `from=`, with what it binds to.
 * The one reference finder: graph edges, CodeLens, rename, diagnostics and refactorings all read this.
 */
export interface StageReference {
  kind: 'from' | 'copy' | 'mount';
  /** As written (unexpanded). */
  text: string;
  /** The exact span of `text` (for `--from=x`, only `x`). */
  range: Range;
  /** The stage the reference is written in (for FROM, the stage it starts). */
  inStage: number;
  /** Resolved stage index, or null when it names an image, is invalid, or does not resolve. */
  stage: number | null;
  via: 'name' | 'index' | 'image' | 'scratch' | 'invalid';
  /** Written inside an `ONBUILD` trigger. */
  onbuild: boolean;
  /** 1-based line. */
  line: number;
}

/** How loudly the editor shows a diagnostic. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A problem or hint, with a stable code. */
export interface Diagnostic {
  severity: Severity;
  /** BuildKit's rule name (e.g. `StageNameCasing`) for its checks and errors, or `stageflow.*` for ours. */
  code: string;
  message: string;
  range: Range;
  /** Where the rule is documented, when a page exists. */
  href?: string;
  /** A certain fix: replace `range` with `replacement`. */
  fix?: { title: string; replacement: string };
}

/** An external image that a stage builds on, copies from or mounts (`scratch` included, though it is not pulled). */
export interface ExternalImage {
  ref: string;
  /** Used by a stage that is built for the target. */
  reachable: boolean;
}

/** The whole resolved graph of one Dockerfile. */
export interface StageGraph {
  /** Whether BuildKit would accept the file for the chosen target. */
  ok: boolean;
  /** BuildKit's message when not ok. */
  error: string | null;
  /** Where the error sits, when known. */
  errorRange: Range | null;
  escapeToken: string;
  /** The `# syntax=` directive, or null. */
  syntax: string | null;
  metaArgs: MetaArg[];
  stages: Stage[];
  /** Sorted by `to`, then `line`. */
  edges: Edge[];
  references: StageReference[];
  /** External images named by FROM, `--from` or mounts, in first-use order (`scratch` included). */
  images: ExternalImage[];
  /** Index of the target stage, or null when the file has no stage or the target is unknown. */
  target: number | null;
  /** Stage indexes built for the target, ascending (empty when not ok before reachability). */
  reachable: number[];
  diagnostics: Diagnostic[];
  /** The options the graph was resolved with, defaults filled in. */
  options: Required<ResolveOptions>;
}

/** A minimal replacement of one span of the document. Edits of one change never overlap. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** What a refactoring returns: the edits that apply it, or why it cannot keep the build's meaning. */
export type RefactorResult = { edits: TextEdit[] } | { refused: string };
