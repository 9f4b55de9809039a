import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ValidateFunction } from 'ajv';
import { describeErrors } from '../../src/validate/problem-messages';
import { readSchemaFiles } from '../../src/validate/schema-files';
import { SchemaRegistry } from '../../src/validate/schema-registry';
import { CACHE_DIR_VARIABLE, CompileRequest, ValidatorCache, newCachingAjv } from '../../src/validate/validator-cache';

const SCHEMA = {
  type: 'object',
  properties: { port: { type: 'integer', format: 'int32' }, name: { type: 'string', format: 'lower' } },
  required: ['name'],
  additionalProperties: false,
};
const FORMATS = { int32: { type: 'number', validate: (n: number) => n >= -(2 ** 31) && n < 2 ** 31 }, lower: /^[a-z]+$/ };

function request(schema: object = SCHEMA): CompileRequest & { compiles: number } {
  const counted = {
    compiles: 0,
    identity: { schema },
    ajv: () => {
      const ajv = newCachingAjv({ allErrors: true, strict: true });
      Object.entries(FORMATS).forEach(([name, format]) => ajv.addFormat(name, format as any));
      return ajv;
    },
    compile: (ajv: any) => {
      counted.compiles++;
      return ajv.compile(schema) as ValidateFunction;
    },
    formats: FORMATS,
  };
  return counted;
}

function outcome(validate: ValidateFunction, value: unknown): unknown {
  return validate(value) ? 'valid' : validate.errors!.map(e => `${e.instancePath} ${e.keyword} ${e.message}`);
}

const VALUES = [{ name: 'ok', port: 80 }, { name: 'Not-lower', port: 2 ** 40 }, { port: 'x', extra: true }];

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validator-cache-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ValidatorCache', () => {
  test('compiles once, then loads code that validates exactly like the compiled validator', () => {
    // GIVEN
    const first = request();
    const compiled = new ValidatorCache(dir).compile(first);

    // WHEN
    const second = request();
    const loaded = new ValidatorCache(dir).compile(second);

    // THEN
    expect([first.compiles, second.compiles]).toStrictEqual([1, 0]);
    expect(fs.readdirSync(dir)).toHaveLength(1);
    expect(VALUES.map(v => outcome(loaded, v))).toStrictEqual(VALUES.map(v => outcome(compiled, v)));
    expect(outcome(loaded, VALUES[1])).toStrictEqual(['/port format must match format "int32"', '/name format must match format "lower"']);
  });

  test('a different identity is a different file', () => {
    // WHEN
    new ValidatorCache(dir).compile(request());
    new ValidatorCache(dir).compile(request({ ...SCHEMA, required: [] }));

    // THEN
    expect(fs.readdirSync(dir)).toHaveLength(2);
  });

  test('a file that does not run is compiled again and replaced', () => {
    // GIVEN
    new ValidatorCache(dir).compile(request());
    const [file] = fs.readdirSync(dir);
    fs.writeFileSync(path.join(dir, file), 'this is not javascript');

    // WHEN
    const again = request();
    const validate = new ValidatorCache(dir).compile(again);

    // THEN
    expect(again.compiles).toBe(1);
    expect(outcome(validate, VALUES[0])).toBe('valid');
    expect(fs.readFileSync(path.join(dir, file), 'utf8')).toContain('module.exports');
  });

  test('without a directory, compiles every time and writes nothing', () => {
    // WHEN
    const counted = request();
    const cache = new ValidatorCache(undefined);
    cache.compile(counted);
    cache.compile(counted);

    // THEN
    expect(counted.compiles).toBe(2);
  });

  test('a directory that cannot be written is no cache, not an error', () => {
    // GIVEN
    const blocked = path.join(dir, 'file');
    fs.writeFileSync(blocked, '');

    // WHEN
    const validate = new ValidatorCache(path.join(blocked, 'cache')).compile(request());

    // THEN
    expect(outcome(validate, VALUES[0])).toBe('valid');
  });

  test('the default is $PIXIE_AUTH_CACHE_DIR, "off" turns it off, else node_modules/.cache in the package root', () => {
    const saved = process.env[CACHE_DIR_VARIABLE];
    try {
      process.env[CACHE_DIR_VARIABLE] = dir;
      expect(ValidatorCache.default().dir).toBe(dir);
      process.env[CACHE_DIR_VARIABLE] = 'off';
      expect(ValidatorCache.default().dir).toBeUndefined();
      delete process.env[CACHE_DIR_VARIABLE];
      expect(ValidatorCache.default().dir).toBe(path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'cdk8s-pixie-auth'));
    } finally {
      if (saved === undefined) delete process.env[CACHE_DIR_VARIABLE];
      else process.env[CACHE_DIR_VARIABLE] = saved;
    }
  });
});

describe('SchemaRegistry with a cache', () => {
  test('reports the same problems from cached validators as from compiled ones', () => {
    // GIVEN
    const bad = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x', namespace: 'plc-dev', labelz: {} },
      spec: {
        replicas: 'two',
        selector: { matchLabels: { name: 'x' } },
        template: { spec: { containers: [{ name: 'c', image: 'i', imagePullPolicyy: 'Always', ports: [{ containerPort: 2 ** 40 }] }] } },
      },
    };
    const problems = (registry: SchemaRegistry) => {
      const validate = registry.validatorFor('apps/v1', 'Deployment')!;
      return validate(bad) ? [] : describeErrors(validate.errors!);
    };
    const files = readSchemaFiles();

    // WHEN
    const compiled = problems(new SchemaRegistry(files));
    const stored = problems(new SchemaRegistry(files, false, new ValidatorCache(dir)));
    const loaded = problems(new SchemaRegistry(files, false, new ValidatorCache(dir)));

    // THEN
    expect(fs.readdirSync(dir)).toHaveLength(1);
    expect(compiled.length).toBeGreaterThanOrEqual(4);
    expect(stored).toStrictEqual(compiled);
    expect(loaded).toStrictEqual(compiled);
  });
});
