import { beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../src/desk/desk.ts';
import { startDesk } from '../../src/desk/start-desk.ts';
import { complete } from '../../src/console/repl.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk({ corpusDir: SEED_CORPUS_DIR });
});

describe('console tab completion', () => {
  it('completes command names', async () => {
    expect(await complete(desk, '/co')).toEqual([['/country ', '/compare '], '/co']);
  });

  it("completes the first option's value when its name is left out", async () => {
    const [choices, typed] = await complete(desk, '/country Bos');
    expect(typed).toBe('Bos');
    expect(choices[0]).toBe('Bosnia and Herzegovina');
  });

  it('completes the named option being typed', async () => {
    const [choices, typed] = await complete(desk, '/quote who:osm');
    expect(typed).toBe('osm');
    expect(choices[0]).toBe('Vjosa Osmani');
  });

  it('offers nothing for an option without autocomplete', async () => {
    expect(await complete(desk, '/quote who:Osmani about:tal')).toEqual([[], 'tal']);
  });
});
