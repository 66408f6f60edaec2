import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_EXPENSIVE_PER_VIEWER, DEFAULT_EXPENSIVE_TOTAL } from './expensive-work.js';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

/**
 * The gateway's one validated configuration, read from the environment once. Every other module
 * takes a `Config` (or the part it needs) instead of reading `process.env`.
 */
export interface Config {
  /** HTTP port (0 picks a free one: tests). */
  port: number;
  host: string;
  /** A PostgreSQL server; when unset the gateway starts the embedded PostgreSQL under `dataDir/pg`. */
  databaseUrl: string | undefined;
  /** Local data (embedded PostgreSQL); git-ignored. */
  dataDir: string;
  logLevel: LogLevel;
  logFormat: LogFormat;
  nodeEnv: 'development' | 'production' | 'test';
  /** A built web app served at `/` (with SPA fallback) when set. */
  adminWebDist: string | undefined;
  /** Port of the embedded PostgreSQL (0 picks a free one). */
  embeddedPgPort: number;
  /**
   * The sample data and its demo accounts (published passwords) go into an empty database: `auto`
   * on the embedded default only, `on` on any database (tests, demos), `off` never.
   */
  sampleData: 'auto' | 'on' | 'off';
  /** Connections this process keeps to PostgreSQL at most; more queries wait for one. */
  poolSize: number;
  /** How long a query waits for a free connection before it fails. */
  poolTimeoutMs: number;
  /** Expensive requests (reports, findings, counts, history, exports) one viewer may have in flight; more are refused (expensive-work.ts). */
  expensivePerViewer: number;
  /** Expensive requests the whole gateway runs at once; more wait their turn (expensive-work.ts). */
  expensiveTotal: number;
  /** Which peers may give the client's address in X-Forwarded-For (trust-proxy.ts); false: none. */
  trustProxy: TrustProxy;
}

/** `auto`: readable lines when stdout is a terminal, JSON otherwise (see logger.ts). */
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The repository root (this file is apps/gateway/src/config.ts or apps/gateway/dist/config.js). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_DATA_DIR = join(REPO_ROOT, '.coso-data');

/** A configuration the gateway cannot run with; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      ['Cấu hình không hợp lệ (biến môi trường) / Invalid configuration (environment variables):', ...problems.map((p) => `  - ${p}`)].join(
        '\n',
      ),
    );
    this.name = 'ConfigError';
  }
}

const text = (vi: string, en: string) => `${vi} / ${en}`;

// An empty variable (`PORT=`) means "not set", as shells and .env files usually intend.
const unsetIfBlank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const portNumber = (vi: string, en: string) =>
  z
    .string()
    .regex(/^\d{1,5}$/, { error: text(vi, en) })
    .transform(Number)
    .refine((n) => n <= 65_535, { error: text(vi, en) });

const PORT_MESSAGE = ['phải là số nguyên từ 0 đến 65535', 'must be an integer from 0 to 65535'] as const;

const integerIn = (min: number, max: number) => {
  const error = text(`phải là số nguyên từ ${min} đến ${max}`, `must be an integer from ${min} to ${max}`);
  return z
    .string()
    .regex(/^\d{1,9}$/, { error })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error });
};

const EnvSchema = z.object({
  PORT: z.preprocess(unsetIfBlank, portNumber(...PORT_MESSAGE).default(4000)),
  HOST: z.preprocess(
    unsetIfBlank,
    z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]+$/, {
        error: text(
          'phải là tên máy hoặc địa chỉ IP (vd. 127.0.0.1, 0.0.0.0)',
          'must be a host name or IP address (e.g. 127.0.0.1, 0.0.0.0)',
        ),
      })
      .default('127.0.0.1'),
  ),
  DATABASE_URL: z.preprocess(
    unsetIfBlank,
    z
      .string()
      .refine(isPostgresUrl, {
        error: text(
          'phải là chuỗi kết nối PostgreSQL dạng postgres://người-dùng:mật-khẩu@máy:cổng/csdl',
          'must be a PostgreSQL connection string like postgres://user:password@host:port/database',
        ),
      })
      .optional(),
  ),
  DATA_DIR: z.preprocess(unsetIfBlank, z.string().default(DEFAULT_DATA_DIR)),
  LOG_LEVEL: z.preprocess(
    unsetIfBlank,
    z
      .enum(LOG_LEVELS, { error: text(`phải là một trong ${LOG_LEVELS.join(', ')}`, `must be one of ${LOG_LEVELS.join(', ')}`) })
      .default('info'),
  ),
  LOG_FORMAT: z.preprocess(
    unsetIfBlank,
    z
      .enum(LOG_FORMATS, {
        error: text(`phải là một trong ${LOG_FORMATS.join(', ')}`, `must be one of ${LOG_FORMATS.join(', ')}`),
      })
      .default('auto'),
  ),
  NODE_ENV: z.preprocess(
    unsetIfBlank,
    z
      .enum(['development', 'production', 'test'], {
        error: text('phải là development, production hoặc test', 'must be development, production or test'),
      })
      .default('development'),
  ),
  ADMIN_WEB_DIST: z.preprocess(
    unsetIfBlank,
    z
      .string()
      .refine((dir) => isDirectory(dir) && existsSync(join(dir, 'index.html')), {
        error: text('phải là thư mục đã build có index.html', 'must be a built directory that holds index.html'),
      })
      .optional(),
  ),
  EMBEDDED_PG_PORT: z.preprocess(unsetIfBlank, portNumber(...PORT_MESSAGE).default(0)),
  SAMPLE_DATA: z.preprocess(
    unsetIfBlank,
    z.enum(['auto', 'on', 'off'], { error: text('phải là auto, on hoặc off', 'must be auto, on or off') }).default('auto'),
  ),
  // 10 per process: a few gateways stay well under PostgreSQL's default max_connections (100).
  DATABASE_POOL_SIZE: z.preprocess(unsetIfBlank, integerIn(1, 1000).default(10)),
  DATABASE_POOL_TIMEOUT_MS: z.preprocess(unsetIfBlank, integerIn(100, 600_000).default(10_000)),
  EXPENSIVE_PER_VIEWER: z.preprocess(unsetIfBlank, integerIn(1, 100).default(DEFAULT_EXPENSIVE_PER_VIEWER)),
  EXPENSIVE_TOTAL: z.preprocess(unsetIfBlank, integerIn(1, 1000).default(DEFAULT_EXPENSIVE_TOTAL)),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx): TrustProxy => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
});

type EnvName = keyof typeof EnvSchema.shape;

// Values never echoed in an error message (a connection string holds a password).
const SECRET: ReadonlySet<EnvName> = new Set(['DATABASE_URL']);

/** Validates `env` (default `process.env`); throws `ConfigError` naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '?') as EnvName;
        const value = env[name];
        const shown = SECRET.has(name) || value === undefined ? '' : ` (giá trị / value: ${JSON.stringify(value)})`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    nodeEnv: e.NODE_ENV,
    adminWebDist: e.ADMIN_WEB_DIST === undefined ? undefined : resolve(e.ADMIN_WEB_DIST),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    sampleData: e.SAMPLE_DATA,
    poolSize: e.DATABASE_POOL_SIZE,
    poolTimeoutMs: e.DATABASE_POOL_TIMEOUT_MS,
    expensivePerViewer: e.EXPENSIVE_PER_VIEWER,
    expensiveTotal: e.EXPENSIVE_TOTAL,
    trustProxy: e.TRUST_PROXY,
  };
}

let cached: Config | undefined;

/** The process's configuration, read once; a bad value prints the problems and exits with code 2. */
export function readConfig(): Config {
  if (cached) return cached;
  try {
    cached = loadConfig(process.env);
    return cached;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && (url.hostname !== '' || url.searchParams.has('host'));
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
