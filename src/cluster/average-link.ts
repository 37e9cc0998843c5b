/**
 * Average-link agglomerative clustering over a sparse similarity graph, with cannot-link constraints.
 *
 * Written by hand: the npm options measured here are dense and O(n³) (`ml-hclust`), while story
 * refinement needs a sparse graph (pairs that share no rare term are never compared) over thousands of
 * articles, starting from must-link groups rather than single items, and refusing merges a user
 * correction forbids. A binary heap with lazy invalidation gives O(E log E).
 * @packageDocumentation
 */

/** One weighted pair of initial clusters: the summed similarity of their members' pairs. */
export type WeightedPair = readonly [left: number, right: number, weight: number];

/** Input of {@link averageLink}. */
export interface AverageLinkInput {
  /** Members in each initial cluster (1 for a single item, more for a must-link group). */
  sizes: readonly number[];
  /** Summed pair similarities between initial clusters; each unordered pair at most once, missing pairs weigh 0. */
  pairs: Iterable<WeightedPair>;
  /** Two clusters merge while the mean similarity of their member pairs is at least this. */
  threshold: number;
  /**
   * Cannot-link tags of each initial cluster: tag 2k and tag 2k+1 must never end in one cluster
   * (the two sides of the k-th cannot-link constraint).
   */
  tags?: ReadonlyArray<readonly number[]>;
}

interface HeapEntry {
  value: number;
  left: number;
  right: number;
  leftVersion: number;
  rightVersion: number;
}

/** Max-heap on value; ties broken by the lower indices so results never depend on insertion order. */
class PairHeap {
  readonly #entries: HeapEntry[] = [];

  get size(): number {
    return this.#entries.length;
  }

  static #before(first: HeapEntry, second: HeapEntry): boolean {
    if (first.value !== second.value) return first.value > second.value;
    if (first.left !== second.left) return first.left < second.left;
    return first.right < second.right;
  }

  push(entry: HeapEntry): void {
    const entries = this.#entries;
    entries.push(entry);
    let position = entries.length - 1;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      if (!PairHeap.#before(entries[position]!, entries[parent]!)) break;
      [entries[position], entries[parent]] = [entries[parent]!, entries[position]!];
      position = parent;
    }
  }

  pop(): HeapEntry | undefined {
    const entries = this.#entries;
    const top = entries[0];
    const last = entries.pop();
    if (entries.length === 0 || last === undefined) return top;
    entries[0] = last;
    let position = 0;
    for (;;) {
      const left = position * 2 + 1;
      const right = left + 1;
      let best = position;
      if (left < entries.length && PairHeap.#before(entries[left]!, entries[best]!)) best = left;
      if (right < entries.length && PairHeap.#before(entries[right]!, entries[best]!)) best = right;
      if (best === position) break;
      [entries[position], entries[best]] = [entries[best]!, entries[position]!];
      position = best;
    }
    return top;
  }
}

/**
 * Merges initial clusters greedily, always the pair with the highest mean member-pair similarity,
 * until no pair reaches the threshold.
 * @returns for each initial cluster, the index of the initial cluster that now represents it
 *   (the lowest index of its final cluster)
 */
export function averageLink(input: AverageLinkInput): number[] {
  const count = input.sizes.length;
  const size = [...input.sizes];
  const version = new Array<number>(count).fill(0);
  const parent = Array.from({ length: count }, (_, index) => index);
  const alive = new Array<boolean>(count).fill(true);
  const neighbours = Array.from({ length: count }, () => new Map<number, number>());
  const tags = Array.from({ length: count }, (_, index) => new Set(input.tags?.[index] ?? []));
  for (const [left, right, weight] of input.pairs) {
    if (left === right || weight <= 0) continue;
    const map = neighbours[left]!;
    map.set(right, (map.get(right) ?? 0) + weight);
    const back = neighbours[right]!;
    back.set(left, (back.get(left) ?? 0) + weight);
  }
  const heap = new PairHeap();
  const offer = (first: number, second: number, sum: number): void => {
    const [left, right] = first < second ? [first, second] : [second, first];
    const value = sum / (size[left]! * size[right]!);
    if (value < input.threshold) return;
    heap.push({ value, left, right, leftVersion: version[left]!, rightVersion: version[right]! });
  };
  for (let left = 0; left < count; left++) {
    for (const [right, sum] of neighbours[left]!) if (left < right) offer(left, right, sum);
  }
  const forbidden = (first: number, second: number): boolean => {
    const [small, large] = tags[first]!.size <= tags[second]!.size ? [first, second] : [second, first];
    for (const tag of tags[small]!) if (tags[large]!.has(tag ^ 1)) return true;
    return false;
  };

  while (heap.size > 0) {
    const entry = heap.pop()!;
    const { left, right } = entry;
    if (!alive[left] || !alive[right]) continue;
    if (entry.leftVersion !== version[left] || entry.rightVersion !== version[right]) continue;
    if (forbidden(left, right)) continue;
    // The lower index survives, so the representative of a cluster is its lowest initial index.
    alive[right] = false;
    parent[right] = left;
    size[left] = size[left]! + size[right]!;
    version[left] = version[left]! + 1;
    for (const tag of tags[right]!) tags[left]!.add(tag);
    const merged = neighbours[left]!;
    merged.delete(right);
    for (const [other, sum] of neighbours[right]!) {
      if (other === left) continue;
      merged.set(other, (merged.get(other) ?? 0) + sum);
      const back = neighbours[other]!;
      back.delete(right);
      back.set(left, (back.get(left) ?? 0) + sum);
    }
    neighbours[right]!.clear();
    for (const [other, sum] of merged) offer(left, other, sum);
  }

  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) current = parent[current]!;
    return current;
  };
  return Array.from({ length: count }, (_, index) => root(index));
}
