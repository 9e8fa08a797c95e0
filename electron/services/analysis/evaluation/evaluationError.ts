/**
 * A problem with what the evaluation was given (arguments, files, labels): reported as one plain
 * line and exit code 2, never as a stack trace.
 */
export class EvaluationInputError extends Error {
  override readonly name = 'EvaluationInputError';
}

/** Throws an EvaluationInputError with the message. */
export function inputError(message: string): never {
  throw new EvaluationInputError(message);
}
