/**
 * One setting of Hydra's or Kratos's config file that no typed prop covers,
 * by its dotted path: the escape hatch. A mapping value is merged into what
 * is there; any other value replaces it; `null` removes the key.
 */
export interface OryConfigOverride {
  /** Dotted path of the key, e.g. `selfservice.methods.password.config.max_breaches`. */
  readonly path: string;
  /** A string, number, boolean, list or mapping; `null` removes the key. */
  readonly value: any;
}
