import { InputProblem } from './input-problem';

export type { InputProblem };

/**
 * Thrown when props or a config file are invalid (not part of the jsii API:
 * jsii types cannot extend Error; catch it as an Error with `problems`). Its message lists every
 * problem found, one per line, as `field: message`.
 */
export class InvalidInputError extends Error {
  /** Every problem found, in the order they were found. */
  public readonly problems: InputProblem[];

  constructor(problems: InputProblem[], heading = 'Invalid input') {
    super(`${heading}:\n${problems.map(p => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'InvalidInputError';
    this.problems = problems;
  }
}

/** `field: message` */
export function formatProblem(p: InputProblem): string {
  return p.field ? `${p.field}: ${p.message}` : p.message;
}

/**
 * Collects problems so that all of them are reported at once.
 * @internal
 */
export class ProblemCollector {
  private readonly found: InputProblem[] = [];

  /** Records a problem when `message` is defined. */
  public add(field: string, message: string | undefined): void {
    if (message !== undefined) {
      this.found.push({ field, message });
    }
  }

  /** Records every problem in `problems`. */
  public addAll(problems: readonly InputProblem[]): void {
    this.found.push(...problems);
  }

  public get problems(): InputProblem[] {
    return [...this.found];
  }

  /** Throws an InvalidInputError listing every problem, if there is any. */
  public throwIfAny(heading?: string): void {
    if (this.found.length > 0) {
      throw new InvalidInputError(this.found, heading);
    }
  }
}
