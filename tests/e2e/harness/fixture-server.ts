import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { Certificate } from './certificate';
import { SHARED_FIXTURES, hostMatches, siteForHost } from './sites';

export interface RouteRequest {
  method: string;
  host: string;
  /** Path and query as requested. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RouteResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type RouteHandler = (request: RouteRequest) => RouteResponse | Promise<RouteResponse>;

/** One request the server saw, for tests that assert what was (not) fetched. */
export interface SeenRequest {
  method: string;
  host: string;
  url: string;
  status: number;
}

export interface FixtureServer {
  port: number;
  /** Every request so far, oldest first. */
  requests: SeenRequest[];
  /**
   * Answers `host` (or `*.domain`) + exact `path` (query ignored) with `handler`, ahead of the
   * fixture files. Returns a function that removes the route.
   */
  route(host: string, path: string, handler: RouteHandler): () => void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

interface Route {
  host: string;
  path: string;
  handler: RouteHandler;
}

/**
 * HTTPS on 127.0.0.1 (random port) serving tests/fixtures/<site>/ by Host header, and
 * tests/fixtures/_shared/ under /_shared/ at every fixture host (sites.ts).
 */
export async function startFixtureServer(fixturesRoot: string, certificate: Certificate): Promise<FixtureServer> {
  const routes: Route[] = [];
  const requests: SeenRequest[] = [];

  const server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.stack : String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = req.url ?? '/';
    const pathname = decodeURIComponent(new URL(url, 'https://x').pathname);
    const body = await readBody(req);
    const route = routes.find((r) => hostMatches(r.host, host) && r.path === pathname);
    const reply = route
      ? await route.handler({ method: req.method ?? 'GET', host, url, headers: req.headers, body })
      : await serveFile(fixturesRoot, host, pathname);
    const status = reply.status ?? 200;
    requests.push({ method: req.method ?? 'GET', host, url, status });
    // Fixtures change while people work on them; never let Chromium cache one.
    res.writeHead(status, { 'cache-control': 'no-store', ...reply.headers });
    res.end(reply.body ?? '');
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });

  return {
    port: (server.address() as AddressInfo).port,
    requests,
    route(host, path, handler) {
      const entry: Route = { host, path, handler };
      routes.unshift(entry);
      return () => {
        const at = routes.indexOf(entry);
        if (at >= 0) routes.splice(at, 1);
      };
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function serveFile(fixturesRoot: string, host: string, pathname: string): Promise<RouteResponse> {
  const site = siteForHost(host);
  if (!site) return notFound(`No fixture site for host ${host}`);
  const shared = pathname.startsWith(SHARED_FIXTURES.mount);
  const dir = shared ? SHARED_FIXTURES.dir : site.dir;
  const siteRoot = resolve(fixturesRoot, dir);
  const mount = shared ? SHARED_FIXTURES.mount : ([...site.mounts, '/'].find((m) => pathname.startsWith(m)) ?? '/');
  let relative = pathname.slice(mount.length);
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const file = resolve(siteRoot, relative);
  if (file !== siteRoot && !file.startsWith(siteRoot + sep)) return notFound('Outside the fixture folder');
  try {
    if (!(await stat(file)).isFile()) return notFound(`Not a file: ${file}`);
  } catch {
    return notFound(`No such fixture file: ${join(dir, relative)}`);
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  return { status: 200, headers: { 'content-type': type }, body: await readFile(file) };
}

function notFound(why: string): RouteResponse {
  return { status: 404, headers: { 'content-type': 'text/plain' }, body: why };
}
