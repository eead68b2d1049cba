// Runs every benchmark under bench/ (files named *.bench.ts) in one process each, in file order, so each prints
// its own ratios measured in the same run. The layout bench compares against Graphviz and draws in Chromium, so
// their Debian packages are installed first (as root), or named with the command that installs them.
import { readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { ensureDebianPackages } from './install-vscode-server.mjs';

ensureDebianPackages(['graphviz', 'chromium']);
const benches = readdirSync('bench').filter((file) => file.endsWith('.bench.ts')).sort();
for (const bench of benches) {
  execFileSync(process.execPath, ['--import', 'tsx', `bench/${bench}`], { stdio: 'inherit' });
}
