/**
 * Champion lists: for each common term, the passages where it weighs most (its highest single-term
 * scores), overall and per group (outlet), so that a query made of common words ranks a few thousand
 * strong candidates instead of scoring every passage that holds one of them. Rare terms need none:
 * all their passages are candidates.
 */
import type { EngineView, FieldTermData } from './engine-view.ts';

export interface ChampionOptions {
  /** Best passages kept per term. */
  overall: number;
  /** Best passages kept per term and group. */
  perGroup: number;
}

/** Short ids of the passages where a term weighs most (overall and per group), from its single-term scores. */
export function championsOf(
  view: EngineView,
  data: FieldTermData,
  fields: readonly { id: number; boost: number }[],
  groupOf: Int32Array | undefined,
  options: ChampionOptions,
): Int32Array {
  // Single-term scores, summed over the fields as MiniSearch sums them.
  const scores = new Map<number, number>();
  for (const field of fields) {
    const frequencies = data.get(field.id);
    if (!frequencies) continue;
    for (const shortId of frequencies.keys()) {
      const score = view.weightedScore(frequencies, field.id, shortId, 1, field.boost)!;
      scores.set(shortId, (scores.get(shortId) ?? 0) + score);
    }
  }
  const ids = new Int32Array(scores.size);
  const values = new Float64Array(scores.size);
  let n = 0;
  for (const [shortId, score] of scores) {
    ids[n] = shortId;
    values[n++] = score;
  }
  const chosen = new Set<number>(topIndices(values, options.overall).map((i) => ids[i]!));
  if (groupOf && options.perGroup > 0) {
    const best = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const group = groupOf[view.idOf(ids[i]!)] ?? -1;
      const list = best.get(group) ?? best.set(group, []).get(group)!;
      if (list.length < options.perGroup) list.push(i);
      else {
        let weakest = 0;
        for (let j = 1; j < list.length; j++) if (values[list[j]!]! < values[list[weakest]!]!) weakest = j;
        if (values[i]! > values[list[weakest]!]!) list[weakest] = i;
      }
    }
    for (const list of best.values()) for (const i of list) chosen.add(ids[i]!);
  }
  return Int32Array.from(chosen);
}

/** Indices of the `m` largest values (any order): quickselect for the m-th largest, then a pass. */
export function topIndices(values: Float64Array, m: number): number[] {
  const n = values.length;
  if (n <= m) return Array.from({ length: n }, (_, i) => i);
  const copy = values.slice();
  const threshold = select(copy, n - m);
  const above: number[] = [];
  const equal: number[] = [];
  for (let i = 0; i < n; i++) {
    if (values[i]! > threshold) above.push(i);
    else if (values[i] === threshold) equal.push(i);
  }
  return [...above, ...equal.slice(0, m - above.length)];
}

/** The k-th smallest value (0-based) of `values`, which it reorders. */
function select(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (high > low) {
    const pivot = values[(low + high) >> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k]!;
  }
  return values[k]!;
}
