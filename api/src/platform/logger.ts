import pino from 'pino';
import type { AppConfig } from './config';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const PRETTY_LEVEL: Record<string, string> = { debug: 'DBG', info: 'INF', warn: 'WRN', error: 'ERR' };

/** Structured logs: JSON lines in production, one readable line per event in development. */
export function createLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>, bindings: Record<string, unknown> = {}): Logger {
  if (config.logFormat === 'json') return wrapPino(pino({ level: config.logLevel, base: { service: 'peerdesk-api' } }).child(bindings));
  const order = ['debug', 'info', 'warn', 'error'];
  const min = order.indexOf(config.logLevel);
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    if (order.indexOf(level) < min) return;
    const all = { ...bindings, ...fields };
    const extra = Object.keys(all).length > 0 ? ` ${JSON.stringify(all)}` : '';
    const line = `${new Date().toISOString().slice(11, 19)} ${PRETTY_LEVEL[level]} ${message}${extra}\n`;
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(config, { ...bindings, ...fields }),
  };
}

function wrapPino(instance: pino.Logger): Logger {
  return {
    debug: (m, f) => instance.debug(f ?? {}, m),
    info: (m, f) => instance.info(f ?? {}, m),
    warn: (m, f) => instance.warn(f ?? {}, m),
    error: (m, f) => instance.error(f ?? {}, m),
    child: (fields) => wrapPino(instance.child(fields)),
  };
}
