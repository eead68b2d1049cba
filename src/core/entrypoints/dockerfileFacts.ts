import { buildStageGraph } from '../graph/buildStageGraph';
import { DocumentText } from '../parse/documentText';
import type { StageGraph } from '../model';
import { parseDockerfile } from '../parse/parseDockerfile';

/** What entry-point checks need to know of a Dockerfile: its stages and the build args it declares. */
export interface DockerfileFacts {
  graph: StageGraph;
  /** Every name an `ARG` declares, before the first FROM or in any stage (ONBUILD triggers too). */
  declaredArgs: ReadonlySet<string>;
}

/** Builds the facts of a Dockerfile's text (the graph with default options: the target is chosen per entry point). */
export function dockerfileFacts(text: string): DockerfileFacts {
  return { graph: buildStageGraph(text), declaredArgs: declaredBuildArgs(text) };
}

/** The names every `ARG` of the file declares (`ARG NAME`, `ARG NAME=default`, several per instruction). */
export function declaredBuildArgs(text: string): Set<string> {
  const parsed = parseDockerfile(new DocumentText(text));
  const names = new Set(parsed.metaArgs.map((arg) => arg.name));
  for (const stage of parsed.stages) {
    for (const command of stage.commands) {
      const declaring = command.command === 'arg' ? command : command.trigger?.command === 'arg' ? command.trigger : null;
      for (const word of declaring?.args ?? []) names.add(word.split('=')[0]);
    }
  }
  return names;
}
