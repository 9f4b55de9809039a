import { OssAuth, OssAuthProps } from '../../auth/oss-auth';
import { KratosAdminIdentity } from '../../ory/kratos-admin-identity';
import { KratosSmtp } from '../../ory/kratos-smtp';
import { CookieSameSiteMode, OryLogLevel } from '../../ory/ory-enums';
import { OrySecretSource } from '../../ory/ory-secret-source';
import { InputProblem } from '../../validation/problems';
import { externalSecretOptions, remoteRef, store } from '../schema-parts';
import { ConfigProvider, ProviderContext } from './config-provider';

const policies = { creationPolicy: externalSecretOptions.creationPolicy, deletionPolicy: externalSecretOptions.deletionPolicy };
const duration = { type: 'string', description: 'A Go duration such as 15m or 24h' };
const logLevel = { type: 'string', enum: Object.values(OryLogLevel) };
const configOverrides = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['path', 'value'],
    properties: { path: { type: 'string', description: 'Dotted path of the setting in the Hydra or Kratos config, e.g. log.format' }, value: { description: 'Any YAML value; null removes the key' } },
  },
};

/** `generated`, `fromStore` or `existingSecret` for a Secret with several keys. */
const secretSource = {
  type: 'object',
  additionalProperties: false,
  properties: {
    generated: { type: 'object', additionalProperties: false, properties: policies },
    fromStore: {
      type: 'object',
      additionalProperties: false,
      required: ['store', 'keys'],
      properties: {
        store,
        keys: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['secretKey', 'remote'],
            properties: { secretKey: { type: 'string', description: 'The key of the Secret that this value fills' }, remote: remoteRef },
          },
        },
        ...externalSecretOptions,
      },
    },
    existingSecret: { type: 'string' },
  },
};

/**
 * The `oss:` section of the config file: Pixie's open-source Hydra + Kratos.
 * @internal
 */
export const OSS_PROVIDER: ConfigProvider = {
  key: 'oss',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      production: { type: 'boolean' },
      clientId: { type: 'string' },
      domain: { type: 'string' },
      images: {
        type: 'object',
        additionalProperties: false,
        properties: { hydra: { type: 'string' }, hydraClient: { type: 'string' }, kratos: { type: 'string' }, curl: { type: 'string' } },
      },
      hydra: {
        type: 'object',
        additionalProperties: false,
        properties: {
          secrets: secretSource,
          logLevel,
          sameSiteMode: { type: 'string', enum: Object.values(CookieSameSiteMode) },
          accessTokenLifespan: duration,
          refreshTokenLifespan: duration,
          idTokenLifespan: duration,
          configOverrides,
        },
      },
      kratos: {
        type: 'object',
        additionalProperties: false,
        properties: {
          dev: { type: 'boolean' },
          logLevel,
          sessionLifespan: duration,
          privilegedSessionMaxAge: duration,
          passwordPolicy: {
            type: 'object',
            additionalProperties: false,
            properties: { haveIBeenPwned: { type: 'boolean' }, minLength: { type: 'integer' }, identifierSimilarityCheck: { type: 'boolean' } },
          },
          flows: {
            type: 'object',
            additionalProperties: false,
            properties: { registration: { type: 'boolean' }, recovery: { type: 'boolean' }, verification: { type: 'boolean' }, link: { type: 'boolean' } },
          },
          secrets: secretSource,
          adminIdentity: {
            type: 'object',
            additionalProperties: false,
            properties: {
              disabled: { type: 'boolean', enum: [true] },
              generated: { type: 'object', additionalProperties: false, properties: { email: { type: 'string' }, ...policies } },
              fromStore: {
                type: 'object',
                additionalProperties: false,
                required: ['store', 'password'],
                properties: { store, password: remoteRef, email: { type: 'string' }, ...externalSecretOptions },
              },
              existingSecret: { type: 'string' },
            },
          },
          smtp: {
            type: 'object',
            additionalProperties: false,
            properties: {
              devMailslurper: { type: 'boolean', enum: [true] },
              fromStore: {
                type: 'object',
                additionalProperties: false,
                required: ['store', 'connectionUri'],
                properties: { store, connectionUri: remoteRef, ...externalSecretOptions },
              },
              existingSecret: { type: 'string' },
              existingSecretKey: { type: 'string' },
            },
          },
          configOverrides,
        },
      },
    },
  },
  manualSteps: (section, namespace) => {
    const kratos = section?.kratos ?? {};
    const production = section?.production === true;
    const steps = [
      'Install the External Secrets Operator (it must serve external-secrets.io/v1 and the generators.external-secrets.io Password generator): every Hydra and Kratos secret is an ExternalSecret',
      "Create Pixie's pl-db-config, pl-db-secrets, pl-domain-config and service-tls-certs as Pixie's create_cloud_secrets.sh does: Hydra and Kratos read them and this output does not define them",
      "Use this output instead of Pixie's k8s/cloud/dev/ory_auth overlay: both define hydra and kratos",
    ];
    const fromStore = [section?.hydra?.secrets, kratos.secrets, kratos.adminIdentity, kratos.smtp].some(s => s?.fromStore);
    if (fromStore) {
      steps.push('Put the values in your secret store under the keys this config references (fromStore)');
    }
    if (kratos.adminIdentity?.generated || (kratos.adminIdentity === undefined && !production)) {
      const email = kratos.adminIdentity?.generated?.email ?? 'admin@default.com';
      steps.push(`Sign in as ${email}; the generated password is in Secret pl-kratos-admin-identity, key password (kubectl -n ${namespace} get secret pl-kratos-admin-identity -o jsonpath='{.data.password}' | base64 -d)`);
    }
    if (kratos.smtp?.devMailslurper || (kratos.smtp === undefined && !production)) {
      steps.push("Kratos sends recovery mail to Pixie's dev mail catcher at mailslurper:1025: deploy one, or configure oss.kratos.smtp with your SMTP server");
    }
    return steps;
  },
  check: (section, context) => {
    const choices = checkChoices(section ?? {});
    return choices.length > 0 ? choices : OssAuth.check(ossProps(section ?? {}, context, false), 'oss.');
  },
  build: (chart, section, context) => {
    new OssAuth(chart, 'Oss', ossProps(section ?? {}, context, true));
  },
};

/** The config section as OssAuth props. */
function ossProps(section: any, context: ProviderContext, withWorkloads: boolean): OssAuthProps {
  const hydra = section.hydra;
  const kratos = section.kratos;
  return {
    namespace: context.namespace,
    reloader: context.reloader,
    workloads: withWorkloads ? context.workloads() : (undefined as any),
    production: section.production,
    clientId: section.clientId,
    domain: section.domain,
    images: section.images,
    hydra: hydra === undefined ? undefined : { ...hydra, secrets: secretSourceFrom(hydra.secrets) },
    kratos: kratos === undefined ? undefined : {
      ...kratos,
      secrets: secretSourceFrom(kratos.secrets),
      adminIdentity: adminIdentityFrom(kratos.adminIdentity),
      smtp: smtpFrom(kratos.smtp),
    },
  };
}

function secretSourceFrom(s: any): OrySecretSource | undefined {
  if (s === undefined) return undefined;
  if (s.fromStore) return OrySecretSource.fromStore(s.fromStore);
  if (s.existingSecret !== undefined) return OrySecretSource.fromExistingSecret(s.existingSecret);
  return OrySecretSource.generated(s.generated ?? {});
}

function adminIdentityFrom(a: any): KratosAdminIdentity | undefined {
  if (a === undefined) return undefined;
  if (a.disabled) return KratosAdminIdentity.disabled();
  if (a.fromStore) return KratosAdminIdentity.fromStore(a.fromStore);
  if (a.existingSecret !== undefined) return KratosAdminIdentity.fromExistingSecret(a.existingSecret);
  return KratosAdminIdentity.generated(a.generated ?? {});
}

function smtpFrom(s: any): KratosSmtp | undefined {
  if (s === undefined) return undefined;
  if (s.fromStore) return KratosSmtp.fromStore(s.fromStore);
  if (s.existingSecret !== undefined) return KratosSmtp.fromExistingSecret(s.existingSecret, s.existingSecretKey);
  return KratosSmtp.devMailslurper();
}

/** Each source section must choose exactly one way. */
function checkChoices(section: any): InputProblem[] {
  const problems: InputProblem[] = [];
  const one = (value: any, field: string, keys: string[], hint: string) => {
    if (value === undefined) return;
    const given = keys.filter(k => value[k] !== undefined);
    if (given.length !== 1) {
      problems.push({ field, message: given.length === 0 ? `give one of ${keys.join(', ')} (${hint})` : `give only one of ${given.join(', ')}` });
    }
  };
  one(section.hydra?.secrets, 'oss.hydra.secrets', ['generated', 'fromStore', 'existingSecret'], 'generated makes the values in the cluster once');
  one(section.kratos?.secrets, 'oss.kratos.secrets', ['generated', 'fromStore', 'existingSecret'], 'generated makes the values in the cluster once');
  one(section.kratos?.adminIdentity, 'oss.kratos.adminIdentity', ['disabled', 'generated', 'fromStore', 'existingSecret'], 'disabled leaves the admin bootstrap out');
  one(section.kratos?.smtp, 'oss.kratos.smtp', ['devMailslurper', 'fromStore', 'existingSecret'], 'fromStore reads the SMTP URI from your secret store');
  if (section.kratos?.smtp?.existingSecretKey !== undefined && section.kratos.smtp.existingSecret === undefined) {
    problems.push({ field: 'oss.kratos.smtp.existingSecretKey', message: 'applies only with existingSecret' });
  }
  return problems;
}
