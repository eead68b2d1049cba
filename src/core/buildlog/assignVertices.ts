import type { StageGraph } from '../model';
import type { BuildLog, LogMismatch, LogVertex } from './model';
import type { PlannedStep } from './planBuildSteps';

/** The vertices BuildKit labelled with each planned step: `[stage][step]`, in order of appearance. */
export type StepVertices = LogVertex[][][];

/**
 * Finds each labelled vertex's step: the stage by its display name (`stage-N` when unnamed, none in a one-stage
 * file), then the step by its printed instruction; among equal instructions (`RUN make` twice) BuildKit's `k`
 * decides, else the first one not taken. A vertex that fits no stage or no instruction, or a FROM of another image,
 * means the log is of another Dockerfile (or of another version of this one): that is returned instead of a guess.
 */
export function assignVertices(log: BuildLog, graph: StageGraph, plan: readonly PlannedStep[][]): StepVertices | LogMismatch {
  const stagesByName = new Map<string, number[]>();
  for (const stage of graph.stages) stagesByName.set(stage.displayName, [...(stagesByName.get(stage.displayName) ?? []), stage.index]);
  const assigned: StepVertices = plan.map((steps) => steps.map(() => []));
  const taken = new Set<string>();
  // A long log repeats the same labels (several builds, several platforms): match each text once.
  const candidatesOf = new Map<string, { step: PlannedStep; index: number }[]>();
  for (const vertex of log.vertices) {
    const label = vertex.label;
    if (!label) continue;
    const where = `log line ${vertex.firstLine + 1}`;
    const stages = stagesByName.get(label.stage);
    if (!stages) return mismatch(vertex, `${where}: ${unknownStage(label.stage, graph, vertex.name)}`);
    const key = `${label.stage}\n${label.instruction}`;
    let candidates = candidatesOf.get(key);
    if (!candidates) {
      candidates = stages.flatMap((stage) => plan[stage].flatMap((step, index) => (step.matches(label.instruction) ? [{ step, index }] : [])));
      candidatesOf.set(key, candidates);
    }
    const free = candidates.filter((candidate) => !taken.has(takenKey(candidate.step, label.platform)));
    const chosen = free.find((candidate) => candidate.step.position === label.index) ?? free[0] ?? candidates[0];
    if (!chosen) {
      return mismatch(vertex, `${where}: '${label.instruction}' is not an instruction of stage '${stageLabel(label.stage)}' in this Dockerfile`);
    }
    const step = chosen.step;
    if (step.image !== null) {
      const printed = label.instruction.replace(/^\S+\s+/, '');
      const image = step.image.includes('@') ? printed : printed.replace(/@.*$/, '');
      if (image !== step.image) {
        return mismatch(vertex, `${where}: stage '${stageLabel(label.stage)}' builds on ${step.image} in this Dockerfile, on ${printed} in the log`);
      }
    }
    taken.add(takenKey(step, label.platform));
    assigned[step.stage][chosen.index].push(vertex);
  }
  return assigned;
}

function takenKey(step: PlannedStep, platform: string | null): string {
  return `${step.stage} ${step.line} ${step.keyword} ${platform ?? ''}`;
}

function stageLabel(displayName: string): string {
  return displayName === '' ? 'the only stage' : displayName;
}

function unknownStage(name: string, graph: StageGraph, header: string): string {
  if (graph.stages.length === 0) return 'this Dockerfile has no stage';
  if (name === '') return `'${header}' is a step of a one-stage Dockerfile; this one has ${graph.stages.length} stages`;
  if (graph.stages.length === 1) return `the log names stage '${name}', but BuildKit names no stage in a one-stage Dockerfile like this one`;
  const names = graph.stages.map((stage) => stage.displayName);
  const shown = names.length > 8 ? [...names.slice(0, 8), '...'] : names;
  return `this Dockerfile has no stage '${name}' (it has ${shown.join(', ')})`;
}

function mismatch(vertex: LogVertex, message: string): LogMismatch {
  return { kind: 'mismatch', message, logLine: vertex.firstLine };
}
