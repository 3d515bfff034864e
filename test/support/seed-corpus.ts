/**
 * The shipped pages as a test fixture: a frozen copy of corpus/ as it was shipped, so that adding or
 * removing coverage in corpus/ never changes what a test sees.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The fixture corpus folder: the four seed pages, sources.json and gazetteer.json. */
export const SEED_CORPUS_DIR = fileURLToPath(new URL('../fixtures/seed-corpus/', import.meta.url));

/** The fixture's gazetteer. */
export const SEED_GAZETTEER_FILE = path.join(SEED_CORPUS_DIR, 'gazetteer.json');
