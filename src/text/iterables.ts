/**
 * Array helpers without argument spreads. `Math.max(...values)` and `target.push(...items)` pass every
 * element as a call argument, and V8 throws `RangeError: Maximum call stack size exceeded` past about
 * 100,000 of them: one 50 MB article has that many sentences. These loop instead.
 * @packageDocumentation
 */

/**
 * The largest value, or `floor` when there is none larger (`-Infinity` by default, as `Math.max()`).
 * @param values - any number of values
 * @param floor - the result when `values` is empty or all below it
 */
export function maxOf(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

/**
 * The smallest value, or `ceiling` when there is none smaller (`Infinity` by default, as `Math.min()`).
 * @param values - any number of values
 * @param ceiling - the result when `values` is empty or all above it
 */
export function minOf(values: Iterable<number>, ceiling = Number.POSITIVE_INFINITY): number {
  let min = ceiling;
  for (const value of values) if (value < min) min = value;
  return min;
}

/**
 * Appends every item to `target` in order, as `target.push(...items)` without the argument limit.
 * @param target - the array to grow
 * @param items - what to append
 * @returns `target`
 */
export function appendAll<Item>(target: Item[], items: Iterable<Item>): Item[] {
  for (const item of items) target.push(item);
  return target;
}
