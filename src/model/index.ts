/**
 * The types every stage reads and writes. This module imports nothing outside itself.
 * @packageDocumentation
 */
export type * from './analysis.js';
export type * from './annotation.js';
export type * from './diagnostic.js';
export { CrosscheckError } from './errors.js';
export type * from './fact.js';
export type * from './report.js';
export type * from './source.js';
export type * from './span.js';
export type * from './text.js';
