import { HydraOptions, KratosOptions } from './oss-options';
import { checkConfigOverrides } from '../ory/apply-overrides';
import { hydraConfig, HYDRA_OVERRIDE_RULES } from '../ory/hydra-config';
import { checkImageReference, resolveOryImages, ResolvedOryImages } from '../ory/image-checks';
import { OryImages } from '../ory/images';
import { KratosAdminIdentity } from '../ory/kratos-admin-identity';
import { kratosConfig, KRATOS_OVERRIDE_RULES } from '../ory/kratos-config';
import { KratosSmtp } from '../ory/kratos-smtp';
import { OryConfigOverride } from '../ory/ory-config-override';
import { CookieSameSiteMode, OryLogLevel } from '../ory/ory-enums';
import { OrySecretSource } from '../ory/ory-secret-source';
import { checkOrySecretSource } from '../ory/secret-source-checks';
import { PIXIE_HYDRA_CLIENT_ID } from '../ory/sidecar-commands';
import { checkPolicyPair } from '../secrets/secret-store';
import { StoreBackedSecret } from '../secrets/store-backed-secret';
import { checkBareHost, checkExistingSecretName, checkNonEmpty, checkNotPlaceholder, GO_DURATION, quote } from '../validation/field-checks';
import { InputProblem, ProblemCollector } from '../validation/problems';

/** Names of the Secrets Hydra and Kratos read. @internal */
export const ORY_SECRET_NAMES = {
  hydra: 'pl-hydra-secrets',
  kratos: 'pl-kratos-secrets',
  adminIdentity: 'pl-kratos-admin-identity',
  smtp: 'pl-kratos-smtp',
} as const;

/** The keys of pl-hydra-secrets, as Pixie's create_cloud_secrets.sh makes them. @internal */
export const HYDRA_SECRET_KEYS = ['SECRETS_SYSTEM', 'OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT', 'CLIENT_SECRET'] as const;
/** The keys of pl-kratos-secrets. @internal */
export const KRATOS_SECRET_KEYS = ['SECRETS_COOKIE', 'SECRETS_CIPHER'] as const;

/**
 * The OssAuth props with every default filled in.
 * @internal
 */
export interface OssSettings {
  readonly production: boolean;
  readonly clientId: string;
  readonly domain?: string;
  readonly images: ResolvedOryImages;
  readonly hydraSecrets: OrySecretSource;
  readonly hydraConfig: any;
  readonly kratosDev: boolean;
  readonly kratosLogLevel: OryLogLevel;
  readonly kratosSecrets: OrySecretSource;
  readonly adminIdentity: KratosAdminIdentity;
  readonly smtp?: KratosSmtp;
  readonly kratosConfig: any;
}

/** What OssAuth needs from its props to check and resolve them. @internal */
export interface OssSettingsInput {
  readonly production?: boolean;
  readonly clientId?: string;
  readonly domain?: string;
  readonly images?: OryImages;
  readonly hydra?: HydraOptions;
  readonly kratos?: KratosOptions;
}

const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const EMAIL = /^[^\s@"'`{}\\$<>]+@[^\s@"'`{}\\$<>]+\.[^\s@"'`{}\\$<>]+$/;

/** The props with defaults resolved. Call after `checkOssSettings` found nothing. @internal */
export function resolveOssSettings(props: OssSettingsInput): OssSettings {
  const production = props.production ?? false;
  const hydra = props.hydra ?? {};
  const kratos = props.kratos ?? {};
  const policy = kratos.passwordPolicy ?? {};
  const flows = kratos.flows ?? {};
  const kratosLogLevel = kratos.logLevel ?? (production ? OryLogLevel.INFO : OryLogLevel.TRACE);
  return {
    production,
    clientId: props.clientId ?? PIXIE_HYDRA_CLIENT_ID,
    domain: props.domain,
    images: resolveOryImages(props.images),
    hydraSecrets: hydra.secrets ?? OrySecretSource.generated(),
    hydraConfig: hydraConfig({
      sameSiteMode: hydra.sameSiteMode ?? CookieSameSiteMode.STRICT,
      logLevel: hydra.logLevel,
      accessTokenLifespan: hydra.accessTokenLifespan,
      refreshTokenLifespan: hydra.refreshTokenLifespan,
      idTokenLifespan: hydra.idTokenLifespan,
      overrides: hydra.configOverrides ?? [],
    }),
    kratosDev: kratos.dev ?? !production,
    kratosLogLevel,
    kratosSecrets: kratos.secrets ?? OrySecretSource.generated(),
    adminIdentity: kratos.adminIdentity ?? (production ? KratosAdminIdentity.disabled() : KratosAdminIdentity.generated()),
    smtp: kratos.smtp ?? (production ? undefined : KratosSmtp.devMailslurper()),
    kratosConfig: kratosConfig({
      logLevel: kratosLogLevel,
      sessionLifespan: kratos.sessionLifespan,
      privilegedSessionMaxAge: kratos.privilegedSessionMaxAge ?? '15m',
      haveIBeenPwned: policy.haveIBeenPwned ?? false,
      minPasswordLength: policy.minLength,
      identifierSimilarityCheck: policy.identifierSimilarityCheck,
      registration: flows.registration ?? true,
      recovery: flows.recovery ?? true,
      verification: flows.verification ?? false,
      link: flows.link ?? true,
      overrides: kratos.configOverrides ?? [],
    }),
    // Never `set -x`: it would echo the Hydra client secret and the admin password into pod logs.
  };
}

/**
 * Every problem with the props, fields prefixed by `fieldPrefix`: bad
 * values, and the dev-only settings that `production` refuses.
 * @internal
 */
export function checkOssSettings(props: OssSettingsInput, fieldPrefix = ''): InputProblem[] {
  const problems = new ProblemCollector();
  const field = (name: string) => `${fieldPrefix}${name}`;
  const hydra = props.hydra ?? {};
  const kratos = props.kratos ?? {};

  if (props.clientId !== undefined) {
    problems.add(field('clientId'), checkNonEmpty(props.clientId) ?? checkNotPlaceholder(props.clientId) ?? checkClientId(props.clientId));
  }
  if (props.domain !== undefined) {
    problems.add(field('domain'), checkNonEmpty(props.domain) ?? checkNotPlaceholder(props.domain) ?? checkBareHost(props.domain, 'dev.withpixie.dev'));
  }
  for (const [key, image] of Object.entries(props.images ?? {})) {
    if (image !== undefined) {
      problems.add(field(`images.${key}`), checkImageReference(image));
    }
  }

  checkEnum(problems, field('hydra.logLevel'), hydra.logLevel, Object.values(OryLogLevel));
  checkEnum(problems, field('hydra.sameSiteMode'), hydra.sameSiteMode, Object.values(CookieSameSiteMode));
  for (const name of ['accessTokenLifespan', 'refreshTokenLifespan', 'idTokenLifespan'] as const) {
    problems.add(field(`hydra.${name}`), checkDuration(hydra[name]));
  }
  if (hydra.secrets) {
    problems.addAll(checkOrySecretSource(hydra.secrets, ORY_SECRET_NAMES.hydra, HYDRA_SECRET_KEYS, field('hydra.secrets')));
  }
  problems.addAll(checkConfigOverrides(hydra.configOverrides ?? [], HYDRA_OVERRIDE_RULES, field('hydra.configOverrides')));

  checkEnum(problems, field('kratos.logLevel'), kratos.logLevel, Object.values(OryLogLevel));
  problems.add(field('kratos.sessionLifespan'), checkDuration(kratos.sessionLifespan));
  problems.add(field('kratos.privilegedSessionMaxAge'), checkDuration(kratos.privilegedSessionMaxAge));
  const minLength = kratos.passwordPolicy?.minLength;
  if (minLength !== undefined && (!Number.isInteger(minLength) || minLength < 6 || minLength > 1024)) {
    problems.add(field('kratos.passwordPolicy.minLength'), `${quote(minLength)} must be a whole number from 6 (Kratos's lowest) to 1024`);
  }
  const flows = kratos.flows ?? {};
  if ((flows.link ?? true) === false) {
    for (const flow of ['recovery', 'verification'] as const) {
      if ((flows[flow] ?? flow === 'recovery') === true) {
        problems.add(field(`kratos.flows.${flow}`), `needs the link method, which kratos.flows.link turns off (Kratos v0.10 sends ${flow} links); set kratos.flows.link to true or kratos.flows.${flow} to false`);
      }
    }
  }
  if (kratos.secrets) {
    problems.addAll(checkOrySecretSource(kratos.secrets, ORY_SECRET_NAMES.kratos, KRATOS_SECRET_KEYS, field('kratos.secrets')));
  }
  if (kratos.adminIdentity) {
    problems.addAll(checkAdminIdentity(kratos.adminIdentity, field('kratos.adminIdentity')));
  }
  if (kratos.smtp) {
    problems.addAll(checkSmtp(kratos.smtp, field('kratos.smtp')));
  }
  problems.addAll(checkConfigOverrides(kratos.configOverrides ?? [], KRATOS_OVERRIDE_RULES, field('kratos.configOverrides')));

  if (props.production === true) {
    problems.addAll(productionProblems(props, fieldPrefix));
  }
  return problems.problems;
}

/** The dev-only settings that `production: true` refuses, each with its fix. */
function productionProblems(props: OssSettingsInput, fieldPrefix: string): InputProblem[] {
  const problems = new ProblemCollector();
  const field = (name: string) => `${fieldPrefix}${name}`;
  const refused = `is refused when '${field('production')}' is true`;
  // The fix in the words of whoever wrote the settings: config-file keys, or the construct's API.
  const fromConfigFile = fieldPrefix === 'oss.';
  const smtpFix = fromConfigFile
    ? `point ${field('kratos.smtp.fromStore')} at your SMTP server's URI in your secret store, or use ${field('kratos.smtp.existingSecret')}`
    : 'use KratosSmtp.fromStore(...) or KratosSmtp.fromExistingSecret(...) with your SMTP server\'s URI';
  const noAdminFix = fromConfigFile ? `set ${field('kratos.adminIdentity')} to { disabled: true }` : 'use KratosAdminIdentity.disabled()';
  const hydra = props.hydra ?? {};
  const kratos = props.kratos ?? {};
  if (kratos.dev === true) {
    problems.add(field('kratos.dev'), `Kratos's --dev mode turns off security checks (such as Secure cookies) and ${refused}; set it to false or remove it`);
  }
  for (const [name, level] of [['hydra.logLevel', hydra.logLevel], ['kratos.logLevel', kratos.logLevel]] as const) {
    if (level === OryLogLevel.TRACE) {
      problems.add(field(name), `trace logging writes request details and sensitive values to the logs and ${refused}; use info (the production default) or debug`);
    }
  }
  if (kratos.smtp === undefined) {
    problems.add(field('kratos.smtp'), `is required when '${field('production')}' is true (the default is Pixie's dev mail catcher, mailslurper): ${smtpFix}`);
  } else if (kratos.smtp.isDevMailslurper) {
    problems.add(field('kratos.smtp'), `Pixie's dev mail catcher (mailslurper) ${refused}: ${smtpFix}`);
  }
  if (kratos.adminIdentity?.email === KratosAdminIdentity.PIXIE_DEV_EMAIL) {
    problems.add(adminEmailField(kratos.adminIdentity, field('kratos.adminIdentity')), `${quote(KratosAdminIdentity.PIXIE_DEV_EMAIL)} is Pixie's dev admin seed and ${refused}: give a real administrator's email, or ${noAdminFix}`);
  }
  const overrides: Array<[string, readonly OryConfigOverride[] | undefined]> = [['hydra', hydra.configOverrides], ['kratos', kratos.configOverrides]];
  for (const [component, list] of overrides) {
    (list ?? []).forEach((o, i) => {
      const leaks = o.path === 'log.leak_sensitive_values' ? o.value : o.path === 'log' ? o.value?.leak_sensitive_values : undefined;
      if (leaks === true) {
        problems.add(field(`${component}.configOverrides[${i}]`), `log.leak_sensitive_values writes emails and other sensitive values to the logs and ${refused}; remove it`);
      }
    });
  }
  return problems.problems;
}

function checkAdminIdentity(identity: KratosAdminIdentity, field: string): InputProblem[] {
  const problems = new ProblemCollector();
  if (identity.email !== undefined && !EMAIL.test(identity.email)) {
    problems.add(adminEmailField(identity, field), `${quote(identity.email)} is not an email address such as admin@example.com`);
  }
  const store = identity.storeOptions;
  if (store) {
    problems.addAll(StoreBackedSecret.check({ ...store, secretName: ORY_SECRET_NAMES.adminIdentity, keys: [] }, `${field}.fromStore.`));
    problems.addAll(StoreBackedSecret.checkRemote(store.password, `${field}.fromStore.password`));
  }
  if (identity.existingSecretName !== undefined) {
    problems.add(`${field}.existingSecret`, checkExistingSecretName(identity.existingSecretName));
  }
  if (identity.generatedOptions) {
    problems.add(`${field}.generated.deletionPolicy`, checkPolicyPair(identity.generatedOptions.creationPolicy, identity.generatedOptions.deletionPolicy));
  }
  return problems.problems;
}

/** Where the email was given: `<field>.generated.email` or `<field>.fromStore.email`. */
function adminEmailField(identity: KratosAdminIdentity, field: string): string {
  return `${field}.${identity.storeOptions ? 'fromStore' : 'generated'}.email`;
}

function checkSmtp(smtp: KratosSmtp, field: string): InputProblem[] {
  const problems = new ProblemCollector();
  const store = smtp.storeOptions;
  if (store) {
    problems.addAll(StoreBackedSecret.check({ ...store, secretName: ORY_SECRET_NAMES.smtp, keys: [] }, `${field}.fromStore.`));
    problems.addAll(StoreBackedSecret.checkRemote(store.connectionUri, `${field}.fromStore.connectionUri`));
  }
  if (smtp.existingSecretName !== undefined) {
    problems.add(`${field}.existingSecret`, checkExistingSecretName(smtp.existingSecretName));
    if (!/^[-._a-zA-Z0-9]+$/.test(smtp.existingSecretKey ?? '')) {
      problems.add(`${field}.existingSecretKey`, `${quote(smtp.existingSecretKey)} is not a valid Secret key: use letters, digits, '-', '_' and '.'`);
    }
  }
  return problems.problems;
}

function checkClientId(value: string): string | undefined {
  if (!CLIENT_ID.test(value)) {
    return `${quote(value)} must be letters, digits, '.', '_' and '-' (at most 128): it is written into the Hydra client sidecar's shell command and pl-oauth-config`;
  }
  return undefined;
}

function checkDuration(value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || !GO_DURATION.test(value) || !/[1-9]/.test(value)) {
    return `${quote(value)} is not a positive duration: use a Go duration such as 15m, 24h or 1h30m`;
  }
  return undefined;
}

function checkEnum(problems: ProblemCollector, field: string, value: unknown, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    problems.add(field, `${quote(value)} must be one of: ${allowed.map(v => quote(v)).join(', ')}`);
  }
}
