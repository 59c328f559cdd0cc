import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { createAppModule } from './app.module';
import type { AppConfig } from './platform/config';
import type { Logger } from './platform/logger';

function nestLogger(logger: Logger): LoggerService {
  const text = (message: unknown) => (typeof message === 'string' ? message : JSON.stringify(message));
  return {
    log: (message, context?: string) => logger.debug(text(message), context ? { context } : undefined),
    warn: (message, context?: string) => logger.warn(text(message), context ? { context } : undefined),
    error: (message, trace?: string, context?: string) => logger.error(text(message), { trace, context }),
    debug: (message, context?: string) => logger.debug(text(message), context ? { context } : undefined),
  };
}

/**
 * The web server in front of us tells the visitor's address in X-Forwarded-For (rate limits count
 * per visitor). Only a caller matching `TRUST_PROXY` (Express's syntax: `loopback`, addresses,
 * subnets) is believed, and only for the one address it reports itself (the rightmost entry):
 * what a visitor wrote further left, or a chain of "trusted" addresses they forged, is never read.
 */
function trustOnlyTheProxyHop(app: NestExpressApplication, trustProxy: string): void {
  app.set('trust proxy', trustProxy);
  const isProxyHop = app.getHttpAdapter().getInstance().get('trust proxy fn') as (address: string, hop: number) => boolean;
  app.set('trust proxy', (address: string, hop: number) => hop === 0 && isProxyHop(address, 0));
}

/** Builds the HTTP application around an open DataSource; `listen` is left to the caller. */
export async function createApp(config: AppConfig, dataSource: DataSource, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(createAppModule(config, dataSource, logger), {
    logger: nestLogger(logger),
    bodyParser: false,
  });
  trustOnlyTheProxyHop(app, config.trustProxy);
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: '256kb' });
  app.use(cookieParser());
  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    res.on('finish', () => {
      const fields = {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        requestId: req.headers['x-request-id'],
      };
      if (res.statusCode >= 500) logger.warn('request failed', fields);
      else logger.debug('request', fields);
    });
    next();
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
