// Installs what the real-VS Code tests need, once: Debian packages (as root) and VS Code's server from the npm
// package code-server, under .vscode-test/ (git-ignored) so `npm ci` stays fast. See ../shared/VSCODE-TESTING.md:
// Microsoft's update server is unreachable here, so @vscode/test-electron cannot download VS Code.
// Usage: node scripts/install-vscode-server.mjs  (prints the path of server-main.js)
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** code-server 4.100.3 is the newest release that runs on node 20; it bundles VS Code 1.100.3. */
export const CODE_SERVER_VERSION = '4.100.3';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const installDir = path.join(projectRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const completeMarker = path.join(installDir, 'install-complete');

/** Absolute path of VS Code's server entry point inside the installed code-server package. */
export const serverMainPath = path.join(installDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');

/** Debian's Python, which node-gyp needs to build code-server's native modules. */
const SYSTEM_PYTHON = '/usr/bin/python3';

/** Debian packages, the file that proves each one is installed, and what needs it. */
const debianPackages = {
  chromium: { file: '/usr/bin/chromium', why: 'runs the VS Code workbench and the webview tests' },
  ripgrep: { file: '/usr/bin/rg', why: 'replaces the ripgrep binary code-server would download from GitHub' },
  'libkrb5-dev': { file: '/usr/include/krb5.h', why: "headers for code-server's kerberos native module" },
  graphviz: { file: '/usr/bin/dot', why: 'the webview suite renders the DOT exports with dot; the layout benchmark compares against it' },
  'docker.io': { file: '/usr/sbin/dockerd', why: 'the integration tests build from the editor on a private Docker daemon with BuildKit' },
  'busybox-static': { file: '/bin/busybox', why: 'the base image (busybox:local) of those builds, imported without a registry' },
  git: { file: '/usr/bin/git', why: "the integration tests make a git repository for Compare with HEAD (VS Code's Git extension runs git)" },
};

/** What installing code-server needs; running its server needs no Debian package. */
const serverInstallPackages = ['ripgrep', 'libkrb5-dev'];

/** Everything the tests and benchmarks need; .ci/run installs them all. */
export const testPackages = Object.keys(debianPackages);

/** Installs the missing ones of `names` when root; otherwise explains what to install and exits non-zero. */
export function ensureDebianPackages(names) {
  const missing = names.filter((name) => !existsSync(debianPackages[name].file));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error('Stageflow needs these Debian packages, which are missing:');
    for (const name of missing) console.error(`  ${name}: ${debianPackages[name].why}`);
    console.error(`Install them as root, then re-run:\n  sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  // With recommends: chromium's bring the fonts that the screenshots and the workbench render with.
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}

/**
 * @vscode/ripgrep's install step downloads ripgrep from GitHub unless its cache already holds the archive;
 * seed that cache with Debian's rg so the install works offline.
 */
function seedRipgrepCache() {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];
  if (!target) throw new Error(`No ripgrep cache mapping for architecture ${process.arch}`);
  const cacheDir = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = path.join(cacheDir, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  if (existsSync(archive)) return;
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(path.join(os.tmpdir(), 'stageflow-rg-'));
  try {
    copyFileSync('/usr/bin/rg', path.join(staging, 'rg'));
    execFileSync('tar', ['-czf', archive, '-C', staging, 'rg']);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Installs code-server under .vscode-test/ unless a previous run completed (with the Debian packages its install
 * needs); returns server-main.js's path.
 */
export function ensureVsCodeServer() {
  if (existsSync(completeMarker) && existsSync(serverMainPath)) return serverMainPath;
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) {
    // code-server's install step refuses any other major version, and its native modules target node 20's ABI.
    console.error(`VS Code's server for the tests (code-server@${CODE_SERVER_VERSION}) needs Node.js 20; this is ${process.version}.`);
    console.error('Run npm test and npm start with Node.js 20 (for example `nvm use 20`).');
    process.exit(1);
  }
  ensureDebianPackages(serverInstallPackages);
  seedRipgrepCache();
  console.log(`Installing VS Code's server (code-server@${CODE_SERVER_VERSION}) into ${path.relative(projectRoot, installDir)} (about a minute, once)`);
  const started = Date.now();
  // Installed into a folder of this run's own and renamed into place when complete, so runs that start together
  // (several checkouts sharing one install) never delete or half-fill the install another is using.
  const staging = `${installDir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    // A package.json of its own, so npm installs here instead of into the project's node_modules.
    writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ private: true, name: 'stageflow-vscode-server' }));
    const env = { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' };
    // node-gyp builds the server's native modules; name the system Python so it does not depend on a version
    // manager's shim on PATH (a pyenv shim once answered node-gyp's probe with an empty path and the install failed).
    if (existsSync(SYSTEM_PYTHON)) env.npm_config_python = SYSTEM_PYTHON;
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`],
      { cwd: staging, stdio: 'inherit', env },
    );
    if (!existsSync(path.join(staging, path.relative(installDir, serverMainPath)))) {
      throw new Error(`code-server installed but server-main.js is missing from ${staging}`);
    }
    writeFileSync(path.join(staging, path.relative(installDir, completeMarker)), `${new Date().toISOString()}\n`);
    if (existsSync(completeMarker) && existsSync(serverMainPath)) {
      console.log('Another run finished the same install first; using it.');
      return serverMainPath;
    }
    rmSync(installDir, { recursive: true, force: true });
    renameSync(staging, installDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  console.log(`VS Code's server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return serverMainPath;
}

// Run directly (as .ci/run does), it installs everything the tests need.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureDebianPackages(testPackages);
  console.log(ensureVsCodeServer());
}
