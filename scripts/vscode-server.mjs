// Starts VS Code's server (from the code-server npm package) directly, not through code-server's wrapper: the
// wrapper rejects --enable-smoke-test-driver, without which the workbench ignores a test payload. Shared by the
// integration test runner and `npm start`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Asks the OS for a free TCP port on the loopback interface. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Fresh temporary data, user, extensions and log folders, so no run sees another's state. `machineSettings` are
 * added to the server's machine settings.
 */
export function createServerFolders(prefix, machineSettings = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  const folders = {
    root,
    serverData: path.join(root, 'server-data'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    logs: path.join(root, 'logs'),
  };
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  // Remote (machine) settings: the project folder sits in this repository's git work tree, and the prompt to
  // open the parent repository would cover the editor.
  const machineFolder = path.join(folders.userData, 'Machine');
  mkdirSync(machineFolder, { recursive: true });
  writeFileSync(path.join(machineFolder, 'settings.json'), JSON.stringify({ 'git.openRepositoryInParentFolders': 'never', ...machineSettings }, null, 2));
  return folders;
}

/** Installs a packaged .vsix into the server's extensions folder, as a user would with `--install-extension`. */
export function installVsix(serverMain, folders, vsixPath) {
  execFileSync(
    process.execPath,
    [serverMain, '--install-extension', vsixPath, '--extensions-dir', folders.extensions,
      '--server-data-dir', folders.serverData, '--accept-server-license-terms'],
    { stdio: 'pipe', encoding: 'utf8' },
  );
}

/**
 * Starts the server in its own process group (so every child, the extension host included, can be killed at
 * once) and resolves when it listens, on `port` or else a free one. `onOutput` receives its stdout and stderr.
 */
export async function startVsCodeServer({ serverMain, folders, port, env = {}, onOutput = () => {}, readyTimeoutMs = 60_000 }) {
  port ??= await findFreePort();
  const child = spawn(
    process.execPath,
    [serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
      '--accept-server-license-terms', '--enable-smoke-test-driver', '--disable-telemetry',
      '--disable-workspace-trust', '--server-data-dir', folders.serverData, '--user-data-dir', folders.userData,
      '--extensions-dir', folders.extensions, '--logsPath', folders.logs],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group has already exited.
    }
  };
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`VS Code's server did not start within ${readyTimeoutMs / 1000} s`)), readyTimeoutMs);
    const fail = (error) => {
      clearTimeout(timer);
      stop();
      reject(error);
    };
    const watch = (chunk) => {
      const text = chunk.toString();
      onOutput(text);
      if (text.includes('Extension host agent listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.once('exit', (code) => fail(new Error(`VS Code's server exited with code ${code} before listening`)));
  });
  return { port, child, stop, origin: `http://127.0.0.1:${port}` };
}

/** The workbench URL opening `folder`, with the given payload entries (extensionDevelopmentPath and so on). */
export function workbenchUrl(server, folder, payload) {
  const remote = (absolutePath) => `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
  const entries = Object.entries(payload).map(([key, value]) => [key, key.endsWith('Path') ? remote(value) : value]);
  const query = new URLSearchParams({ folder });
  if (entries.length > 0) query.set('payload', JSON.stringify(entries));
  return `${server.origin}/?${query.toString()}`;
}

/** Removes the temporary folders created by createServerFolders. */
export function removeServerFolders(folders) {
  rmSync(folders.root, { recursive: true, force: true });
}
