/**
 * Disjoint sets over item indices (union–find with path compression), for the stages that group items
 * by pairwise links: quote renderings, facts of one slot. The smaller root always wins, so a group's
 * root is its first item and grouping follows input order.
 */
export class DisjointSets {
  private readonly parent: number[];

  /** @param count - how many items, indexed from 0 */
  constructor(count: number) {
    this.parent = Array.from({ length: count }, (_, index) => index);
  }

  /** The root of an item's set. */
  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[index] !== root) {
      const next = this.parent[index]!;
      this.parent[index] = root;
      index = next;
    }
    return root;
  }

  /** Joins the sets of two items. */
  union(left: number, right: number): void {
    const leftRoot = this.find(left);
    const rightRoot = this.find(right);
    if (leftRoot !== rightRoot) this.parent[Math.max(leftRoot, rightRoot)] = Math.min(leftRoot, rightRoot);
  }

  /** Every set as its items in index order, sets ordered by their first item. */
  groups(): number[][] {
    const groups = new Map<number, number[]>();
    for (let index = 0; index < this.parent.length; index++) {
      const root = this.find(index);
      const group = groups.get(root);
      if (group) group.push(index);
      else groups.set(root, [index]);
    }
    return [...groups.values()];
  }
}
