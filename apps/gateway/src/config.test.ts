import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DATA_DIR, loadConfig, REPO_ROOT } from './config.js';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has defaults that run the gateway locally on the embedded database', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: DEFAULT_DATA_DIR,
      logLevel: 'info',
      logFormat: 'auto',
      nodeEnv: 'development',
      adminWebDist: undefined,
      embeddedPgPort: 0,
      sampleData: 'auto',
      poolSize: 10,
      poolTimeoutMs: 10_000,
      expensivePerViewer: 2,
      expensiveTotal: Math.max(availableParallelism(), 4),
      trustProxy: false,
    });
    expect(DEFAULT_DATA_DIR).toBe(join(REPO_ROOT, '.coso-data'));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://coso:coso@127.0.0.1:5432/coso',
      DATA_DIR: '/var/lib/coso',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      NODE_ENV: 'production',
      EMBEDDED_PG_PORT: '5499',
      SAMPLE_DATA: 'off',
      DATABASE_POOL_SIZE: '25',
      DATABASE_POOL_TIMEOUT_MS: '3000',
      EXPENSIVE_PER_VIEWER: '3',
      EXPENSIVE_TOTAL: '16',
      TRUST_PROXY: '10.0.0.5, 10.1.0.0/16',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://coso:coso@127.0.0.1:5432/coso',
      dataDir: '/var/lib/coso',
      logLevel: 'debug',
      logFormat: 'json',
      nodeEnv: 'production',
      embeddedPgPort: 5499,
      sampleData: 'off',
      poolSize: 25,
      poolTimeoutMs: 3000,
      expensivePerViewer: 3,
      expensiveTotal: 16,
      trustProxy: ['10.0.0.5', '10.1.0.0/16'],
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' })).toMatchObject({ port: 4000, databaseUrl: undefined });
  });

  it('names each bad variable, in Vietnamese then English', () => {
    const found = problems({ PORT: 'abc', LOG_LEVEL: 'loud', EMBEDDED_PG_PORT: '70000', NODE_ENV: 'staging' });
    expect(found).toHaveLength(4);
    expect(found.find((p) => p.startsWith('PORT:'))).toBe(
      'PORT: phải là số nguyên từ 0 đến 65535 / must be an integer from 0 to 65535 (giá trị / value: "abc")',
    );
    expect(found.find((p) => p.startsWith('LOG_LEVEL:'))).toContain('phải là một trong fatal, error');
    const format = problems({ LOG_FORMAT: 'colour' });
    expect(format).toEqual([
      expect.stringMatching(/^LOG_FORMAT: .*phải là một trong auto, json, pretty.*must be one of auto, json, pretty/),
    ]);
    expect(found.find((p) => p.startsWith('EMBEDDED_PG_PORT:'))).toContain('must be an integer from 0 to 65535');
    expect(found.find((p) => p.startsWith('NODE_ENV:'))).toContain('must be development, production or test');
  });

  it('refuses a sample-data switch, a pool size or a pool timeout out of range', () => {
    const found = problems({ SAMPLE_DATA: 'yes', DATABASE_POOL_SIZE: '0', DATABASE_POOL_TIMEOUT_MS: 'soon' });
    expect(found).toHaveLength(3);
    expect(found.find((p) => p.startsWith('SAMPLE_DATA:'))).toBe(
      'SAMPLE_DATA: phải là auto, on hoặc off / must be auto, on or off (giá trị / value: "yes")',
    );
    expect(found.find((p) => p.startsWith('DATABASE_POOL_SIZE:'))).toContain('must be an integer from 1 to 1000');
    expect(found.find((p) => p.startsWith('DATABASE_POOL_TIMEOUT_MS:'))).toContain('must be an integer from 100 to 600000');
    expect(problems({ DATABASE_POOL_SIZE: '1001' })).toHaveLength(1);
  });

  it('never echoes a connection string (it holds a password)', () => {
    const [problem] = problems({ DATABASE_URL: 'mysql://root:secret@db/coso' });
    expect(problem).toMatch(/^DATABASE_URL: phải là chuỗi kết nối PostgreSQL/);
    expect(problem).not.toContain('secret');
  });

  it('refuses an ADMIN_WEB_DIST that is not a built app', () => {
    const [problem] = problems({ ADMIN_WEB_DIST: '/nonexistent/admin-web/dist' });
    expect(problem).toContain('ADMIN_WEB_DIST: phải là thư mục đã build có index.html / must be a built directory that holds index.html');
  });

  it('says what is wrong as a whole, first in Vietnamese', () => {
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/^Cấu hình không hợp lệ \(biến môi trường\) \/ Invalid configuration/);
  });
});
