/** `remove`: takes one page out of the corpus folder, by its article's id (or a copy's file), under the corpus lock. */
import path from 'node:path';
import { buildCorpus } from '../corpus/build.ts';
import { CorpusError } from '../corpus/errors.ts';
import { readCorpusFiles } from '../corpus/load.ts';
import { parseManifest } from '../corpus/manifest.ts';
import { withCorpusLock } from './corpus-lock.ts';
import { commitRemove, recoverPending } from './corpus-writes.ts';
import { CoverageError } from './coverage-error.ts';

export interface Removal {
  /** The article id (or, for a copy, its file) that was removed. */
  removed: string;
  file: string;
  outlet: string;
  headline: string | null;
}

export async function removePage(corpusDir: string, idOrFile: string): Promise<Removal> {
  const root = path.resolve(corpusDir);
  return withCorpusLock(root, async () => {
    const files = await readCorpusFiles(root);
    const manifest = parseManifest(files.manifestJson);
    await recoverPending(root, new Set(manifest.pages.map((p) => p.file)));
    const corpus = buildCorpus(files.manifestJson, files.pages);
    const article = corpus.articles.find((a) => a.id === idOrFile);
    const copy = manifest.pages.find((p) => p.file === idOrFile && p.kind === 'article' && p.copyOf !== undefined);
    const file = article?.file ?? copy?.file;
    if (file === undefined) {
      throw new CoverageError(
        `there is no article "${idOrFile}"`,
        `give one of: ${corpus.articles.map((a) => a.id).join(', ')} (npm run corpus -- list)`,
      );
    }
    const entry = manifest.pages.find((p) => p.file === file)!;
    if (entry.kind === 'aggregator') {
      const siblings = corpus.articles.filter((a) => a.file === file).map((a) => a.id);
      throw new CoverageError(
        `"${idOrFile}" is one of ${siblings.length} articles on the aggregator page ${file} (${siblings.join(', ')})`,
        `remove the whole page by deleting its entry from sources.json and the file, or correct the item in "items"`,
      );
    }
    const copies = manifest.pages.filter((p) => p.kind === 'article' && p.copyOf === idOrFile);
    if (copies.length > 0) {
      throw new CoverageError(
        `"${idOrFile}" has copies republished elsewhere (${copies.map((c) => c.file).join(', ')})`,
        `remove the copies first: ${copies.map((c) => `npm run corpus -- remove ${c.file}`).join('; ')}`,
      );
    }
    const pages = manifest.pages.filter((p) => p.file !== file);
    if (pages.length === 0)
      throw new CoverageError(`"${idOrFile}" is the only page of the corpus`, 'add another page first; the corpus cannot be empty');
    const nextManifest = { ...(files.manifestJson as object), pages };
    const nextPages = new Map(files.pages);
    nextPages.delete(file);
    try {
      buildCorpus(nextManifest, nextPages);
    } catch (error) {
      if (error instanceof CorpusError)
        throw new CoverageError(`removing "${idOrFile}" would break the corpus: ${error.problem}`, error.fix);
      throw error;
    }
    await commitRemove(root, file, nextManifest);
    return {
      removed: idOrFile,
      file,
      outlet: article?.outlet ?? (entry.kind === 'article' ? entry.outlet : ''),
      headline: article?.headline ?? null,
    };
  });
}
