import * as fc from 'fast-check';
import { checkClaimText, checkHttpsEndpoint, checkIssuer, checkPlainText, checkScope } from '../../src/auth/oidc-checks';
import { OidcSocialButton } from '../../src/auth/oidc-social-button';
import { checkSocialButtons, renderSocialConfig, RESERVED_PARAMS } from '../../src/auth/oidc-social-config';

/** What Pixie's proxy does: paste the value into a template literal (social configs) or a single-quoted string. */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const pasteIntoTemplateLiteral = (value: string): unknown => new Function(`return \`${value}\`;`)();
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const pasteIntoQuotedString = (value: string): unknown => new Function(`return '${value}';`)();

describe('checkIssuer', () => {
  test.each([
    'https://keycloak.example.com/realms/pixie',
    'https://sso.example.com/auth/realms/pixie',
    'https://example-org.okta.com/oauth2/default',
    'https://example-org.okta.com',
    'https://accounts.google.com',
    'https://login.microsoftonline.com/8eaef023-2b34-4da1-9baa-8bc8c9d6a490/v2.0',
    'https://dex.example.com:5556/dex',
  ])('accepts the real issuer %s', issuer => {
    expect(checkIssuer(issuer)).toBeUndefined();
  });

  test.each([
    ['', 'must not be empty'],
    ['https://keycloak.example.com/realms/pixie?x=1', 'has a query or fragment'],
    ['https://keycloak.example.com/realms/pixie#top', 'has a query or fragment'],
    ['https://admin:pw@keycloak.example.com/realms/pixie', 'contains credentials'],
    ['https://keycloak.example.com//realms/pixie', "has an empty path segment ('//')"],
    ['https://example-org.okta.com/oauth2/v1/token', "ends in '/token'"],
    ['https://keycloak.example.com/realms/pixie ', 'contains whitespace'],
    ['https://keycloak.example.com/realms/pi\'xie', 'contains a single quote'],
    ['ftp://keycloak.example.com/realms/pixie', 'uses ftp://'],
    ['https://keycloak.example.com./realms/pixie', 'use a fully qualified name'],
    ['https://keycloak.example.com/', "ends with '/'"],
    ['changeme', 'is a placeholder from the docs'],
  ])('refuses %j', (issuer, fragment) => {
    expect(checkIssuer(issuer)).toContain(fragment);
  });
});

describe('checkHttpsEndpoint', () => {
  test("accepts a discovery URL with a query (Azure AD B2C's has one)", () => {
    expect(checkHttpsEndpoint('https://tenant.b2clogin.com/tenant.onmicrosoft.com/v2.0/.well-known/openid-configuration?p=B2C_1_signin', 'x')).toBeUndefined();
  });

  test('refuses a relative URL', () => {
    expect(checkHttpsEndpoint('/realms/pixie/protocol/openid-connect/userinfo', 'https://x.example.com')).toBe(
      '"/realms/pixie/protocol/openid-connect/userinfo" must start with https://, e.g. https://x.example.com',
    );
  });

  test('refuses a URL that does not parse', () => {
    expect(checkHttpsEndpoint('https://[keycloak.example.com/userinfo', 'https://x.example.com')).toBe(
      '"https://[keycloak.example.com/userinfo" is not a valid URL, e.g. https://x.example.com',
    );
  });
});

describe('checkClaimText', () => {
  test.each([['', 'must not be empty'], ['your_claim', 'is a placeholder from the docs']])('refuses %j', (claim, fragment) => {
    expect(checkClaimText(claim, 'idp')).toContain(fragment);
  });

  test.each(['identity_provider', 'https://example.com/claims/idp', 'google-oauth2'])('accepts %s', claim => {
    expect(checkClaimText(claim, 'idp')).toBeUndefined();
  });
});

describe('checkScope', () => {
  test.each(['groups', 'offline_access', 'api://pixie/read', 'urn:example:scope'])('accepts %s', scope => {
    expect(checkScope(scope)).toBeUndefined();
  });

  test.each([['', 'must not be empty'], ['email', 'is always requested'], ['a\\b', 'backslash'], ['grüppen', 'not a valid OAuth scope']])('refuses %j', (scope, fragment) => {
    expect(checkScope(scope)).toContain(fragment);
  });
});

describe('renderSocialConfig', () => {
  test("is '' when no buttons are given, so Pixie's UI shows its default button", () => {
    expect(renderSocialConfig(undefined)).toBe('');
  });

  test('writes buttonText then extraParams, params sorted by name, {} when there are none', () => {
    expect(renderSocialConfig([
      { buttonText: 'Google', extraParams: [{ name: 'z', value: '1' }, { name: 'A', value: '2' }, { name: 'kc_idp_hint', value: 'google' }] },
      { buttonText: 'Email' },
    ])).toBe('[{"buttonText":"Google","extraParams":{"A":"2","kc_idp_hint":"google","z":"1"}},{"buttonText":"Email","extraParams":{}}]');
  });
});

/** Text as a user might type it: any Unicode, with JS-special characters over-represented. */
const text = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  fc.stringMatching(/^[a-z '"`$\\{}\t\u2028]{1,8}$/),
);
const paramName = fc.stringMatching(/^[A-Za-z0-9_.~-]{1,10}$/).filter(n => !RESERVED_PARAMS.includes(n));
const buttons: fc.Arbitrary<OidcSocialButton[]> = fc.array(fc.record({
  buttonText: text,
  extraParams: fc.uniqueArray(fc.record({ name: paramName, value: text }), { selector: p => p.name, maxLength: 4 }),
}), { minLength: 1, maxLength: 4 });

describe('social config properties', () => {
  test('buttons that pass the checks render to JSON that survives the template literal and parses back to the same buttons', () => {
    fc.assert(fc.property(buttons, list => {
      fc.pre(checkSocialButtons(list, 'b').length === 0);
      const json = renderSocialConfig(list);
      expect(json).not.toMatch(/[`\\]|\$\{/);
      expect(pasteIntoTemplateLiteral(json)).toBe(json);
      expect(JSON.parse(json)).toStrictEqual(list.map(b => ({
        buttonText: b.buttonText,
        extraParams: Object.fromEntries((b.extraParams ?? []).map(p => [p.name, p.value])),
      })));
    }), { numRuns: 300 });
  });

  test('the rendered JSON does not depend on the order of a button\'s extraParams', () => {
    fc.assert(fc.property(buttons, list => {
      const reversed = list.map(b => ({ ...b, extraParams: [...(b.extraParams ?? [])].reverse() }));
      expect(renderSocialConfig(reversed)).toBe(renderSocialConfig(list));
    }), { numRuns: 200 });
  });

  test('any text that checkPlainText accepts is pasted into a quoted JS string unchanged', () => {
    fc.assert(fc.property(text, value => {
      fc.pre(checkPlainText(value) === undefined);
      expect(pasteIntoQuotedString(value)).toBe(value);
    }), { numRuns: 500 });
  });
});
