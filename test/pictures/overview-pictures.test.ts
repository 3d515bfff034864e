import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoverageOverview } from '../../src/answers/model.ts';
import { calendarDay } from '../../src/answers/overview.ts';
import { startDesk } from '../../src/desk/start-desk.ts';
import { overviewPictures, type RenderedPicture } from '../../src/pictures/index.ts';
import { extent, polygonsOverlap } from '../../src/pictures/layout.ts';
import { PNG_SCALE } from '../../src/pictures/png.ts';
import { cellColours, contrast, textOn, THEME } from '../../src/pictures/theme.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

/** A story far busier than the seed: long and non-Latin names, many columns, rows, and weeks of dates. */
function crowdedOverview(): CoverageOverview {
  const outlets = Array.from({ length: 20 }, (_, i) =>
    i === 0 ? 'The Extraordinarily Long-Named Regional Evening Chronicle & Advertiser' : `Outlet ${String.fromCharCode(65 + i)} Weekly`,
  );
  const columns = [
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `p${i}`,
      name: i === 0 ? 'Bosnia and Herzegovina (Federation entity)' : `Πόλη ${i}`,
      kind: 'place' as const,
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `q${i}`,
      name: i === 3 ? 'Wwwwwwwwww Mmmmmmmmmmmmmm' : `Person Number ${i}`,
      kind: 'person' as const,
    })),
  ];
  const days = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2024, 11, 1 + i * 5)).toISOString().slice(0, 10));
  return {
    outlets,
    columns,
    passages: outlets.map((_, r) => columns.map((_, c) => ((r * 7 + c * 3) % 11) * (r === 1 ? 150 : 1))),
    quotations: outlets.map((_, r) => columns.map((column, c) => (column.kind === 'person' ? (r + c) % 4 : 0))),
    outletPassages: outlets.map((_, r) => (r === 1 ? 20_000 : 200)),
    days,
    articlesByDay: outlets.map((_, r) => days.map((_, d) => ((r + d) % 5 === 0 ? 1 + (d % 3) : 0))),
    undated: 4,
  };
}

let seed: CoverageOverview;
let seedPictures: RenderedPicture[];
let crowdedPictures: RenderedPicture[];
beforeAll(async () => {
  const desk = await startDesk({ corpusDir: SEED_CORPUS_DIR, cacheDir: false });
  const answer = await desk.answer({ command: 'overview', options: {} });
  seed = answer.overview!;
  seedPictures = overviewPictures(seed);
  crowdedPictures = overviewPictures(crowdedOverview());
}, 60_000);

const decode = (picture: RenderedPicture) => PNG.sync.read(picture.png);
function pixel(png: PNG, x: number, y: number): string {
  const at = (png.width * Math.round(y * PNG_SCALE) + Math.round(x * PNG_SCALE)) << 2;
  return `#${[0, 1, 2].map((i) => png.data[at + i]!.toString(16).padStart(2, '0')).join('')}${png.data[at + 3] === 255 ? '' : ':translucent'}`;
}

describe('/overview pictures', () => {
  it('draws the coverage matrix and, since one article is dated, the timeline', () => {
    expect(seedPictures.map((picture) => picture.name)).toEqual(['coverage-overview', 'coverage-timeline']);
  });

  it.each(['seed', 'crowded'])('never lets two labels meet, and keeps every label inside the picture (%s coverage)', (which) => {
    for (const picture of which === 'seed' ? seedPictures : crowdedPictures) {
      const { labels } = picture;
      expect(labels.length).toBeGreaterThan(5);
      for (let i = 0; i < labels.length; i++) {
        const box = extent(labels[i]!.corners);
        expect(box.minX, labels[i]!.text).toBeGreaterThanOrEqual(0);
        expect(box.minY, labels[i]!.text).toBeGreaterThanOrEqual(0);
        expect(box.maxX, labels[i]!.text).toBeLessThanOrEqual(picture.width);
        expect(box.maxY, labels[i]!.text).toBeLessThanOrEqual(picture.height);
        for (let j = i + 1; j < labels.length; j++) {
          expect(polygonsOverlap(labels[i]!.corners, labels[j]!.corners), `"${labels[i]!.text}" and "${labels[j]!.text}"`).toBe(false);
        }
      }
    }
  });

  it('labels every outlet and every place and person (long names cut with an ellipsis)', () => {
    const [matrix] = seedPictures;
    const texts = matrix!.labels.map((label) => label.text);
    for (const outlet of seed.outlets) expect(texts).toContain(outlet);
    for (const column of seed.columns) expect(texts).toContain(column.name);
    const crowded = crowdedPictures[0]!.labels.map((label) => label.text);
    expect(crowded.some((text) => text.startsWith('The Extraordinarily') && text.endsWith('…'))).toBe(true);
  });

  it('writes each cell from the data: its passage count, and its quotation count marked', () => {
    const svg = seedPictures[0]!.svg;
    const total = seed.passages.flat().reduce((sum, count) => sum + count, 0);
    const shown = [...svg.matchAll(/<text [^>]*font-size="12"[^>]*>(\d+)<\/text>/gu)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(shown).toBe(total);
    const quotations = seed.quotations.flat().reduce((sum, count) => sum + count, 0);
    expect(quotations).toBeGreaterThan(0);
    const marked = [...svg.matchAll(/>“(\d+)<\/text>/gu)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(marked).toBe(quotations);
  });

  it('is an opaque PNG at twice the layout size, with the card colour at its edges and an empty cell left unshaded', () => {
    for (const picture of [...seedPictures, ...crowdedPictures]) {
      const png = decode(picture);
      expect([png.width, png.height]).toEqual([picture.width * PNG_SCALE, picture.height * PNG_SCALE]);
      expect(picture.png.length).toBeLessThan(10 * 1024 * 1024);
      for (let i = 3; i < png.data.length; i += 4) if (png.data[i] !== 255) throw new Error(`${picture.name}: a translucent pixel`);
      expect(pixel(png, 5, picture.height / 2)).toBe(THEME.background);
    }
    const matrix = seedPictures[0]!;
    const empty = seed.passages.findIndex((row) => row.includes(0));
    expect(empty).toBeGreaterThanOrEqual(0);
    expect(matrix.svg).toContain(`fill="${THEME.background}" stroke="${THEME.grid}"`);
  });

  it('reads on dark and light themes: its own background, every text colour at least 4.5:1 against what it is set on', () => {
    for (const ink of [THEME.text, THEME.muted, THEME.place, THEME.person])
      expect(contrast(ink, THEME.background)).toBeGreaterThanOrEqual(4.5);
    for (let step = 0; step <= 100; step++) {
      const { fill, ink } = cellColours(step / 100);
      expect(contrast(ink, fill), fill).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(textOn(THEME.accent), THEME.accent)).toBeGreaterThanOrEqual(4.5);
  });

  it('groups a story of several months by week, and counts every dated article once', () => {
    const data = crowdedOverview();
    const timeline = crowdedPictures[1]!;
    expect(timeline.title).toBe('Coverage over time');
    expect(timeline.labels.some((label) => label.text.startsWith('w/c '))).toBe(true);
    const dated = data.articlesByDay.flat().reduce((sum, count) => sum + count, 0);
    expect(timeline.description).toContain(`${dated} dated articles`);
  });

  it('escapes names in the SVG', () => {
    const data = { ...crowdedOverview(), outlets: ['<script>&"Outlet"'], passages: [crowdedOverview().passages[0]!] };
    const [matrix] = overviewPictures({
      ...data,
      quotations: [data.quotations[0]!],
      outletPassages: [200],
      articlesByDay: [data.articlesByDay[0]!],
    });
    expect(matrix!.svg).not.toContain('<script>');
    expect(matrix!.svg).toContain('&#60;script&#62;&#38;&#34;Outlet&#34;');
  });
});

describe('calendarDay', () => {
  it('reads calendar dates and refuses relative or ambiguous ones', () => {
    expect(calendarDay('Jun 2, 2025')).toBe('2025-06-02');
    expect(calendarDay('10 June 2025')).toBe('2025-06-10');
    expect(calendarDay('June 9 2025')).toBe('2025-06-09');
    expect(calendarDay('2 days ago')).toBeNull();
    expect(calendarDay('05/06/2025')).toBeNull();
    expect(calendarDay('June 2025')).toBeNull();
  });
});
