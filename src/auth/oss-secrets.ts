import { ApiObject, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { HYDRA_SECRET_KEYS, KRATOS_SECRET_KEYS, ORY_SECRET_NAMES } from './oss-checks';
import { ExternalSecretSpecTargetTemplateEngineVersion, ExternalSecretSpecTargetTemplateMergePolicy } from '../imports/external-secrets.io';
import { KratosAdminIdentity } from '../ory/kratos-admin-identity';
import { KratosSmtp } from '../ory/kratos-smtp';
import { OrySecretSource } from '../ory/ory-secret-source';
import { GeneratedSecret, GeneratedSecretKey } from '../secrets/generated-secret';
import { StoreBackedSecret, storeSyncOptions } from '../secrets/store-backed-secret';

/**
 * A Secret that Hydra or Kratos reads, and the ExternalSecret that fills it
 * (none for an existing Secret).
 * @internal
 */
export interface OrySecret {
  readonly secretName: string;
  /** The key an env var reads, for single-purpose Secrets. */
  readonly key?: string;
  readonly externalSecret?: ApiObject;
}

/** The key of the admin Secret that holds Kratos's identity document. */
const ADMIN_IDENTITY_KEY = 'ADMIN_IDENTITY';

/** Kratos's cipher secret must be exactly 32 characters; the rest follow Pixie's 64. */
const KRATOS_KEY_LENGTHS: Record<string, number> = { SECRETS_COOKIE: 64, SECRETS_CIPHER: 32 };

/** `pl-hydra-secrets`. @internal */
export function hydraSecret(scope: Construct, source: OrySecretSource, namespace: string): OrySecret {
  return multiKeySecret(scope, 'HydraSecrets', source, ORY_SECRET_NAMES.hydra, namespace, HYDRA_SECRET_KEYS.map(secretKey => ({ secretKey, length: 64 })));
}

/** `pl-kratos-secrets`. @internal */
export function kratosSecret(scope: Construct, source: OrySecretSource, namespace: string): OrySecret {
  return multiKeySecret(scope, 'KratosSecrets', source, ORY_SECRET_NAMES.kratos, namespace, KRATOS_SECRET_KEYS.map(secretKey => ({ secretKey, length: KRATOS_KEY_LENGTHS[secretKey] })));
}

/**
 * The Secret with Kratos's admin identity document under `ADMIN_IDENTITY`,
 * rendered by the operator from the password; `undefined` when disabled.
 * @internal
 */
export function adminIdentitySecret(scope: Construct, identity: KratosAdminIdentity, namespace: string): OrySecret | undefined {
  if (!identity.enabled) {
    return undefined;
  }
  if (identity.existingSecretName !== undefined) {
    return { secretName: identity.existingSecretName, key: ADMIN_IDENTITY_KEY };
  }
  const template = identityTemplate(identity.email!);
  const secretName = ORY_SECRET_NAMES.adminIdentity;
  const store = identity.storeOptions;
  if (store) {
    const secret = new StoreBackedSecret(scope, 'AdminIdentity', {
      secretName,
      namespace,
      ...storeSyncOptions(store),
      keys: [{ secretKey: 'password', remote: store.password }],
    });
    secret.externalSecret.addJsonPatch(JsonPatch.add('/spec/target/template', {
      engineVersion: ExternalSecretSpecTargetTemplateEngineVersion.V2,
      mergePolicy: ExternalSecretSpecTargetTemplateMergePolicy.REPLACE,
      data: { [ADMIN_IDENTITY_KEY]: template },
    }));
    return { secretName, key: ADMIN_IDENTITY_KEY, externalSecret: secret.externalSecret };
  }
  const secret = new GeneratedSecret(scope, 'AdminIdentity', {
    secretName,
    namespace,
    keys: [{ secretKey: 'password', length: 32 }],
    templates: [
      { secretKey: ADMIN_IDENTITY_KEY, template },
      { secretKey: 'password', template: '{{ .password }}' },
    ],
    creationPolicy: identity.generatedOptions?.creationPolicy,
    deletionPolicy: identity.generatedOptions?.deletionPolicy,
  });
  return { secretName, key: ADMIN_IDENTITY_KEY, externalSecret: secret.externalSecret };
}

/** The Secret with the courier's SMTP connection URI. @internal */
export function smtpSecret(scope: Construct, smtp: KratosSmtp, namespace: string): OrySecret {
  if (smtp.existingSecretName !== undefined) {
    return { secretName: smtp.existingSecretName, key: smtp.existingSecretKey ?? KratosSmtp.URI_KEY };
  }
  const secretName = ORY_SECRET_NAMES.smtp;
  const store = smtp.storeOptions;
  if (store) {
    const secret = new StoreBackedSecret(scope, 'Smtp', {
      secretName,
      namespace,
      ...storeSyncOptions(store),
      keys: [{ secretKey: KratosSmtp.URI_KEY, remote: store.connectionUri }],
    });
    return { secretName, key: KratosSmtp.URI_KEY, externalSecret: secret.externalSecret };
  }
  // Pixie's mailslurper URI, with a generated password in place of Pixie's literal `test`.
  const secret = new GeneratedSecret(scope, 'Smtp', {
    secretName,
    namespace,
    keys: [{ secretKey: 'password', length: 32 }],
    templates: [{ secretKey: KratosSmtp.URI_KEY, template: 'smtps://test:{{ .password }}@mailslurper:1025/?skip_ssl_verify=true' }],
  });
  return { secretName, key: KratosSmtp.URI_KEY, externalSecret: secret.externalSecret };
}

/**
 * The identity document Kratos's admin API takes, as an External Secrets
 * template: the password is inserted by the operator, JSON-quoted.
 */
function identityTemplate(email: string): string {
  return `{"schema_id":"default","traits":{"email":${JSON.stringify(email)}},"credentials":{"password":{"config":{"password":{{ .password | toJson }}}}}}`;
}

function multiKeySecret(
  scope: Construct, id: string, source: OrySecretSource, secretName: string, namespace: string, keys: GeneratedSecretKey[],
): OrySecret {
  if (source.existingSecretName !== undefined) {
    return { secretName: source.existingSecretName };
  }
  const store = source.storeOptions;
  if (store) {
    const secret = new StoreBackedSecret(scope, id, {
      secretName,
      namespace,
      ...storeSyncOptions(store),
      keys: store.keys,
    });
    return { secretName, externalSecret: secret.externalSecret };
  }
  const secret = new GeneratedSecret(scope, id, {
    secretName,
    namespace,
    keys,
    creationPolicy: source.generatedOptions?.creationPolicy,
    deletionPolicy: source.generatedOptions?.deletionPolicy,
  });
  return { secretName, externalSecret: secret.externalSecret };
}
