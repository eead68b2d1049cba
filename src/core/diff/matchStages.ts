import type { Stage } from '../model';

/** Which stage of the old file is which stage of the new one. */
export interface StageMatching {
  /** For each old stage, the index of the same stage in the new file, or null when it was removed. */
  newIndexOf: Array<number | null>;
  /** For each new stage, the index of the same stage in the old file, or null when it was added. */
  oldIndexOf: Array<number | null>;
}

/** A stage as the matching sees it: its name, base, platform and the exact text of its instructions. */
export interface StageFingerprint {
  stage: Stage;
  /** The instructions after FROM, each as written with whitespace runs collapsed, joined into one key. */
  instructions: string;
}

/**
 * Matches the stages of two versions of a Dockerfile, in four passes:
 * 1. a name is an identity: the k-th stage named `x` in the old file is the k-th named `x` in the new one;
 * 2. an unnamed stage whose base, platform and instructions are unchanged is the same stage, wherever it moved
 *    (a stage inserted above it shifts its index, `stage-1` becomes `stage-2`, but nothing else changed);
 * 3. two unnamed stages in the same place (the stage before them, or the one after, is a matched pair; or both are
 *    first, or both last) are the same stage changed, when they share their base or their instructions;
 * 4. two stages in the same place are the same stage when both are unnamed (however much changed), or when their
 *    base, platform and instructions are identical (a rename: the only thing that changed is the name).
 * Anything left is removed or added; in particular a stage that is renamed and edited is a removal and an addition.
 */
export function matchStages(before: readonly StageFingerprint[], after: readonly StageFingerprint[]): StageMatching {
  const newIndexOf: Array<number | null> = before.map(() => null);
  const oldIndexOf: Array<number | null> = after.map(() => null);
  const pair = (oldIndex: number, newIndex: number): void => {
    newIndexOf[oldIndex] = newIndex;
    oldIndexOf[newIndex] = oldIndex;
  };

  const occurrences = new Map<string, number[]>();
  before.forEach(({ stage }) => {
    if (stage.name !== null) occurrences.set(stage.name, [...(occurrences.get(stage.name) ?? []), stage.index]);
  });
  for (const { stage } of after) {
    const oldIndex = stage.name === null ? undefined : occurrences.get(stage.name)?.shift();
    if (oldIndex !== undefined) pair(oldIndex, stage.index);
  }

  const sameBase = (oldIndex: number, newIndex: number): boolean => {
    const older = before[oldIndex].stage;
    const newer = after[newIndex].stage;
    if (older.baseStage !== null || newer.baseStage !== null) {
      return older.baseStage !== null && newer.baseStage !== null && newIndexOf[older.baseStage] === newer.baseStage;
    }
    return older.baseImage === newer.baseImage;
  };
  const sameInstructions = (oldIndex: number, newIndex: number): boolean =>
    before[oldIndex].instructions === after[newIndex].instructions;
  const identical = (oldIndex: number, newIndex: number): boolean =>
    sameBase(oldIndex, newIndex) &&
    before[oldIndex].stage.platform === after[newIndex].stage.platform &&
    sameInstructions(oldIndex, newIndex);
  const unnamed = (oldIndex: number, newIndex: number): boolean =>
    before[oldIndex].stage.name === null && after[newIndex].stage.name === null;

  // Pass 2, in file order so that the base of each stage is already matched when the stage is considered.
  for (let newIndex = 0; newIndex < after.length; newIndex++) {
    if (oldIndexOf[newIndex] !== null || after[newIndex].stage.name !== null) continue;
    const previous = lastMatchedBefore(oldIndexOf, newIndex);
    const candidates = before
      .map((_, oldIndex) => oldIndex)
      .filter((oldIndex) => newIndexOf[oldIndex] === null && unnamed(oldIndex, newIndex) && identical(oldIndex, newIndex));
    const chosen = candidates.find((oldIndex) => oldIndex > previous) ?? candidates[0];
    if (chosen !== undefined) pair(chosen, newIndex);
  }

  matchInPlace(before.length, newIndexOf, oldIndexOf, pair, (o, n) => unnamed(o, n) && (sameBase(o, n) || sameInstructions(o, n)));
  matchInPlace(before.length, newIndexOf, oldIndexOf, pair, (o, n) => unnamed(o, n) || identical(o, n));
  return { newIndexOf, oldIndexOf };
}

/** The old index of the nearest matched stage before `newIndex`, or -1. */
function lastMatchedBefore(oldIndexOf: Array<number | null>, newIndex: number): number {
  for (let index = newIndex - 1; index >= 0; index--) {
    const oldIndex = oldIndexOf[index];
    if (oldIndex !== null) return oldIndex;
  }
  return -1;
}

/**
 * Pairs unmatched stages that sit in the same place and `fit`, forwards (after a matched pair, or both first) and
 * backwards (before a matched pair, or both last), until a sweep pairs nothing new: each pair can place the next.
 */
function matchInPlace(
  oldCount: number,
  newIndexOf: Array<number | null>,
  oldIndexOf: Array<number | null>,
  pair: (oldIndex: number, newIndex: number) => void,
  fit: (oldIndex: number, newIndex: number) => boolean,
): void {
  const newCount = oldIndexOf.length;
  const tryPair = (oldIndex: number | null, newIndex: number): boolean => {
    if (oldIndex === null || oldIndex < 0 || oldIndex >= oldCount || newIndexOf[oldIndex] !== null) return false;
    if (!fit(oldIndex, newIndex)) return false;
    pair(oldIndex, newIndex);
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let newIndex = 0; newIndex < newCount; newIndex++) {
      if (oldIndexOf[newIndex] !== null) continue;
      const previous = newIndex === 0 ? -1 : oldIndexOf[newIndex - 1];
      if (tryPair(previous === null ? null : previous + 1, newIndex)) changed = true;
    }
    for (let newIndex = newCount - 1; newIndex >= 0; newIndex--) {
      if (oldIndexOf[newIndex] !== null) continue;
      const next = newIndex === newCount - 1 ? oldCount : oldIndexOf[newIndex + 1];
      if (tryPair(next === null ? null : next - 1, newIndex)) changed = true;
    }
  }
}
