// Runs every benchmark under bench/ (files named *.bench.ts) in one process each, in file order, so each prints
// its own ratios measured in the same run.
import { readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const benches = readdirSync('bench').filter((file) => file.endsWith('.bench.ts')).sort();
for (const bench of benches) {
  execFileSync(process.execPath, ['--import', 'tsx', `bench/${bench}`], { stdio: 'inherit' });
}
