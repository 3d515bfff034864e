/** Reads the bytes of a page to add: a saved file, a URL, or a file attached to a Discord command. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type PageFormat, pageFormatOf } from '../corpus/page-format.ts';
import { CoverageError } from './coverage-error.ts';
import { FETCH_LIMITS, type FetchOptions, fetchPage } from './fetch-page.ts';

export type PageSource =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string }
  /** A file attached to a Discord command: fetched from where Discord serves it, but that is not the article's address. */
  | { kind: 'attachment'; name: string; url: string };

export interface PageBytes {
  bytes: Buffer;
  format: PageFormat;
  /** Where it was fetched from (URLs only). */
  fetchedFrom?: string;
  /** When it was read: now for a fetch, the file's modification time for a saved page. */
  retrieved: string;
  /** How to name the page in messages. */
  shown: string;
}

export async function readPageSource(source: PageSource, fetchOptions: FetchOptions = {}, now = new Date()): Promise<PageBytes> {
  switch (source.kind) {
    case 'url': {
      const page = await fetchPage(source.url, fetchOptions);
      return {
        bytes: page.bytes,
        format: page.type === 'text/html' ? 'html' : 'text',
        fetchedFrom: page.url,
        retrieved: now.toISOString(),
        shown: page.url,
      };
    }
    case 'attachment': {
      const format = formatOfName(source.name);
      const page = await fetchPage(source.url, fetchOptions);
      return { bytes: page.bytes, format, retrieved: now.toISOString(), shown: source.name };
    }
    case 'file': {
      const format = formatOfName(source.path);
      const info = await stat(source.path).catch((error: NodeJS.ErrnoException) => {
        throw new CoverageError(
          error.code === 'ENOENT' ? `there is no file ${source.path}` : `cannot read ${source.path} (${error.code ?? error.message})`,
          'give the path of a saved .html or .txt page, or an https:// address',
        );
      });
      if (!info.isFile()) throw new CoverageError(`${source.path} is not a file`, 'give the path of a saved .html or .txt page');
      if (info.size > FETCH_LIMITS.bytes) {
        throw new CoverageError(
          `${source.path} is larger than ${FETCH_LIMITS.bytes / (1024 * 1024)} MB`,
          'save only the article page (or its text)',
        );
      }
      return { bytes: await readFile(source.path), format, retrieved: info.mtime.toISOString(), shown: path.basename(source.path) };
    }
  }
}

function formatOfName(name: string): PageFormat {
  const format = pageFormatOf(name);
  if (format === undefined) {
    throw new CoverageError(
      `"${path.basename(name)}" is neither a web page (.html, .htm) nor a text file (.txt)`,
      'save the article as .html or .txt',
    );
  }
  return format;
}
