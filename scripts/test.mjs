// `npm test`: every check and every suite, one after another, then one line `N passed, N failed` over all of
// them (CI reads it). Type-checking, lint and packaging are not tests: each adds one failure when it fails.
// Installs what the suites need first (Debian packages as root, VS Code's server); see install-vscode-server.mjs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages, ensureVsCodeServer } from './install-vscode-server.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mocha = path.join(projectRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const reporter = path.join(projectRoot, 'scripts', 'mocha-summary-reporter.cjs');
const summaryLine = /^(\d+) passed, (\d+) failed$/;
const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));

/** True when `folder` holds at least one *.test.ts, at any depth. */
function hasTests(folder) {
  const absolute = path.join(projectRoot, folder);
  return existsSync(absolute) && readdirSync(absolute, { recursive: true }).some((file) => String(file).endsWith('.test.ts'));
}

/** Runs a command, echoing its output; resolves with its exit code and its last `N passed, N failed` line. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let counts;
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const match = summaryLine.exec(line.trim());
        if (match) counts = { passed: Number(match[1]), failed: Number(match[2]) };
      }
    });
    child.on('close', (code) => {
      const match = summaryLine.exec(pending.trim());
      if (match) counts = { passed: Number(match[1]), failed: Number(match[2]) };
      resolve({ code: code ?? 1, counts });
    });
  });
}

/** The steps of `npm test`, in order; `suite` steps report test counts, the others pass or fail as a whole. */
const steps = [
  { name: 'type check', command: 'npm', args: ['run', '--silent', 'check-types'] },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  // The webview and integration suites load the bundles from dist/.
  { name: 'build', command: process.execPath, args: ['scripts/build.mjs'] },
  { name: 'unit tests', suite: true, command: process.execPath, args: [mocha, '--reporter', reporter] },
  {
    name: 'webview tests (Chromium)',
    suite: true,
    skip: hasTests('test/webview') ? undefined : 'no tests in test/webview yet',
    command: process.execPath,
    args: [mocha, '--no-config', '--node-option', 'import=tsx', '--timeout', '60000', '--reporter', reporter, 'test/webview/**/*.test.ts'],
  },
  { name: 'integration tests (VS Code, development path)', suite: true, command: process.execPath, args: ['scripts/run-integration-tests.mjs', '--no-build'] },
  // Stageflow as a web extension in the workbench's web worker extension host, as in VS Code for the Web.
  { name: 'integration tests (VS Code for the Web)', suite: true, command: process.execPath, args: ['scripts/run-integration-tests.mjs', '--web', '--no-build'] },
  { name: 'package', command: 'npm', args: ['run', '--silent', 'package'] },
  {
    name: 'integration tests (VS Code, packaged VSIX)',
    suite: true,
    command: process.execPath,
    args: ['scripts/run-integration-tests.mjs', '--vsix', `stageflow-${version}.vsix`],
  },
];

// Chromium runs the webview suite, Graphviz's dot renders the DOT exports in it, Docker Engine and busybox-static
// build for real in the integration suite, git makes its repository for Compare with HEAD (CI runs as root and
// installs them all).
ensureDebianPackages(['chromium', 'graphviz', 'docker.io', 'busybox-static', 'git']);
ensureVsCodeServer();
const results = [];
for (const step of steps) {
  if (step.skip) {
    results.push({ step, outcome: `skipped: ${step.skip}`, passed: 0, failed: 0 });
    continue;
  }
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const { code, counts } = await run(step.command, step.args);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let passed = 0;
  let failed = code === 0 ? 0 : 1;
  if (step.suite && counts) {
    passed = counts.passed;
    // A crash after the counts (or a non-zero exit without failures) still counts as one failure.
    failed = Math.max(counts.failed, code === 0 ? 0 : 1);
  }
  const outcome = step.suite ? `${passed} passed, ${failed} failed` : code === 0 ? 'ok' : 'FAILED';
  results.push({ step, outcome: `${outcome} (${seconds} s)`, passed, failed });
}

console.log('\n=== summary ===');
for (const { step, outcome } of results) console.log(`${step.name.padEnd(48)} ${outcome}`);
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
