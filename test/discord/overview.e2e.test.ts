/**
 * End to end against the Discord emulator: /overview attaches its pictures as PNG files (multipart),
 * each shown in an embed, within Discord's size limit, drawn from the coverage's own counts.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/model.ts';
import { startDesk } from '../../src/desk/start-desk.ts';
import type { Desk } from '../../src/desk/desk.ts';
import { overviewPictures } from '../../src/pictures/index.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';
import { buttons, finalMessage, isEphemeral, startHarness } from './support/harness.ts';
import type { Harness } from './support/harness.ts';

let desk: Desk;
let h: Harness;
let expected: Answer;
beforeAll(async () => {
  desk = await startDesk({ corpusDir: SEED_CORPUS_DIR, cacheDir: false });
  expected = await desk.answer({ command: 'overview', options: {} });
  h = await startHarness(desk);
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('/overview', () => {
  it('attaches the coverage matrix and the timeline as PNGs under the size limit, each shown in an embed', async () => {
    const interaction = await h.emulator.sendCommand({ name: 'overview', options: {}, user: h.emulator.addUser({ username: 'looker' }) });
    const message = await finalMessage(interaction);
    expect(isEphemeral(message)).toBe(false);
    expect(message.attachments.map((attachment) => attachment.filename)).toEqual(['coverage-overview.png', 'coverage-timeline.png']);
    const drawn = overviewPictures(expected.overview!);
    for (const [i, attachment] of message.attachments.entries()) {
      const bytes = h.emulator.attachmentData(message.id, attachment.filename)!;
      expect(attachment.content_type).toBe('image/png');
      expect(attachment.size).toBe(bytes.length);
      expect(attachment.size).toBeLessThan(10 * 1024 * 1024);
      const png = PNG.sync.read(bytes);
      expect([attachment.width, attachment.height]).toEqual([png.width, png.height]);
      // Drawn from the coverage's counts: the same picture the pictures module draws from the desk's data.
      expect(png.width).toBe(drawn[i]!.width * 2);
      expect(png.height).toBe(drawn[i]!.height * 2);
      expect(bytes.equals(drawn[i]!.png)).toBe(true);
      expect(attachment.description).toBe(drawn[i]!.description);
    }
    const images = (message.embeds ?? []).map((embed) => embed.image?.url).filter(Boolean);
    expect(images).toEqual(message.attachments.map((attachment) => attachment.url));
    expect(message.embeds?.[0]?.description).toContain(expected.message);
  });

  it('the matrix marks a place for exactly the outlets that /country finds mentioning it', async () => {
    const data = expected.overview!;
    for (const place of data.columns.filter((column) => column.kind === 'place').slice(0, 5)) {
      const c = data.columns.indexOf(place);
      const shown = data.outlets.filter((_, r) => data.passages[r]![c]! > 0).sort();
      const country = await desk.answer({ command: 'country', options: { name: place.name } });
      expect(shown, place.name).toEqual([...new Set(country.results.map((result) => result.outlet))].sort());
    }
  });

  it('a private overview carries Share', async () => {
    const interaction = await h.emulator.sendCommand({
      name: 'overview',
      options: { private: true },
      user: h.emulator.addUser({ username: 'quiet-looker' }),
    });
    const message = await finalMessage(interaction);
    expect(isEphemeral(message)).toBe(true);
    expect(message.attachments).toHaveLength(2);
    expect(buttons(message).some((button) => button.label?.includes('Share'))).toBe(true);
  });
});
