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

/** Builds the HTTP application around an open DataSource; `listen` is left to the caller. */
export async function createApp(config: AppConfig, dataSource: DataSource, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(createAppModule(config, dataSource, logger), {
    logger: nestLogger(logger),
    bodyParser: false,
  });
  // The web server in front of us forwards the visitor's address (rate limits count per visitor).
  app.set('trust proxy', config.trustProxy);
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
