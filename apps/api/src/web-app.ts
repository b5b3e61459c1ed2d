import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { CSP_NONCE_PLACEHOLDER, newCspNonce, pagePolicy } from './content-security-policy';

const API_PATHS = /^\/(graphql|health|metrics|api)(\/|$)/;
/** A file's path (a name with an extension in its last segment): the app's routes have none. */
const FILE_PATH = /\.[A-Za-z0-9]+$/;

/**
 * Serves the built Angular app from the API's own port: files as they are, and index.html — with a fresh CSP
 * nonce on each answer — for client-side routes (any other GET that asks for HTML) and for /index.html itself.
 * Returns false when there is no build to serve.
 */
export function serveWebApp(app: NestExpressApplication, webDist: string): boolean {
  const root = resolve(webDist);
  const index = join(root, 'index.html');
  if (!webDist || !existsSync(index)) return false;
  const page = readFileSync(index, 'utf8').split(CSP_NONCE_PLACEHOLDER);
  const express = app.getHttpAdapter().getInstance() as {
    get(path: string | RegExp, handler: (req: Request, res: Response, next: NextFunction) => void): void;
  };
  const sendPage = (req: Request, res: Response) => {
    const nonce = newCspNonce();
    res.locals['cspNonce'] = nonce;
    pagePolicy(req, res, () => {
      // no-store: a page carries its nonce, so no copy of it (not even the back/forward cache's) is used again.
      res.set({ 'Cache-Control': 'no-store', 'Content-Type': 'text/html; charset=utf-8' });
      res.send(page.join(nonce));
    });
  };
  // Before the static files, which would send index.html with its placeholder in place of a nonce — under any
  // spelling of its path they decode and normalise (/%69ndex.html, /./index.html); the build holds no other page.
  express.get(/\.html$/i, sendPage);
  app.useStaticAssets(root, { index: false, maxAge: '1h' });
  express.get(/.*/, (req, res, next) => {
    // A file the build does not hold (a chunk of an earlier build, asked for by a page loaded before a deploy) gets
    // a 404, not the page: a module script answered with HTML fails with a MIME-type error that says nothing.
    if (API_PATHS.test(req.path) || FILE_PATH.test(req.path) || !req.accepts('html')) return next();
    sendPage(req, res);
  });
  return true;
}
