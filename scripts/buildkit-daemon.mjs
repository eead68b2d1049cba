// A private Docker daemon with BuildKit for builds that must be real (the build-log fixtures, the integration
// tests of building from the editor), as ../shared/BUILDKIT-LOCAL.md sets it up: Debian's docker.io, no systemd,
// no network (vfs storage, no iptables, no bridge), its own data, exec root and socket under a temporary folder,
// and busybox:local imported from Debian's busybox-static, so no registry is ever needed.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, openSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';

/** Debian's 20.10 CLI, which drives BuildKit itself; another `docker` (without buildx) may come first on PATH. */
export const DOCKER = '/usr/bin/docker';
export const DOCKERD = '/usr/sbin/dockerd';
/** busybox-static's binary (/bin is /usr/bin on a merged-/usr Debian, not on an older one). */
export const BUSYBOX = '/bin/busybox';

/**
 * Starts dockerd on `ROOT/docker.sock` and waits until it answers (2-6 s). Returns the environment a client needs
 * (`DOCKER_HOST`, `DOCKER_BUILDKIT=1`), the daemon's log file and `stop`, which resolves once it has exited.
 */
export async function startBuildkitDaemon(root) {
  const socket = path.join(root, 'docker.sock');
  const logPath = path.join(root, 'dockerd.log');
  const daemon = spawn(
    DOCKERD,
    ['--storage-driver=vfs', '--iptables=false', '--bridge=none', '--data-root', path.join(root, 'data'),
      '--exec-root', path.join(root, 'exec'), '--pidfile', path.join(root, 'docker.pid'), '-H', `unix://${socket}`],
    { stdio: ['ignore', openSync(logPath, 'a'), openSync(logPath, 'a')] },
  );
  const exited = new Promise((resolve) => daemon.once('exit', resolve));
  const env = { DOCKER_HOST: `unix://${socket}`, DOCKER_BUILDKIT: '1' };
  const stop = async () => {
    if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill('SIGTERM');
    await exited;
  };
  for (let attempt = 0; ; attempt++) {
    if (spawnSync(DOCKER, ['version'], { env: { ...process.env, ...env }, stdio: 'ignore' }).status === 0) break;
    if (attempt > 60 || daemon.exitCode !== null) {
      await stop();
      throw new Error(`dockerd did not start; its log: ${logPath}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { env, logPath, stop };
}

/** Imports busybox:local: busybox-static's binary and a few applet links, as an image without a registry. */
export function importBusybox(root, env) {
  const image = path.join(root, 'image');
  mkdirSync(path.join(image, 'bin'), { recursive: true });
  cpSync(BUSYBOX, path.join(image, 'bin', 'busybox'));
  for (const applet of ['sh', 'ls', 'echo', 'cat', 'cp', 'mkdir', 'sleep', 'touch', 'true', 'false']) {
    symlinkSync('busybox', path.join(image, 'bin', applet));
  }
  const tar = spawnSync('tar', ['-C', image, '-c', '.'], { maxBuffer: 64 * 1024 * 1024 });
  const imported = spawnSync(DOCKER, ['import', '-', 'busybox:local'], { env: { ...process.env, ...env }, input: tar.stdout, encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(`docker import of busybox:local failed: ${imported.stderr || imported.error}`);
}
