import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { hydraConfig, HYDRA_OVERRIDE_RULES } from '../../src/ory/hydra-config';
import { renderOryConfigYaml } from '../../src/ory/ory-yaml';
import { PIXIE_REFERENCE_DIR } from '../support/kustomize';

const PIXIE_HYDRA_CONFIG = path.join(PIXIE_REFERENCE_DIR, 'base', 'ory_auth', 'hydra', 'hydra_config.yaml');
const defaults = { sameSiteMode: 'Strict', overrides: [] };

describe('hydraConfig', () => {
  test("Pixie's settings by default: Strict cookies, pairwise and public subjects", () => {
    expect(hydraConfig(defaults)).toStrictEqual({
      serve: { cookies: { same_site_mode: 'Strict' } },
      oidc: { subject_identifiers: { supported_types: ['pairwise', 'public'] } },
    });
  });

  test("rendered, it parses to exactly what Pixie's hydra.yml holds", () => {
    // GIVEN
    const pixie = parse(parse(fs.readFileSync(PIXIE_HYDRA_CONFIG, 'utf8')).data['hydra.yml']);
    // WHEN
    const ours = parse(renderOryConfigYaml(hydraConfig(defaults)));
    // THEN
    expect(ours).toStrictEqual(pixie);
  });

  test('the typed settings land under log and ttl', () => {
    const config = hydraConfig({
      ...defaults,
      sameSiteMode: 'Lax',
      logLevel: 'debug',
      accessTokenLifespan: '30m',
      refreshTokenLifespan: '168h',
      idTokenLifespan: '15m',
    });
    expect(config.serve.cookies.same_site_mode).toBe('Lax');
    expect(config.log).toStrictEqual({ level: 'debug' });
    expect(config.ttl).toStrictEqual({ access_token: '30m', refresh_token: '168h', id_token: '15m' });
  });

  test('only the lifespans that are set appear', () => {
    expect(hydraConfig({ ...defaults, refreshTokenLifespan: '24h' }).ttl).toStrictEqual({ refresh_token: '24h' });
    expect(hydraConfig(defaults).ttl).toBeUndefined();
  });

  test('overrides are applied last', () => {
    const config = hydraConfig({ ...defaults, overrides: [{ path: 'oauth2.expose_internal_errors', value: true }] });
    expect(config.oauth2).toStrictEqual({ expose_internal_errors: true });
  });

  test('every typed path is a path the config function writes', () => {
    const config = hydraConfig({ ...defaults, logLevel: 'info', accessTokenLifespan: '1h', refreshTokenLifespan: '1h', idTokenLifespan: '1h' });
    for (const typed of Object.keys(HYDRA_OVERRIDE_RULES.typedPaths)) {
      expect(typed.split('.').reduce((o: any, k) => o?.[k], config)).toBeDefined();
    }
  });

  test('the rendered file starts with Pixie\'s comment and quotes YAML 1.1 booleans', () => {
    const text = renderOryConfigYaml(hydraConfig({ ...defaults, overrides: [{ path: 'webfinger.jwks.broadcast_keys', value: ['yes'] }] }));
    expect(text.split('\n')[0]).toBe('# All URLS must be set in the environment variables instead of config.');
    expect(text).toContain('- "yes"');
  });
});
