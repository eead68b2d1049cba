import { version } from '../../package.json';

/** Entry point of the `stageflow` command. */
process.stdout.write(`stageflow ${version}\n`);
