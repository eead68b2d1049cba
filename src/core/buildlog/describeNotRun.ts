import type { BuildTimeline, NotRunReason } from './model';

/** "Why did this stage not run?" in one sentence, naming stages by their labels. */
export function describeNotRun(reason: NotRunReason, timeline: BuildTimeline): string {
  const label = (stage: number) => timeline.stages[stage]?.label ?? `stage-${stage}`;
  switch (reason.kind) {
    case 'not-needed': {
      const target = timeline.target === null ? 'the target' : `target ${label(timeline.target)}`;
      const targets = reason.builtBy.length > 3 ? [...reason.builtBy.slice(0, 3).map(label), '...'] : reason.builtBy.map(label);
      return `not needed by ${target}; built by --target ${targets.join(', ')}`;
    }
    case 'cached':
      return 'cached: every instruction after FROM came from the build cache';
    case 'build-stopped':
      return 'the build stopped before it started';
    case 'nothing-to-run':
      return 'nothing to run: no ADD, COPY, RUN or WORKDIR and no image to load';
    case 'waiting':
      return 'waiting to start';
    case 'not-in-log':
      return 'needed, but the log shows none of its steps';
  }
}
