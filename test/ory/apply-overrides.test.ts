import * as fc from 'fast-check';
import { applyConfigOverrides, checkConfigOverrides } from '../../src/ory/apply-overrides';
import { HYDRA_OVERRIDE_RULES } from '../../src/ory/hydra-config';
import { KRATOS_OVERRIDE_RULES } from '../../src/ory/kratos-config';

const FIELD = 'kratos.configOverrides';
const check = (overrides: any[]) => checkConfigOverrides(overrides, KRATOS_OVERRIDE_RULES, FIELD);

describe('applyConfigOverrides', () => {
  test('a scalar replaces, a mapping merges, null removes', () => {
    // GIVEN
    const config = { log: { level: 'info', format: 'text' }, session: { lifespan: '24h' }, serve: { public: { cors: { enabled: false } } } };
    // WHEN
    const result = applyConfigOverrides(config, [
      { path: 'log.format', value: 'json' },
      { path: 'serve.public', value: { cors: { allowed_origins: ['https://a.example'] } } },
      { path: 'session', value: null },
    ]);
    // THEN
    expect(result).toStrictEqual({
      log: { level: 'info', format: 'json' },
      serve: { public: { cors: { enabled: false, allowed_origins: ['https://a.example'] } } },
    });
  });

  test('creates the sections a path needs', () => {
    expect(applyConfigOverrides({}, [{ path: 'a.b.c', value: 1 }])).toStrictEqual({ a: { b: { c: 1 } } });
  });

  test('a list replaces a list', () => {
    expect(applyConfigOverrides({ a: [1, 2] }, [{ path: 'a', value: [3] }])).toStrictEqual({ a: [3] });
  });

  test('never changes its input (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (existing, value) => {
      const config = { top: { key: existing } };
      const before = JSON.stringify(config);
      applyConfigOverrides(config, [{ path: 'top.key', value }, { path: 'top.other', value }]);
      return JSON.stringify(config) === before;
    }));
  });

  test('a scalar at a fresh path is read back as given (property)', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.integer(), fc.boolean()), value => {
      const result = applyConfigOverrides({ selfservice: { methods: {} } }, [{ path: 'selfservice.methods.totp.issuer', value }]);
      return result.selfservice.methods.totp.issuer === value;
    }));
  });
});

describe('checkConfigOverrides', () => {
  test('accepts a setting no typed prop covers', () => {
    expect(check([{ path: 'session.cookie.same_site', value: 'Lax' }, { path: 'selfservice.methods', value: { totp: { enabled: true } } }])).toStrictEqual([]);
  });

  test('reports a path that is not dotted', () => {
    expect(check([{ path: 'log..level', value: 'x' }])).toStrictEqual([
      { field: `${FIELD}[0].path`, message: '"log..level" is not a dotted path such as session.cookie.same_site' },
    ]);
  });

  test('reports an unknown top-level key with a suggestion', () => {
    expect(check([{ path: 'sesion.lifespan', value: '1h' }])).toStrictEqual([{
      field: `${FIELD}[0].path`,
      message: `"sesion" is not a Kratos config key; did you mean "session"? (known: ${KRATOS_OVERRIDE_RULES.topLevelKeys.join(', ')})`,
    }]);
  });

  test('reports a key a typed prop controls, naming the prop', () => {
    expect(check([{ path: 'log.level', value: 'debug' }])).toStrictEqual([{
      field: `${FIELD}[0].path`,
      message: '"log.level" would set "log.level", which the typed prop \'kratos.logLevel\' controls; set that instead',
    }]);
  });

  test('reports a mapping that would reach a typed key', () => {
    expect(check([{ path: 'session', value: { lifespan: '1h' } }])[0].message).toContain("the typed prop 'kratos.sessionLifespan'");
  });

  test('reports null on a section that holds a typed key', () => {
    expect(check([{ path: 'selfservice.flows', value: null }])[0].message).toContain('which the typed prop');
  });

  test('reports a key that the environment sets, naming the env var', () => {
    expect(check([{ path: 'serve.public.base_url', value: 'https://x.example/' }])).toStrictEqual([{
      field: `${FIELD}[0].path`,
      message: '"serve.public.base_url" would set "serve.public.base_url", which Pixie\'s Kratos Deployment sets through the environment (SERVE_PUBLIC_BASE_URL), and the environment wins over the file',
    }]);
  });

  test('refuses the credential paths: secrets, DSN, SMTP URI', () => {
    const problems = check([
      { path: 'secrets.cookie', value: ['x'] },
      { path: 'dsn', value: 'memory' },
      { path: 'courier.smtp', value: { connection_uri: 'smtp://mail:25' } },
    ]);
    expect(problems.map(p => p.field)).toStrictEqual([`${FIELD}[0].path`, `${FIELD}[1].path`, `${FIELD}[2].path`]);
    expect(problems[0].message).toBe('"secrets.cookie" would set "secrets", a credential; it comes from pl-kratos-secrets (SECRETS_COOKIE, SECRETS_CIPHER), never from the config file');
    expect(problems[2].message).toContain('kratos.smtp');
  });

  test("refuses Hydra's system secret and pairwise salt", () => {
    const problems = checkConfigOverrides([
      { path: 'secrets.system', value: ['x'] },
      { path: 'oidc.subject_identifiers.pairwise.salt', value: 'x' },
    ], HYDRA_OVERRIDE_RULES, 'hydra.configOverrides');
    expect(problems.map(p => p.message)).toStrictEqual([
      '"secrets.system" would set "secrets", a credential; it comes from pl-hydra-secrets (SECRETS_SYSTEM), never from the config file',
      '"oidc.subject_identifiers.pairwise.salt" would set "oidc.subject_identifiers.pairwise.salt", a credential; it comes from pl-hydra-secrets (OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT), never from the config file',
    ]);
  });

  test('refuses credentials anywhere in a value: URL passwords, credential keys, secret-looking strings', () => {
    const problems = check([
      { path: 'selfservice.flows.registration.after.hooks', value: [{ hook: 'web_hook', config: { url: 'https://user:hunter2@hooks.example/x', method: 'POST' } }] },
      { path: 'selfservice.methods.oidc', value: { config: { providers: [{ id: 'g', client_secret: 'abc' }] } } },
      { path: 'tracing.providers.jaeger.sampling.server_url', value: 'Xk2s9Lq8Zp4Rt7Vw1Yb3Nc6Md0Fg5Hj' },
    ]);
    expect(problems).toStrictEqual([
      { field: `${FIELD}[0].value`, message: 'selfservice.flows.registration.after.hooks[0].config.url holds a URL with a password; credentials come from Secrets, never from the config file' },
      { field: `${FIELD}[1].value`, message: 'selfservice.methods.oidc.config.providers[0].client_secret looks like a credential ("client_secret"); credentials come from Secrets, never from the config file' },
      { field: `${FIELD}[2].value`, message: 'tracing.providers.jaeger.sampling.server_url ("Xk2s…(31 characters)") looks like a secret value; credentials come from Secrets, never from the config file' },
    ]);
  });

  test('reports a path set twice and a missing value', () => {
    expect(check([{ path: 'cookies.domain', value: 'a' }, { path: 'cookies.domain', value: 'b' }, { path: 'cookies.path', value: undefined }])).toStrictEqual([
      { field: `${FIELD}[1].path`, message: `"cookies.domain" is already set by ${FIELD}[0]; set each path once` },
      { field: `${FIELD}[2].value`, message: 'is required (use null to remove the key)' },
    ]);
  });
});
