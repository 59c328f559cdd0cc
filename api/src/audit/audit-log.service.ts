import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface AuditRecord {
  actorId: string | null;
  /** Dotted, e.g. `post.hidden`, `draft.approved`, `draft.bypassed`. */
  action: string;
  subjectType: string;
  subjectId: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Writes the audit log inside the caller's transaction, so an entry exists exactly when the action happened. */
@Injectable()
export class AuditLogService {
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, subject_type, subject_id, reason, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.actorId, entry.action, entry.subjectType, entry.subjectId, entry.reason?.trim() || null, entry.details ?? {}],
    );
  }
}
