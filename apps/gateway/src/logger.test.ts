import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOG_FORMATS } from './config.js';
import { chooseLogFormat, createLogger } from './logger.js';

/** Every line a logger writes, as written. */
function capture(): { lines: string[]; write: (chunk: string) => void } {
  const lines: string[] = [];
  return { lines, write: (chunk: string) => void lines.push(...chunk.split('\n').filter((l) => l !== '')) };
}

const isJson = (line: string): boolean => {
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
};

describe('the log format', () => {
  it('is readable in a terminal and JSON anywhere else, unless LOG_FORMAT names one', () => {
    // The rule, written out independently of the code: an explicit format wins; auto follows the TTY.
    const expected = {
      auto: { tty: 'pretty', pipe: 'json' },
      json: { tty: 'json', pipe: 'json' },
      pretty: { tty: 'pretty', pipe: 'pretty' },
    };
    fc.assert(
      fc.property(fc.constantFrom(...LOG_FORMATS), fc.boolean(), (requested, tty) => {
        expect(chooseLogFormat(requested, tty)).toBe(expected[requested][tty ? 'tty' : 'pipe']);
      }),
    );
  });

  it('writes one JSON object per entry when not on a terminal (the default for a file or a pipe)', () => {
    const out = capture();
    const log = createLogger({ logLevel: 'info' }, out, false);
    log.info({ component: 'postgres', port: 5433 }, 'embedded PostgreSQL started');
    expect(out.lines).toHaveLength(1);
    expect(JSON.parse(out.lines[0] ?? '')).toMatchObject({
      level: 30,
      component: 'postgres',
      port: 5433,
      msg: 'embedded PostgreSQL started',
    });
  });

  it('writes one readable line per entry in the pretty format: time, level, message, a request as method, path, status, duration, operation', () => {
    const out = capture();
    // colour codes are for a real terminal; this destination is a capture, so ask for the format alone
    const log = createLogger({ logLevel: 'info', logFormat: 'pretty' }, out, false);
    log.info({ reqId: 'r-1', method: 'POST', path: '/graphql', status: 200, durationMs: 12.5, operationName: 'Units' }, 'request');
    expect(out.lines).toHaveLength(1);
    const line = out.lines[0] ?? '';
    expect(isJson(line)).toBe(false);
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: request POST \/graphql 200 12.5ms Units$/);
  });

  it('follows LOG_FORMAT against the terminal: json on a terminal, pretty into a pipe', () => {
    const auto = capture();
    createLogger({ logLevel: 'info', logFormat: 'auto' }, auto, true).info('stopped');
    expect(auto.lines).toHaveLength(1);
    expect(isJson(auto.lines[0] ?? '')).toBe(false);
    expect(auto.lines[0]).toContain('stopped');
    const json = capture();
    createLogger({ logLevel: 'info', logFormat: 'json' }, json, true).info('stopped');
    expect(JSON.parse(json.lines[0] ?? '')).toMatchObject({ msg: 'stopped' });
    const pretty = capture();
    createLogger({ logLevel: 'info', logFormat: 'pretty' }, pretty, false).info('stopped');
    expect(pretty.lines).toHaveLength(1);
    expect(isJson(pretty.lines[0] ?? '')).toBe(false);
    expect(pretty.lines[0]).toContain('stopped');
  });

  it('drops GraphQL variables and credentials in either format', () => {
    for (const logFormat of ['json', 'pretty'] as const) {
      const out = capture();
      createLogger({ logLevel: 'info', logFormat }, out, false).info(
        { variables: { password: 'hunter2' }, req: { headers: { authorization: 'Bearer secret-token' } } },
        'request',
      );
      expect(out.lines.join('\n')).not.toMatch(/hunter2|secret-token/);
    }
  });

  it('writes nothing below the level in either format', () => {
    for (const logFormat of ['json', 'pretty'] as const) {
      const out = capture();
      const log = createLogger({ logLevel: 'warn', logFormat }, out, false);
      log.info('request');
      log.warn('forced exit');
      expect(out.lines).toHaveLength(1);
      expect(out.lines[0]).toContain('forced exit');
    }
  });
});
