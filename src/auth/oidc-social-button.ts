/**
 * One extra query parameter that a login button adds to the authorization
 * request, e.g. Keycloak's `kc_idp_hint: google` or Okta's `idp: 0oa...`.
 */
export interface OidcExtraParam {
  /** The query parameter's name, e.g. `kc_idp_hint`. */
  readonly name: string;
  /** Its value, e.g. `google`. */
  readonly value: string;
}

/**
 * One button on Pixie's OIDC login or sign-up page. Pixie's UI reads
 * `PL_OIDC_SOCIAL_CONFIG_LOGIN`/`_SIGNUP` as a JSON list of
 * `{ buttonText, extraParams }` and passes `extraParams` to the IdP as extra
 * query parameters of the authorization request.
 */
export interface OidcSocialButton {
  /** The button's label, e.g. `Log in with Google`. */
  readonly buttonText: string;
  /**
   * Extra query parameters for the authorization request.
   * @default - none
   */
  readonly extraParams?: OidcExtraParam[];
}
