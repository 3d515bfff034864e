/**
 * Fetches a page to add, safely: http and https only; every connection (redirects included) checked on
 * the address actually connected by request-filtering-agent, so a host that resolves to a loopback,
 * private, link-local or otherwise non-public address is refused; at most 5 redirects, 10 seconds and
 * 5 MB; only text/html and text/plain. STORY_DESK_ALLOW_PRIVATE_FETCH=1 lifts the address check (the
 * tests serve pages on 127.0.0.1).
 */
import http from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { privateFetchAllowed } from '../runtime/env.ts';
import { CoverageError } from './coverage-error.ts';

export const FETCH_LIMITS = { redirects: 5, timeoutMs: 10_000, bytes: 5 * 1024 * 1024 } as const;

export const ALLOWED_TYPES = ['text/html', 'text/plain'] as const;
export type PageType = (typeof ALLOWED_TYPES)[number];

export interface FetchedPage {
  bytes: Buffer;
  type: PageType;
  /** The address the page was finally read from, after redirects. */
  url: string;
}

export interface FetchOptions {
  /** Connect to private and loopback addresses too (default: STORY_DESK_ALLOW_PRIVATE_FETCH=1). */
  allowPrivate?: boolean;
  /** Only these origins may be fetched, redirects included (Discord attachments). */
  onlyOrigins?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
}

/** A URL the fetcher accepts, or a CoverageError saying why not. */
export function checkUrl(text: string): URL {
  if (!URL.canParse(text)) throw new CoverageError(`"${text}" is not a URL`, 'give the full address, starting with https://');
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CoverageError(
      `"${text}" is a ${url.protocol.replace(/:$/u, '')} address; only http and https pages can be added`,
      'give an https:// (or http://) address',
    );
  }
  if (url.username || url.password)
    throw new CoverageError(`"${text}" carries a user name or password`, 'give the address without credentials');
  return url;
}

export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const allowPrivate = options.allowPrivate ?? privateFetchAllowed();
  const timeoutMs = options.timeoutMs ?? FETCH_LIMITS.timeoutMs;
  const maxBytes = options.maxBytes ?? FETCH_LIMITS.bytes;
  const deadline = AbortSignal.timeout(timeoutMs);
  let url = checkUrl(address);
  for (let redirects = 0; ; redirects++) {
    if (options.onlyOrigins && !options.onlyOrigins.includes(url.origin)) {
      throw new CoverageError(
        `${url.origin} is not a trusted origin for this download`,
        `attach the file to the command itself (it is then served by Discord)`,
      );
    }
    const response = await request(url, allowPrivate, deadline, timeoutMs);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (redirects >= FETCH_LIMITS.redirects) {
        throw new CoverageError(
          `${address} redirects more than ${FETCH_LIMITS.redirects} times`,
          'give the address the page finally lives at',
        );
      }
      const next = new URL(response.headers.location, url);
      url = checkUrl(next.href);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new CoverageError(
        `${url.href} answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`,
        'check the address opens in a browser, or save the page and add the file',
      );
    }
    const type = pageType(response.headers['content-type']);
    if (type === undefined) {
      response.resume();
      throw new CoverageError(
        `${url.href} is ${response.headers['content-type'] ?? 'of no stated type'}, not a web page or text (only text/html and text/plain are read)`,
        'give the address of the article page itself, or save it as .html or .txt and add the file',
      );
    }
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.destroy();
      throw tooBig(url, maxBytes);
    }
    const bytes = await readBody(response, url, maxBytes, deadline, timeoutMs);
    return { bytes, type, url: url.href };
  }
}

function pageType(header: string | undefined): PageType | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return ALLOWED_TYPES.find((allowed) => allowed === type);
}

function tooBig(url: URL, maxBytes: number): CoverageError {
  return new CoverageError(
    `${url.href} is larger than ${maxBytes / (1024 * 1024)} MB`,
    'save only the article page (or its text) and add the file',
  );
}

function timedOut(url: URL, timeoutMs: number): CoverageError {
  return new CoverageError(
    `${url.href} did not finish answering within ${timeoutMs / 1000} s`,
    'try again later, or save the page and add the file',
  );
}

function request(url: URL, allowPrivate: boolean, deadline: AbortSignal, timeoutMs: number): Promise<http.IncomingMessage> {
  const agentOptions = { allowPrivateIPAddress: allowPrivate, keepAlive: false };
  const agent = url.protocol === 'https:' ? new RequestFilteringHttpsAgent(agentOptions) : new RequestFilteringHttpAgent(agentOptions);
  const get = url.protocol === 'https:' ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(
      url,
      { agent, signal: deadline, headers: { 'user-agent': 'story-desk (adding coverage)', accept: 'text/html, text/plain' } },
      resolve,
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (deadline.aborted) reject(timedOut(url, timeoutMs));
      else if (/is not allowed/u.test(error.message)) {
        reject(
          new CoverageError(
            `${url.hostname} is a loopback, private, link-local or otherwise non-public address; pages are only fetched from the public web`,
            'give the public address of the page (or save it and add the file)',
          ),
        );
      } else if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
        reject(new CoverageError(`the host ${url.hostname} was not found`, 'check the address for typing mistakes'));
      } else {
        reject(
          new CoverageError(
            `could not read ${url.href} (${error.code ?? error.message})`,
            'check the address opens in a browser, or save the page and add the file',
          ),
        );
      }
    });
  });
}

function readBody(response: http.IncomingMessage, url: URL, maxBytes: number, deadline: AbortSignal, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onAbort = () => {
      response.destroy();
      reject(timedOut(url, timeoutMs));
    };
    if (deadline.aborted) onAbort();
    deadline.addEventListener('abort', onAbort, { once: true });
    response.on('close', () => deadline.removeEventListener('abort', onAbort));
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(tooBig(url, maxBytes));
        response.destroy();
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', () =>
      reject(deadline.aborted ? timedOut(url, timeoutMs) : new CoverageError(`the connection to ${url.host} broke off`, 'try again')),
    );
    response.on('aborted', () =>
      reject(deadline.aborted ? timedOut(url, timeoutMs) : new CoverageError(`the connection to ${url.host} broke off`, 'try again')),
    );
  });
}
