// Route table: Discord-style path patterns (":name" segments) mapped to handlers.
import type { IncomingHttpHeaders } from 'node:http';

/** A file uploaded with a multipart request: its form field ("files[0]"), name, type and bytes. */
export interface Upload {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** Files of a multipart request (discord.js sends them as files[n], described in payload_json's attachments). */
  files: readonly Upload[];
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  pattern: string;
  /** Needs `Authorization: Bot <token>`; interaction and webhook-token routes do not. */
  auth: boolean;
  handle(context: RouteContext): RouteResult | Promise<RouteResult>;
}

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

export type RouteMatch = { route: Route; params: Record<string, string> } | 'method-not-allowed' | undefined;

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(routes: readonly Route[]): void {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.pattern
        .split('/')
        .map((segment) => {
          if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\@]/g, '\\$&');
          names.push(segment.slice(1));
          return '([^/]+)';
        })
        .join('/');
      this.routes.push({ route, regex: new RegExp(`^${source}/?$`), names });
    }
  }

  /** First route whose pattern matches; literal routes must be added before parameter ones. */
  match(method: string, path: string): RouteMatch {
    let pathMatched = false;
    for (const { route, regex, names } of this.routes) {
      const found = regex.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? '');
      });
      return { route, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}
