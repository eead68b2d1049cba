/**
 * What a reader of an unfamiliar Dockerfile wants to know about a stage: its description comment, its
 * instructions, and the image config it ends with (WORKDIR, USER, EXPOSE, ENTRYPOINT, CMD), inherited through
 * base stages as BuildKit's image config is.
 */
import type { DocumentText } from '../parse/documentText';
import type { InstructionSummary } from '../model';
import type { CommandSyntax, StageSyntax } from '../parse/parseDockerfile';

/** The parts of the image config a stage summary shows. */
export interface StageConfig {
  workdir: string | null;
  user: string | null;
  expose: string[];
  entrypoint: string | null;
  cmd: string | null;
}

const SUMMARY_LENGTH = 100;

/** The config after a stage's instructions, starting from its base stage's config (or an unknown image's). */
export function stageConfig(stage: StageSyntax, inherited: StageConfig | null): StageConfig {
  const config: StageConfig = inherited
    ? { ...inherited, expose: [...inherited.expose] }
    : { workdir: null, user: null, expose: [], entrypoint: null, cmd: null };
  let cmdSet = false;
  for (const command of stage.commands) {
    switch (command.command) {
      case 'workdir': {
        const path = command.args[0] ?? '';
        config.workdir = path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) ? path : joinPath(config.workdir ?? '/', path);
        break;
      }
      case 'user':
        config.user = command.args[0] ?? null;
        break;
      case 'expose':
        for (const port of command.args) if (!config.expose.includes(port)) config.expose.push(port);
        break;
      case 'cmd':
        config.cmd = command.rest;
        cmdSet = true;
        break;
      case 'entrypoint':
        config.entrypoint = command.rest;
        // An ENTRYPOINT resets the inherited CMD unless this stage set one (BuildKit's dispatchEntrypoint).
        if (!cmdSet) config.cmd = null;
        break;
    }
  }
  return config;
}

function joinPath(base: string, relative: string): string {
  const parts = `${base}/${relative}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** The comment block directly above FROM (no blank line between), without `#`, or null. */
export function stageDescription(doc: DocumentText, fromLine0: number, directiveLines: ReadonlySet<number>): string | null {
  const lines: string[] = [];
  for (let line = fromLine0 - 1; line >= 0; line--) {
    if (directiveLines.has(line)) break;
    const text = doc.lines[line].trim();
    if (!text.startsWith('#')) break;
    lines.unshift(text.replace(/^#\s?/, '').trimEnd());
  }
  const description = lines.join('\n').trim();
  return description === '' ? null : description;
}

/** One instruction on one line, continuations folded, whitespace collapsed, shortened. */
export function summarizeInstruction(command: CommandSyntax): InstructionSummary {
  let text = command.text.replace(/\s+/g, ' ');
  if (text.length > SUMMARY_LENGTH) text = text.slice(0, SUMMARY_LENGTH - 1) + '…';
  return {
    keyword: command.keyword.toUpperCase(),
    text,
    startLine: command.line,
    endLine: command.endLine,
    range: command.range,
  };
}
