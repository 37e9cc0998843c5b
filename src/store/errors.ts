import { CrosscheckError } from '../model/index.js';

/** Stable codes of {@link StoreError}. */
export type StoreErrorCode =
  /** The file exists but is not an SQLite database (or is corrupt). */
  | 'store-not-database'
  /** The SQLite file or PostgreSQL schema holds a database crosscheck did not make. */
  | 'store-foreign-database'
  /** The store was written by a newer crosscheck whose schema this one cannot read. */
  | 'store-newer-schema'
  /** The store could not be opened or created (permissions, missing drive). */
  | 'store-open-failed'
  /** A batch or argument breaks the store's rules (unknown story, wrong article id, bad time). */
  | 'store-invalid-input'
  /** A paging cursor that this listing did not make (damaged, from another listing, of another shape). */
  | 'store-invalid-cursor'
  /** The store is busy or failed while reading or writing. */
  | 'store-failed'
  /** A method was called after close(). */
  | 'store-closed';

/**
 * The one error a store throws: a stable code and a message naming the store's location, never a raw
 * driver exception (that stays available as `cause`).
 */
export class StoreError extends CrosscheckError {
  /** The store's path or URL the error is about. */
  readonly location: string;

  /**
   * @param code - what kind of failure
   * @param location - the store's path or URL, named in the message
   * @param message - what went wrong and how to fix it
   * @param cause - the driver's exception, if any
   */
  constructor(code: StoreErrorCode, location: string, message: string, cause?: unknown) {
    super(code, message);
    this.name = 'StoreError';
    this.location = location;
    if (cause !== undefined) this.cause = cause;
  }
}
