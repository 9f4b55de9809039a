/**
 * Pure checks on single input values. Each returns `undefined` when the value
 * is fine, or a message that says what is wrong and how to fix it. Callers
 * prefix the field path (a prop name or a config-file path).
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/;
/** A Go duration such as `1h`, `30m` or `1h30m`. */
export const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;

/** Strings copied from Pixie's docs that must be replaced before use. */
const PLACEHOLDER = /^<[^>]*>$|<(auth0-domain|auth0-client-id|client-id|your-secret|domain)>|^(changeme|change-me|todo|tbd|xxx+|your[-_].*)$/i;

/** `undefined` for a non-empty string; otherwise a message. */
export function checkNonEmpty(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return `must be a string, got ${describe(value)}`;
  }
  if (value.trim() === '') {
    return 'must not be empty';
  }
  return undefined;
}

/** Refuses placeholders copied from Pixie's docs, such as `<auth0-domain>`. */
export function checkNotPlaceholder(value: string): string | undefined {
  if (PLACEHOLDER.test(value.trim())) {
    return `${quote(value)} is a placeholder from the docs; replace it with the real value`;
  }
  return undefined;
}

/** A Kubernetes namespace or Service name (RFC 1123 label, at most 63 characters). */
export function checkDnsLabel(value: string): string | undefined {
  if (value.length > 63 || !DNS_LABEL.test(value)) {
    return `${quoteInput(value)} is not a valid DNS-1123 label: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. plc-dev)`;
  }
  return undefined;
}

/** A Kubernetes object name (RFC 1123 subdomain, at most 253 characters). */
export function checkDnsSubdomain(value: string): string | undefined {
  if (value.length > 253 || !DNS_SUBDOMAIN.test(value)) {
    return `${quoteInput(value)} is not a valid DNS-1123 name: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. cloud-auth0-secrets)`;
  }
  return undefined;
}

/** A bare host name: no scheme, path, port or trailing slash. */
export function checkBareHost(value: string, example: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.includes('/') || value.includes(':') || !HOSTNAME.test(value)) {
    return `${quoteInput(value)} must be a bare host such as ${example} (no scheme, path, port or trailing slash)`;
  }
  return undefined;
}

/** A Go duration such as `1h`, `30m` or `1h30m`, as ESO's refreshInterval takes. */
export function checkGoDuration(value: string): string | undefined {
  if (!GO_DURATION.test(value)) {
    return `${quoteInput(value)} is not a duration: use a Go duration such as 1h, 30m or 1h30m (0 turns refreshing off)`;
  }
  return undefined;
}

/**
 * Refuses characters that would break the JavaScript that Pixie's cloud-proxy
 * writes config values into (they are pasted raw into quoted JS strings).
 */
export function checkSafeForJavaScript(value: string): string | undefined {
  const bad = [
    ['"', 'a double quote'],
    ["'", 'a single quote'],
    ['`', 'a backtick'],
    ['${', "'${'"],
    ['\\', 'a backslash'],
    ['\n', 'a newline'],
    ['\r', 'a carriage return'],
  ].find(([needle]) => value.includes(needle));
  if (bad) {
    return `${quoteInput(value)} contains ${bad[1]}; Pixie's cloud-proxy pastes this value into a quoted JavaScript string, so remove it`;
  }
  return undefined;
}

/**
 * Refuses what looks like a secret value pasted where a reference (a remote
 * key, property or secret name) belongs. `fix` says what belongs there instead.
 */
export function checkLooksLikeReference(value: string, fix = 'put the secret in your secret store and give its key here (e.g. pixie/auth0)'): string | undefined {
  if (looksLikeSecretValue(value)) {
    return `${quote(redact(value))} looks like a secret value, not a reference; ${fix}`;
  }
  return undefined;
}

/** The name of a Secret that already exists: a DNS-1123 name, not a secret value pasted by mistake. */
export function checkExistingSecretName(value: string | undefined): string | undefined {
  return checkNonEmpty(value) ?? checkNotPlaceholder(value!)
    ?? checkLooksLikeReference(value!, 'create a Secret holding the values, and give its name here') ?? checkDnsSubdomain(value!);
}

/**
 * True for long, random-looking strings such as API keys and client secrets:
 * a long run of mixed characters between separators, long hex, or mixed-case
 * base64/base64url (whose `-`, `_` and `/` would otherwise split it into
 * short runs). Paths of words (`pixie/auth0/client-secret`) and UUIDs are
 * references, not secrets. Short secrets (under ~32 characters) can pass
 * for names.
 */
export function looksLikeSecretValue(value: string): boolean {
  if (value.length < 20 || UUID.test(value)) {
    return false;
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter(re => re.test(value)).length;
  const longestRun = value.split(/[/._:\s-]/).reduce((a, b) => (b.length > a.length ? b : a), '');
  const longRun = classes >= 2 && longestRun.length >= 20 && shannonEntropy(value) >= 3.5 && !/^[a-z]+(-[a-z]+)*$/.test(value)
    && !isCamelCaseName(longestRun);
  const longHex = /(^|[^0-9a-f])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{32,}($|[^0-9a-f])/i.test(value);
  const base64 = /^[A-Za-z0-9+/]+={0,2}$/.test(value) && /[+=]/.test(value) ? [value] : [];
  // base64url's '-' and '_' can cut a key (an Auth0 client secret) into runs too short to judge one by one:
  // judged whole, 64 random characters carry ~5.1 bits each, names made of words ~4.3.
  const base64urlKey = /^[A-Za-z0-9_-]{40,}$/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value)
    && shannonEntropy(value.replace(/[-_]/g, '')) >= 4.7;
  return longRun || longHex || base64urlKey || [...value.split(/[/.:@\s]+/), ...base64].some(looksLikeBase64);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Camel-case words, such as a secret store's key `PixieCloudAuth0ClientSecret`:
 * after the first, every word starts with a capital; each is a word with a
 * vowel (`Pixie`, `Id`), an acronym of up to four capitals (`AWS`, `KMS`) or a
 * number of up to four digits; four letters a word on average. Random keys
 * break this within a few humps (`9jfv`, `Rmb`).
 */
function isCamelCaseName(run: string): boolean {
  const words = wordsOf(run);
  let letters = 0;
  let letterWords = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (/^[0-9]+$/.test(word)) {
      if (word.length > 4) return false;
      continue;
    }
    letters += word.length;
    letterWords++;
    if (/^[A-Z]+$/.test(word)) {
      if (word.length > 4) return false;
      continue;
    }
    if (word.length < 2 || !/[aeiouy]/i.test(word) || (i > 0 && !/^[A-Z]/.test(word))) {
      return false;
    }
  }
  return letterWords > 0 && letters / letterWords >= 4;
}

/** Words, camel humps and numbers: `Auth0ClientSecret` → Auth, 0, Client, Secret. */
function wordsOf(value: string): string[] {
  return value.split(/[^A-Za-z0-9]+/).flatMap(part => part.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? []);
}

/** Mixed-case base64(url) after an optional `sk_live_`-style prefix: many short humps. */
function looksLikeBase64(segment: string): boolean {
  const body = segment.replace(/^([a-z]{2,6}[_-]){1,2}/, '');
  const words = wordsOf(body);
  const length = words.reduce((n, w) => n + w.length, 0);
  const count = (re: RegExp) => (body.match(re) ?? []).length;
  return length >= 20 && count(/[A-Z]/g) >= 3 && count(/[a-z]/g) >= 3 && length / words.length < 3;
}

/** Bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let entropy = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** A value for messages that never prints a would-be secret in full. */
export function redact(value: string): string {
  return value.length <= 8 ? value : `${value.slice(0, 4)}…(${value.length} characters)`;
}

/** `"value"` for messages about an input, shortened with `redact` when it looks like a secret. */
export function quoteInput(value: string): string {
  return quote(looksLikeSecretValue(value) ? redact(value) : value);
}

/** `"value"` for messages. */
export function quote(value: unknown): string {
  return JSON.stringify(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${quote(value)}`;
}
