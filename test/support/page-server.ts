/**
 * A web server on 127.0.0.1 for the tests that add coverage: serves the pages in test/fixtures/coverage/
 * and the awkward cases (redirects, a page too big, a wrong content type, a slow answer, bad UTF-8).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const COVERAGE_FIXTURES = fileURLToPath(new URL('../fixtures/coverage/', import.meta.url));

export function fixturePage(name: string): string {
  return readFileSync(`${COVERAGE_FIXTURES}${name}`, 'utf8');
}

export interface PageServer {
  url(path: string): string;
  close(): Promise<void>;
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export async function startPageServer(extra: Record<string, Route> = {}): Promise<PageServer> {
  const html =
    (body: string): Route =>
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
  const routes: Record<string, Route> = {
    '/ledger': html(fixturePage('northern-ledger.html')),
    '/ledger-again': html(fixturePage('northern-ledger.html')),
    '/digest': html(fixturePage('balkan-digest-copy.html')),
    '/gazette': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(fixturePage('harbour-gazette.txt'));
    },
    '/moved': (_req, res) => {
      res.writeHead(301, { location: '/ledger' });
      res.end();
    },
    '/to-ftp': (_req, res) => {
      res.writeHead(302, { location: 'ftp://127.0.0.1/page' });
      res.end();
    },
    '/big': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'filler words '.repeat(800)}</p>\n`;
      for (let sent = 0; sent < 6 * 1024 * 1024; sent += chunk.length) res.write(chunk);
      res.end();
    },
    '/report.pdf': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4 not a page');
    },
    '/slow': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>Starting');
      // Never finishes: the fetcher's time limit must end it.
    },
    '/latin1': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(Buffer.concat([Buffer.from('Ministers meet in Tirana\n\nThe caf'), Buffer.from([0xe9]), Buffer.from(' was full.\n')]));
    },
    '/front-page': html(
      '<html><head><meta property="og:site_name" content="Somewhere"></head><body><nav><a href="/">Home</a></nav></body></html>',
    ),
    ...extra,
  };
  // Loops redirect to themselves with a counter, more times than the fetcher follows.
  for (let i = 0; i < 10; i++) {
    routes[`/loop/${i}`] = (_req, res) => {
      res.writeHead(302, { location: `/loop/${i + 1}` });
      res.end();
    };
  }
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (route) route(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
