import type { Edge } from '../model';
import type { DocumentText } from '../parse/documentText';
import { expandVariables, noVariables } from '../parse/expandVariables';
import type { CommandSyntax } from '../parse/parseDockerfile';
import { indexWithin, parseGoInt } from './parseGoInt';
import { dependencyEdge, newReference, type Resolution, type ResolvedReference, type ResolvedStage } from './resolution';

/** What `displayOnlyReferences` adds to a resolution. */
export interface DisplayOnlyReferences {
  references: ResolvedReference[];
  edges: Edge[];
}

/**
 * References BuildKit never reached (after an error, in ONBUILD triggers, inherited triggers of stages that are not
 * built) are still shown, resolved as BuildKit would bind them, without its state list: a stage by name
 * (`stageNamed`, case-insensitive, the last definition), a valid index among the stages, else an image. Edges are
 * added for the instructions the file runs and for inherited triggers BuildKit did not already add.
 */
export function displayOnlyReferences(
  resolution: Pick<Resolution, 'stages' | 'references' | 'edges'>,
  stageNamed: (name: string) => number | null,
  doc: DocumentText,
  escapeToken: string,
): DisplayOnlyReferences {
  const added: DisplayOnlyReferences = { references: [], edges: [] };
  const bind = (reference: ResolvedReference, allowIndex: boolean): ResolvedReference => {
    const value = reference.ref;
    if (value.includes('$') && expandVariables(value, noVariables, escapeToken).value !== value) {
      reference.via = 'invalid';
      return reference;
    }
    const number = allowIndex ? parseGoInt(value) : null;
    const named = stageNamed(value);
    if (number !== null) {
      const index = indexWithin(number, resolution.stages.length);
      reference.via = index !== null ? 'index' : 'invalid';
      reference.source = index !== null ? { stage: index } : null;
    } else if (named !== null) {
      reference.via = 'name';
      reference.source = { stage: named };
    } else {
      reference.via = 'image';
      reference.source = { image: value };
    }
    return reference;
  };
  const referencesOf = (command: CommandSyntax, inStage: number, onbuild: boolean): ResolvedReference[] => {
    const found: ResolvedReference[] = [];
    if (command.command === 'copy' && command.copyFrom?.value) {
      found.push(bind(newReference(doc, 'copy', command, command.copyFrom.value, command.copyFromRange ?? command.range, inStage, onbuild), true));
    }
    if (command.command === 'run') {
      for (const mount of command.mounts) {
        if (!mount.from) continue;
        const reference = newReference(doc, 'mount', command, mount.from, mount.fromRange ?? command.range, inStage, onbuild);
        reference.mount = mount;
        found.push(bind(reference, false));
      }
    }
    return found;
  };
  const show = (command: CommandSyntax, stage: number, onbuild: boolean): void => {
    for (const reference of referencesOf(command, stage, onbuild)) {
      added.references.push(reference);
      const edge = onbuild ? null : dependencyEdge(reference, stage, command.line, command.range);
      if (edge) added.edges.push(edge);
    }
  };

  const known = new Set(resolution.references.map((r) => r.command));
  for (const stage of resolution.stages) {
    for (const command of stage.syntax.commands) {
      if (!known.has(command)) show(command, stage.index, false);
      if (command.command === 'onbuild' && command.trigger && !known.has(command.trigger)) show(command.trigger, stage.index, true);
    }
  }
  const inheritedEdges = new Set(resolution.edges.filter((e) => e.onbuild).map((e) => `${e.to}:${e.ref}:${e.kind}`));
  for (const stage of resolution.stages) {
    for (const trigger of inheritedTriggers(resolution.stages, stage)) {
      if (!trigger.trigger) continue;
      for (const reference of referencesOf(trigger.trigger, stage.baseStage!, true)) {
        if (inheritedEdges.has(`${stage.index}:${reference.ref}:${reference.kind}`)) continue;
        const edge = dependencyEdge(reference, stage.index, stage.syntax.from.line, trigger.range);
        if (edge) added.edges.push(edge);
      }
    }
  }
  return added;
}

/** The ONBUILD instructions of a stage's base stage: the triggers that run when the stage is built. */
export function inheritedTriggers(stages: readonly ResolvedStage[], stage: ResolvedStage): CommandSyntax[] {
  if (stage.baseStage === null) return [];
  return stages[stage.baseStage].syntax.commands.filter((c) => c.command === 'onbuild');
}
