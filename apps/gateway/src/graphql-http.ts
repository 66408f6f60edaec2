import { parse as urlParse } from 'node:url';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { GatewayContext } from './graphql-context.js';
import { JsonSplice } from './json-splice.js';

/**
 * `/graphql` on Express: @as-integrations/express5's `expressMiddleware`, line for line (its
 * request, headers, status and body), with one addition: each request has a `JsonSplice`, handed to
 * the context function, and its placeholders are replaced in the body before it is sent — a compiled
 * read's JSON text goes out as PostgreSQL wrote it (compiled-read-plugin.ts).
 */
export function graphqlHttpHandler(
  server: ApolloServer<GatewayContext>,
  context: (args: { req: Request; res: Response; splice: JsonSplice }) => Promise<GatewayContext>,
): RequestHandler {
  server.assertStarted('graphqlHttpHandler()');
  return async (req, res) => {
    if (!('body' in req)) {
      res.status(500);
      res.send(
        '`req.body` is not set; this probably means you forgot to set up the `json` middleware before the Apollo Server middleware.',
      );
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const splice = new JsonSplice();
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: urlParse(req.url).search ?? '', body: req.body },
      context: () => context({ req, res, splice }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status || 200;
    if (response.body.kind === 'complete') {
      res.send(splice.apply(response.body.string));
      return;
    }
    for await (const chunk of response.body.asyncIterator) {
      res.write(chunk);
      if (typeof (res as { flush?: () => void }).flush === 'function') (res as unknown as { flush: () => void }).flush();
    }
    res.end();
  };
}
