/** Temporary copies of corpus/ for tests that change files, and the pages they add. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SEED_CORPUS_DIR } from '../../support/seed-corpus.ts';

export interface TempCorpus {
  /** The corpus copy. */
  corpusDir: string;
  /** An empty snapshot folder next to it. */
  cacheDir: string;
  /** Adds a page and its manifest entry. */
  addPage(file: string, content: string | Buffer, entry: Record<string, unknown>): void;
  remove(): void;
}

export function tempCorpus(): TempCorpus {
  const root = mkdtempSync(path.join(tmpdir(), 'story-desk-desk-'));
  const corpusDir = path.join(root, 'corpus');
  cpSync(SEED_CORPUS_DIR, corpusDir, { recursive: true });
  return {
    corpusDir,
    cacheDir: path.join(root, 'cache'),
    addPage(file, content, entry) {
      writeFileSync(path.join(corpusDir, file), content);
      const manifestFile = path.join(corpusDir, 'sources.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { pages: unknown[] };
      manifest.pages.push({ file, ...entry });
      writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A short article from an outlet the seed corpus does not have, about a place it barely mentions. */
export const NEW_ARTICLE = {
  file: 'zz_harbour-gazette.txt',
  text: [
    'Montenegro says it was never asked to host a return hub, its interior minister told reporters on Tuesday.',
    'The minister added that the government in Podgorica would study any British proposal carefully before it answered.',
  ].join('\n\n'),
  entry: {
    kind: 'article',
    site: 'harbour-gazette.example',
    siteName: 'Harbour Gazette',
    url: 'https://harbour-gazette.example/montenegro-hubs',
    outlet: 'Harbour Gazette',
    headline: 'Montenegro was never asked to host a hub',
    date: 'Jun 3, 2025',
  },
};

/** A page listed in the manifest whose bytes are not UTF-8 (Latin-1 "é"). */
export const BROKEN_PAGE = {
  file: 'zz_latin1.txt',
  bytes: Buffer.concat([
    Buffer.from('Le ministre a parl'),
    Buffer.from([0xe9]),
    Buffer.from(' du projet britannique pendant de longues minutes.\n'),
  ]),
  entry: {
    kind: 'article',
    site: 'latin-one.example',
    siteName: 'Latin One',
    url: 'https://latin-one.example/projet',
    outlet: 'Latin One',
    headline: 'Le projet britannique',
    date: null,
  },
};
