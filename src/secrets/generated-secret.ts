import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { checkPolicyPair, SecretCreationPolicy, SecretDeletionPolicy } from './secret-store';
import {
  ExternalSecret,
  ExternalSecretProps,
  ExternalSecretSpecDataFromSourceRefGeneratorRefKind,
  ExternalSecretSpecRefreshPolicy,
  ExternalSecretSpecTargetTemplateEngineVersion,
  ExternalSecretSpecTargetTemplateMergePolicy,
} from '../imports/external-secrets.io';
import { Password, PasswordProps } from '../imports/generators.external-secrets.io';
import { PlainApiObject } from '../objects/plain-api-object';
import { checkDnsSubdomain, quote } from '../validation/field-checks';
import { InputProblem, ProblemCollector } from '../validation/problems';

/** apiVersion of the External Secrets generators. */
const GENERATORS_API_VERSION = 'generators.external-secrets.io/v1alpha1';

/** The key the Password generator writes its value under. */
const GENERATOR_OUTPUT_KEY = 'password';

/** Keys of a Kubernetes Secret. */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * One key of a generated Secret: a random alphanumeric value made in the
 * cluster by the External Secrets `Password` generator.
 */
export interface GeneratedSecretKey {
  /** Key in the target Secret, e.g. `SECRETS_SYSTEM`. */
  readonly secretKey: string;
  /**
   * Length of the value. Letters and digits only, as Pixie's
   * `create_cloud_secrets.sh` makes them.
   * @default 64
   */
  readonly length?: number;
}

/**
 * One key of the target Secret rendered from the generated values with an
 * External Secrets template (engine v2), e.g. a JSON document that embeds a
 * generated password as `{{ .password | toJson }}`.
 */
export interface GeneratedSecretTemplate {
  /** Key in the target Secret. */
  readonly secretKey: string;
  /** The template. It names generated keys, never values. */
  readonly template: string;
}

/**
 * Props for `GeneratedSecret`.
 */
export interface GeneratedSecretProps {
  /** Name of the ExternalSecret and of the Secret it creates. */
  readonly secretName: string;
  /**
   * Namespace of the ExternalSecret and its generators.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /** The generated keys; each gets its own value. */
  readonly keys: GeneratedSecretKey[];
  /**
   * Keys rendered from the generated ones. When given, the Secret holds
   * exactly these keys (the template's merge policy is `Replace`).
   * @default - the Secret holds the generated keys as they are
   */
  readonly templates?: GeneratedSecretTemplate[];
  /**
   * The target Secret's creation policy.
   * @default SecretCreationPolicy.OWNER
   */
  readonly creationPolicy?: SecretCreationPolicy;
  /**
   * The target Secret's deletion policy.
   * @default SecretDeletionPolicy.RETAIN
   */
  readonly deletionPolicy?: SecretDeletionPolicy;
}

/**
 * A Secret whose values are generated once, in the cluster, by the External
 * Secrets Operator: one `Password` generator per key and one ExternalSecret
 * that reads each generator through its own `dataFrom` entry (so every key
 * gets its own value) and renames the generator's `password` key.
 *
 * The values are created once and never rotate: `refreshPolicy: CreatedOnce`
 * and `target.immutable: true`, as ESO's docs prescribe for generated
 * credentials, and `refreshInterval: 0s` so that operators which predate
 * `refreshPolicy` also fetch only once (the 1h default would make a new value
 * every hour). No value ever appears in the manifests.
 */
export class GeneratedSecret extends Construct {
  /** Problems with the props, each prefixed with `fieldPrefix`. */
  public static check(props: GeneratedSecretProps, fieldPrefix = ''): InputProblem[] {
    const problems = new ProblemCollector();
    const field = (name: string) => `${fieldPrefix}${name}`;
    problems.add(field('secretName'), checkDnsSubdomain(props.secretName));
    if (props.keys.length === 0) {
      problems.add(field('keys'), 'must list at least one key to generate');
    }
    problems.add(field('deletionPolicy'), checkPolicyPair(props.creationPolicy, props.deletionPolicy));
    const seenKeys = new Set<string>();
    const seenGenerators = new Map<string, string>();
    props.keys.forEach((key, i) => {
      const keyField = field(`keys[${i}]`);
      problems.add(`${keyField}.secretKey`, checkSecretKey(key.secretKey));
      if (seenKeys.has(key.secretKey)) {
        problems.add(`${keyField}.secretKey`, `${quote(key.secretKey)} is listed twice: each key is generated once`);
      }
      seenKeys.add(key.secretKey);
      const generator = generatorName(props.secretName, key.secretKey);
      const clash = seenGenerators.get(generator);
      if (clash !== undefined && clash !== key.secretKey) {
        problems.add(`${keyField}.secretKey`, `${quote(key.secretKey)} and ${quote(clash)} give the same generator name ${quote(generator)}; rename one`);
      }
      seenGenerators.set(generator, key.secretKey);
      problems.add(`${keyField}.secretKey`, checkDnsSubdomain(generator));
      if (key.length !== undefined && (!Number.isInteger(key.length) || key.length < 16 || key.length > 256)) {
        problems.add(`${keyField}.length`, `${quote(key.length)} must be a whole number from 16 to 256`);
      }
    });
    const seenTemplates = new Set<string>();
    (props.templates ?? []).forEach((t, i) => {
      problems.add(field(`templates[${i}].secretKey`), checkSecretKey(t.secretKey));
      if (seenTemplates.has(t.secretKey)) {
        problems.add(field(`templates[${i}].secretKey`), `${quote(t.secretKey)} is listed twice`);
      }
      seenTemplates.add(t.secretKey);
      if (!t.template.includes('{{')) {
        problems.add(field(`templates[${i}].template`), 'uses no generated key (no {{ ... }}); a constant does not belong in a Secret');
      }
    });
    return problems.problems;
  }

  /** The ExternalSecret object. */
  public readonly externalSecret: ApiObject;
  /** The `Password` generators, one per generated key, in the order of `keys`. */
  public readonly generators: ApiObject[];
  /** The Secret the operator creates, for `envValue(key)` and volumes. */
  public readonly secret: kplus.ISecret;
  /** Name of the ExternalSecret and of its target Secret. */
  public readonly secretName: string;

  constructor(scope: Construct, id: string, props: GeneratedSecretProps) {
    super(scope, id);
    const problems = new ProblemCollector();
    problems.addAll(GeneratedSecret.check(props));
    problems.throwIfAny(`Invalid generated Secret ${quote(props.secretName)}`);

    this.secretName = props.secretName;
    this.generators = props.keys.map(key => new PlainApiObject(this, `Generator-${key.secretKey}`, Password.GVK, {
      metadata: { name: generatorName(props.secretName, key.secretKey), namespace: props.namespace },
      spec: { length: key.length ?? 64, symbols: 0, noUpper: false, allowRepeat: true },
    } satisfies PasswordProps));
    const templates = props.templates ?? [];
    this.externalSecret = new PlainApiObject(this, 'Resource', ExternalSecret.GVK, {
      metadata: { name: props.secretName, namespace: props.namespace },
      spec: {
        refreshPolicy: ExternalSecretSpecRefreshPolicy.CREATED_ONCE,
        refreshInterval: '0s',
        target: {
          name: props.secretName,
          creationPolicy: (props.creationPolicy ?? SecretCreationPolicy.OWNER) as any,
          deletionPolicy: (props.deletionPolicy ?? SecretDeletionPolicy.RETAIN) as any,
          immutable: true,
          template: templates.length === 0 ? undefined : {
            engineVersion: ExternalSecretSpecTargetTemplateEngineVersion.V2,
            mergePolicy: ExternalSecretSpecTargetTemplateMergePolicy.REPLACE,
            data: Object.fromEntries(templates.map(t => [t.secretKey, t.template])),
          },
        },
        dataFrom: props.keys.map((key, i) => ({
          sourceRef: {
            generatorRef: {
              apiVersion: GENERATORS_API_VERSION,
              kind: ExternalSecretSpecDataFromSourceRefGeneratorRefKind.PASSWORD,
              name: this.generators[i].name,
            },
          },
          rewrite: key.secretKey === GENERATOR_OUTPUT_KEY ? undefined : [
            { regexp: { source: `^${GENERATOR_OUTPUT_KEY}$`, target: key.secretKey } },
          ],
        })),
      },
    } satisfies ExternalSecretProps);
    this.secret = kplus.Secret.fromSecretName(this, 'Secret', props.secretName);
  }
}

/** `pl-hydra-secrets` + `SECRETS_SYSTEM` → `pl-hydra-secrets-secrets-system`. */
function generatorName(secretName: string, secretKey: string): string {
  return `${secretName}-${secretKey.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

function checkSecretKey(key: string): string | undefined {
  if (!SECRET_KEY.test(key) || key.length > 253) {
    return `${quote(key)} is not a valid Secret key: use letters, digits, '-', '_' and '.'`;
  }
  return undefined;
}
