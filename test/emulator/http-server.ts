// The REST side: parses bodies, records every request, applies injected faults, checks the bot token
// and hands over to the route table. Only listens on 127.0.0.1.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { DiscordError, DiscordHttpError } from './errors.ts';
import type { FaultInjector } from './faults.ts';
import type { Router, Upload } from './router.ts';
import { Limits } from './limits.ts';

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. /interactions/123/tok/callback. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body; for multipart requests, the payload_json part. */
  body: unknown;
  /** Names of uploaded files (multipart requests). */
  files: string[];
  /** Whether a valid `Bot <token>` header came with it (the token itself is never recorded). */
  authorized: boolean;
  auditLogReason?: string;
  at: number;
  status: number;
}

export interface HttpServerOptions {
  router: Router;
  faults: FaultInjector;
  token: string;
  requests: RecordedRequest[];
  onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Files served outside the API (attachments, as Discord's CDN serves them); undefined when none is at the path. */
  file?(path: string): { contentType: string; bytes: Buffer } | undefined;
}

const API_PREFIX = /^\/api\/v(9|10)(?=\/)/;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(request: IncomingMessage, raw: Buffer): Promise<{ body: unknown; files: Upload[] }> {
  const type = request.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, files: [] };
  if (type.startsWith('multipart/form-data')) {
    // discord.js switches to multipart when files are attached; the JSON lives in payload_json.
    const form = await new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    const files: Upload[] = [];
    let body: unknown;
    for (const [name, value] of form.entries()) {
      if (name === 'payload_json' && typeof value === 'string') body = parseJson(value);
      else if (typeof value !== 'string') {
        const data = Buffer.from(await value.arrayBuffer());
        // As Discord does: a file over the limit fails the whole request.
        if (data.length > Limits.attachmentBytes) throw DiscordError.entityTooLarge(Limits.attachmentBytes);
        files.push({ field: name, filename: value.name, contentType: value.type, data });
      }
    }
    return { body, files };
  }
  return { body: parseJson(raw.toString('utf8')), files: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw DiscordError.badJson();
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    response.writeHead(status, headers).end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

export async function startHttpServer(options: HttpServerOptions): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    void handle(options, request, response);
  });
  server.on('upgrade', options.onUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function handle(options: HttpServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = (request.method ?? 'GET').toUpperCase();
  const prefix = API_PREFIX.exec(url.pathname);
  // Decoded as Discord routes it: discord.js sends `@original` as `%40original`.
  const path = (prefix ? url.pathname.slice(prefix[0].length) : url.pathname).split('/').map(decodeSegment).join('/');
  const reason = request.headers['x-audit-log-reason'];
  const entry: RecordedRequest = {
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    body: undefined,
    files: [],
    authorized: request.headers.authorization === `Bot ${options.token}`,
    ...(typeof reason === 'string' ? { auditLogReason: decodeURIComponent(reason) } : {}),
    at: Date.now(),
    status: 0,
  };
  options.requests.push(entry);
  const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
    entry.status = status;
    send(response, status, body, headers);
  };
  try {
    const raw = await readBody(request);
    const parsed = await parseBody(request, raw);
    entry.body = parsed.body;
    entry.files = parsed.files.map((file) => file.filename);
    const fault = options.faults.take(method, path);
    if (fault) return answer(fault.status, fault.body, fault.headers);
    const file = !prefix && method === 'GET' ? options.file?.(url.pathname) : undefined;
    if (file) {
      entry.status = 200;
      response.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.bytes.length) }).end(file.bytes);
      return;
    }
    if (!prefix) throw DiscordError.notFound();
    const match = options.router.match(method, path);
    if (match === undefined) throw DiscordError.notFound();
    if (match === 'method-not-allowed') throw DiscordError.methodNotAllowed();
    if (match.route.auth && !entry.authorized) throw DiscordError.unauthorized();
    const result = await match.route.handle({
      params: match.params,
      query: url.searchParams,
      body: parsed.body,
      headers: request.headers,
      files: parsed.files,
    });
    answer(result.status, result.body, result.headers);
  } catch (error) {
    if (error instanceof DiscordHttpError) return answer(error.status, error.body);
    // An emulator bug, not Discord behaviour: make it loud.
    console.error('[discord-emulator] internal error on', method, path, error);
    answer(500, { message: '500: Internal Server Error', code: 0 });
  }
}
