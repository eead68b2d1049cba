// `npm start`: Stageflow in VS Code, in your browser, with no VS Code installed. Builds the extension, starts VS
// Code's server (from the code-server npm package) with Stageflow loaded from this folder and examples/ open,
// and prints the URL to open. Ctrl-C stops it.
// Usage: node scripts/start.mjs [--port <number>] [--folder <dir>] [--watch]
//   --watch  rebuild on every source change (then run "Developer: Reload Window" in the browser)
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ensureVsCodeServer } from './install-vscode-server.mjs';
import { createServerFolders, removeServerFolders, startVsCodeServer, workbenchUrl } from './vscode-server.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    folder: { type: 'string', default: path.join(projectRoot, 'examples') },
    watch: { type: 'boolean', default: false },
  },
});

const serverMain = ensureVsCodeServer();
const buildScript = path.join(projectRoot, 'scripts', 'build.mjs');
try {
  execFileSync(process.execPath, [buildScript], { cwd: projectRoot, stdio: 'inherit' });
} catch {
  console.error('The extension did not build (errors above); fix them and run npm start again.');
  process.exit(1);
}
const watcher = options.watch
  ? spawn(process.execPath, [buildScript, '--watch'], { cwd: projectRoot, stdio: 'inherit' })
  : undefined;

const folders = createServerFolders('stageflow-start-');
const serverLogPath = path.join(projectRoot, '.vscode-test', 'start-server.log');
const serverLog = createWriteStream(serverLogPath);
const server = await startVsCodeServer({
  serverMain,
  folders,
  port: options.port ? Number(options.port) : undefined,
  onOutput: (text) => serverLog.write(text),
});

let stopping = false;
function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  watcher?.kill();
  server.stop();
  serverLog.end();
  removeServerFolders(folders);
  process.exit(exitCode);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.child.once('exit', (code) => {
  console.error(`VS Code's server stopped unexpectedly (exit code ${code}); its log: ${path.relative(projectRoot, serverLogPath)}`);
  stop(1);
});

const url = workbenchUrl(server, path.resolve(options.folder), {
  extensionDevelopmentPath: projectRoot,
  skipWelcome: 'true',
});
console.log(`
Stageflow is running in VS Code ${options.watch ? '(rebuilding on change) ' : ''}with ${path.relative(projectRoot, path.resolve(options.folder)) || '.'}/ open.
Open this URL in a browser on this machine, then open a Dockerfile:

  ${url}

Server log: ${path.relative(projectRoot, serverLogPath)}. Press Ctrl-C to stop.`);
