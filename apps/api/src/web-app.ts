import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const API_PATHS = /^\/(graphql|health|metrics|api)(\/|$)/;

/**
 * Serves the built Angular app from the API's own port: files as they are, and index.html for client-side
 * routes (any other GET that asks for HTML). Returns false when there is no build to serve.
 */
export function serveWebApp(app: NestExpressApplication, webDist: string): boolean {
  const root = resolve(webDist);
  const index = join(root, 'index.html');
  if (!webDist || !existsSync(index)) return false;
  app.useStaticAssets(root, { index: false, maxAge: '1h', setHeaders: noCacheForHtml });
  const express = app.getHttpAdapter().getInstance() as {
    get(
      path: RegExp,
      handler: (
        req: { path: string; accepts(type: string): string | false },
        res: { sendFile(path: string, options: object): void },
        next: () => void,
      ) => void,
    ): void;
  };
  express.get(/.*/, (req, res, next) => {
    if (API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
  });
  return true;
}

function noCacheForHtml(res: { setHeader(name: string, value: string): void }, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
