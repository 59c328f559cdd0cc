import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditModule } from './audit/audit.module';
import { DiscoveryModule } from './discovery/discovery.module';
import { EscalationModule } from './escalation/escalation.module';
import { IdentityModule } from './identity/identity.module';
import { SESSION_COOKIE, SessionService } from './identity/session.service';
import { AppConfig } from './platform/config';
import { createErrorFormatter } from './platform/graphql/error-formatter';
import { MAX_QUERY_COST, MAX_QUERY_DEPTH, requestLimitRules } from './platform/graphql/query-limits';
import { apolloPlugins, unavailableContextError } from './platform/graphql/request-checks';
import { RequestContext } from './platform/graphql/request-context';
import { SessionGuard } from './platform/graphql/session.guard';
import { HealthController } from './platform/health.controller';
import { liveModule } from './platform/live/live.module';
import { isSubscriptionContext, subscriptionTransport } from './platform/live/subscriptions';
import type { Logger } from './platform/logger';
import { ModerationModule } from './moderation/moderation.module';
import { PrivacyModule } from './privacy/privacy.module';
import { QaModule } from './qa/qa.module';
import { ReputationModule } from './reputation/reputation.module';
import { FourEyesModule } from './four-eyes/four-eyes.module';
import { StaffModule } from './staff/staff.module';
import { SearchModule } from './search/search.module';
import { NotificationsModule } from './notifications/notifications.module';
import { AccountModule } from './account/account.module';
import { InsightsModule } from './insights/insights.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { UploadsModule } from './uploads/uploads.module';

export { MAX_QUERY_COST, MAX_QUERY_DEPTH };

/** The application, given its configuration, an open DataSource and a logger (so tests can pass their own). */
export function createAppModule(config: AppConfig, dataSource: DataSource, logger: Logger): DynamicModule {
  const platform: DynamicModule = {
    module: class PlatformModule {},
    global: true,
    providers: [
      { provide: AppConfig, useValue: config },
      { provide: DataSource, useValue: dataSource },
      { provide: 'LOGGER', useValue: logger },
    ],
    exports: [AppConfig, DataSource, 'LOGGER'],
  };
  return {
    module: class AppModule {},
    imports: [
      platform,
      GraphQLModule.forRootAsync<ApolloDriverConfig>({
        driver: ApolloDriver,
        imports: [IdentityModule],
        inject: [SessionService],
        useFactory: (sessions: SessionService) => {
          const formatError = createErrorFormatter(logger);
          const live = subscriptionTransport({
            sessions,
            publicOrigin: new URL(config.publicUrl).origin,
            maxDepth: MAX_QUERY_DEPTH,
            formatError,
          });
          return {
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            // Apollo's CSRF prevention stays on: only JSON posts or requests with a preflight header run.
            csrfPrevention: true,
            // Production hides the schema: no introspection, no "Did you mean …" in errors (codegen prints it from code).
            introspection: !config.production,
            hideSchemaDetailsFromClientErrors: config.production,
            includeStacktraceInErrorResponses: false,
            validationRules: requestLimitRules,
            formatError,
            subscriptions: { 'graphql-ws': live.config },
            plugins: apolloPlugins(),
            // Our plugin sets the status of answers with data itself (503 for a database outage); Nest would reset it to 200.
            preserveHttpStatusForExecutionErrors: false,
            context: async (http: { req: Request; res: Response } | unknown) => {
              if (isSubscriptionContext(http)) return live.context(http);
              const { req, res } = http as { req: Request; res: Response };
              const incomingId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64);
              const actor = await sessions
                .resolve(req.cookies?.[SESSION_COOKIE] as string | undefined, incomingId)
                .catch((error: unknown) => {
                  throw unavailableContextError(error);
                });
              const requestId = incomingId ?? randomUUID();
              return new RequestContext(req, res, actor, requestId);
            },
          };
        },
      }),
      liveModule(config, logger),
      IdentityModule,
      AuditModule,
      ModerationModule,
      ReputationModule,
      QaModule,
      EscalationModule,
      SearchModule,
      NotificationsModule,
      AccountModule,
      PrivacyModule,
      StaffModule,
      FourEyesModule,
      InsightsModule,
      MonitoringModule,
      DiscoveryModule,
      UploadsModule,
    ],
    controllers: [HealthController],
    providers: [{ provide: APP_GUARD, useClass: SessionGuard }],
  };
}
