/**
 * The one error class thrown for misuse of the library (bad options, wrong call order).
 * Findings about the data never throw: they travel as {@link Diagnostic}s with the result.
 */
export class CrosscheckError extends Error {
  /** A stable, machine-readable code such as `invalid-option`. */
  readonly code: string;

  /**
   * @param code - stable code naming the misuse
   * @param message - what went wrong and how to fix it
   */
  constructor(code: string, message: string) {
    super(message);
    this.name = 'CrosscheckError';
    this.code = code;
  }
}
