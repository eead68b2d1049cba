import * as assert from 'node:assert/strict';
import type { CliOption } from '../../../src/cli/cliCommand';
import { HELP_OPTION } from '../../../src/cli/helpText';
import { parseArguments } from '../../../src/cli/parseArguments';

const OPTIONS: CliOption[] = [
  { name: '--format', value: 'json|dot', description: 'Output format.' },
  { name: '--build-arg', value: 'K=V', repeatable: true, description: 'A build arg.' },
  { name: '--write', description: 'Rewrite the file.' },
  HELP_OPTION,
];

/** Every option the parse found, with all its values, and the positionals. */
function parsed(argv: string[]): { positionals: string[]; values: Record<string, string[]> } {
  const args = parseArguments(argv, OPTIONS, 'graph');
  const values: Record<string, string[]> = {};
  for (const option of OPTIONS) if (args.has(option.name)) values[option.name] = args.all(option.name);
  return { positionals: args.positionals, values };
}

describe('parseArguments', () => {
  it('reads values after a space or an equals sign, flags, and keeps positionals in order', () => {
    assert.deepEqual(parsed(['a', '--format', 'dot', 'b', '--write', '--format=json', 'c']), {
      positionals: ['a', 'b', 'c'],
      values: { '--format': ['json'], '--write': [''] },
    });
  });

  it('keeps every value of a repeatable option and only the last of another', () => {
    const args = parseArguments(['--build-arg', 'A=1', '--build-arg=B=2', '--format', 'json', '--format', 'dot'], OPTIONS, 'graph');
    assert.deepEqual(args.all('--build-arg'), ['A=1', 'B=2']);
    assert.equal(args.value('--build-arg'), 'B=2');
    assert.equal(args.value('--format'), 'dot');
  });

  it('reads - as a positional (stdin) and everything after -- as positionals', () => {
    assert.deepEqual(parsed(['-', '--', '--write', '-h']), { positionals: ['-', '--write', '-h'], values: {} });
  });

  it('takes the next argument as the value even when it starts with a dash', () => {
    assert.deepEqual(parsed(['--format', '--write']), { positionals: [], values: { '--format': ['--write'] } });
  });

  it('reads -h as --help, and an empty value after = as given', () => {
    assert.deepEqual(parsed(['-h', '--format=']), { positionals: [], values: { '--format': [''], '--help': [''] } });
  });

  const mistakes: [argv: string[], message: string][] = [
    [['--colour', 'x'], `unknown option '--colour' for 'graph' (see 'stageflow graph --help')`],
    [['--colour=red'], `unknown option '--colour' for 'graph' (see 'stageflow graph --help')`],
    [['-x'], `unknown option '-x' for 'graph' (see 'stageflow graph --help')`],
    [['-hx'], `unknown option '-hx' for 'graph' (see 'stageflow graph --help')`],
    [['x', '--format'], `option '--format' needs a value (json|dot)`],
    [['--write=yes'], `option '--write' takes no value`],
    [['--write=', 'x'], `option '--write' takes no value`],
  ];
  for (const [argv, message] of mistakes) {
    it(`refuses ${JSON.stringify(argv)}: ${message}`, () => {
      assert.throws(() => parseArguments(argv, OPTIONS, 'graph'), { name: 'CliError', message });
    });
  }

  it('reports the first mistake in argument order', () => {
    assert.throws(() => parseArguments(['--write=1', '--colour'], OPTIONS, 'graph'), { message: `option '--write' takes no value` });
  });
});
