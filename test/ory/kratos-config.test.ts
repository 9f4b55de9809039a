import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { KRATOS_OVERRIDE_RULES, kratosConfig, KratosConfigSettings, renderIdentitySchema } from '../../src/ory/kratos-config';
import { renderOryConfigYaml } from '../../src/ory/ory-yaml';
import { PIXIE_REFERENCE_DIR } from '../support/kustomize';

const PIXIE_KRATOS_CONFIG = path.join(PIXIE_REFERENCE_DIR, 'base', 'ory_auth', 'kratos', 'kratos_config.yaml');
const pixieData = () => parse(fs.readFileSync(PIXIE_KRATOS_CONFIG, 'utf8')).data;

/** Pixie's settings, as OssAuth resolves them for plc-dev. */
const PIXIE: KratosConfigSettings = {
  logLevel: 'trace',
  privilegedSessionMaxAge: '15m',
  haveIBeenPwned: false,
  registration: true,
  recovery: true,
  verification: false,
  link: true,
  overrides: [],
};

describe('kratosConfig', () => {
  test("with Pixie's settings it is Pixie's kratos.yml without the courier's SMTP URI", () => {
    // GIVEN
    const pixie = parse(pixieData()['kratos.yml']);
    // WHEN
    const ours = parse(renderOryConfigYaml(kratosConfig(PIXIE)));
    // THEN
    const { courier, ...pixieWithoutCourier } = pixie;
    expect(courier).toStrictEqual({ smtp: { connection_uri: expect.stringContaining('mailslurper') } });
    expect(ours).toStrictEqual(pixieWithoutCourier);
  });

  test('never writes the courier, the DSN or secrets: those come from the environment', () => {
    const config = kratosConfig(PIXIE);
    expect(config.courier).toBeUndefined();
    expect(config.dsn).toBeUndefined();
    expect(config.secrets).toBeUndefined();
  });

  test("the identity schema parses to exactly Pixie's", () => {
    expect(JSON.parse(renderIdentitySchema())).toStrictEqual(JSON.parse(pixieData()['identity.schema.json']));
  });

  test('session lifespan, password policy and flows land where Kratos reads them', () => {
    // WHEN
    const config = kratosConfig({
      ...PIXIE,
      logLevel: 'info',
      sessionLifespan: '12h',
      privilegedSessionMaxAge: '5m',
      haveIBeenPwned: true,
      minPasswordLength: 12,
      identifierSimilarityCheck: false,
      registration: false,
      verification: true,
    });
    // THEN
    expect(config.log).toStrictEqual({ level: 'info' });
    expect(config.session).toStrictEqual({ lifespan: '12h' });
    expect(config.selfservice.methods.password.config).toStrictEqual({
      haveibeenpwned_enabled: true,
      min_password_length: 12,
      identifier_similarity_check_enabled: false,
    });
    expect(config.selfservice.flows.settings).toStrictEqual({ privileged_session_max_age: '5m' });
    expect(config.selfservice.flows.registration).toStrictEqual({ enabled: false, after: { password: { hooks: [{ hook: 'session' }] } } });
    expect(config.selfservice.flows.verification).toStrictEqual({ enabled: true });
  });

  test('registration keeps Kratos\'s default (no enabled key) when on, as Pixie does', () => {
    expect(kratosConfig(PIXIE).selfservice.flows.registration).toStrictEqual({ after: { password: { hooks: [{ hook: 'session' }] } } });
  });

  test('a mapping override is merged into the section it names', () => {
    const config = kratosConfig({ ...PIXIE, overrides: [{ path: 'selfservice.methods', value: { totp: { enabled: true } } }] });
    expect(config.selfservice.methods.totp).toStrictEqual({ enabled: true });
    expect(config.selfservice.methods.password.enabled).toBe(true);
  });

  test('every typed path except dev is a path the config function writes', () => {
    const config = kratosConfig({ ...PIXIE, sessionLifespan: '1h', minPasswordLength: 8, identifierSimilarityCheck: true, registration: false });
    for (const typed of Object.keys(KRATOS_OVERRIDE_RULES.typedPaths).filter(p => p !== 'dev')) {
      expect(typed.split('.').reduce((o: any, k) => o?.[k], config)).toBeDefined();
    }
  });
});
