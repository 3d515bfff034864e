/**
 * Writing a change to the corpus folder so that a crash at any point leaves it as it was or as it will
 * be: each file is written whole under a temporary name and renamed into place (write-file-atomic), and
 * the page being added or removed is named in a pending note first, which the loader honours
 * (src/corpus/load.ts) and the next change clears up.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { PENDING_FILE, pendingPage } from '../corpus/load.ts';
import { MANIFEST_FILE } from '../corpus/manifest.ts';

export async function writeManifest(corpusDir: string, manifestJson: unknown): Promise<void> {
  await writeFileAtomic(path.join(corpusDir, MANIFEST_FILE), `${JSON.stringify(manifestJson, null, 2)}\n`);
}

/** Adds a page: note it, write it, then list it (the manifest rename is the moment the page joins the corpus). */
export async function commitAdd(corpusDir: string, file: string, bytes: Buffer, manifestJson: unknown): Promise<void> {
  await notePending(corpusDir, file);
  await writeFileAtomic(path.join(corpusDir, file), bytes);
  await writeManifest(corpusDir, manifestJson);
  await rm(path.join(corpusDir, PENDING_FILE), { force: true });
}

/** Removes a page: note it, unlist it (the moment it leaves the corpus), then delete it. */
export async function commitRemove(corpusDir: string, file: string, manifestJson: unknown): Promise<void> {
  await notePending(corpusDir, file);
  await writeManifest(corpusDir, manifestJson);
  await rm(path.join(corpusDir, file), { force: true });
  await rm(path.join(corpusDir, PENDING_FILE), { force: true });
}

/** Finishes what an interrupted change left: deletes its page when the manifest does not list it. */
export async function recoverPending(corpusDir: string, listed: ReadonlySet<string>): Promise<void> {
  const file = await pendingPage(corpusDir);
  if (file === undefined) {
    await rm(path.join(corpusDir, PENDING_FILE), { force: true });
    return;
  }
  if (!listed.has(file) && !file.split('/').includes('..')) await rm(path.join(corpusDir, file), { force: true });
  await rm(path.join(corpusDir, PENDING_FILE), { force: true });
}

async function notePending(corpusDir: string, file: string): Promise<void> {
  await writeFileAtomic(path.join(corpusDir, PENDING_FILE), `${JSON.stringify({ file })}\n`);
}
