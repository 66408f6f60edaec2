import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { buildSchema, type PrismaClient } from '@coso/schema';
import express, { type Request, type Response } from 'express';
import { compiledReadPlugin } from './compiled-read-plugin.js';
import type { Config } from './config.js';
import { type ConnectionBudget, checkConnectionBudget } from './connection-budget.js';
import { gatewayFormatError } from './error-messages.js';
import { ExpensiveWork } from './expensive-work.js';
import { expensiveWorkPlugin } from './expensive-work-plugin.js';
import { listExportRoutes } from './exports/list-export.js';
import { exportRoutes } from './exports/routes.js';
import { templateExportRoutes } from './exports/template-export.js';
import { contextFor, type GatewayContext, operationContextPlugin } from './graphql-context.js';
import { graphqlHttpHandler } from './graphql-http.js';
import { graphqlLimits, HTTP_BODY_LIMIT } from './graphql-limits.js';
import { healthRoutes } from './health.js';
import { httpErrorHandler } from './http-errors.js';
import { importRoutes } from './imports/routes.js';
import type { Logger } from './logger.js';
import { requestLog, requestScope } from './request-log.js';
import { securityHeaders } from './security-headers.js';
import { adminWebSite, graphiqlSite } from './static-sites.js';

export interface Gateway {
  /** `http://HOST:PORT/`: the admin web (or a page that says where things are). */
  url: string;
  graphqlUrl: string;
  graphiqlUrl: string;
  port: number;
  /** The pool against PostgreSQL's free connections, read at start (connection-budget.ts; undefined when unreadable). */
  connectionBudget: Promise<ConnectionBudget | undefined>;
  /** Stops accepting, lets in-flight requests finish (bounded by `shutdownGraceMs`), stops Apollo. */
  close(): Promise<void>;
}

export interface GatewayDeps {
  prisma: PrismaClient;
  log: Logger;
  /** How long in-flight requests may take to finish on close before their connections are cut (default 10 s). */
  shutdownGraceMs?: number;
  /** The bound on expensive work (default: from `config.expensivePerViewer`/`expensiveTotal`); tests pass one with an `admitted` hook. */
  expensiveWork?: ExpensiveWork;
}

/** The HTTP side of the gateway: GraphQL, health, GraphiQL and the admin web on one port. */
export async function createGateway(config: Config, deps: GatewayDeps): Promise<Gateway> {
  const { prisma, log } = deps;
  const app = express();
  app.disable('x-powered-by');
  // `req.ip` (the sign-in throttle's and the logs' client address) reads X-Forwarded-For only from
  // the proxies TRUST_PROXY names; off by default (trust-proxy.ts).
  app.set('trust proxy', config.trustProxy);
  const httpServer = createServer(app);
  // An idle keep-alive connection stays open 65 s (Node's default: 5 s), longer than a proxy's or
  // a client's own idle timeout (60 s is usual), so the server never closes a connection a client is
  // just reusing: a client busy for a few seconds between requests (a script writing a spreadsheet)
  // got ECONNRESET on its next request. Headers must be allowed longer than that.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  let stopping = false;

  const limits = graphqlLimits();
  const expensiveWork =
    deps.expensiveWork ??
    new ExpensiveWork({
      perViewer: config.expensivePerViewer,
      perViewerQueue: config.expensivePerViewer,
      total: config.expensiveTotal,
      queue: 4 * config.expensiveTotal,
    });
  const schema = buildSchema();
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    nodeEnv: config.nodeEnv,
    // Open to everyone in every environment (Apollo turns it off in production): the schema is
    // published (packages/schema/schema.graphql), GraphiQL needs it, and access is checked per
    // field and record, not by hiding field names.
    introspection: true,
    logger: log.child({ component: 'apollo' }),
    // CSRF prevention stays on (Apollo's default): a POST must not be a "simple" request
    // (text/plain, form data) and a GET needs a non-simple header, so a foreign page cannot make a
    // browser run an operation with the user's cookies.
    csrfPrevention: true,
    // Stack traces stay in the logs, never in responses; so does the text of any error that is not
    // the caller's (the database's, Prisma's): the client gets the request id (error-messages.ts).
    includeStacktraceInErrorResponses: false,
    formatError: gatewayFormatError(log),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      // Apollo's default landing page loads its code from a CDN; GraphiQL is served locally at /graphiql.
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin computes a cache policy field by field (6.9% of the gateway's
      // CPU on the nested read) for a schema with no cache hints; its one effect, `no-store`, is
      // set below for every /graphql response instead.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: deps.shutdownGraceMs ?? 10_000 }),
      operationContextPlugin(),
      expensiveWorkPlugin(expensiveWork),
      ...limits.plugins,
      // Last: the cost's dry run answers first; then a fully compiled query skips graphql-js' execution.
      compiledReadPlugin(),
    ],
    // The process owns shutdown (main.ts): Apollo must not install its own signal handlers.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.use(requestLog(log));
  app.use(securityHeaders());
  // First of the routes: every other is on paths of its own, so none answers /graphql, and the
  // busiest path no longer walks past their layers on every request.
  app.use('/graphql', noStore, express.json({ limit: HTTP_BODY_LIMIT }), requestScope(), graphqlHttpHandler(apollo, contextFor(prisma)));
  // Read in the background: a gateway starts even while the database is slow to answer.
  let connections: ConnectionBudget | undefined;
  const connectionBudget = checkConnectionBudget(prisma, config.poolSize, log).then((budget) => {
    connections = budget;
    return budget;
  });
  app.use(healthRoutes({ prisma, stopping: () => stopping, connections: () => connections }));
  app.use(exportRoutes({ prisma, log, expensiveWork }));
  app.use(templateExportRoutes({ prisma, log, expensiveWork }));
  app.use(listExportRoutes({ prisma, log, apollo, schema, parseOptions: limits.parseOptions }));
  app.use(importRoutes({ prisma, log }));
  app.use('/graphiql', graphiqlSite());
  app.use(adminWebSite(config.adminWebDist));
  app.use((_req: Request, res: Response) => {
    res.status(404).type('text/plain; charset=utf-8').send('Không tìm thấy. / Not found.\n');
  });
  app.use(httpErrorHandler(log));

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await apollo.stop().catch(() => {});
    throw error; // EADDRINUSE and the like: main.ts words them for a person
  }
  const port = (httpServer.address() as AddressInfo).port;
  const origin = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const urls = { url: `${origin}/`, graphqlUrl: `${origin}/graphql`, graphiqlUrl: `${origin}/graphiql/` };

  let closing: Promise<void> | undefined;
  return {
    ...urls,
    port,
    connectionBudget,
    close() {
      closing ??= (async () => {
        stopping = true;
        // Drains the HTTP server first (ApolloServerPluginDrainHttpServer), then stops Apollo.
        await apollo.stop();
      })();
      return closing;
    },
  };
}

/** Answers hold personal and party data: no browser or proxy may keep a copy (answers and refusals alike). */
const noStore: express.RequestHandler = (_req, res, next) => {
  res.set('cache-control', 'no-store');
  next();
};
