import { normalizedImageName } from '../buildkit/imageReference';
import type { Stage, StageGraph } from '../model';
import { instructionMatcher } from './instructionMatcher';

/** A step BuildKit shows in the progress of a stage: one vertex per platform built. */
export interface PlannedStep {
  stage: number;
  /** 1-based line of the instruction (FROM for the image step, the parent's ONBUILD line for a trigger). */
  line: number;
  /** `FROM`, `ADD`, `COPY`, `RUN`, `WORKDIR`, or `ONBUILD` for a trigger. */
  keyword: string;
  /** BuildKit's `k` in `[stage k/n]`, or null for the triggers of a base image (unknown in number). */
  position: number | null;
  /** Whether a printed instruction can be this step's. */
  matches: (printed: string) => boolean;
  /** Steps with the same key are the same operation on the same input (same base, same instructions so far):
   *  BuildKit runs them once and labels the vertex with one of their stages. */
  shareKey: string;
  /** For the FROM step, the image as BuildKit prints it (`docker.io/library/alpine:3.20`); otherwise null. */
  image: string | null;
  /** Shown only if there is such a step: the ONBUILD triggers of a base image, which the Dockerfile does not list. */
  optional: boolean;
}

/** Instructions that become a vertex (`dispatch` in `dockerfile2llb/convert.go`); the others only set metadata. */
const VERTEX_KEYWORDS = new Set(['ADD', 'COPY', 'RUN', 'WORKDIR']);

/**
 * The steps each stage of `graph` shows in a build's progress, in order, as `dockerfile2llb` labels them: the FROM
 * of an image (not of `scratch` or a stage), then the ONBUILD triggers of a base stage, then every ADD, COPY, RUN
 * and WORKDIR (ENV, ARG, LABEL and the like make no vertex).
 */
export function planBuildSteps(graph: StageGraph): PlannedStep[][] {
  const finalKeys: string[] = [];
  return graph.stages.map((stage) => {
    const steps: PlannedStep[] = [];
    let key = startKey(stage, graph, finalKeys);
    let position = 0;
    const add = (line: number, keyword: string, matches: PlannedStep['matches'], image: string | null = null) => {
      steps.push({ stage: stage.index, line, keyword, position: ++position, matches, shareKey: key, image, optional: false });
    };
    if (stage.baseImage !== null && stage.baseImage !== 'scratch') {
      add(stage.startLine, 'FROM', isFrom, normalizedImageName(stage.baseName));
      // An image's own ONBUILD triggers run here too; the Dockerfile cannot say which, nor how many.
      steps.push({ stage: stage.index, line: stage.startLine, keyword: 'ONBUILD', position: null, matches: isTrigger, shareKey: `${key}\nONBUILD`, image: null, optional: true });
    }
    const parent = stage.baseStage === null ? undefined : graph.stages[stage.baseStage];
    for (const trigger of parent?.instructions ?? []) {
      if (trigger.keyword !== 'ONBUILD') continue;
      key += `\n${trigger.text}`;
      if (VERTEX_KEYWORDS.has(triggerKeyword(trigger.text))) add(trigger.startLine, 'ONBUILD', triggerMatcher(trigger.text));
    }
    for (const instruction of stage.instructions) {
      key += `\n${instruction.text}`;
      if (VERTEX_KEYWORDS.has(instruction.keyword)) add(instruction.startLine, instruction.keyword, instructionMatcher(instruction.text));
    }
    finalKeys[stage.index] = key;
    return steps;
  });
}

/** What the stage starts from: an image on a platform, `scratch`, or the end of its base stage. */
function startKey(stage: Stage, graph: StageGraph, finalKeys: readonly string[]): string {
  const platform = stage.platform ?? graph.options.targetPlatform;
  if (stage.baseStage !== null) return finalKeys[stage.baseStage] ?? `stage ${stage.index}`;
  if (stage.baseImage === 'scratch') return `scratch ${platform}`;
  if (stage.baseImage !== null) return `image ${normalizedImageName(stage.baseName)} ${platform}`;
  return `stage ${stage.index}`;
}

function isFrom(printed: string): boolean {
  return /^FROM\s/i.test(printed);
}

function isTrigger(printed: string): boolean {
  return /^ONBUILD\s/i.test(printed);
}

/**
 * A parent's trigger as its child's step: current BuildKit prints `ONBUILD RUN make`, Docker 20.10's `RUN make`
 * (test/fixtures/buildlogs/onbuild.log).
 */
function triggerMatcher(written: string): PlannedStep['matches'] {
  const matches = instructionMatcher(written.replace(/^\s*onbuild\s+/i, ''));
  return (printed) => matches(printed.replace(/^ONBUILD\s+/i, ''));
}

/** `ONBUILD RUN make` -> `RUN`. */
function triggerKeyword(text: string): string {
  return (text.split(/\s+/)[1] ?? '').toUpperCase();
}
