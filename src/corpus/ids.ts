/** Readable, stable article ids: the outlet's slug, "-2", "-3"... for an outlet's later articles, in corpus order. */

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'article';
}

/** Hands out ids: explicit ones are reserved first, so automatic ones never take them. */
export class IdAllocator {
  private readonly taken = new Set<string>();
  /** Per slug, the next suffix to try, so an outlet's n-th article costs O(1), not O(n). */
  private readonly nextSuffix = new Map<string, number>();

  /** Reserves an explicit id; returns false if it is already taken. */
  reserve(id: string): boolean {
    if (this.taken.has(id)) return false;
    this.taken.add(id);
    return true;
  }

  /** The outlet's slug, or the first free "slug-N". */
  next(outlet: string): string {
    const base = slugify(outlet);
    let n = this.nextSuffix.get(base) ?? 1;
    let id = n === 1 ? base : `${base}-${n}`;
    while (this.taken.has(id)) id = `${base}-${++n}`;
    this.nextSuffix.set(base, n + 1);
    this.taken.add(id);
    return id;
  }
}
