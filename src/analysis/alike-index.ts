/**
 * Alike groups of one kind of text (passages, sentences or quotations), kept up to date as texts come
 * and go: a change re-examines only the texts that share a rare shingle or word with what changed,
 * and regroups only the groups whose pairs changed. Grouping a whole corpus is one change from empty.
 *
 * Pairs. A pair can only reach the threshold if the smaller text's shingle set shares one of its
 * rarest `size - ceil(threshold * size) + 1` shingles with the other (prefix filtering), so each text
 * (the "proposer" of the pairs where it is the smaller side) only looks at the texts holding those.
 * Rarity is the number of texts holding a shingle, ties broken by where the corpus first uses it. A
 * text of at most `exactUpTo` words must appear word for word in the other, so it proposes the texts
 * holding its rarest word. A shingle or word held by more than MAX_POSTINGS texts is too common to
 * link texts on its own (boilerplate, a phrase every outlet repeats): it proposes no pairs. That can
 * only leave out an "also reported by", never merge two statements.
 *
 * Which pairs a text proposes depends only on its own shingles' holder counts and first uses (and the
 * holders of the rare ones), so after a change only the holders of a changed shingle that is, or was,
 * rare propose again. The holders of a shingle are kept while it is rare (up to MAX_POSTINGS + 1), and
 * found by one pass over the texts in the rare case that a removal makes a common shingle rare again.
 *
 * Groups. Complete linkage, pairs taken best first (ties by corpus order): a text joins a group only
 * if it is alike to every member. Groups form along pairs, so each connected set of pairs is grouped
 * on its own, and a change regroups only the sets it touched. The result is exactly what grouping the
 * whole corpus from scratch gives (test/analysis/update.test.ts).
 */
import { ARTICLES, type Comparable, MAX_POSTINGS, type Measure, ShingleIds, comparableWords, similarityOf } from './alike-measure.ts';
import type { AlikeGroup } from './types.ts';

export interface AlikeItem {
  id: string;
  text: string;
}

/** Holders are kept for keys held by at most this many texts: enough to tell when a key stops being rare. */
const KEEP = MAX_POSTINGS + 1;

interface Cluster {
  /** In corpus order once grouping is done; the first member is the representative. */
  members: Entry[];
  group: AlikeGroup | undefined;
}

/**
 * One text. Kept between changes for every text of the corpus, so it holds little: its words only
 * when a comparison may need them (texts of a kind with word-for-word rules up to three words and
 * more, and short texts), and the order of its shingles only while the change that added it runs.
 */
interface Entry extends Comparable {
  id: string;
  text: string;
  /** Distinct word ids (none when the measure has no short texts). */
  wordIds: number[];
  firstSeen: number[] | undefined;
  /** Position in the current list of texts. */
  order: number;
  alive: boolean;
  /** Entries alike to this one, with the score. */
  similar: Map<Entry, number> | undefined;
  /** The alike entries this one proposed (it is the pair's smaller side). */
  proposed: Entry[] | undefined;
  /** For a short text: the word id it is looked up by (-1 when it has none). */
  rarest: number;
  cluster: Cluster;
  /** Stamp for one-off walks (components, dedup). */
  seen: number;
}

/**
 * Texts holding each key (shingle or word id): counts always, holders while the key is rare (a key
 * held once keeps its one holder without a list: most shingles are held by one text).
 */
class Postings {
  private counts = new Int32Array(1 << 10);
  private readonly holders: (Entry | Entry[] | undefined)[] = [];
  /** Whether to note touched keys (not while grouping from scratch, when every key is new). */
  tracking = false;
  /** Keys touched since the last settle(), with their count before. */
  readonly touched = new Map<number, number>();

  count(key: number): number {
    return key < this.counts.length ? this.counts[key]! : 0;
  }

  /** One more than the largest key seen. */
  get capacity(): number {
    return this.counts.length;
  }

  holdersOf(key: number): readonly Entry[] | undefined {
    const held = this.holders[key];
    return held === undefined || Array.isArray(held) ? held : [held];
  }

  add(key: number, entry: Entry): void {
    const before = this.count(key);
    if (this.tracking && !this.touched.has(key)) this.touched.set(key, before);
    if (key >= this.counts.length) {
      let length = this.counts.length;
      while (length <= key) length *= 2;
      const counts = new Int32Array(length);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.counts[key] = before + 1;
    const held = this.holders[key];
    if (before === 0) this.holders[key] = entry;
    else if (before + 1 > KEEP || held === undefined) this.holders[key] = undefined;
    else if (Array.isArray(held)) held.push(entry);
    else this.holders[key] = [held, entry];
  }

  remove(key: number, entry: Entry): void {
    const before = this.count(key);
    if (this.tracking && !this.touched.has(key)) this.touched.set(key, before);
    this.counts[key] = before - 1;
    const held = this.holders[key];
    if (held === entry || before === 1) this.holders[key] = undefined;
    else if (Array.isArray(held)) {
      const at = held.indexOf(entry);
      if (at >= 0) held.splice(at, 1);
    }
  }

  /** Touched keys that are, or were, rare: their holders propose pairs again. */
  rareTouched(): number[] {
    const keys: number[] = [];
    for (const [key, before] of this.touched) if (Math.min(before, this.count(key)) <= MAX_POSTINGS) keys.push(key);
    return keys;
  }

  /** Keys whose holders are needed but not kept (a removal made a common key rare again). */
  missing(keys: number[]): number[] {
    return keys.filter((key) => this.holders[key] === undefined && this.count(key) > 0);
  }

  setHolders(key: number, list: Entry[]): void {
    this.holders[key] = list;
  }

  /** Forgets the touched keys, and the holder lists of keys no longer rare. */
  settle(): void {
    for (const key of this.touched.keys()) if (this.count(key) > KEEP) this.holders[key] = undefined;
    this.touched.clear();
  }
}

export class AlikeIndex {
  private readonly ids: ShingleIds;
  private readonly shingles = new Postings();
  private readonly words = new Postings();
  /** Short texts holding each word id (short texts choose their rarest word among their own). */
  private readonly shortByWord = new Map<number, Entry[]>();
  /** Where the corpus first uses each rare shingle: the entry and the shingle's place in its firstSeen. */
  private readonly firstEntry: (Entry | undefined)[] = [];
  private readonly firstOffset: number[] = [];
  private entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private stamp = 0;

  constructor(
    private readonly kind: AlikeGroup['kind'],
    private readonly measure: Measure,
  ) {
    this.ids = new ShingleIds(measure.shingle);
  }

  /** Every group (alone-standing texts included), in corpus order, after the texts became `items` (in corpus order). */
  update(items: readonly AlikeItem[]): AlikeGroup[] {
    const fromScratch = this.entries.length === 0;
    const generation = ++this.stamp;
    const added: Entry[] = [];
    const removed: Entry[] = [];
    const entries = items.map((item) => {
      const known = this.byId.get(item.id);
      if (known && known.text === item.text && known.seen !== generation) {
        known.seen = generation;
        return known;
      }
      const entry = this.entryOf(item);
      entry.seen = generation;
      this.byId.set(item.id, entry);
      added.push(entry);
      return entry;
    });
    for (const entry of this.entries) if (entry.seen !== generation && entry.alive) removed.push(entry);
    for (let order = 0; order < entries.length; order++) entries[order]!.order = order;
    this.entries = entries;
    this.shingles.tracking = !fromScratch;
    this.words.tracking = !fromScratch;

    const regroup = new Set<Entry>();
    for (const entry of removed) this.forget(entry, regroup);
    for (const entry of added) this.enter(entry);
    const proposers = fromScratch ? entries : this.proposersAfterChange(added);
    if (fromScratch) this.firstUsesFromScratch();
    else this.firstUsesOf(this.shingles.rareTouched()); // their holders were found by proposersAfterChange
    for (const proposer of proposers) this.propose(proposer, regroup);
    this.shingles.settle();
    this.words.settle();
    this.regroup(fromScratch ? entries : [...regroup].filter((entry) => entry.alive));
    for (const entry of added) entry.firstSeen = undefined;
    return this.groups();
  }

  private entryOf(item: AlikeItem): Entry {
    const { words, wordIds, shingles, firstSeen } = this.ids.prepare(item.text);
    const keepWords = this.measure.exactUpTo >= 3 || (words.length > 0 && words.length <= this.measure.exactUpTo);
    // Every field set here, in one order, so that all entries share one shape.
    return {
      id: item.id,
      text: item.text,
      wordCount: words.length,
      words: keepWords ? words : undefined,
      wordIds: this.measure.exactUpTo > 0 ? wordIds : [],
      shingles,
      firstSeen,
      order: 0,
      alive: true,
      similar: undefined,
      proposed: undefined,
      rarest: -1,
      cluster: { members: [], group: undefined },
      seen: 0,
    };
  }

  private isShort(entry: Entry): boolean {
    return entry.wordCount > 0 && entry.wordCount <= this.measure.exactUpTo;
  }

  private enter(entry: Entry): void {
    entry.cluster = { members: [entry], group: undefined };
    for (const shingle of entry.shingles) this.shingles.add(shingle, entry);
    if (this.measure.exactUpTo === 0) return;
    for (const word of entry.wordIds) this.words.add(word, entry);
    if (!this.isShort(entry)) return;
    for (const word of entry.wordIds) {
      const list = this.shortByWord.get(word);
      if (list) list.push(entry);
      else this.shortByWord.set(word, [entry]);
    }
  }

  /** Takes an entry out: its counts, its pairs (their other ends regroup) and its group (the rest regroup). */
  private forget(entry: Entry, regroup: Set<Entry>): void {
    entry.alive = false;
    if (this.byId.get(entry.id) === entry) this.byId.delete(entry.id);
    for (const shingle of entry.shingles) this.shingles.remove(shingle, entry);
    if (this.measure.exactUpTo > 0) for (const word of entry.wordIds) this.words.remove(word, entry);
    if (this.isShort(entry)) {
      for (const word of entry.wordIds) {
        const list = this.shortByWord.get(word)!;
        list.splice(list.indexOf(entry), 1);
        if (list.length === 0) this.shortByWord.delete(word);
      }
    }
    for (const other of entry.similar?.keys() ?? []) {
      other.similar!.delete(entry);
      if (other.proposed) other.proposed = other.proposed.filter((proposed) => proposed !== entry);
      regroup.add(other);
    }
    for (const member of entry.cluster.members) regroup.add(member);
  }

  /**
   * The entries whose proposed pairs may have changed: the new ones, the holders of every touched
   * shingle that is or was rare, and the short texts whose rarest word changed or is a touched rare word.
   */
  private proposersAfterChange(added: Entry[]): Set<Entry> {
    const proposers = new Set(added);
    const rareShingles = this.shingles.rareTouched();
    this.findHolders(this.shingles, rareShingles, (entry) => entry.shingles);
    for (const shingle of rareShingles) for (const holder of this.shingles.holdersOf(shingle) ?? []) proposers.add(holder);
    if (this.measure.exactUpTo > 0) {
      const rareWords = this.words.rareTouched();
      this.findHolders(this.words, rareWords, (entry) => entry.wordIds);
      // A short text's pairs change only if its rarest word, before or after, is a touched rare word
      // (when both are common it proposes nothing either way).
      const rareWordSet = new Set(rareWords);
      for (const word of rareWords) {
        for (const entry of this.shortByWord.get(word) ?? []) {
          if (proposers.has(entry)) continue;
          const rarest = this.rarestWord(entry);
          if (rarest !== entry.rarest || rareWordSet.has(rarest)) proposers.add(entry);
        }
      }
    }
    return proposers;
  }

  /** Fills in the holder lists of keys that need them but were not kept: one pass over every entry. */
  private findHolders(postings: Postings, keys: number[], keysOf: (entry: Entry) => readonly number[]): void {
    const missing = postings.missing(keys);
    if (missing.length === 0) return;
    const wanted = new Uint8Array(postings.capacity);
    for (const key of missing) wanted[key] = 1;
    const lists = new Map<number, Entry[]>(missing.map((key) => [key, []]));
    for (const entry of this.entries) for (const key of keysOf(entry)) if (wanted[key] === 1) lists.get(key)!.push(entry);
    for (const [key, list] of lists) postings.setHolders(key, list);
  }

  /** First uses of every rare shingle, in one pass over the corpus in order. */
  private firstUsesFromScratch(): void {
    const done = new Uint8Array(this.shingles.capacity);
    for (const entry of this.entries) {
      entry.firstSeen!.forEach((shingle, offset) => {
        if (this.shingles.count(shingle) > MAX_POSTINGS || done[shingle] === 1) return;
        done[shingle] = 1;
        this.firstEntry[shingle] = entry;
        this.firstOffset[shingle] = offset;
      });
    }
  }

  /** First uses of these shingles, from their holders. */
  private firstUsesOf(shingles: number[]): void {
    for (const shingle of shingles) {
      const count = this.shingles.count(shingle);
      if (count === 0 || count > MAX_POSTINGS) continue;
      let first: Entry | undefined;
      for (const holder of this.shingles.holdersOf(shingle)!) if (!first || holder.order < first.order) first = holder;
      this.firstEntry[shingle] = first;
      this.firstOffset[shingle] = (first!.firstSeen ?? this.ids.prepare(first!.text).firstSeen).indexOf(shingle);
    }
  }

  /** The word a short text is looked up by: its rarest word other than an article (the first of equals). */
  private rarestWord(entry: Entry): number {
    let best = -1;
    let bestCount = Infinity;
    for (const word of entry.words!) {
      if (ARTICLES.has(word)) continue;
      const id = this.ids.wordId(word)!;
      const count = this.words.count(id);
      if (count < bestCount) {
        best = id;
        bestCount = count;
      }
    }
    return best === -1 ? this.ids.wordId(entry.words![0]!)! : best;
  }

  /** Replaces the pairs `proposer` proposes; the entries whose pairs changed are added to `regroup`. */
  private propose(proposer: Entry, regroup: Set<Entry>): void {
    for (const other of proposer.proposed ?? []) {
      proposer.similar!.delete(other);
      other.similar!.delete(proposer);
      regroup.add(other);
    }
    proposer.proposed = undefined;
    regroup.add(proposer);
    const seen = ++this.stamp;
    proposer.seen = seen;
    if (this.isShort(proposer)) {
      // Every longer text (or as long and later) that holds this text's rarest word.
      proposer.rarest = this.rarestWord(proposer);
      const count = this.words.count(proposer.rarest);
      if (count > MAX_POSTINGS || count === 1) return; // held by none or by this text alone
      const size = proposer.wordCount;
      for (const other of this.words.holdersOf(proposer.rarest)!) {
        if (other.seen === seen) continue;
        other.seen = seen;
        if (other.wordCount > size || (other.wordCount === size && other.order > proposer.order)) this.pair(proposer, other, regroup);
      }
      return;
    }
    const size = proposer.shingles.length;
    if (size === 0) return;
    const prefix = size - Math.ceil(this.measure.threshold * size) + 1;
    const rare: number[] = [];
    for (const shingle of proposer.shingles) if (this.shingles.count(shingle) <= MAX_POSTINGS) rare.push(shingle);
    // (A shingle held by this text alone counts towards the prefix but proposes nobody.)
    if (rare.length > prefix) rare.sort((x, y) => this.rarer(x, y));
    const exactUpTo = this.measure.exactUpTo;
    for (let p = 0; p < rare.length && p < prefix; p++) {
      if (this.shingles.count(rare[p]!) === 1) continue;
      for (const other of this.shingles.holdersOf(rare[p]!)!) {
        if (other.seen === seen) continue;
        other.seen = seen;
        // Pairs with a short text are proposed by the short text; otherwise by the side with fewer shingles.
        if (other.wordCount <= exactUpTo) continue;
        const otherSize = other.shingles.length;
        if (otherSize > size || (otherSize === size && other.order > proposer.order)) this.pair(proposer, other, regroup);
      }
    }
  }

  /** The entry with its words, read again from its text when they were not kept. */
  private withWords(entry: Entry): Comparable {
    return entry.words ? entry : { wordCount: entry.wordCount, words: comparableWords(entry.text), shingles: entry.shingles };
  }

  /** Which of two rare shingles ranks rarer: fewer holders, then used earlier in the corpus. */
  private rarer(x: number, y: number): number {
    return (
      this.shingles.count(x) - this.shingles.count(y) ||
      this.firstEntry[x]!.order - this.firstEntry[y]!.order ||
      this.firstOffset[x]! - this.firstOffset[y]!
    );
  }

  /** Records the pair when it reaches the threshold (scored earlier text first, as a full grouping does). */
  private pair(proposer: Entry, other: Entry, regroup: Set<Entry>): void {
    const [first, second] = proposer.order < other.order ? [proposer, other] : [other, proposer];
    const score =
      Math.min(first.wordCount, second.wordCount) <= this.measure.exactUpTo
        ? similarityOf(this.withWords(first), this.withWords(second), this.measure, true)
        : similarityOf(first, second, this.measure, true);
    if (score < this.measure.threshold) return;
    (proposer.similar ??= new Map()).set(other, score);
    (other.similar ??= new Map()).set(proposer, score);
    (proposer.proposed ??= []).push(other);
    regroup.add(other);
  }

  /** Regroups the connected sets of pairs holding these entries. */
  private regroup(starts: readonly Entry[]): void {
    const seen = ++this.stamp;
    for (const start of starts) {
      if (start.seen === seen) continue;
      start.seen = seen;
      const component = [start];
      for (let i = 0; i < component.length; i++) {
        for (const other of component[i]!.similar?.keys() ?? []) {
          if (other.seen === seen) continue;
          other.seen = seen;
          component.push(other);
        }
      }
      this.groupComponent(component);
    }
  }

  private groupComponent(component: Entry[]): void {
    for (const entry of component) entry.cluster = { members: [entry], group: undefined };
    if (component.length === 1) return;
    // The pairs best first, ties in corpus order: parallel arrays sorted through an index (cheaper than objects).
    const firsts: Entry[] = [];
    const seconds: Entry[] = [];
    const scores: number[] = [];
    for (const a of component) {
      for (const [b, score] of a.similar!) {
        if (a.order > b.order) continue;
        firsts.push(a);
        seconds.push(b);
        scores.push(score);
      }
    }
    const firstOrders = Int32Array.from(firsts, (entry) => entry.order);
    const secondOrders = Int32Array.from(seconds, (entry) => entry.order);
    const ranked = Int32Array.from(scores.keys());
    ranked.sort((x, y) => scores[y]! - scores[x]! || firstOrders[x]! - firstOrders[y]! || secondOrders[x]! - secondOrders[y]!);
    // Two groups that cannot join never can once they have grown (some pair of them is not alike),
    // unless fragments of a longer member count as alike: then a member joining later may link them.
    const apart = this.measure.fragmentsOfOne ? undefined : new Map<Cluster, Set<Cluster>>();
    const joined = new Set<Cluster>();
    for (const pair of ranked) {
      const left = firsts[pair]!.cluster;
      const right = seconds[pair]!.cluster;
      if (left === right || apart?.get(left)?.has(right)) continue;
      if (!this.joinable(left, right)) {
        if (apart) {
          setOf(apart, left).add(right);
          setOf(apart, right).add(left);
        }
        continue;
      }
      // The smaller group moves into the larger (which one stays does not change the groups).
      const [kept, gone] = left.members.length >= right.members.length ? [left, right] : [right, left];
      for (const y of gone.members) y.cluster = kept;
      for (const y of gone.members) kept.members.push(y);
      joined.delete(gone);
      joined.add(kept);
      for (const other of apart?.get(gone) ?? []) {
        const otherApart = setOf(apart!, other);
        otherApart.delete(gone);
        otherApart.add(kept);
        setOf(apart!, kept).add(other);
      }
    }
    for (const cluster of joined) cluster.members.sort((x, y) => x.order - y.order);
  }

  /** Complete linkage: every member of one group alike to every member of the other (see the module comment for fragments). */
  private joinable(left: Cluster, right: Cluster): boolean {
    if (!this.measure.fragmentsOfOne) {
      for (const x of left.members) {
        const similar = x.similar;
        if (!similar) return false;
        for (const y of right.members) if (!similar.has(y)) return false;
      }
      return true;
    }
    const union = [...left.members, ...right.members];
    const alike = (x: Entry, y: Entry) =>
      x.similar?.has(y) || union.some((z) => z.wordCount > Math.max(x.wordCount, y.wordCount) && z.similar?.has(x) && z.similar?.has(y));
    return left.members.every((x) => right.members.every((y) => alike(x, y)));
  }

  /** Every group, in corpus order of their representatives. */
  private groups(): AlikeGroup[] {
    const groups: AlikeGroup[] = [];
    for (const entry of this.entries) {
      const cluster = entry.cluster;
      if (cluster.members[0] !== entry) continue;
      cluster.group ??= { id: `${this.kind}:${entry.id}`, kind: this.kind, members: cluster.members.map((member) => member.id) };
      groups.push(cluster.group);
    }
    return groups;
  }
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
