// Records the messages Stageflow shows, so a test can check that a refusal or a problem is never silent.
import * as vscode from 'vscode';

type MessageFunction = 'showErrorMessage' | 'showWarningMessage' | 'showInformationMessage';
const levels: Record<MessageFunction, string> = { showErrorMessage: 'error', showWarningMessage: 'warning', showInformationMessage: 'information' };

/**
 * Runs `body` while recording the error, warning and information messages shown, as `level: text` (each is still
 * shown: the real functions are called through).
 */
export async function recordingMessages<T>(body: () => Thenable<T>): Promise<{ result: T; messages: string[] }> {
  const messages: string[] = [];
  const window = vscode.window as { -readonly [K in MessageFunction]: (typeof vscode.window)[K] };
  const originals = { showErrorMessage: window.showErrorMessage, showWarningMessage: window.showWarningMessage, showInformationMessage: window.showInformationMessage };
  for (const name of Object.keys(originals) as MessageFunction[]) {
    const original = originals[name] as (message: string, ...rest: never[]) => Thenable<unknown>;
    window[name] = ((message: string, ...rest: never[]) => {
      messages.push(`${levels[name]}: ${message}`);
      return original(message, ...rest);
    }) as never;
  }
  try {
    return { result: await body(), messages };
  } finally {
    Object.assign(window, originals);
  }
}
