import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDesk } from '../../src/desk/start-desk.ts';
import { corpusHash } from '../../src/corpus/hash.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { NEW_ARTICLE, type TempCorpus, tempCorpus } from './support/temp-corpus.ts';

const COMMANDS = [
  { command: 'country', options: { name: 'Serbia' } },
  { command: 'quote', options: { who: 'Osmani' } },
  { command: 'ask', options: { question: 'who ruled out hosting a hub?' } },
  { command: 'outlet', options: { name: 'Sky News' } },
];

let temp: TempCorpus;
afterEach(() => temp?.remove());

const snapshots = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.snapshot'));

describe('the corpus hash', () => {
  it('is the same from the bytes on disk as from the loaded corpus, and changes with a page', async () => {
    temp = tempCorpus();
    expect(await corpusHash(temp.corpusDir)).toBe((await loadCorpus(temp.corpusDir)).hash);
    const before = await corpusHash(temp.corpusDir);
    temp.addPage(NEW_ARTICLE.file, NEW_ARTICLE.text, NEW_ARTICLE.entry);
    const after = await corpusHash(temp.corpusDir);
    expect(after).not.toBe(before);
    expect(after).toBe((await loadCorpus(temp.corpusDir)).hash);
  });

  it('ignores a byte-order mark, as loading does', async () => {
    temp = tempCorpus();
    const page = path.join(temp.corpusDir, '000_8faa19288015e52d.txt');
    writeFileSync(page, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(page)]));
    expect(await corpusHash(temp.corpusDir)).toBe((await loadCorpus(temp.corpusDir)).hash);
  });
});

describe('the snapshot', () => {
  it('is written on the first load and reused, unchanged, on the next, with the same answers', async () => {
    temp = tempCorpus();
    const first = await startDesk(temp);
    expect(first.info.source).toBe('build');
    const [file] = snapshots(temp.cacheDir);
    expect(file).toBeDefined();
    const written = statSync(path.join(temp.cacheDir, file!)).mtimeMs;

    const second = await startDesk(temp);
    expect(second.info.source).toBe('snapshot');
    expect(second.info.key).toBe(first.info.key);
    expect(snapshots(temp.cacheDir)).toEqual([file]);
    expect(statSync(path.join(temp.cacheDir, file!)).mtimeMs).toBe(written);
    for (const request of COMMANDS) expect(await second.answer(request)).toEqual(await first.answer(request));
    expect(await second.complete('speaker', 'osm')).toEqual(await first.complete('speaker', 'osm'));
  });

  it('is rebuilt when a page changes, and answers from the new page', async () => {
    temp = tempCorpus();
    const first = await startDesk(temp);
    const outletRequest = { command: 'outlet', options: { name: 'Harbour Gazette' } };
    expect(JSON.stringify(await first.answer(outletRequest))).not.toContain('never asked to host');

    temp.addPage(NEW_ARTICLE.file, NEW_ARTICLE.text, NEW_ARTICLE.entry);
    const second = await startDesk(temp);
    expect(second.info.source).toBe('build');
    expect(second.info.key).not.toBe(first.info.key);
    expect(JSON.stringify(await second.answer(outletRequest))).toContain('never asked to host');
    expect((await startDesk(temp)).info.source).toBe('snapshot');
  });

  it('is rebuilt when the gazetteer changes', async () => {
    temp = tempCorpus();
    const first = await startDesk(temp);
    const gazetteerFile = path.join(temp.corpusDir, 'gazetteer.json');
    writeFileSync(gazetteerFile, `${readFileSync(gazetteerFile, 'utf8')}\n`);
    const second = await startDesk(temp);
    expect(second.info.source).toBe('build');
    expect(second.info.key).not.toBe(first.info.key);
  });

  describe('that is damaged is rebuilt, never trusted', () => {
    const damages: [string, (bytes: Buffer) => Buffer][] = [
      [
        'a flipped byte in the middle',
        (bytes) => {
          const copy = Buffer.from(bytes);
          const middle = Math.floor(copy.length / 2);
          copy[middle] = copy[middle] === 0x41 ? 0x42 : 0x41;
          return copy;
        },
      ],
      ['cut short', (bytes) => bytes.subarray(0, Math.floor(bytes.length * 0.7))],
      ['empty', () => Buffer.alloc(0)],
      ['an older format version', (bytes) => Buffer.from(bytes.toString('utf8').replace(/"version":\d+/, '"version":0'))],
      ['not a snapshot at all', () => Buffer.from('{"hello": "world"}\n')],
    ];
    for (const [damage, apply] of damages) {
      it(damage, async () => {
        temp = tempCorpus();
        const good = await startDesk(temp);
        const file = path.join(temp.cacheDir, snapshots(temp.cacheDir)[0]!);
        const original = readFileSync(file);
        writeFileSync(file, apply(original));

        const reloaded = await startDesk(temp);
        expect(reloaded.info.source).toBe('build');
        expect(reloaded.info.snapshotProblem).toMatch(/unusable/);
        for (const request of COMMANDS) expect(await reloaded.answer(request)).toEqual(await good.answer(request));
        // The rebuilt snapshot replaced the damaged one.
        expect(readFileSync(file).equals(original)).toBe(true);
      });
    }
  });

  it('is not needed: without a cache folder the desk builds and writes nothing', async () => {
    temp = tempCorpus();
    const desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: false });
    expect(desk.info.source).toBe('build');
    expect(() => readdirSync(temp.cacheDir)).toThrow();
  });
});
