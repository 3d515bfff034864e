import { matchEntities } from './entities.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { NameFinder } from './speakers.ts';

/** The gazetteer's matcher as a NameFinder for attribution (titles resolved by context). */
export function nameFinderFor(gazetteer: Gazetteer): NameFinder {
  return (text) =>
    matchEntities(text, gazetteer).flatMap((mention) => {
      const entity = gazetteer.byId.get(mention.entityId);
      return entity ? [{ start: mention.start, end: mention.end, entity }] : [];
    });
}
