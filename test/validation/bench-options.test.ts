import * as path from 'path';
import { BENCH_USAGE, parseBenchArgs } from '../../bench/options';

// `npm run bench` checks its options before timing anything (bench/run.ts exits 2 on these errors).

const ROOT = path.join(__dirname, '..', '..');
const parse = (...argv: string[]) => parseBenchArgs(argv, ROOT);

describe('bench options', () => {
  test('the defaults are the ones the README documents', () => {
    expect(parse()).toMatchObject({
      help: false,
      runs: 7,
      cliRuns: 5,
      counts: [1, 10, 100, 1000],
      scalingRuns: 3,
      yardstick: 1000,
      plainCdk8s: false,
      userAppCounts: [100, 1000],
      userAppPlainCounts: [100],
      referenceDir: path.resolve(ROOT, 'test/fixtures/pixie-cloud'),
    });
  });

  test("every README example's options parse", () => {
    expect(parse('--runs', '5', '--cli-runs', '0')).toMatchObject({ runs: 5, cliRuns: 0 });
    expect(parse('--counts', '1000', '--config', 'examples/auth0.yaml')).toMatchObject({ counts: [1000], configPath: 'examples/auth0.yaml' });
    expect(parse('--scaling-runs', '5', '--yardstick', '0')).toMatchObject({ scalingRuns: 5, yardstick: 0 });
    expect(parse('--plain-cdk8s', '--counts', '1,10,100')).toMatchObject({ plainCdk8s: true, counts: [1, 10, 100] });
    expect(parse('--user-app', '0', '--user-app-plain', '0')).toMatchObject({ userAppCounts: [], userAppPlainCounts: [] });
    expect(parse('--user-app-plain=100,300')).toMatchObject({ userAppPlainCounts: [100, 300] });
    expect(parse('--reference', 'examples').referenceDir).toBe(path.join(ROOT, 'examples'));
  });

  test.each([
    [['--help'], true],
    [['-h'], true],
    [['--runs', '9'], false],
  ])('%j sets help: %s', (argv, help) => {
    expect(parse(...argv).help).toBe(help);
  });

  test('the usage names every option the parser takes', () => {
    for (const name of ['--runs', '--cli-runs', '--counts', '--scaling-runs', '--yardstick', '--config', '--reference', '--plain-cdk8s', '--user-app', '--user-app-plain', '--help']) {
      expect(BENCH_USAGE).toMatch(new RegExp(`(^|\\s)${name}\\s`));
    }
  });

  test.each([
    [['--cont', '1'], "unknown option '--cont'; did you mean --counts?"],
    [['--verbose'], "unknown option '--verbose'"],
    [['1000'], "unexpected argument '1000'; options take the form --name value"],
    [['--counts', 'abc'], "--counts: 'abc' is not a comma-separated list of whole numbers of at least 1, e.g. 1,10,100"],
    [['--counts', '1,,10'], "--counts: '1,,10' is not a comma-separated list"],
    [['--runs', '3'], "--runs: '3' is not a whole number of at least 5"],
    [['--runs', '7.5'], "--runs: '7.5' is not a whole number of at least 5"],
    [['--cli-runs', '-1'], "--cli-runs: '-1' is not a whole number (0 or more)"],
    [['--scaling-runs', '0'], "--scaling-runs: '0' is not a whole number of at least 1"],
    [['--yardstick'], '--yardstick needs a value (a whole number (0 or more))'],
    [['--runs', '--cli-runs', '0'], '--runs needs a value'],
    [['--plain-cdk8s=yes'], '--plain-cdk8s takes no value'],
    [['--config', 'no-such-config.yaml'], '--config: no-such-config.yaml is not a file'],
    [['--reference', 'no-such-dir'], `--reference: ${path.join(ROOT, 'no-such-dir')} is not a directory`],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parse(...argv)).toThrow(message);
  });
});
