/**
 * Stageflow's own diagnostics, beyond BuildKit's: a reference that looks like a misspelt stage name, a stage
 * referenced by number (or by a number a mount cannot take), and a stage that is not built for the target.
 */
import type { Diagnostic, Edge, Stage, StageReference } from '../model';
import { editDistance } from '../parse/suggestName';

/** Official images short enough to look like stage names; a reference to one is an image on purpose. */
const COMMON_IMAGES = new Set([
  'alpine', 'busybox', 'centos', 'debian', 'golang', 'ubuntu', 'fedora', 'node', 'python', 'ruby', 'rust', 'nginx',
  'redis', 'postgres', 'mysql', 'httpd', 'php', 'perl', 'java', 'openjdk', 'maven', 'gradle', 'bash', 'docker',
  'caddy', 'traefik', 'mongo', 'memcached', 'rabbitmq', 'elixir', 'erlang', 'haskell', 'swift', 'julia', 'gcc',
]);

/** Closest stage name a reference probably meant, or null. */
export function likelyStageName(ref: string, candidates: readonly string[]): string | null {
  if (/[:/@$]/.test(ref) || COMMON_IMAGES.has(ref)) return null;
  const lower = ref.toLowerCase();
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of candidates) {
    const distance = name === lower ? 0 : editDistance(lower, name);
    const allowed = name.length >= 5 ? 2 : 1;
    if (distance <= allowed && distance < bestDistance && !(distance === 0 && ref === name)) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** A stage after the one a FROM starts whose name the FROM spells exactly. */
function laterStageNamed(stages: readonly Stage[], reference: StageReference): Stage | null {
  return stages.find((s) => s.index > reference.inStage && s.name !== null && s.name === reference.text) ?? null;
}

/**
 * A numeric `--from` past the last stage that BuildKit still resolves: its state list also holds the images other
 * `--from`s pulled (conformance case index-hits-implicit-image-state), so the number silently copies from an image.
 */
function indexHitsImageHint(stages: readonly Stage[], reference: StageReference, edges: readonly Edge[]): Diagnostic | null {
  const edge = edges.find((e) => e.via === 'index' && e.line === reference.line && e.ref === reference.text && 'image' in e.from);
  if (!edge || !('image' in edge.from)) return null;
  return {
    severity: 'warning',
    code: 'stageflow.indexHitsImage',
    message: `There is no stage ${reference.text} (the last is ${stages.length - 1}): BuildKit counts the images other --from options pull as extra states, so this copies from the image '${edge.from.image}'. Write the image or stage you mean.`,
    range: reference.range,
  };
}

/**
 * A mount's `from=` takes a stage name or an image, never an index (SEMANTICS.md, references table): `from=0` pulls
 * an image called `0`. Says which stage the number would have meant and, when that stage's name binds to it, offers
 * the name as the fix.
 */
function mountStageIndexHint(stages: readonly Stage[], reference: StageReference): Diagnostic {
  const meant = stages[Number(reference.text)];
  const intro = `RUN --mount from= takes no stage index: '${reference.text}' is pulled as an image named '${reference.text}'`;
  const hint: Diagnostic = { severity: 'warning', code: 'stageflow.mountStageIndex', message: `${intro}.`, range: reference.range };
  if (!meant || meant.index === reference.inStage) return hint;
  if (meant.name === null) {
    hint.message = `${intro}, not stage ${meant.index}; name that stage (FROM ... AS name) and mount it by name.`;
    return hint;
  }
  hint.message = `${intro}, not stage ${meant.index} ('${meant.name}'); mount it by name.`;
  const lastWithName = [...stages].reverse().find((s) => s.name === meant.name);
  if (lastWithName === meant) hint.fix = { title: `Mount stage '${meant.name}'`, replacement: meant.name };
  return hint;
}

/**
 * `stageflow.misspeltStage`, `stageflow.laterStageInFrom`, `stageflow.mountStageIndex`, `stageflow.indexHitsImage`,
 * `stageflow.numericStageRef` and `stageflow.unreachableStage`.
 */
export function stageflowHints(stages: readonly Stage[], references: readonly StageReference[], edges: readonly Edge[], target: number | null): Diagnostic[] {
  const hints: Diagnostic[] = [];
  // An image the file also builds on (FROM node:20 ... COPY --from=node) is used as an image on purpose.
  const repository = (image: string | null) => (image ?? '').split(/[:@]/)[0];
  const usedAsBase = (reference: StageReference) =>
    stages.some((s) => !(reference.kind === 'from' && s.index === reference.inStage) && repository(s.baseImage) === reference.text);
  for (const reference of references) {
    const later = reference.kind === 'from' && reference.via === 'image' ? laterStageNamed(stages, reference) : null;
    if (later) {
      hints.push({
        severity: 'warning',
        code: 'stageflow.laterStageInFrom',
        message: `'${reference.text}' is a stage defined further down (line ${later.startLine}); FROM only sees earlier stages, so this pulls the image '${reference.text}'.`,
        range: reference.range,
      });
    } else if (reference.kind === 'mount' && reference.via === 'image' && /^\+?\d+$/.test(reference.text)) {
      hints.push(mountStageIndexHint(stages, reference));
    } else if (reference.via === 'image' && !usedAsBase(reference)) {
      // FROM only sees earlier stages; --from and mounts see every stage but their own.
      const candidates = stages
        .filter((s) => s.name !== null && (reference.kind === 'from' ? s.index < reference.inStage : s.index !== reference.inStage))
        .map((s) => s.name!);
      const name = likelyStageName(reference.text, candidates);
      if (name) {
        hints.push({
          severity: 'warning',
          code: 'stageflow.misspeltStage',
          message: `'${reference.text}' is not a stage, so it is pulled as an image; did you mean stage '${name}'?`,
          range: reference.range,
          fix: { title: `Use stage '${name}'`, replacement: name },
        });
      }
    }
    if (reference.via === 'index' && reference.stage === null) {
      const hint = indexHitsImageHint(stages, reference, edges);
      if (hint) hints.push(hint);
    }
    if (reference.via === 'index' && reference.stage !== null) {
      const stage = stages[reference.stage];
      const lastWithName = stage.name === null ? undefined : [...stages].reverse().find((s) => s.name === stage.name);
      const diagnostic: Diagnostic = {
        severity: 'hint',
        code: 'stageflow.numericStageRef',
        message: stage.name
          ? `Stage ${reference.text} is '${stage.name}': refer to it by name, which survives reordering.`
          : `Stage ${reference.text} is referenced by number: name it (FROM ... AS name) and refer to it by name.`,
        range: reference.range,
      };
      if (stage.name && lastWithName === stage) diagnostic.fix = { title: `Refer to stage '${stage.name}' by name`, replacement: stage.name };
      hints.push(diagnostic);
    }
  }
  const targetLabel = target === null ? null : stages[target]?.label;
  for (const stage of stages) {
    if (stage.reachable !== false) continue;
    hints.push({
      severity: 'hint',
      code: 'stageflow.unreachableStage',
      message: `Stage '${stage.label}' is not built for target '${targetLabel}'.`,
      range: stage.ranges.from,
    });
  }
  return hints;
}
