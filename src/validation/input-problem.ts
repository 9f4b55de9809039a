/**
 * One thing wrong with the input: the field it is in and what to do about it.
 */
export interface InputProblem {
  /** Dotted path of the field, e.g. `auth0.domain` or `domain`. */
  readonly field: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}
