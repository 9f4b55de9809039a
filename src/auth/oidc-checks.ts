import { checkNonEmpty, checkNotPlaceholder, checkSafeForJavaScript, quote } from '../validation/field-checks';

/*
 * Pure checks on OIDC settings (issuer, endpoint URLs, scopes, claim names).
 * Each returns `undefined` when the value is fine, or a message that says
 * what is wrong and how to fix it. Internal: not exported from the index.
 */

/** What an issuer looks like, for messages. */
export const ISSUER_EXAMPLE = 'https://keycloak.example.com/realms/pixie';

/** Scopes Pixie's UI always requests (`openid profile email`). */
export const SCOPES_PIXIE_REQUESTS: readonly string[] = ['openid', 'profile', 'email'];

/** Last path segments that name an endpoint of the IdP, not its issuer. */
const ENDPOINT_SEGMENTS = ['authorize', 'token', 'userinfo', 'jwks', 'keys', 'certs', 'logout', 'introspect', 'revoke'];

/** An RFC 6749 scope token: visible ASCII except space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/**
 * The OIDC issuer: https, a fully qualified host, no query or fragment, no
 * trailing slash, and not an endpoint or discovery URL pasted by mistake.
 * Pixie uses it exactly as given (the UI's authority, and the base of the
 * discovery URL), so it must equal the discovery document's `issuer`.
 */
export function checkIssuer(value: string): string | undefined {
  const basic = checkNonEmpty(value) ?? checkPlaceholderUrl(value) ?? checkSafeForJavaScript(value) ?? checkHttpsUrl(value, ISSUER_EXAMPLE);
  if (basic) {
    return basic;
  }
  const url = new URL(value);
  if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    return `${quote(value)} has a query or fragment; the issuer is a plain https URL such as ${ISSUER_EXAMPLE}`;
  }
  const wellKnown = value.indexOf('/.well-known');
  if (wellKnown >= 0) {
    return `${quote(value)} is the discovery URL, not the issuer: set issuer to ${quote(value.slice(0, wellKnown))} (and metadataUrl only if the discovery document lives elsewhere)`;
  }
  const keycloakEndpoint = value.indexOf('/protocol/openid-connect');
  if (keycloakEndpoint >= 0) {
    return `${quote(value)} is a Keycloak endpoint, not the issuer: use the realm URL ${quote(value.slice(0, keycloakEndpoint))}`;
  }
  if (value.endsWith('/')) {
    return `${quote(value)} ends with '/': give the issuer exactly as the "issuer" field of its discovery document, e.g. ${quote(value.replace(/\/+$/, ''))}`;
  }
  const lastSegment = url.pathname.split('/').pop() ?? '';
  if (ENDPOINT_SEGMENTS.includes(lastSegment.toLowerCase())) {
    return `${quote(value)} ends in '/${lastSegment}', an endpoint of the identity provider, not its issuer: give the "issuer" field of its discovery document (e.g. ${ISSUER_EXAMPLE})`;
  }
  if (url.pathname.includes('//')) {
    return `${quote(value)} has an empty path segment ('//'); give the issuer exactly as its discovery document does`;
  }
  return undefined;
}

/**
 * An absolute https URL that browsers and auth-server can both reach: a
 * fully qualified host, no credentials, no fragment. A query is allowed
 * (Azure AD B2C's discovery URL has one).
 */
export function checkHttpsEndpoint(value: string, example: string): string | undefined {
  const basic = checkNonEmpty(value) ?? checkPlaceholderUrl(value) ?? checkSafeForJavaScript(value) ?? checkHttpsUrl(value, example);
  if (basic) {
    return basic;
  }
  if (new URL(value).hash || value.includes('#')) {
    return `${quote(value)} has a fragment ('#...'); remove it`;
  }
  return undefined;
}

/** One OAuth scope to request besides `openid profile email`. */
export function checkScope(value: string): string | undefined {
  const basic = checkNonEmpty(value) ?? checkNotPlaceholder(value);
  if (basic) {
    return basic;
  }
  if (/\s/.test(value)) {
    return `${quote(value)} contains a space; give each scope as its own list item`;
  }
  if (SCOPES_PIXIE_REQUESTS.includes(value)) {
    return `${quote(value)} is always requested by Pixie's UI (openid profile email); remove it`;
  }
  return checkSafeForJavaScript(value)
    ?? (SCOPE_TOKEN.test(value) ? undefined : `${quote(value)} is not a valid OAuth scope: use visible ASCII characters only (e.g. groups)`);
}

/** A claim name or value that auth-server compares against the user info. */
export function checkClaimText(value: string, example: string): string | undefined {
  const basic = checkNonEmpty(value) ?? checkNotPlaceholder(value);
  if (basic) {
    return basic;
  }
  if (/[\s\u0000-\u001f\u007f]/.test(value)) {
    return `${quote(value)} contains whitespace or a control character; claim names and values are single words (e.g. ${example})`;
  }
  if (value.includes('$(')) {
    return `${quote(value)} contains '$(', which Kubernetes expands in env values; remove it`;
  }
  return undefined;
}

/** Text pasted into Pixie's UI JavaScript: JS-safe and free of control characters. */
export function checkPlainText(value: string): string | undefined {
  const basic = checkNonEmpty(value) ?? checkNotPlaceholder(value) ?? checkSafeForJavaScript(value);
  if (basic) {
    return basic;
  }
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    return `${quote(value)} contains a control character (such as a tab); remove it`;
  }
  return undefined;
}

/** Refuses URLs with doc placeholders anywhere, e.g. `https://<keycloak-host>/realms/<realm>`. */
function checkPlaceholderUrl(value: string): string | undefined {
  if (/[<>]/.test(value)) {
    return `${quote(value)} contains a placeholder in angle brackets; replace it with the real value`;
  }
  return checkNotPlaceholder(value);
}

/** An absolute https URL with a fully qualified host and no user info. */
function checkHttpsUrl(value: string, example: string): string | undefined {
  if (/\s/.test(value)) {
    return `${quote(value)} contains whitespace; give the URL alone, e.g. ${example}`;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
  if (scheme === undefined) {
    return `${quote(value)} must start with https://, e.g. ${example}`;
  }
  if (scheme.toLowerCase() !== 'https') {
    return `${quote(value)} uses ${scheme}://; Pixie's UI and auth-server need https://, e.g. ${example}`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${quote(value)} is not a valid URL, e.g. ${example}`;
  }
  if (url.username || url.password) {
    return `${quote(value)} contains credentials; remove the user:password@ part`;
  }
  if (!url.hostname.includes('.') || url.hostname.endsWith('.')) {
    return `${quote(value)} has host ${quote(url.hostname)}; use a fully qualified name that browsers and auth-server can both resolve, e.g. ${example}`;
  }
  return undefined;
}
