/**
 * Watches the corpus folder and calls back once a burst of changes has settled (an editor's save, a
 * copy of many pages). One plain watcher per folder, not a recursive one: Node 20's recursive watch on
 * Linux walks and watches every file synchronously (a third of a second at 8,000 pages, on the
 * thread that keeps Discord's heartbeats). Folders are found again after every change, so a new
 * subfolder of pages is watched too.
 */
import { type FSWatcher, watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface CorpusWatcher {
  close(): void;
}

export interface WatchOptions {
  /** Quiet time after the last change (default 500 ms). */
  debounceMs?: number;
  onError?: (error: Error) => void;
}

export function watchCorpus(dir: string, onSettled: () => void, options: WatchOptions = {}): CorpusWatcher {
  const debounceMs = options.debounceMs ?? 500;
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void syncFolders();
      onSettled();
    }, debounceMs);
  };

  const add = (folder: string) => {
    if (watchers.has(folder) || closed) return;
    try {
      const watcher = watch(folder, changed);
      watcher.on('error', (error) => {
        watchers.delete(folder);
        watcher.close();
        // A subfolder that was removed is not a problem; the corpus folder itself going is.
        if (folder === dir) options.onError?.(error);
      });
      watchers.set(folder, watcher);
    } catch (error) {
      if (folder === dir) throw error;
    }
  };

  /** Watches every folder under dir (the corpus's pages may sit in subfolders), and forgets removed ones. */
  const syncFolders = async () => {
    const found = new Set([dir, ...(await subfolders(dir))]);
    for (const folder of found) add(folder);
    for (const [folder, watcher] of watchers) {
      if (!found.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
  };

  add(dir);
  syncFolders().catch((error: Error) => options.onError?.(error));
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => path.join(dir, entry.name));
  return [...folders, ...(await Promise.all(folders.map(subfolders))).flat()];
}
