/** Reads corpus/ from disk (manifest and pages) and builds the corpus; all-or-nothing. */
import { readFile, readdir, realpath } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { type PageReadings, buildCorpus } from './build.ts';
import { CorpusError } from './errors.ts';
import { MANIFEST_FILE, type Manifest, parseManifest } from './manifest.ts';
import { pageFormatOf } from './page-format.ts';
import type { Corpus } from './types.ts';
import { decodeUtf8, firstInvalidUtf8 } from './utf8.ts';

/**
 * Loads the corpus in `dir` (relative to the working directory, or absolute). Throws a CorpusError on
 * any problem. `readings` (the same object at every load of a folder) lets a load after a change clean
 * and split only the pages that changed.
 */
export async function loadCorpus(dir = 'corpus', readings?: PageReadings): Promise<Corpus> {
  const { manifestJson, manifest, pages } = await readCorpusFiles(dir);
  return buildCorpus(manifestJson, pages, { manifest, ...(readings ? { readings } : {}) });
}

/** The corpus folder's manifest (parsed JSON, validated) and the decoded text of every page in it. */
export interface CorpusFiles {
  manifestJson: unknown;
  /** manifestJson validated. */
  manifest: Manifest;
  pages: Map<string, string>;
}

/** Reads the manifest and every page, checking each is listed, inside the folder and UTF-8; builds nothing. */
export async function readCorpusFiles(dir = 'corpus'): Promise<CorpusFiles> {
  const root = resolve(dir);
  const manifestJson = await readManifest(root);
  const manifest = parseManifest(manifestJson);
  const realRoot = await realpath(root);

  const pages = new Map<string, string>();
  const listed = new Set(manifest.pages.map((page) => page.file));
  const pending = await pendingPage(root);
  for (const file of await listPages(root)) {
    // A page that an add or remove interrupted midway wrote or left: the corpus is as it was before.
    if (file === pending && !listed.has(file)) continue;
    pages.set(file, '');
  }
  // Pages are read many at a time (one after the other, each read waited for the one before), and
  // checked in manifest order, so the error is the first bad page's.
  const reads = await inBatches(manifest.pages, READ_BATCH, (entry) => readPageFile(root, realRoot, entry.file));
  for (const [i, entry] of manifest.pages.entries()) {
    const read = reads[i]!;
    const path = join(root, entry.file);
    if ('error' in read) {
      if (read.error.code === 'ENOENT') {
        throw new CorpusError({
          file: entry.file,
          field: `pages[${i}].file`,
          problem: `the file does not exist (${path})`,
          fix: `put the page at ${path} or remove its entry from ${MANIFEST_FILE}`,
        });
      }
      throw read.error;
    }
    const { real, bytes } = read;
    if (real !== realRoot && !real.startsWith(realRoot + sep)) {
      throw new CorpusError({
        file: entry.file,
        field: `pages[${i}].file`,
        problem: `the path leads outside the corpus directory (to ${real})`,
        fix: `copy the page into ${root} and list it by its name there`,
      });
    }
    if (bytes === undefined) continue; // outside the folder: refused above
    const text = decodeUtf8(bytes);
    if (text === undefined) {
      throw new CorpusError({
        file: entry.file,
        problem: `the file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})`,
        fix: 're-save the page as UTF-8 (e.g. iconv -f <its encoding> -t UTF-8)',
      });
    }
    pages.set(entry.file, text);
  }
  return { manifestJson, manifest, pages };
}

const READ_BATCH = 64;

/** A page's real path and, when it lies inside the folder, its bytes; or the error reading it. */
type PageRead = { real: string; bytes: Buffer | undefined } | { error: NodeJS.ErrnoException };

async function readPageFile(root: string, realRoot: string, file: string): Promise<PageRead> {
  try {
    const real = await realpath(join(root, file));
    const inside = real === realRoot || real.startsWith(realRoot + sep);
    return { real, bytes: inside ? await readFile(real) : undefined };
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
}

/** `work` over every item, at most `size` at a time; results in the items' order. */
async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let from = 0; from < items.length; from += size) results.push(...(await Promise.all(items.slice(from, from + size).map(work))));
  return results;
}

async function readManifest(root: string): Promise<unknown> {
  const path = join(root, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CorpusError({
      file: MANIFEST_FILE,
      problem: missing ? `no manifest at ${path}` : `cannot read ${path}: ${(err as Error).message}`,
      fix: missing ? `create ${path} listing every page (see README.md), or pass the right corpus directory` : 'check the file permissions',
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CorpusError({ file: MANIFEST_FILE, problem: `not valid JSON (${(err as Error).message})`, fix: 'correct the JSON syntax' });
  }
}

/**
 * Names the page an add or remove is writing or deleting (src/coverage/), so that a crash between
 * writing the page and writing the manifest leaves the corpus as it was.
 */
export const PENDING_FILE = '.pending-page.json';

/** The page named by an unfinished add or remove, if any. */
export async function pendingPage(root: string): Promise<string | undefined> {
  try {
    const file = (JSON.parse(await readFile(join(root, PENDING_FILE), 'utf8')) as { file?: unknown }).file;
    return typeof file === 'string' ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Every page (.txt, .html, .htm) under root, as paths relative to it with "/" separators. */
async function listPages(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && pageFormatOf(e.name) !== undefined)
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}
