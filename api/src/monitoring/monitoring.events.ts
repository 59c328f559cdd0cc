import type { AlertKind } from './alert.entity';

declare module '../platform/outbox/outbox' {
  interface OutboxTopics {
    /** A new alert (not one that grew): the space's on-duty team is told. */
    'alert.raised': { spaceId: string; kind: AlertKind };
  }
}
