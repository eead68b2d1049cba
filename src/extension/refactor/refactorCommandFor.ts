import type * as vscode from 'vscode';
import type { StageGraph } from '../../core/model';
import type { EnabledRefactorAction } from '../../core/refactor/refactorActionsAt';

/** The command id of each refactoring (see `refactorCommands.ts` for their arguments). */
const COMMAND_IDS: Record<EnabledRefactorAction['refactoring'], string> = {
  extractStage: 'stageflow.extractStage',
  extractSharedBase: 'stageflow.extractBase',
  nameStage: 'stageflow.nameStage',
  nameAllStages: 'stageflow.nameAllStages',
};

/** The command arguments after the document's uri that make a command run exactly this request. */
function commandArguments(graph: StageGraph, action: EnabledRefactorAction): unknown[] {
  const { request } = action;
  switch (request.refactoring) {
    case 'extractStage':
      // The FROM's own line makes the command ask where to split.
      return [(request.line ?? graph.stages[request.stage].startLine) - 1];
    case 'extractSharedBase':
      return [request.stages];
    case 'nameStage':
      return action.asksName ? [request.stage] : [request.stage, action.name];
    case 'nameAllStages':
      return [];
    default: {
      const unknown: never = request;
      throw new Error(`Unknown refactoring ${JSON.stringify(unknown)}`);
    }
  }
}

/** The `vscode.Command` that applies an enabled refactoring of the document at `uri` (for code actions and lenses). */
export function refactorCommandFor(uri: vscode.Uri, graph: StageGraph, action: EnabledRefactorAction, title = action.title): vscode.Command {
  return { title, command: COMMAND_IDS[action.refactoring], arguments: [uri, ...commandArguments(graph, action)] };
}
