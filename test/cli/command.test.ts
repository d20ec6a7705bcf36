/**
 * The shared usage-error mechanism: suggestions and one-line messages.
 */
import { describe, expect, it } from 'vitest';
import { UsageError, didYouMean, parseCommandArgs } from '../../src/cli/command.js';

describe('didYouMean', () => {
  it.each([
    ['biuld', ['build', 'query', 'push', 'view', 'extract'], 'build'],
    ['qeury', ['build', 'query', 'push', 'view', 'extract'], 'query'],
    ['vue', ['build', 'query', 'push', 'view', 'extract'], undefined],
    ['--output', ['--out', '--json'], '--out'],
    ['--param-string', ['--param', '--param-str'], '--param-str'],
    ['--hlep', ['--help', '--db'], '--help'],
    ['--x', ['--db', '--json'], undefined],
    ['--frobnicate', ['--out', '--json', '--workers'], undefined],
  ])('%s -> %s', (given, known, expected) => {
    expect(didYouMean(given, known)).toBe(expected);
  });
});

describe('parseCommandArgs', () => {
  const options = { out: { type: 'string' }, json: { type: 'boolean' } } as const;
  it.each([
    [['--output', 'x'], 'unknown option --output; did you mean --out?'],
    [['--out'], 'option --out needs a value'],
    [['--json=yes'], 'option --json takes no value'],
  ])('%j -> %s', (argv, message) => {
    let thrown: unknown;
    try {
      parseCommandArgs(argv, options);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toBe(message);
  });

  it('parses good arguments', () => {
    expect(parseCommandArgs(['a', '--out', 'o', '--json'], options)).toMatchObject({ values: { out: 'o', json: true }, positionals: ['a'] });
  });
});
