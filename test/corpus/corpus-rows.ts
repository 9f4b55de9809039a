import { Chart } from 'cdk8s';

/** One bad props input: what to build and the exact error message. */
export interface PropsCorpusRow {
  /** What is wrong, for the test title (`throws if ...`). */
  readonly name: string;
  /** Builds the bad construct into `chart`. */
  readonly build: (chart: Chart) => unknown;
  /** The exact message of the error. */
  readonly message: string;
}

/** A long, random-looking string: what a client secret pasted by mistake looks like. Not a real secret. */
export const PASTED_SECRET = 'q7Vx2LmN9pR4sT8wK3zB6cD1fG5hJ0yA';

/** How `redact` shows PASTED_SECRET. */
export const PASTED_SECRET_REDACTED = 'q7Vx…(32 characters)';
