// Captures the real BuildKit progress logs that the build-log reader's unit tests read
// (test/fixtures/buildlogs/). Starts a private Docker daemon as ../shared/BUILDKIT-LOCAL.md describes (Debian's
// docker.io, no network, vfs storage), imports busybox:local from busybox-static, runs every build of CAPTURES with
// `--progress=plain` in the fixtures folder and writes what docker printed next to the Dockerfile. Each build
// starts from an empty build cache except a rebuild, which reuses the cache of the build before it.
//
// Run as root on a machine with `apt-get install docker.io busybox-static`: node scripts/capture-build-logs.mjs
// [LOG...] (only the named logs; all by default). The logs are committed; the tests never need Docker.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BUSYBOX, DOCKER, DOCKERD, importBusybox, startBuildkitDaemon } from './buildkit-daemon.mjs';

const FIXTURES = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'buildlogs');

/**
 * One build to capture: the Dockerfile, extra `docker build` flags, the log file, whether the build cache is kept
 * from the build before, and whether a copy with GitHub Actions' timestamps is written too.
 */
const CAPTURES = [
  { dockerfile: 'parallel.Dockerfile', log: 'parallel.log' },
  { dockerfile: 'parallel.Dockerfile', log: 'parallel-rebuild.log', keepCache: true },
  { dockerfile: 'parallel.Dockerfile', flags: ['--target', 'compile'], log: 'parallel-target-compile.log' },
  { dockerfile: 'failure.Dockerfile', log: 'failure.log', timestamped: 'failure.gha.log' },
  { dockerfile: 'unnamed.Dockerfile', log: 'unnamed.log' },
  { dockerfile: 'single.Dockerfile', log: 'single.log' },
  { dockerfile: 'mount.Dockerfile', log: 'mount.log' },
  { dockerfile: 'missing-image.Dockerfile', log: 'missing-image.log' },
  { dockerfile: 'syntax-error.Dockerfile', log: 'syntax-error.log' },
  { dockerfile: 'onbuild.Dockerfile', log: 'onbuild.log' },
  { dockerfile: 'shared-steps.Dockerfile', log: 'shared-steps.log' },
];

/** The command line of one capture, as the fixtures README records it (run in test/fixtures/buildlogs). */
function buildArguments(capture) {
  return ['build', '--network=none', '--progress=plain', ...(capture.flags ?? []), '-f', capture.dockerfile, 'context'];
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.error}`);
  }
  return result.stdout;
}

/** GitHub Actions' prefix: the time the runner received the line, in UTC with seven fractional digits. */
function actionsTimestamp(milliseconds) {
  const whole = Math.floor(milliseconds);
  const fraction = String(Math.round((milliseconds - whole) * 10_000)).padStart(4, '0');
  return `${new Date(whole).toISOString().slice(0, -1)}${fraction}Z`;
}

/** Runs one build, collecting docker's output (both streams, as a CI log has them) line by line as it arrives. */
function captureBuild(capture, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(DOCKER, buildArguments(capture), { cwd: FIXTURES, env });
    const lines = [];
    const pending = { stdout: '', stderr: '' };
    const receive = (stream) => (chunk) => {
      const now = performance.timeOrigin + performance.now();
      const parts = (pending[stream] + chunk.toString('utf8')).split('\n');
      pending[stream] = parts.pop();
      for (const text of parts) lines.push({ text, time: now });
    };
    child.stdout.on('data', receive('stdout'));
    child.stderr.on('data', receive('stderr'));
    child.on('error', reject);
    child.on('close', (status) => {
      const now = performance.timeOrigin + performance.now();
      for (const rest of Object.values(pending)) if (rest !== '') lines.push({ text: rest, time: now });
      resolve({ status, lines });
    });
  });
}

async function main() {
  for (const tool of [DOCKER, DOCKERD, BUSYBOX]) {
    if (!existsSync(tool)) throw new Error(`${tool} is missing: apt-get install -y docker.io busybox-static`);
  }
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((log) => !CAPTURES.some((capture) => capture.log === log));
  if (unknown.length > 0) throw new Error(`no capture writes ${unknown.join(', ')}`);
  const selected = wanted.length === 0 ? CAPTURES : CAPTURES.filter((capture) => wanted.includes(capture.log));
  for (const capture of selected) {
    const before = CAPTURES[CAPTURES.indexOf(capture) - 1];
    if (capture.keepCache && !selected.includes(before)) throw new Error(`${capture.log} rebuilds ${before.log}: capture both`);
  }
  const root = mkdtempSync(path.join(tmpdir(), 'stageflow-buildkit-'));
  const daemon = await startBuildkitDaemon(root);
  const env = { ...process.env, ...daemon.env };
  try {
    importBusybox(root, env);
    for (const capture of selected) {
      if (!capture.keepCache) run(DOCKER, ['builder', 'prune', '--all', '--force'], { env });
      const { status, lines } = await captureBuild(capture, env);
      writeFileSync(path.join(FIXTURES, capture.log), lines.map((line) => `${line.text}\n`).join(''));
      if (capture.timestamped) {
        const stamped = lines.map((line) => `${actionsTimestamp(line.time)} ${line.text}\n`).join('');
        writeFileSync(path.join(FIXTURES, capture.timestamped), stamped);
      }
      console.log(`${capture.log}: ${lines.length} lines, docker exited ${status}`);
    }
  } finally {
    await daemon.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
