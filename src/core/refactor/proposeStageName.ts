import type { Stage, StageGraph } from '../model';
import { validateRefactorStageName } from './validateRefactorStageName';

/** What a stage's RUN commands say it does, most telling first. */
const COMMAND_ROLES: Array<[RegExp, string]> = [
  [/\b(go|cargo|dotnet|mvn|gradle|make|cmake|tsc|webpack|vite)\b[^&|;]*\b(build|install|package|compile)\b|\bnpm run build\b|\byarn build\b|\bmake\b/, 'build'],
  [/\b(go test|cargo test|npm test|npm run test|yarn test|pytest|tox)\b/, 'test'],
  [/\b(golangci-lint|eslint|flake8|ruff|cargo clippy)\b/, 'lint'],
  [/\b(npm ci|npm install|yarn install|pnpm install|pip install|pip wheel|go mod download|cargo fetch|bundle install|composer install)\b/, 'deps'],
];

/** A candidate made to fit BuildKit's stage-name rule `^[a-z][a-z0-9-_.]*$`, or null when nothing is left. */
function sanitize(candidate: string): string | null {
  const cleaned = candidate.toLowerCase().replace(/[^a-z0-9-_.]+/g, '-').replace(/^[^a-z]+/, '').replace(/[-_.]+$/, '');
  return cleaned === '' ? null : cleaned;
}

/** The short name of an image reference: `gcr.io/distroless/static-debian12:nonroot` -> `static-debian12`. */
export function imageShortName(image: string): string | null {
  const withoutDigest = image.split('@')[0];
  const lastSegment = withoutDigest.split('/').pop() ?? '';
  return sanitize(lastSegment.split(':')[0]);
}

function roleFromCommands(stage: Stage): string | null {
  const runs = stage.instructions.filter((instruction) => instruction.keyword === 'RUN').map((run) => run.text);
  for (const [pattern, role] of COMMAND_ROLES) {
    if (runs.some((run) => pattern.test(run))) return role;
  }
  return null;
}

/**
 * A sensible, valid and unused name for a stage: the role its RUN commands show (`build`, `test`, `lint`,
 * `deps`), else the short name of its base image (`golang:1.22` -> `golang`), else `stage-N`; `taken` holds
 * names already chosen for other stages in the same change.
 */
export function proposeStageName(graph: StageGraph, stageIndex: number, taken: ReadonlySet<string> = new Set()): string {
  const stage = graph.stages[stageIndex];
  const candidates: string[] = [];
  if (stage) {
    const role = roleFromCommands(stage);
    if (role) candidates.push(role);
    if (stage.baseImage && stage.baseImage.toLowerCase() !== 'scratch') {
      const short = imageShortName(stage.baseImage);
      if (short) candidates.push(short);
    }
  }
  candidates.push(`stage-${stageIndex}`);
  const usable = (name: string) => !taken.has(name) && validateRefactorStageName(graph, name, stageIndex) === null;
  for (const candidate of candidates) {
    if (usable(candidate)) return candidate;
  }
  // Bounded: a file cannot take more names than it has stages and references.
  const limit = graph.stages.length + graph.references.length + taken.size + 2;
  for (let suffix = 2; suffix < limit; suffix++) {
    const candidate = `${candidates[0]}-${suffix}`;
    if (usable(candidate)) return candidate;
  }
  return `${candidates[0]}-${limit}`;
}
