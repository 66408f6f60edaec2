import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/**
 * Structured JSON logs (one object per line) for machines; what a person reads at start-up is
 * printed separately by main.ts. Never log GraphQL variables or bodies: they may hold personal data.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'coso-gateway' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Belt and braces: should a caller ever pass these, they are dropped, not written.
    redact: { paths: ['variables', '*.variables', 'req.headers.authorization', 'req.headers.cookie'], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}
