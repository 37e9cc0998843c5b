/**
 * The API's one error shape: every failure is JSON `{ error: { status, message } }`, never an HTML page
 * or a stack trace.
 * @packageDocumentation
 */

/** The JSON body of every API error. */
export interface ErrorBody {
  /** `code`: the stable code of a typed failure (such as `store-invalid-cursor`), when there is one. */
  error: { status: number; message: string; code?: string };
}

/** Status codes the API answers with on failure. */
export type ErrorStatus = 400 | 404 | 405 | 413 | 415 | 422 | 500 | 502;

/** A failure a route reports to the client: thrown inside a handler, turned into JSON by the app. */
export class HttpError extends Error {
  /** The HTTP status sent. */
  readonly status: ErrorStatus;

  /**
   * @param status - the HTTP status
   * @param message - what was wrong with the request, safe to show the client
   */
  constructor(status: ErrorStatus, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

/** Builds the error body for a status and message, and the failure's stable code when it has one. */
export function errorBody(status: number, message: string, code?: string): ErrorBody {
  return { error: code === undefined ? { status, message } : { status, message, code } };
}
