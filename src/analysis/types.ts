/** What the analysis stage knows about the passages. Plain data, JSON-serializable. */

export type EntityKind = 'place' | 'person' | 'organisation';

export interface Entity {
  /** Stable id, e.g. "serbia", "vjosa-osmani", "mi6". */
  id: string;
  kind: EntityKind;
  /** Canonical display name, e.g. "Vjosa Osmani". */
  name: string;
  /** Every form the coverage uses and users type (canonical name included). */
  aliases: string[];
  /** For a person: "he" | "she" | "they"; used to resolve pronouns. */
  gender?: 'he' | 'she' | 'they';
  /** Titles that refer to the entity by context, e.g. ["prime minister", "pm"] for Keir Starmer. */
  titles?: string[];
  /** Related entities, e.g. the Kremlin -> { relation: 'government of', target: 'russia' }. */
  relations?: { relation: string; target: string }[];
  /** Short description for autocomplete and help, e.g. "President of Kosovo". */
  description?: string;
  /**
   * Where the analysis learned of it: the gazetteer ("curated"), the world's data ("world": countries,
   * regions, cities), or the coverage itself ("discovered": people and organisations named in it).
   */
  origin?: 'curated' | 'world' | 'discovered';
}

export interface Mention {
  entityId: string;
  passageId: string;
  /** Offsets in the passage text. */
  start: number;
  end: number;
  /** The words as printed, e.g. "Ms Osmani". */
  surface: string;
}

export type SpeakerKind =
  | 'named' // a name in the sentence: "Vjosa Osmani said"
  | 'title' // "the prime minister said"
  | 'pronoun' // "He said", resolved to the nearest compatible speaker
  | 'continuation' // carries on the previous quotation
  | 'source' // anonymous: "a government source", "a security source"
  | 'institution' // "Downing Street", "the Foreign Office", "the Tories"
  | 'unattributed'; // uncertain: we do not guess

export interface Quotation {
  /** Stable id, `${passageId}:q${n}`. */
  id: string;
  passageId: string;
  articleId: string;
  outlet: string;
  /** The quoted words, without the enclosing quote marks, as printed. */
  text: string;
  /** Offsets of the quoted words (without marks) in the passage text. */
  start: number;
  end: number;
  /** The words naming the speaker as printed, e.g. "A Government source who was briefed by security officials", "He". */
  speakerAsPrinted: string | null;
  /** Resolved speaker: an entity id for a known person/organisation, else the source as printed, else null. */
  speaker: string | null;
  /** Display name of the resolved speaker, e.g. "Vjosa Osmani", "a government source". */
  speakerName: string | null;
  speakerKind: SpeakerKind;
  /**
   * The rules that gave the speaker, most telling first, e.g. "speaker after the quotation; X said" or
   * "speech verb before the quotation; X said; pronoun: the subject of the last speech". Absent when
   * nobody is credited.
   */
  rule?: string;
  /** Id of the group of quotations that carry the same or nearly the same words. */
  groupId: string;
}

export interface Figure {
  passageId: string;
  articleId: string;
  outlet: string;
  /** The number as a value, e.g. 13573. */
  value: number;
  /** As printed, with its qualifier: "a record 13,573", "over 12,000", "nearly 22,000". */
  printed: string;
  /** What it counts, normalised so outlets' figures can be set side by side, e.g. "small-boat arrivals this year". */
  counts: string;
  /** Offsets of `printed` in the passage text. */
  start: number;
  end: number;
}

/** Passages or quotations that several outlets carry in the same or nearly the same words. */
export interface AlikeGroup {
  id: string;
  kind: 'passage' | 'sentence' | 'quotation';
  /** Member ids (passage ids, sentence ids `${passageId}:s${n}` or quotation ids), first one is the representative. */
  members: string[];
}

export interface Analysis {
  entities: Entity[];
  mentions: Mention[];
  quotations: Quotation[];
  figures: Figure[];
  groups: AlikeGroup[];
}
