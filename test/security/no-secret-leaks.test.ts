import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { fieldOf, fromStoreSites, ReferenceSlot, referenceSlots, setAt } from './reference-slots';
import { synthesizeConfig } from '../../src/cli/synthesize';
import { AUTH_CONFIG_READERS, KNOWN_PIXIE_DEPLOYMENTS } from '../../src/restart/pixie-workloads';
import { checkNotPlaceholder } from '../../src/validation/field-checks';
import { InvalidInputError } from '../../src/validation/problems';
import { REPO_ROOT, tempDir } from '../support/temp-config';

/*
 * What these properties prove, and what they do not.
 *
 * The config file has no field that takes a secret's value: credentials are
 * references (a store's name; a remote key, property and version; or the
 * name of a Secret that already exists). So a secret value can reach the
 * output in two ways only:
 *
 * 1. The synth reads it from somewhere besides the config: the environment,
 *    or files beside the config (a `.env`, a JSON dump of the store). The
 *    first property generates random valid configs (every provider's
 *    example, with every reference field, the namespace, the Pixie options
 *    and the credential form randomized), puts a random secret for every
 *    reference into exactly those places, synthesizes, and asserts that no
 *    secret appears in any output file, that no Secret object (the only kind
 *    that carries secret data) is emitted, and that every remoteRef in the
 *    output is one the config gave.
 * 2. The user pastes a secret into a reference field. The second property
 *    takes random valid configs, pastes a random secret-shaped value (an
 *    Auth0-style client secret, an API key, a prefixed token, hex or
 *    base64) into one reference field, and asserts that the synth refuses,
 *    naming that field, and that the error does not echo the value.
 *
 * Not proven: that a short or low-entropy secret (`hunter2`, or a random
 * string under ~32 characters) pasted into a reference field is caught: it
 * can look like any other name (see `looksLikeSecretValue`). Nor anything for
 * public fields: an Auth0 client id is itself a random-looking string, so a
 * client secret pasted into `clientId` cannot be told apart from a real id.
 */

/** ~35 s of CPU on its own (the OSS configs synthesize in ~50 ms each); room for a loaded CI machine. */
const SLOW_PROPERTY_TIMEOUT = 600_000;

/** Runs per property; PROPERTY_RUNS raises it for a longer search. */
const RUNS = Math.max(2000, Number(process.env.PROPERTY_RUNS ?? 0));

/** Every provider's example config, and the default config. */
const BASES: { name: string; config: any }[] = [
  ...fs.readdirSync(path.join(REPO_ROOT, 'examples')).filter(f => /\.ya?ml$/.test(f)).map(f => path.join('examples', f)),
  'pixie-auth.yaml',
].sort().map(name => ({ name, config: parse(fs.readFileSync(path.join(REPO_ROOT, name), 'utf8'), { version: '1.2' }) }));

/** Sites where a base config may name an existing Secret instead of reading from a store (probed once). */
const EXISTING_SECRET_SITES: (string | number)[][][] = BASES.map(base => fromStoreSites(base.config).filter(site => {
  const config = withExistingSecrets(base.config, [site]);
  try {
    synthesizeConfig(config, REPO_ROOT);
    return true;
  } catch {
    return false;
  }
}));

function withExistingSecrets(base: any, sites: (string | number)[][]): any {
  const config = structuredClone(base);
  sites.forEach((site, i) => setAt(config, site, { existingSecret: `probe-secret-${i}` }));
  return config;
}

/** Random bytes, derived from a seed so that every run is reproducible from fast-check's seed. */
function bytes(seed: number, length: number): Buffer {
  return createHash('sha512').update(`secret-${seed}`).digest().subarray(0, length);
}

/** Shapes real secrets have, each at least 40 characters and random, as a real secret is. */
const SECRET_FORMATS: ((seed: number) => string)[] = [
  seed => bytes(seed, 48).toString('base64url'), // an Auth0 client secret: 64 characters of A-Z a-z 0-9 - _
  seed => bytes(seed, 40).toString('base64').replace(/[+/=]/g, '').slice(0, 40), // an alphanumeric API key
  seed => `sk_live_${bytes(seed, 32).toString('base64url')}`, // a prefixed token
  seed => bytes(seed, 32).toString('hex'), // 64 hex digits
  seed => bytes(seed, 32).toString('base64'), // standard base64, '/' and '+' included
  seed => `SG.${bytes(seed, 16).toString('base64url')}.${bytes(seed + 1, 32).toString('base64url')}`, // a dotted API key
];

const secretArb = fc.tuple(fc.nat(), fc.nat({ max: SECRET_FORMATS.length - 1 })).map(([seed, format]) => SECRET_FORMATS[format](seed));

const wordArb = fc.stringMatching(/^[a-z][a-z0-9]{1,8}$/).filter(w => checkNotPlaceholder(w) === undefined);
const dnsLabelArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/);
const EXTRA_READERS = KNOWN_PIXIE_DEPLOYMENTS.filter(d => !AUTH_CONFIG_READERS.includes(d));

/** A random valid config: a base with its references, namespace and Pixie options randomized. */
const configArb = fc.record({
  base: fc.nat({ max: BASES.length - 1 }),
  existingMask: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  namespace: dnsLabelArb,
  words: fc.array(wordArb, { minLength: 48, maxLength: 48 }),
  oauthConfig: fc.constantFrom('create', 'patch'),
  reloader: fc.boolean(),
  extraReaders: fc.subarray(EXTRA_READERS, { maxLength: 3 }),
}).map(r => {
  const sites = EXISTING_SECRET_SITES[r.base].filter((_, i) => r.existingMask[i]);
  const config = withExistingSecrets(BASES[r.base].config, sites);
  config.namespace = r.namespace;
  config.pixie = { ...config.pixie, oauthConfig: r.oauthConfig, reloader: r.reloader, extraOAuthConfigReaders: r.extraReaders };
  const slots = referenceSlots(config);
  slots.forEach((slot, i) => setAt(config, slot.path, referenceValue(slot, r.words, i)));
  return { name: BASES[r.base].name, config, slots };
});

/** A valid reference of the slot's kind, unique per slot. */
function referenceValue(slot: ReferenceSlot, words: string[], i: number): string {
  const word = (n: number) => words[(i * 3 + n) % words.length];
  switch (slot.kind) {
    case 'key': return `${word(0)}/${word(1)}-${i}`;
    case 'property': return `${word(2)}-${i}`;
    case 'version': return `${i + 1}`;
    default: return `${word(0)}-${i}`;
  }
}

/** Names a careless implementation might read a secret from. */
const ENV_NAMES = ['PL_AUTH0_CLIENT_SECRET', 'AUTH0_CLIENT_SECRET', 'PL_OIDC_CLIENT_SECRET', 'OIDC_CLIENT_SECRET', 'CLIENT_SECRET', 'SECRETS_SYSTEM', 'SMTP_CONNECTION_URI'];

describe('no secret value reaches the output', () => {
  test(`${RUNS} random valid configs, with the store's values in the environment and beside the config, leak none of them`, () => {
    const configDir = tempDir('pixie-leaks-');
    const savedEnv = { ...process.env };
    try {
      fc.assert(fc.property(configArb, fc.array(secretArb, { minLength: 48, maxLength: 48 }), ({ config, slots }, secrets) => {
        // GIVEN the store's contents: one secret per reference, where a careless synth could find it
        const store: Record<string, string> = {};
        slots.forEach((slot, i) => (store[`${fieldOf(slot.path)}=${slot.path.reduce((o: any, k) => o[k], config)}`] = secrets[i]));
        fs.writeFileSync(path.join(configDir, 'store.json'), JSON.stringify(store));
        fs.writeFileSync(path.join(configDir, '.env'), Object.values(store).map((s, i) => `SECRET_${i}=${s}\n`).join(''));
        ENV_NAMES.forEach((name, i) => (process.env[name] = secrets[i]));
        const planted = secrets.slice(0, Math.max(slots.length, ENV_NAMES.length));

        // WHEN
        const result = synthesizeConfig(config, configDir);

        // THEN no secret in any file
        const leaks = result.files.flatMap(file => planted.filter(s => file.content.includes(s)).map(() => file.path));
        expect(leaks).toStrictEqual([]);
        // AND no Secret objects, and only the config's own references
        const documents = result.files.flatMap(f => f.content.split(/^---\n/m));
        expect(documents.filter(d => /^kind: Secret$/m.test(d))).toStrictEqual([]);
        const given = new Set(slots.map(slot => String(slot.path.reduce((o: any, k) => o[k], config))));
        const emitted = documents.filter(d => /^kind: ExternalSecret$/m.test(d)).map(d => parse(d))
          .flatMap(o => (o.spec.data ?? []).flatMap((d: any) => [d.remoteRef.key, d.remoteRef.property, d.remoteRef.version]))
          .filter(v => v !== undefined);
        expect(emitted.filter(ref => !given.has(ref))).toStrictEqual([]);
      }), { numRuns: RUNS });
    } finally {
      ENV_NAMES.forEach(name => {
        if (savedEnv[name] === undefined) delete process.env[name];
        else process.env[name] = savedEnv[name];
      });
    }
  }, SLOW_PROPERTY_TIMEOUT);

  test(`${RUNS} secret-shaped values pasted into a reference field are refused, naming the field, without echoing the value`, () => {
    fc.assert(fc.property(configArb, fc.nat(), secretArb, (generated, choice, secret) => {
      // GIVEN a secret pasted into one reference field (or into a version beside a key)
      const { config, slots } = structuredClone(generated);
      fc.pre(slots.length > 0);
      const candidates = [...slots, ...slots.filter(s => s.kind === 'key').map(s => ({ path: [...s.path.slice(0, -1), 'version'], kind: 'version' as const }))];
      const slot = candidates[choice % candidates.length];
      setAt(config, slot.path, secret);

      // WHEN
      let error: unknown;
      try {
        synthesizeConfig(config, REPO_ROOT);
      } catch (e) {
        error = e;
      }

      // THEN
      expect(error).toBeInstanceOf(InvalidInputError);
      const problems = (error as InvalidInputError).problems;
      expect(problems.map(p => p.field)).toContain(fieldOf(slot.path));
      expect((error as Error).message).not.toContain(secret);
    }), { numRuns: RUNS });
  });

  test('the configs randomized hold every kind of reference field', () => {
    const configs = BASES.flatMap((base, i) => [base.config, withExistingSecrets(base.config, EXISTING_SECRET_SITES[i])]);
    const kinds = new Set(configs.flatMap(config => referenceSlots(config)).map(s => s.kind));
    expect([...kinds].sort()).toStrictEqual(['existingSecret', 'key', 'property', 'store']);
  });
});
