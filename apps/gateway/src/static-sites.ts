import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, Router } from 'express';

/** Built by `vite build --config graphiql/vite.config.ts` (part of `npm run build`); the same path from src/ and dist/. */
export const GRAPHIQL_DIST = fileURLToPath(new URL('../dist/graphiql/', import.meta.url));

// Vite names assets by content hash: cache them for good; always revalidate the HTML.
function cacheHeaders(res: Response, path: string): void {
  res.setHeader('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
}

/** GraphiQL from local files only (no CDN): the page, its scripts, styles, fonts and Monaco workers. */
export function graphiqlSite(dir: string = GRAPHIQL_DIST): Router {
  const router = Router();
  if (!existsSync(join(dir, 'index.html'))) {
    router.use((_req: Request, res: Response) => {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'GraphiQL chưa được build: chạy `npm run build -w @coso/gateway`. / GraphiQL is not built: run `npm run build -w @coso/gateway`.\n',
        );
    });
    return router;
  }
  router.use(express.static(dir, { index: 'index.html', setHeaders: cacheHeaders, fallthrough: true }));
  return router;
}

/**
 * The admin web (a built single-page app) at `/`: its files, and index.html for any other GET that
 * asks for HTML and does not name a file (client-side routes such as /units/123). Without one, `/` says where things are.
 */
export function adminWebSite(dir: string | undefined): Router {
  const router = Router();
  if (!dir) {
    router.get('/', (_req: Request, res: Response) => {
      res.type('html').send(PLACEHOLDER_PAGE);
    });
    return router;
  }
  router.use(express.static(dir, { index: 'index.html', setHeaders: cacheHeaders }));
  router.get('/{*path}', (req: Request, res: Response, next) => {
    // A missing file (/assets/x.js) stays a 404; only page routes (/units/123) get the app.
    const last = req.path.split('/').pop() ?? '';
    if (last.includes('.') || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
  return router;
}

const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>coso</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>coso — cơ sở</h1>
<p>Giao diện quản trị chưa được cài vào gateway này (đặt <code>ADMIN_WEB_DIST</code>).<br>
<em>The admin web is not installed in this gateway (set <code>ADMIN_WEB_DIST</code>).</em></p>
<ul>
<li>GraphiQL: <a href="/graphiql/">/graphiql/</a></li>
<li>GraphQL: <code>POST /graphql</code></li>
</ul>
</body>
</html>
`;
