import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { spaContentSecurityPolicy } from '../security/security-headers';
import { injectCspNonce } from './inject-csp-nonce';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};
/** Build outputs named after their content (`main-P3M7MXK7.js`) never change: cache them for good. */
const HASHED_NAME = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
const API_PATH = /^\/api(\/|$)/i;

/**
 * Serves the built SPA: its files as they are, and index.html — with a fresh CSP nonce on
 * `<app-root>` and the matching Content-Security-Policy — for every other path outside /api
 * (the app's own routes). Only regular files inside the folder are served: no dot files, no
 * symbolic links, nothing above it. Paths under /api (in any case) pass to the API.
 */
export function serveSpa(directory: string): RequestHandler {
  const root = fs.realpathSync(directory);
  const index = new IndexTemplate(path.join(root, 'index.html'));
  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATH.test(request.path)) {
      next();
      return;
    }
    const file = assetFile(root, request.path);
    if (file && path.basename(file) !== 'index.html') {
      sendFile(response, file, request.method === 'HEAD');
      return;
    }
    sendIndex(response, index, request.method === 'HEAD');
  };
}

/** The regular file a URL path names inside `root`, or undefined (then the app's index answers). */
export function assetFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const parts = decoded.split('/').filter((part) => part !== '');
  if (parts.length === 0 || parts.some((part) => part.startsWith('.'))) return undefined;
  const file = path.join(root, ...parts);
  if (!file.startsWith(root + path.sep)) return undefined;
  try {
    // A regular file, reached without a symbolic link anywhere on the way.
    return fs.lstatSync(file).isFile() && fs.realpathSync(file) === file ? file : undefined;
  } catch {
    return undefined;
  }
}

function sendFile(response: Response, file: string, headOnly: boolean): void {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    response.status(404).end();
    return;
  }
  response.status(200);
  response.setHeader('Content-Type', CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
  response.setHeader('Content-Length', String(size));
  response.setHeader('Cache-Control', HASHED_NAME.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (headOnly) {
    response.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

function sendIndex(response: Response, index: IndexTemplate, headOnly: boolean): void {
  const template = index.read();
  if (template === undefined) {
    response.status(404).type('text/plain; charset=utf-8').send('The web app is not built (no index.html).');
    return;
  }
  const nonce = randomBytes(16).toString('base64');
  const body = Buffer.from(injectCspNonce(template, nonce), 'utf8');
  response.status(200);
  response.setHeader('Content-Security-Policy', spaContentSecurityPolicy(nonce));
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Content-Length', String(body.length));
  response.setHeader('Cache-Control', 'no-store');
  response.end(headOnly ? undefined : body);
}

/** index.html, read again only when it changed on disk (a rebuilt SPA is picked up). */
class IndexTemplate {
  private cached: { stamp: string; text: string } | undefined;

  constructor(private readonly file: string) {}

  read(): string | undefined {
    try {
      const stats = fs.statSync(this.file);
      const stamp = `${stats.mtimeMs}:${stats.size}`;
      if (this.cached?.stamp !== stamp) this.cached = { stamp, text: fs.readFileSync(this.file, 'utf8') };
      return this.cached.text;
    } catch {
      return undefined;
    }
  }
}
