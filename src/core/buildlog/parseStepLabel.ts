import type { StepLabel } from './model';

/**
 * Reads the label BuildKit gives a Dockerfile step (`prefixCommand` in `dockerfile2llb/convert.go`):
 * `[<platform> <stage> <k>/<n>] <instruction>`, where the platform appears only in multi-platform builds, the stage
 * is absent in a one-stage file, and `k` is padded with spaces to the width of `n` (`[build  3/12]`). Returns null
 * for BuildKit's own vertices (`[internal] load build context`, `exporting to image`).
 */
export function parseStepLabel(name: string): StepLabel | null {
  if (name.charCodeAt(0) !== OPEN) return null;
  const close = name.indexOf('] ');
  if (close < 0) return null;
  const inside = name.slice(1, close);
  // `k/n` is the last word; before it, at most a platform and a stage name.
  const lastSpace = inside.lastIndexOf(' ');
  const position = POSITION.exec(inside.slice(lastSpace + 1));
  if (!position) return null;
  const words = lastSpace < 0 ? [] : inside.slice(0, lastSpace).split(' ').filter((word) => word !== '');
  if (words.length > 2) return null;
  let platform: string | null = null;
  let stage = '';
  if (words.length === 2) [platform, stage] = words;
  else if (words.length === 1 && words[0].includes('/')) platform = words[0];
  else if (words.length === 1) stage = words[0];
  // A stage name never holds a slash (`^[a-z][a-z0-9-_.]*$`); a platform always does.
  if (stage.includes('/') || (platform !== null && !platform.includes('/'))) return null;
  return {
    platform,
    stage,
    index: Number(position[1]),
    total: Number(position[2]),
    instruction: name.slice(close + 2),
  };
}

const OPEN = 91; // `[`
const POSITION = /^(\d+)\/(\d+)$/;
