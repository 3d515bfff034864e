/**
 * The analysis packed for a snapshot. Its mentions and alike groups are most of it (at 100,000
 * passages, over a million small objects whose JSON repeats every passage and entity id): packed,
 * they are runs of numbers that point into the corpus's passages and a table of entity ids, and are
 * unpacked into the very objects the analysis made (same keys, same order, same values). Strings then
 * share the corpus's passage ids instead of each holding a copy. Quotations, figures and entities stay
 * as they are. A mention or group that the packing cannot express exactly leaves the whole section
 * plain, so a pack never changes what loads.
 */
import type { AlikeGroup, Analysis, Mention } from '../analysis/types.ts';
import type { Corpus } from '../corpus/types.ts';

const FORMAT = 'analysis-packed-1';

export interface PackedAnalysis extends Omit<Analysis, 'mentions' | 'groups'> {
  format: typeof FORMAT;
  mentions: {
    entityIds: string[];
    /** Per mention: entity (index into entityIds), passage (position in the corpus), start, end. */
    rows: number[];
    /** Mentions whose surface is not the passage text between start and end: [mention index, surface]. */
    surfaces: [number, string][];
  };
  /** Per group: kind (index into KINDS), member count, then per member its passage's position and, but for passages, its number. */
  groups: number[];
}

const KINDS = ['passage', 'sentence', 'quotation'] as const;
const MEMBER_MARK: Record<AlikeGroup['kind'], string> = { passage: '', sentence: 's', quotation: 'q' };
const ANALYSIS_KEYS = 'entities,mentions,quotations,figures,groups';
const MENTION_KEYS = 'entityId,passageId,start,end,surface';
const GROUP_KEYS = 'id,kind,members';

export function isPackedAnalysis(value: unknown): value is PackedAnalysis {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === FORMAT;
}

/** The analysis packed, or undefined when some mention or group has a shape the packing does not keep exactly. */
export function packAnalysis(analysis: Analysis, corpus: Corpus): PackedAnalysis | undefined {
  if (Object.keys(analysis).join(',') !== ANALYSIS_KEYS) return undefined;
  const positionOf = new Map(corpus.passages.map((passage, position) => [passage.id, position]));
  const entityIndex = new Map<string, number>();
  const rows: number[] = [];
  const surfaces: [number, string][] = [];
  for (const [index, mention] of analysis.mentions.entries()) {
    const position = positionOf.get(mention.passageId);
    if (position === undefined || Object.keys(mention).join(',') !== MENTION_KEYS) return undefined;
    let entity = entityIndex.get(mention.entityId);
    if (entity === undefined) entityIndex.set(mention.entityId, (entity = entityIndex.size));
    rows.push(entity, position, mention.start, mention.end);
    if (corpus.passages[position]!.text.slice(mention.start, mention.end) !== mention.surface) surfaces.push([index, mention.surface]);
  }
  const groups: number[] = [];
  for (const group of analysis.groups) {
    const kind = KINDS.indexOf(group.kind);
    if (kind < 0 || Object.keys(group).join(',') !== GROUP_KEYS || group.id !== `${group.kind}:${group.members[0]}`) return undefined;
    groups.push(kind, group.members.length);
    for (const member of group.members) {
      const parsed = parseMember(member, group.kind, positionOf);
      if (!parsed) return undefined;
      groups.push(...parsed);
    }
  }
  const { mentions: _mentions, groups: _groups, ...rest } = analysis;
  return { format: FORMAT, ...rest, mentions: { entityIds: [...entityIndex.keys()], rows, surfaces }, groups };
}

/** A member id as [passage position] (a passage) or [passage position, n] (`${passageId}:s${n}`, `${passageId}:q${n}`). */
function parseMember(member: string, kind: AlikeGroup['kind'], positionOf: ReadonlyMap<string, number>): number[] | undefined {
  if (kind === 'passage') {
    const position = positionOf.get(member);
    return position === undefined ? undefined : [position];
  }
  const colon = member.lastIndexOf(':');
  const position = positionOf.get(member.slice(0, colon));
  const suffix = member.slice(colon + 1);
  const n = Number(suffix.slice(1));
  if (position === undefined || suffix !== `${MEMBER_MARK[kind]}${n}` || !Number.isInteger(n) || n < 0) return undefined;
  return [position, n];
}

/** The analysis packAnalysis packed, for the same corpus. */
export function unpackAnalysis(packed: PackedAnalysis, corpus: Corpus): Analysis {
  const { format: _format, mentions: packedMentions, groups: packedGroups, ...rest } = packed;
  const { passages } = corpus;
  const passageAt = (position: number) => {
    const passage = passages[position];
    if (!passage) throw new Error('packed analysis points past the corpus');
    return passage;
  };
  const { entityIds, rows, surfaces } = packedMentions;
  const surfaceOf = new Map(surfaces);
  const mentions: Mention[] = new Array<Mention>(rows.length / 4);
  for (let i = 0, at = 0; at < rows.length; i++, at += 4) {
    const passage = passageAt(rows[at + 1]!);
    const start = rows[at + 2]!;
    const end = rows[at + 3]!;
    mentions[i] = {
      entityId: entityIds[rows[at]!]!,
      passageId: passage.id,
      start,
      end,
      surface: surfaceOf.get(i) ?? passage.text.slice(start, end),
    };
  }
  const groups: AlikeGroup[] = [];
  for (let at = 0; at < packedGroups.length;) {
    const kind = KINDS[packedGroups[at++]!];
    const count = packedGroups[at++]!;
    if (!kind) throw new Error('packed analysis holds a group of no known kind');
    const members: string[] = new Array<string>(count);
    for (let m = 0; m < count; m++) {
      const id = passageAt(packedGroups[at++]!).id;
      members[m] = kind === 'passage' ? id : `${id}:${MEMBER_MARK[kind]}${packedGroups[at++]!}`;
    }
    groups.push({ id: `${kind}:${members[0]}`, kind, members });
  }
  return { entities: rest.entities, mentions, quotations: rest.quotations, figures: rest.figures, groups };
}
