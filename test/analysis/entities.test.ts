import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.ts';
import { buildGazetteer, loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { findMentions, placesOf, resolveName } from '../../src/analysis/entities.ts';
import { fold, foldWithOffsets, originalSpan } from '../../src/text/fold.ts';
import { SEED_GAZETTEER_FILE } from '../support/seed-corpus.ts';

const gazetteer = loadGazetteer(SEED_GAZETTEER_FILE);

function passage(text: string, id = 'test:0'): Passage {
  return { id, articleId: 'test', index: 0, text, start: 0, end: text.length, paragraph: 0 };
}

/** [entity id, surface] pairs, in order. */
function mentionsIn(text: string): [string, string][] {
  return findMentions(passage(text), gazetteer).map((mention) => [mention.entityId, mention.surface]);
}

function idsIn(text: string): string[] {
  return mentionsIn(text).map(([id]) => id);
}

describe('fold', () => {
  it('lower-cases and removes diacritics, keeping the length', () => {
    expect(fold('Vučić')).toBe('vucic');
    expect(fold('Tiranë')).toBe('tirane');
    expect(fold('Vučić').length).toBe('Vučić'.length);
  });

  it('normalises curly apostrophes, quote marks and dashes', () => {
    expect(fold('Britain’s “open” Bosnia–Herzegovina — yes')).toBe(`britain's "open" bosnia-herzegovina - yes`);
  });

  it('maps folded offsets back to the original text when a character folds to more than one', () => {
    const text = 'İstanbul and Kosovo';
    const folded = foldWithOffsets(text);
    const at = folded.text.indexOf('kosovo');
    const span = originalSpan(folded, at, at + 'kosovo'.length);
    expect(text.slice(span.start, span.end)).toBe('Kosovo');
  });
});

describe('loadGazetteer', () => {
  it('loads the story gazetteer with places, people and organisations', () => {
    const kinds = new Set(gazetteer.entities.map((entity) => entity.kind));
    expect(kinds).toEqual(new Set(['place', 'person', 'organisation']));
    expect(gazetteer.byId.get('aleksandar-vucic')?.aliases).toContain('Vucic');
    expect(gazetteer.byId.get('kremlin')?.relations).toContainEqual({ relation: 'government of', target: 'russia' });
    expect(gazetteer.byId.get('edi-rama')?.relations).toContainEqual({ relation: 'prime minister of', target: 'albania' });
  });

  it('names the file, the entry and the field of bad data', () => {
    const data = { entities: [{ id: 'serbia', kind: 'country', name: 'Serbia', aliases: ['Serbia'] }] };
    expect(() => buildGazetteer(data, 'curated/gazetteer.json')).toThrow(
      /curated\/gazetteer\.json: entity "serbia" \(entities\[0\]\), field "kind"/,
    );
  });

  it('refuses an alias claimed by two entities, naming both', () => {
    const data = {
      entities: [
        { id: 'north-macedonia', kind: 'place', name: 'North Macedonia', aliases: ['Macedonia'] },
        { id: 'macedonia-region', kind: 'place', name: 'Macedonia region', aliases: ['macedonia'] },
      ],
    };
    expect(() => buildGazetteer(data, 'g.json')).toThrow(
      'g.json: entity "macedonia-region" (entities[1]), field "aliases": "macedonia" is already an alias of "north-macedonia"; an alias may name only one entity.',
    );
  });

  it('refuses a relation to an entity that does not exist', () => {
    const data = {
      entities: [
        {
          id: 'kremlin',
          kind: 'organisation',
          name: 'Kremlin',
          aliases: ['Kremlin'],
          relations: [{ relation: 'government of', target: 'rusia' }],
        },
      ],
    };
    expect(() => buildGazetteer(data, 'g.json')).toThrow(/field "relations\[0\]\.target": no entity has the id "rusia"/);
  });

  it('takes a missing, blank or entity-less file as no curation at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazetteer-'));
    expect(loadGazetteer(join(dir, 'no-such-gazetteer.json')).entities).toEqual([]);
    writeFileSync(join(dir, 'blank.json'), '\n');
    expect(loadGazetteer(join(dir, 'blank.json')).entities).toEqual([]);
    writeFileSync(join(dir, 'empty.json'), '{ "entities": [] }');
    expect(loadGazetteer(join(dir, 'empty.json')).entities).toEqual([]);
    expect(buildGazetteer({}, 'g.json').entities).toEqual([]);
  });

  it('says which file cannot be read or is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazetteer-'));
    expect(() => loadGazetteer(dir)).toThrow(/cannot read the gazetteer/);
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "entities": [ }');
    expect(() => loadGazetteer(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid JSON`));
  });
});

describe('findMentions', () => {
  it('keeps the passage id, offsets into the passage text and the words as printed', () => {
    const text = 'Sources also pointed out that Serbian President Aleksandar Vucic is a close ally of Putin.';
    const mentions = findMentions(passage(text, 'gb-news:12'), gazetteer);
    expect(mentions.length).toBeGreaterThan(0);
    for (const mention of mentions) {
      expect(mention.passageId).toBe('gb-news:12');
      expect(text.slice(mention.start, mention.end)).toBe(mention.surface);
    }
    expect(mentions.map((mention) => [mention.entityId, mention.surface])).toEqual([
      ['serbia', 'Serbian'],
      ['aleksandar-vucic', 'President Aleksandar Vucic'],
      ['vladimir-putin', 'Putin'],
    ]);
  });

  it('ignores case and diacritics', () => {
    expect(idsIn('KOSOVO is open, said President Vučić, and Vucic too.')).toEqual(['kosovo', 'aleksandar-vucic', 'aleksandar-vucic']);
  });

  it('matches possessives without taking the possessive into the name', () => {
    expect(mentionsIn("With Russia's war, Kosovo 's president and Britain’s failed asylum seekers, the Tories' plan")).toEqual([
      ['russia', 'Russia'],
      ['vjosa-osmani', "Kosovo 's president"],
      ['kosovo', 'Kosovo'],
      ['uk', 'Britain'],
      ['conservatives', 'Tories'],
    ]);
  });

  it('takes hyphenated and spelled-out forms of a name as one place', () => {
    expect(mentionsIn('Bosnia-Herzegovina, Bosnia–Herzegovina and Bosnia and Herzegovina')).toEqual([
      ['bosnia-and-herzegovina', 'Bosnia-Herzegovina'],
      ['bosnia-and-herzegovina', 'Bosnia–Herzegovina'],
      ['bosnia-and-herzegovina', 'Bosnia and Herzegovina'],
    ]);
    expect(idsIn('Croatia, Bosnia and Herzegovina, and Montenegro are the others')).toEqual([
      'croatia',
      'bosnia-and-herzegovina',
      'montenegro',
    ]);
  });

  it('prefers the longest name', () => {
    expect(mentionsIn('North Macedonia also confirmed not being formally approached.')).toEqual([['north-macedonia', 'North Macedonia']]);
    expect(mentionsIn('a meeting of western Balkan leaders before the Western Balkans leaders meet')).toEqual([
      ['western-balkans', 'western Balkan'],
      ['western-balkans', 'Western Balkans'],
    ]);
    expect(mentionsIn('a signatory to the European Convention on Human Rights (ECHR)')).toEqual([
      ['echr', 'European Convention on Human Rights'],
      ['echr', 'ECHR'],
    ]);
    expect(mentionsIn('parties such as Reform UK make gains')).toEqual([['reform-uk', 'Reform UK']]);
  });

  it('matches whole words only, with demonyms as their place', () => {
    expect(idsIn('Western appeasement of Serbian strategies that bolster pro-Russian figures')).toEqual(['serbia', 'russia']);
    expect(idsIn('a Rwanda-style deportation scheme, a non-EU state, UK-supplied technology')).toEqual(['rwanda', 'eu', 'uk']);
    expect(idsIn('Ramadan, a panorama, dramatic Kosovars')).toEqual(['kosovo']);
  });

  it('needs the capitals of names that are ordinary words', () => {
    expect(idsIn('He has visited Moscow several times; reform of the labour market; the sky')).toEqual(['moscow']);
    expect(idsIn('according to The Times, Reform and Labour; Sky News')).toEqual(['the-times', 'reform-uk', 'labour', 'sky-news']);
    expect(idsIn('at 1:30 pm the uk and eu')).toEqual([]);
  });

  it('invents nothing: a name the gazetteer lacks is no entity', () => {
    expect(idsIn('Emmanuel Macron said France and the Netherlands would host Spooks from Brussels.')).toEqual([]);
    expect(idsIn('the French president and the Greek prime minister met')).toEqual([]);
  });

  it('relates a mention of the Kremlin to Russia without calling it a place', () => {
    const [kremlin] = findMentions(passage('agents working on behalf of the Kremlin'), gazetteer);
    expect(kremlin?.entityId).toBe('kremlin');
    expect(placesOf(gazetteer, kremlin!).map((place) => place.id)).toEqual(['russia']);
    expect(placesOf(gazetteer, 'red-square').map((place) => place.id)).toEqual(['red-square', 'moscow', 'russia']);
    expect(placesOf(gazetteer, 'vjosa-osmani')).toEqual([]);
  });
});

describe('findMentions: titles by context', () => {
  it('reads "the Prime Minister" as Keir Starmer in most sentences', () => {
    expect(mentionsIn('Earlier this month, the Prime Minister confirmed that the Government was in talks.')).toEqual([
      ['keir-starmer', 'Prime Minister'],
    ]);
    expect(mentionsIn("Philp said Albania's dismissal of return hubs was 'humiliating' for the PM.")).toEqual([
      ['chris-philp', 'Philp'],
      ['albania', 'Albania'],
      ['keir-starmer', 'PM'],
    ]);
  });

  it('gives a title next to a name to that name', () => {
    expect(mentionsIn('PM Sir Keir Starmer, who has vowed action on immigration, was snubbed by PM Edi Rama.')).toEqual([
      ['keir-starmer', 'PM Sir Keir Starmer'],
      ['edi-rama', 'PM Edi Rama'],
    ]);
    expect(mentionsIn('Albania had also been on the list but was its Prime Minister, Edi Rama, ruled out such an arrangement.')).toEqual([
      ['albania', 'Albania'],
      ['edi-rama', 'Edi Rama'],
    ]);
    expect(mentionsIn('Albania had also been on the list but was ruled out by Edi Rama, its prime minister, this month.')).toEqual([
      ['albania', 'Albania'],
      ['edi-rama', 'Edi Rama'],
    ]);
    expect(mentionsIn('Chris Philp, shadow home secretary, said in response to the report')).toEqual([['chris-philp', 'Chris Philp']]);
    expect(mentionsIn('Shadow Home Secretary Chris Philp said')).toEqual([['chris-philp', 'Shadow Home Secretary Chris Philp']]);
  });

  it("gives a title qualified by a place to that place's office holder", () => {
    expect(mentionsIn('he was left red-faced after the Albanian prime minister publicly slapped down the idea')).toEqual([
      ['edi-rama', 'Albanian prime minister'],
      ['albania', 'Albanian'],
    ]);
    expect(mentionsIn("Albania's Prime Minister Edi Rama")).toEqual([
      ['albania', 'Albania'],
      ['edi-rama', 'Prime Minister Edi Rama'],
    ]);
    expect(mentionsIn('The report comes after the president of Kosovo revealed that')).toEqual([
      ['vjosa-osmani', 'president of Kosovo'],
      ['kosovo', 'Kosovo'],
    ]);
    expect(mentionsIn('Kosovan President Vjosa Osmani said her country would be "open"')).toEqual([
      ['kosovo', 'Kosovan'],
      ['vjosa-osmani', 'President Vjosa Osmani'],
    ]);
    expect(mentionsIn('President Osmani of Kosovo has said')).toEqual([
      ['vjosa-osmani', 'President Osmani'],
      ['kosovo', 'Kosovo'],
    ]);
  });

  it('does not give a title to a neighbouring name that does not hold it', () => {
    expect(
      mentionsIn("But speaking exclusively to Sky's Tamara Cohen, the president of Kosovo said her government is open to the idea."),
    ).toEqual([
      ['sky-news', 'Sky'],
      ['tamara-cohen', 'Tamara Cohen'],
      ['vjosa-osmani', 'president of Kosovo'],
      ['kosovo', 'Kosovo'],
    ]);
  });

  it('tells the two prime ministers apart in one sentence', () => {
    expect(
      mentionsIn("The prime minister's attempt to get Albania to act as a return hub was dismissed by the Albanian prime minister."),
    ).toEqual([
      ['keir-starmer', 'prime minister'],
      ['albania', 'Albania'],
      ['edi-rama', 'Albanian prime minister'],
      ['albania', 'Albanian'],
    ]);
  });

  it('leaves "President" alone unresolved, and titles that name someone else', () => {
    expect(idsIn('Kosovo is open as President welcomes talks')).toEqual(['kosovo']);
    expect(idsIn('a prime minister, a former prime minister and its prime minister')).toEqual([]);
    expect(idsIn('the president of Serbia')).toEqual(['aleksandar-vucic', 'serbia']);
    expect(idsIn('the prime minister of Serbia')).toEqual(['serbia']);
  });
});

describe('resolveName', () => {
  it.each([
    ['Osmani', 'vjosa-osmani'],
    ['Ms Osmani', 'vjosa-osmani'],
    ['Kosovan President', 'vjosa-osmani'],
    ['the president of Kosovo', 'vjosa-osmani'],
    ['Vucic', 'aleksandar-vucic'],
    ['vučić', 'aleksandar-vucic'],
    ['Sir Keir', 'keir-starmer'],
    ['the prime minister', 'keir-starmer'],
    ["Albania's prime minister", 'edi-rama'],
    ['Kosova', 'kosovo'],
    ['Bosnia-Herzegovina', 'bosnia-and-herzegovina'],
    ["Russia's", 'russia'],
    ['the Tories', 'conservatives'],
    ['reform', 'reform-uk'],
    ['Downing Street', 'downing-street'],
    ['the Foreign Office', 'foreign-office'],
    ['Chris Philp, shadow home secretary,', 'chris-philp'],
    ["Sky's Tamara Cohen", 'tamara-cohen'],
  ])('resolves %s', (text, id) => {
    expect(resolveName(gazetteer, text)?.id).toBe(id);
  });

  it.each([
    'osmanni',
    'a government source',
    'the source',
    'He',
    'President',
    'Serbia and Kosovo',
    'Emmanuel Macron',
    'Osmani and Rama',
    '',
  ])('resolves %j to nothing', (text) => {
    expect(resolveName(gazetteer, text)).toBeUndefined();
  });
});
