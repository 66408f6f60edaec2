import pino, { type DestinationStream, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { Config, LogFormat } from './config.js';

export type { Logger };

/** The format logs are written in: `auto` is readable lines in a terminal, JSON for anything else (a file, a pipe, a collector). */
export function chooseLogFormat(requested: LogFormat, stdoutIsTTY: boolean): 'json' | 'pretty' {
  if (requested !== 'auto') return requested;
  return stdoutIsTTY ? 'pretty' : 'json';
}

/**
 * Structured JSON logs (one object per line) for machines, or one short readable line per entry
 * when a person watches the terminal; what a person reads at start-up (the URL banner) is printed
 * separately by main.ts. Never log GraphQL variables or bodies: they may hold personal data.
 * `destination` (default stdout) decides the format under `auto` only by `stdoutIsTTY`.
 */
export function createLogger(
  config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFormat'>>,
  destination?: DestinationStream,
  stdoutIsTTY: boolean = destination === undefined && process.stdout.isTTY === true,
): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'coso-gateway' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Belt and braces: should a caller ever pass these, they are dropped, not written.
    redact: { paths: ['variables', '*.variables', 'req.headers.authorization', 'req.headers.cookie'], remove: true },
  };
  if (chooseLogFormat(config.logFormat ?? 'auto', stdoutIsTTY) === 'pretty') {
    // Formatted in-process, synchronously (no worker thread): lines stay in order with the banner main.ts writes.
    const format = prettyFactory({
      colorize: stdoutIsTTY,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      // A request reads as `request POST /graphql 200 46ms Units`; other fields follow as JSON.
      messageFormat: '{msg}{if method} {method} {path} {status} {durationMs}ms{end}{if operationName} {operationName}{end}',
      ignore: 'pid,hostname,service,reqId,method,path,status,durationMs,operationName',
    });
    const out = destination ?? pino.destination({ dest: 1, sync: true });
    const pretty: DestinationStream = { write: (line: string) => void out.write(format(line)) };
    return pino(options, pretty);
  }
  return destination ? pino(options, destination) : pino(options);
}
