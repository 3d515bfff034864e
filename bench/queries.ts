/**
 * The benchmark's fixed query mix over every command: /ask questions of one to ten words, /country,
 * /quote (with and without about), /outlet, /compare, /sources, Check in coverage (/check), autocomplete prefixes (empty to six
 * characters) for places, speakers and outlets, and misspellings of all of them. Deterministic: the
 * same corpus and seed give the same queries, in the same order.
 */
import type { AutocompleteSource } from '../src/answers/commands.ts';
import type { Corpus } from '../src/corpus/types.ts';
import { pick, prng, type Random } from './generate.ts';

/** A row of the latency table. */
export type QueryKind = 'ask' | 'country' | 'quote' | 'outlet' | 'compare' | 'sources' | 'check';

export interface CommandQuery {
  kind: QueryKind;
  command: QueryKind;
  options: Record<string, string>;
  /** A word of it is misspelt (also reported as its own row). */
  misspelt: boolean;
}

export interface CompleteQuery {
  source: AutocompleteSource;
  typed: string;
}

export interface QueryMix {
  commands: CommandQuery[];
  completions: CompleteQuery[];
  /** The free texts of /ask and /compare: what the side-by-side comparison searches for. */
  texts: string[];
}

export interface QueryMixOptions {
  /** Queries per command kind (/ask gets three times as many: it is the free-text command). */
  perKind: number;
  /** Autocomplete queries in all. */
  completions: number;
  seed?: number;
}

/** Questions as people ask them about the story (several from test/fixtures/eval-questions.json). */
const STORY_QUESTIONS = [
  'who ruled out hosting a hub?',
  'how many small boat migrants have reached the UK this year?',
  'why is Serbia a security concern?',
  'is Kosovo open to talks?',
  'how many people used the Western Balkans route last year?',
  "who praised Italy's offshoring deal?",
  'when will return hub destinations be announced?',
  'did Vucic visit Moscow?',
  'rules for Russian citizens moving in and out of Serbia',
  'migrants crossing the Channel',
  'what does France say?',
  'Rishi Sunak',
  'Brexit referendum turnout',
  'return hubs',
  'MI6 warning',
  'Russian infiltration of the hubs',
  'failed asylum seekers',
  'small boats',
  'Albania deal',
  'what did Meloni say about Albania?',
  'Kremlin influence in the Balkans',
  'who said the hubs were a really important innovation?',
  'deterrent effect of offshoring',
  'how much will the scheme cost?',
  'European Convention on Human Rights',
  'Reform UK polling',
  'humiliating rebuff in Tirana',
  'security official warning about Russian espionage',
  'which countries are on the shortlist?',
  'Home Office progress on return hubs',
];
const TOPICS = [
  'small boat crossings',
  'Kosovo talks',
  'return hubs',
  'Russian influence',
  'Eurovision',
  'asylum seekers',
  'MI6',
  'Albania',
  'Western Balkans route',
  'offshoring deal',
  'illegal migration',
  'deportation scheme',
  'Serbia',
  'human rights',
  'migrant numbers',
];
const FRAMES = ['', '', '', 'what about ', 'who said ', 'why ', 'how many ', 'did anyone mention '];

/** One edit that a hurried typist makes: a dropped, doubled or swapped letter. */
export function misspell(word: string, random: Random): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(random() * (word.length - 3));
  const edit = Math.floor(random() * 3);
  if (edit === 0) return word.slice(0, at) + word.slice(at + 1);
  if (edit === 1) return word.slice(0, at) + word[at] + word.slice(at);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

/** Misspells the longest word of a text. */
function misspellText(text: string, random: Random): string {
  const words = text.split(' ');
  let longest = 0;
  words.forEach((word, i) => {
    if (word.length > words[longest]!.length) longest = i;
  });
  words[longest] = misspell(words[longest]!, random);
  return words.join(' ');
}

/** A run of one to ten words from a passage, as someone half-remembering it would type it. */
function questionFrom(corpus: Corpus, random: Random, length: number): string {
  const words = pick(random, corpus.passages)
    .text.replace(/[^\p{L}\p{N}'’ -]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const start = Math.floor(random() * Math.max(1, words.length - length));
  const run = words.slice(start, start + length).join(' ');
  return (pick(random, FRAMES) + (random() < 0.5 ? run.toLowerCase() : run)).trim() || 'return hubs';
}

export interface NameLists {
  places: string[];
  speakers: string[];
  outlets: string[];
  /** Made-up words, places and people the generator used: rare terms. */
  rareWords: string[];
  rarePlaces: string[];
  rarePeople: string[];
}

export function buildQueryMix(corpus: Corpus, names: NameLists, options: QueryMixOptions): QueryMix {
  const random = prng(options.seed ?? 66);
  const commands: CommandQuery[] = [];
  const add = (kind: QueryKind, value: Record<string, string>, misspelt = false) =>
    commands.push({ kind, command: kind, options: value, misspelt });
  const n = options.perKind;
  const sometimesMisspelt = (text: string): [string, boolean] => {
    if (random() >= 0.15) return [text, false];
    const misspelt = misspellText(text, random);
    return [misspelt, misspelt !== text];
  };
  const rare = <T>(list: T[], fallback: T) => (list.length > 0 ? pick(random, list) : fallback);

  for (let i = 0; i < n * 3; i++) {
    const choice = random();
    let question: string;
    if (choice < 0.3) question = pick(random, STORY_QUESTIONS);
    else if (choice < 0.85) question = questionFrom(corpus, random, 1 + (i % 10));
    else if (choice < 0.95)
      question = `${pick(random, ['what did', 'who is', 'where is'])} ${rare(names.rarePeople, 'Edi Rama')} ${pick(random, ['say', 'in', 'about'])} ${rare(names.rareWords, 'hubs')}`;
    else question = rare(names.rarePlaces, 'Tirana');
    const [text, misspelt] = sometimesMisspelt(question);
    add('ask', { question: text.length >= 2 ? text.slice(0, 300) : 'return hubs' }, misspelt);
  }
  for (let i = 0; i < n; i++) {
    const choice = random();
    const name = choice < 0.8 ? pick(random, names.places) : choice < 0.9 ? rare(names.rarePlaces, 'France') : 'France';
    const [text, misspelt] = sometimesMisspelt(random() < 0.3 ? name.toLowerCase() : name);
    add('country', { name: text }, misspelt);
  }
  for (let i = 0; i < n; i++) {
    const choice = random();
    const who = choice < 0.75 ? pick(random, names.speakers) : choice < 0.9 ? rare(names.rarePeople, 'Osmani') : 'Rishi Sunak';
    const [text, misspelt] = sometimesMisspelt(who);
    const about =
      i % 2 === 0
        ? undefined
        : pick(random, ['talks', 'deterrent', 'silver bullet', 'hubs', 'Russia', 'migrants', 'the plan', rare(names.rareWords, 'gangs')]);
    add('quote', { who: text, ...(about ? { about } : {}) }, misspelt);
  }
  for (let i = 0; i < n; i++) {
    const outlet = pick(random, names.outlets);
    const choice = random();
    const typed =
      choice < 0.6
        ? outlet
        : choice < 0.8
          ? outlet.toLowerCase().replace(/^the /, '')
          : choice < 0.9
            ? 'The Guardian'
            : outlet.split(' ').at(-1)!;
    const [text, misspelt] = sometimesMisspelt(typed);
    add('outlet', { name: text }, misspelt);
  }
  for (let i = 0; i < n; i++) {
    const topic =
      random() < 0.6
        ? pick(random, TOPICS)
        : questionFrom(corpus, random, 1 + Math.floor(random() * 4)).replace(/^(what about|who said|why|how many|did anyone mention) /, '');
    const [text, misspelt] = sometimesMisspelt(topic);
    add('compare', { topic: text.length >= 2 ? text.slice(0, 200) : 'return hubs' }, misspelt);
  }
  for (let i = 0; i < Math.max(2, Math.round(n / 10)); i++) add('sources', {});
  // Check in coverage: chat messages quoting a passage's words, giving a figure, or claiming something of someone.
  for (let i = 0; i < n; i++) {
    const who = pick(random, names.speakers);
    const words = questionFrom(corpus, random, 4 + (i % 8)).replace(/^(what about|who said|why|how many|did anyone mention) /, '');
    const message = [
      `${who} said "${words}"`,
      `apparently ${1 + Math.floor(random() * 30)},000 people crossed the Channel so far this year`,
      `${who} agreed to ${words}`,
      `anyone seen the news about ${pick(random, names.places)}?`,
    ][i % 4]!;
    add('check', { text: message });
  }

  const completions: CompleteQuery[] = [];
  const sources: [AutocompleteSource, string[]][] = [
    ['place', [...names.places, ...names.rarePlaces.slice(0, 50)]],
    ['speaker', [...names.speakers, ...names.rarePeople.slice(0, 50)]],
    ['outlet', names.outlets],
  ];
  for (let i = 0; i < options.completions; i++) {
    const [source, list] = sources[i % sources.length]!;
    const length = i % 7; // 0 (empty) to 6 characters
    let typed = pick(random, list).slice(0, length);
    if (length >= 4 && random() < 0.2) typed = misspell(typed, random);
    completions.push({ source, typed: random() < 0.3 ? typed.toLowerCase() : typed });
  }

  const texts = commands.flatMap((query) =>
    query.command === 'ask' ? [query.options['question']!] : query.command === 'compare' ? [query.options['topic']!] : [],
  );
  return { commands, completions, texts };
}
