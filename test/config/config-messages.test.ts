import { checkConfigShape } from '../../src/config/config-shape';
import { parseConfigText } from '../../src/config/parse-config';
import { formatProblem, InvalidInputError } from '../../src/validation/problems';
import { PASTED_SECRET } from '../corpus/corpus-rows';
import { auth0Config } from '../support/temp-config';

/** The problem lines of parsing `text` as `source`. */
function parseProblems(text: string, source = 'envs/prod/pixie-auth.yaml'): string[] {
  try {
    parseConfigText(text, source);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).problems.map(formatProblem);
  }
  throw new Error('parsed without a problem');
}

/** The shape problems of auth0Config() changed by `mutate`. */
function shapeProblems(mutate: (config: any) => void): string[] {
  const config = auth0Config();
  mutate(config);
  return checkConfigShape(config).map(formatProblem);
}

const REMOTE_REF = "a reference into your secret store, { key: ..., property: ... }, where key is the secret's name in the store (e.g. pixie/auth0) and property a field inside it (optional)";

describe('YAML syntax errors', () => {
  test("name the file as given, the line and column, yaml's explanation and code, and the fix", () => {
    expect(parseProblems('auth0:\n  domain: a\n  clientId: b c: d\n')).toStrictEqual([
      'envs/prod/pixie-auth.yaml:3:13: not valid YAML: Nested mappings are not allowed in compact mappings (BLOCK_AS_IMPLICIT_KEY); give each key: value its own line, indented like the keys beside it; put a value that contains ": " in quotes',
    ]);
  });

  test('the heading names the file as given', () => {
    expect(() => parseConfigText('a: [1\n', '/tmp/m4.yaml')).toThrow(/^Cannot read \/tmp\/m4\.yaml:\n {2}- \/tmp\/m4\.yaml:/);
  });

  test('an unclosed quote is reported where it opens, not past the end of the file', () => {
    const lines = ['namespace: plc-dev', 'auth0:', '  domain: example-org.us.auth0.com', '  clientId: "pixie-cloud', '  credentials:', '    existingSecret: cloud-auth0-secrets'];
    expect(parseProblems(`${lines.join('\n')}\n`)).toStrictEqual([
      'envs/prod/pixie-auth.yaml:4:13: not valid YAML: the " quote that opens here is never closed, so the value runs on to the end of the file (MISSING_CHAR); add the closing " at the end of the value',
    ]);
  });

  test.each([
    ['with a final newline', 'a: 1\nb: [1,\n'],
    ['without a final newline', 'a: 1\nb: [1,'],
    ['with CRLF line ends', 'a: 1\r\nb: [1,\r\n'],
  ])('an error at the end of the file is on its last line (%s)', (_name, text) => {
    const [problem] = parseProblems(text, 'm4.yaml');
    expect(problem).toMatch(/^m4\.yaml:2:\d+: not valid YAML: /);
  });

  test('only the first syntax error is reported: the rest follow from it', () => {
    expect(parseProblems('auth0:\n\tdomain: a\n  clientId: b c: d\n', 'm4.yaml')).toStrictEqual([
      'm4.yaml:2:1: not valid YAML: Tabs are not allowed as indentation (TAB_AS_INDENT); indent with spaces, not tabs',
    ]);
  });

  test('every key given twice is reported, with the first line it is on', () => {
    expect(parseProblems('a: 1\nb:\n  c: 1\n  c: 2\na: 2\n', 'm4.yaml')).toStrictEqual([
      'm4.yaml:4:3: "c" is given twice in one mapping (also on line 3); keep one',
      'm4.yaml:5:1: "a" is given twice in one mapping (also on line 1); keep one',
    ]);
  });

  test('never print the content of the file', () => {
    const problems = parseProblems(`auth0:\n  clientSecret: "${PASTED_SECRET}\n`).join('\n');
    expect(problems).not.toContain(PASTED_SECRET);
    expect(problems).not.toContain(PASTED_SECRET.slice(0, 8));
  });

  test('a value starting with * (a pasted password, say) is refused where it stands, without the value (yaml\'s own error printed it)', () => {
    const problems = parseProblems(`auth0:\n  credentials:\n    fromStore:\n      clientSecret:\n        key: *${PASTED_SECRET}\n`, 'm4.yaml');
    expect(problems).toStrictEqual([
      'm4.yaml:5:14: a value starting with * is a YAML alias; a config file does not use it: if the value starts with that character, put the whole value in quotes',
    ]);
    expect(problems.join('\n')).not.toContain(PASTED_SECRET.slice(0, 8));
  });

  test('values starting with & or ! are refused where they stand, not read as empty or silently untagged', () => {
    expect(parseProblems(`auth0:\n  clientId: &${PASTED_SECRET}\n  domain: !${PASTED_SECRET} x\n`, 'm4.yaml')).toStrictEqual([
      'm4.yaml:2:13: a value starting with & is a YAML anchor; a config file does not use it: if the value starts with that character, put the whole value in quotes',
      'm4.yaml:3:11: a value starting with ! is a YAML tag; a config file does not use it: if the value starts with that character, put the whole value in quotes',
    ]);
    expect(parseConfigText(`auth0:\n  clientId: "&${'x'.repeat(4)}"\n`, 'm4.yaml')).toStrictEqual({ auth0: { clientId: '&xxxx' } });
  });

  test('two documents in one file: keep one', () => {
    expect(parseProblems('a: x\n---\nb: y\n', 'm4.yaml')).toStrictEqual([
      'm4.yaml:2:1: not valid YAML: the file holds more than one YAML document (a line --- starts another) (MULTIPLE_DOCS); keep one: a config file is one mapping',
    ]);
  });

  test('an unclosed { is told to close it', () => {
    expect(parseProblems('pixie: {oauthConfig: patch\n', 'm4.yaml')[0]).toMatch(/\(BAD_INDENT\); close the \[ or \{ on the line where it opens/);
  });
});

describe('config shape messages', () => {
  test('a missing required key says what its value is', () => {
    expect(shapeProblems(c => { delete c.auth0.domain; delete c.auth0.clientId; })).toStrictEqual([
      'auth0.domain: is required: the domain of your Auth0 tenant, a bare host such as myorg.us.auth0.com (no https://)',
      'auth0.clientId: is required: the client id of your Auth0 application (the secret goes in credentials)',
    ]);
    expect(shapeProblems(c => { delete c.auth0.credentials.fromStore.clientSecret.key; })).toStrictEqual([
      'auth0.credentials.fromStore.clientSecret.key: is required: key of the secret in the store, e.g. pixie/auth0',
    ]);
  });

  test('a mapping without a description is described by its keys', () => {
    expect(shapeProblems(c => { c.auth0.credentials = { fromStore: 'pixie-secrets' }; })).toStrictEqual([
      'auth0.credentials.fromStore: must be a mapping { store: ..., clientId: ..., clientSecret: ... } (keys allowed: store, clientId, clientSecret, refreshInterval, creationPolicy, deletionPolicy)',
    ]);
    expect(shapeProblems(c => { c.auth0.credentials = { fromStore: { store: { name: 'pixie-secrets' } } }; })).toStrictEqual([
      `auth0.credentials.fromStore.clientId: is required: ${REMOTE_REF}`,
      `auth0.credentials.fromStore.clientSecret: is required: ${REMOTE_REF}`,
    ]);
  });

  test('a value given where a store reference belongs says what the reference looks like, and never prints the value', () => {
    const problems = shapeProblems(c => { c.auth0.credentials.fromStore.clientSecret = PASTED_SECRET; });
    expect(problems).toStrictEqual([
      `auth0.credentials.fromStore.clientSecret: must be a mapping: ${REMOTE_REF}. The value given looks like a secret itself: keep it in your secret store and reference it here`,
    ]);
    expect(problems.join('\n')).not.toContain(PASTED_SECRET.slice(0, 8));
  });

  test.each(['auth0', 'oidc'])('a client secret at the top of %s points to credentials', provider => {
    const config = auth0Config();
    if (provider === 'oidc') {
      config.oidc = { issuer: 'https://keycloak.example.com/realms/pixie', clientId: 'pixie', credentials: config.auth0.credentials };
      delete config.auth0;
    }
    config[provider].clientSecret = PASTED_SECRET;
    const [problem] = checkConfigShape(config).map(formatProblem);
    expect(problem).toMatch(new RegExp(`^${provider}\\.clientSecret: is not a known key here\\. It belongs at ${provider}\\.credentials\\.fromStore\\.clientSecret: a reference into your secret store, .*\\. Or give ${provider}\\.credentials\\.existingSecret: the name of a Secret that already holds the client id and secret\\. A secret value itself never goes in this file\\. The keys allowed here are: `));
    expect(problem).not.toContain(PASTED_SECRET.slice(0, 8));
  });

  test('a key that belongs in several places lists them', () => {
    expect(shapeProblems(c => { c.reloader = true; c.domain = 'x'; })).toStrictEqual([
      'reloader: is not a known key here. It belongs at pixie.reloader. The keys allowed here are: namespace, oss, auth0, oidc, pixie, output',
      'domain: is not a known key here. It belongs at one of: oss.domain, auth0.domain. The keys allowed here are: namespace, oss, auth0, oidc, pixie, output',
    ]);
  });

  test('a misspelling at the same level still wins over a key further down', () => {
    expect(shapeProblems(c => { c.auth0.client_id = c.auth0.clientId; delete c.auth0.clientId; })).toStrictEqual([
      'auth0.client_id: is not a known key; did you mean "clientId"? The keys allowed here are: domain, clientId, emailPasswordConnection, credentials',
    ]);
  });
});
