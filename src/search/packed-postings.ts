/**
 * One term's postings in one field (short document id -> term frequency) as MiniSearch reads them,
 * held in a slice of one shared Int32Array instead of a Map: at 100,000 passages the index holds
 * about four million postings, which as Map entries took most of the desk's heap and seconds to
 * rebuild from a snapshot. Read-only until MiniSearch changes it (a document added or removed): the
 * first change copies the postings into a Map, which then serves everything.
 *
 * Ids ascend, as in the Maps MiniSearch builds (it gives short ids in increasing order and adds a
 * document's terms once), so a look-up is a binary search and iteration order is MiniSearch's own.
 */
export class PackedPostings implements Map<number, number> {
  private map: Map<number, number> | undefined;

  /** Ids at numbers[start, start + count), their frequencies right after: numbers[start + count, start + 2 * count). */
  private constructor(
    private readonly numbers: Int32Array,
    private readonly start: number,
    private readonly count: number,
  ) {}

  /** The postings at `start` of `numbers` (`count` ids, then their frequencies), or a Map when the ids do not ascend. */
  static of(numbers: Int32Array, start: number, count: number): Map<number, number> {
    for (let i = start + 1; i < start + count; i++) {
      if (numbers[i]! <= numbers[i - 1]!) {
        const map = new Map<number, number>();
        for (let j = 0; j < count; j++) map.set(numbers[start + j]!, numbers[start + count + j]!);
        return map;
      }
    }
    return new PackedPostings(numbers, start, count);
  }

  get size(): number {
    return this.map ? this.map.size : this.count;
  }

  get(id: number): number | undefined {
    if (this.map) return this.map.get(id);
    const at = this.find(id);
    return at < 0 ? undefined : this.numbers[this.start + this.count + at];
  }

  has(id: number): boolean {
    return this.map ? this.map.has(id) : this.find(id) >= 0;
  }

  set(id: number, frequency: number): this {
    this.changeable().set(id, frequency);
    return this;
  }

  delete(id: number): boolean {
    return this.changeable().delete(id);
  }

  clear(): void {
    this.changeable().clear();
  }

  keys(): MapIterator<number> {
    if (this.map) return this.map.keys();
    return this.numbers.subarray(this.start, this.start + this.count).values();
  }

  values(): MapIterator<number> {
    if (this.map) return this.map.values();
    return this.numbers.subarray(this.start + this.count, this.start + 2 * this.count).values();
  }

  entries(): MapIterator<[number, number]> {
    return this.map ? this.map.entries() : this.pairs();
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(callback: (frequency: number, id: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    for (const [id, frequency] of this.entries()) callback.call(thisArg, frequency, id, this);
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  private *pairs(): MapIterator<[number, number]> {
    for (let i = 0; i < this.count; i++) yield [this.numbers[this.start + i]!, this.numbers[this.start + this.count + i]!];
  }

  /** Position of `id` among the ids, or -1. */
  private find(id: number): number {
    let low = 0;
    let high = this.count - 1;
    const { numbers, start } = this;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = numbers[start + middle]!;
      if (found === id) return middle;
      if (found < id) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private changeable(): Map<number, number> {
    if (!this.map) {
      this.map = new Map();
      for (let i = 0; i < this.count; i++) this.map.set(this.numbers[this.start + i]!, this.numbers[this.start + this.count + i]!);
    }
    return this.map;
  }
}
