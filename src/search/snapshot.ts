/**
 * The snapshot: everything the desk needs for one corpus (the corpus, its analysis, the gazetteer data,
 * the full-text index and each outlet's exclusive passages), saved so that a restart loads it instead
 * of rebuilding it. The analysis's mentions and groups are packed (src/search/analysis-pack.ts) and the
 * index's postings too (src/search/engine-pack.ts): they are most of the file and of its load time.
 *
 * One file, so that it is replaced atomically (written to a temporary name, then renamed). Inside, a
 * header line (JSON: format, version, key, and each section's length and checksum) and then the
 * sections, each a JSON text parsed on its own: no single string nears V8's string limit, and a cut,
 * flipped or stale byte fails a check instead of reaching an answer. A snapshot that fails any check
 * is reported as unusable and rebuilt, never trusted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Analysis } from '../analysis/types.ts';
import type { Corpus } from '../corpus/types.ts';
import { isPackedAnalysis, packAnalysis, unpackAnalysis } from './analysis-pack.ts';
import { PassageIndex } from './passage-index.ts';
import type { ExclusivePositions } from './story-index.ts';

const FORMAT = 'story-desk-snapshot';
/** Bump when the layout or a section's shape changes: older files are then rebuilt. */
export const SNAPSHOT_VERSION = 2;
const EXTENSION = '.snapshot';
/** Snapshots kept per folder (the newest): the current corpus and a few before it. */
const KEEP = 3;
/** A header longer than this is not a header. */
const MAX_HEADER_BYTES = 64 * 1024;

/** What a snapshot holds: the analysis whole (its entities include those discovered in the coverage). */
export interface SnapshotContents {
  corpus: Corpus;
  analysis: Analysis;
  /** gazetteer.json as parsed JSON (validated again when loaded, which also rebuilds its lookup maps). */
  gazetteer: unknown;
  index: PassageIndex;
  /** Each outlet's exclusive passages (see buildStoryIndex); absent in a snapshot that did not keep them. */
  exclusives?: ExclusivePositions;
}

interface SectionHeader {
  name: SectionName;
  bytes: number;
  checksum: string;
}

interface Header {
  format: typeof FORMAT;
  version: number;
  key: string;
  sections: SectionHeader[];
}

type SectionName = 'gazetteer' | 'corpus' | 'analysis' | 'index' | 'exclusives';

export type SnapshotRead =
  | { ok: true; contents: SnapshotContents; bytes: number }
  /** No file for this key. */
  | { ok: false; missing: true }
  /** A file that fails a check: why, for the log. */
  | { ok: false; missing: false; problem: string };

export function snapshotFile(dir: string, key: string): string {
  return path.join(dir, `${key}${EXTENSION}`);
}

/** Writes the snapshot for `key` atomically (temp file + rename) and prunes old ones; returns its size in bytes. */
export async function writeSnapshot(dir: string, key: string, contents: SnapshotContents): Promise<number> {
  const sections: [SectionName, Buffer][] = [
    ['gazetteer', json(contents.gazetteer)],
    ['corpus', json(contents.corpus)],
    ['analysis', json(packAnalysis(contents.analysis, contents.corpus) ?? contents.analysis)],
    ['index', json(contents.index.toJSON())],
    ...(contents.exclusives ? [['exclusives', json(contents.exclusives)] as [SectionName, Buffer]] : []),
  ];
  const header: Header = {
    format: FORMAT,
    version: SNAPSHOT_VERSION,
    key,
    sections: sections.map(([name, bytes]) => ({ name, bytes: bytes.length, checksum: checksum(bytes) })),
  };
  await mkdir(dir, { recursive: true });
  const target = snapshotFile(dir, key);
  const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writev([Buffer.from(`${JSON.stringify(header)}\n`), ...sections.map(([, bytes]) => bytes)]);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await pruneSnapshots(dir, target);
  return (await stat(target)).size;
}

/** Reads and checks the snapshot for `key`; anything short of a perfect file is `ok: false`. */
export async function readSnapshot(dir: string, key: string): Promise<SnapshotRead> {
  let buffer: Buffer;
  try {
    buffer = await readFile(snapshotFile(dir, key));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true };
    return { ok: false, missing: false, problem: `cannot read it (${(error as Error).message})` };
  }
  try {
    return { ok: true, contents: decode(buffer, key), bytes: buffer.length };
  } catch (error) {
    return { ok: false, missing: false, problem: (error as Error).message };
  }
}

function decode(buffer: Buffer, key: string): SnapshotContents {
  const newline = buffer.indexOf(0x0a);
  if (newline < 0 || newline > MAX_HEADER_BYTES) throw new Error('no header line');
  const header = JSON.parse(buffer.toString('utf8', 0, newline)) as Partial<Header>;
  if (header.format !== FORMAT) throw new Error('not a story-desk snapshot');
  if (header.version !== SNAPSHOT_VERSION) throw new Error(`format version ${String(header.version)}, expected ${SNAPSHOT_VERSION}`);
  if (header.key !== key) throw new Error('written for another corpus');
  const sections = new Map<SectionName, string>();
  let offset = newline + 1;
  for (const section of header.sections ?? []) {
    const end = offset + section.bytes;
    if (end > buffer.length) throw new Error(`cut short in section "${section.name}"`);
    const bytes = buffer.subarray(offset, end);
    if (checksum(bytes) !== section.checksum) throw new Error(`section "${section.name}" fails its checksum`);
    sections.set(section.name, bytes.toString('utf8'));
    offset = end;
  }
  if (offset !== buffer.length) throw new Error('bytes after the last section');
  const section = (name: SectionName): string => {
    const text = sections.get(name);
    if (text === undefined) throw new Error(`no "${name}" section`);
    return text;
  };
  const gazetteer = JSON.parse(section('gazetteer')) as unknown;
  const corpus = JSON.parse(section('corpus')) as Corpus;
  const parsedAnalysis = JSON.parse(section('analysis')) as unknown;
  if (!Array.isArray(corpus.passages)) throw new Error('sections of the wrong shape');
  const analysis = isPackedAnalysis(parsedAnalysis) ? unpackAnalysis(parsedAnalysis, corpus) : (parsedAnalysis as Analysis);
  if (
    !Array.isArray(corpus.passages) ||
    !Array.isArray(corpus.articles) ||
    !Array.isArray(analysis.mentions) ||
    !Array.isArray(analysis.entities)
  )
    throw new Error('sections of the wrong shape');
  const exclusives = sections.has('exclusives') ? (JSON.parse(section('exclusives')) as ExclusivePositions) : undefined;
  return { gazetteer, corpus, analysis, index: PassageIndex.fromJSON(section('index')), ...(exclusives ? { exclusives } : {}) };
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/** Detects cut, flipped and stale bytes (not tampering: the cache is the bot's own folder). crc32 where Node has it. */
function checksum(bytes: Uint8Array): string {
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (crc32) return `crc32:${crc32(bytes).toString(16).padStart(8, '0')}`;
  return `sha1:${createHash('sha1').update(bytes).digest('hex')}`;
}

/** Keeps the newest snapshots (the one just written always) and removes temp files that outlived their writer. */
async function pruneSnapshots(dir: string, keep: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = await Promise.all(
    names
      .filter((name) => name.endsWith(EXTENSION) || name.endsWith('.tmp'))
      .map(async (name) => {
        const file = path.join(dir, name);
        const info = await stat(file).catch(() => undefined);
        return { file, temp: name.endsWith('.tmp'), mtime: info?.mtimeMs ?? 0 };
      }),
  );
  const hourAgo = Date.now() - 3_600_000;
  const stale = files.filter((file) => file.temp && file.mtime < hourAgo);
  const old = files
    .filter((file) => !file.temp && file.file !== keep)
    .sort((a, b) => b.mtime - a.mtime)
    .slice(KEEP - 1);
  await Promise.all([...stale, ...old].map((file) => rm(file.file, { force: true })));
}
