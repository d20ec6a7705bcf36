/** Union-find with `apart` marks, and a memoiser: the small tools of cross-article resolution. */

/** Union-find over items; an `apart` correction can bar two sets from joining (see `markApart`). */
export class UnionFind {
  private readonly parent: number[];
  /** apart: item -> the sides it is on (`<correction>:a` or `:b`), kept per root as items join. */
  readonly marks = new Map<number, Set<string>>();
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (this.marks.size > 0 && this.keptApart(ra, rb)) return;
    const root = Math.min(ra, rb);
    this.parent[Math.max(ra, rb)] = root;
    const ma = this.marks.get(ra);
    const mb = this.marks.get(rb);
    if (ma || mb) this.marks.set(root, new Set([...(ma ?? []), ...(mb ?? [])]));
  }
  /** Whether an `apart` correction keeps two sets apart. */
  private keptApart(ra: number, rb: number): boolean {
    const ma = this.marks.get(ra);
    const mb = this.marks.get(rb);
    if (!ma || !mb) return false;
    for (const m of ma) if (mb.has(m.endsWith(':a') ? `${m.slice(0, -2)}:b` : `${m.slice(0, -2)}:a`)) return true;
    return false;
  }
}

/** `fn` with its results kept per distinct argument, for the lifetime of the returned function. */
export function memoise(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) cache.set(s, (v = fn(s)));
    return v;
  };
}
