/**
 * Log levels of Hydra and Kratos (ory/x `logrusx`).
 */
export enum OryLogLevel {
  /** Everything, request bodies included. Pixie's Kratos default; refused in production. */
  TRACE = 'trace',
  /** Debug messages and stack traces on errors. */
  DEBUG = 'debug',
  /** The Ory default. */
  INFO = 'info',
  /** Warnings and errors. */
  WARN = 'warn',
  /** Errors only. */
  ERROR = 'error',
  /** Fatal errors only. */
  FATAL = 'fatal',
  /** Panics only. */
  PANIC = 'panic',
}

/**
 * The SameSite mode of Hydra's cookies.
 */
export enum CookieSameSiteMode {
  /** Pixie's setting. */
  STRICT = 'Strict',
  /** Sent on top-level navigations from other sites. */
  LAX = 'Lax',
  /** Sent on every request; needs HTTPS. */
  NONE = 'None',
}
