import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { authorize, type Actor } from '../identity/policy';
import { Clock } from '../platform/clock';
import { conflict, fieldError, InputCheck, notFound } from '../platform/errors';
import { BASELINE_WEEKS } from './spike-detector';
import {
  AlertDetailModel,
  AlertKindValue,
  AlertModel,
  AlertStatusValue,
  AnnouncementModel,
  WatchTermModel,
  type AlertEvidenceModel,
  type AlertHourModel,
  type PublishAnnouncementInput,
} from './monitoring.models';
import { normalizeTerm } from './watch-terms';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const SERIES_HOURS = 48;

interface AlertRow {
  id: string;
  kind: string;
  status: string;
  scope: string | null;
  scope_id: string | null;
  subject: string;
  space_id: string;
  space_name: string;
  space_slug: string;
  term: string | null;
  window_start: Date;
  detected_at: Date;
  posts: number;
  negative: number;
  expected_posts: number | null;
  expected_negative_share: number | null;
  assignee_id: string | null;
  assignee_name: string | null;
  acknowledged_at: Date | null;
  acknowledged_by_name: string | null;
  announcement_id: string | null;
}

interface AnnouncementRow {
  id: string;
  space_id: string;
  body: string;
  author_name: string;
  created_at: Date;
  ended_at: Date | null;
}

const ALERT_SELECT = `
  SELECT a.id::text, a.kind, a.status, a.scope, a.scope_id::text, a.space_id::text, s.name AS space_name, s.slug AS space_slug,
         a.term, a.window_start, a.detected_at, a.posts, a.negative, a.expected_posts, a.expected_negative_share,
         a.assignee_id::text, assignee.display_name AS assignee_name, a.acknowledged_at, ack.display_name AS acknowledged_by_name,
         a.announcement_id::text,
         COALESCE(CASE a.scope WHEN 'tag' THEN (SELECT t.slug FROM tags t WHERE t.id = a.scope_id) END, a.term, s.name) AS subject
  FROM alerts a JOIN spaces s ON s.id = a.space_id
  LEFT JOIN users assignee ON assignee.id = a.assignee_id
  LEFT JOIN users ack ON ack.id = a.acknowledged_by_id`;

const ANNOUNCEMENT_SELECT = `
  SELECT n.id::text, n.space_id::text, n.body, u.display_name AS author_name, n.created_at, n.ended_at
  FROM announcements n JOIN users u ON u.id = n.author_id`;

const toAnnouncement = (row: AnnouncementRow): AnnouncementModel =>
  Object.assign(new AnnouncementModel(), {
    id: row.id,
    spaceId: row.space_id,
    body: row.body,
    authorName: row.author_name,
    createdAt: row.created_at,
    endedAt: row.ended_at,
  });

/** Alerts, announcements and watch-lists: the staff side of monitoring. */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Unresolved alerts first (newest first), then resolved ones. */
  async alerts(actor: Actor | null, status: AlertStatusValue | null, first: number): Promise<AlertModel[]> {
    authorize(actor, 'alert.read', undefined);
    const rows: AlertRow[] = await this.dataSource.query(
      `${ALERT_SELECT} WHERE ($1::varchar IS NULL OR a.status = $1)
       ORDER BY (a.status = 'resolved'), a.detected_at DESC, a.id DESC LIMIT $2`,
      [status, Math.min(Math.max(first, 1), 200)],
    );
    return this.toAlerts(this.dataSource.manager, rows);
  }

  async alert(actor: Actor | null, id: string): Promise<AlertDetailModel> {
    authorize(actor, 'alert.read', undefined);
    const alert = await this.load(this.dataSource.manager, id);
    const [evidence, series, assignees] = await Promise.all([this.evidence(id), this.series(alert), this.assignees()]);
    return Object.assign(new AlertDetailModel(), { alert, evidence, series, assignees });
  }

  acknowledge(actor: Actor | null, id: string): Promise<AlertModel> {
    authorize(actor, 'alert.act', undefined);
    return this.update(
      id,
      `status = 'acknowledged', acknowledged_by_id = $2, acknowledged_at = $3`,
      [actor.id, this.clock.now()],
      `status = 'open'`,
    );
  }

  resolve(actor: Actor | null, id: string): Promise<AlertModel> {
    authorize(actor, 'alert.act', undefined);
    return this.update(
      id,
      `status = 'resolved', acknowledged_by_id = COALESCE(acknowledged_by_id, $2), acknowledged_at = COALESCE(acknowledged_at, $3)`,
      [actor.id, this.clock.now()],
      `status <> 'resolved'`,
    );
  }

  async assign(actor: Actor | null, id: string, assigneeId: string | null): Promise<AlertModel> {
    authorize(actor, 'alert.act', undefined);
    if (assigneeId !== null) {
      const [staff]: unknown[] = await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1 AND role <> 'member'`, [assigneeId]);
      if (!staff) throw fieldError('assigneeId', 'not_staff', 'Alerts are assigned to staff members.');
    }
    return this.update(id, `assignee_id = $2`, [assigneeId], 'true');
  }

  /** Pins an announcement on the space; with an alert, links it and acknowledges the alert if still open. */
  async publishAnnouncement(actor: Actor | null, input: PublishAnnouncementInput): Promise<AnnouncementModel> {
    authorize(actor, 'announcement.publish', undefined);
    const check = new InputCheck();
    const body = check.text('body', 'The announcement', input.body, { min: 10, max: 500 });
    check.assertValid();
    return this.dataSource.transaction(async (manager) => {
      const [space]: unknown[] = await manager.query(`SELECT 1 FROM spaces WHERE id = $1`, [input.spaceId]);
      if (!space) throw notFound('Space');
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO announcements (space_id, author_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id::text`,
        [input.spaceId, actor.id, body, this.clock.now()],
      );
      if (input.alertId) {
        const [linked]: [unknown[], number] = await manager.query(
          `UPDATE alerts SET announcement_id = $2,
             status = CASE WHEN status = 'open' THEN 'acknowledged' ELSE status END,
             acknowledged_by_id = COALESCE(acknowledged_by_id, $3), acknowledged_at = COALESCE(acknowledged_at, $4)
           WHERE id = $1 RETURNING id`,
          [input.alertId, row!.id, actor.id, this.clock.now()],
        );
        if (linked.length === 0) throw notFound('Alert');
      }
      return this.announcement(manager, row!.id);
    });
  }

  async endAnnouncement(actor: Actor | null, id: string): Promise<AnnouncementModel> {
    authorize(actor, 'announcement.publish', undefined);
    const [ended]: [unknown[], number] = await this.dataSource.query(
      `UPDATE announcements SET ended_at = COALESCE(ended_at, $2) WHERE id = $1 RETURNING id`,
      [id, this.clock.now()],
    );
    if (ended.length === 0) throw notFound('Announcement');
    return this.announcement(this.dataSource.manager, id);
  }

  /** The announcements pinned on a space now (public: everyone reading the space sees them). */
  async liveAnnouncements(spaceId: string): Promise<AnnouncementModel[]> {
    const rows: AnnouncementRow[] = await this.dataSource.query(
      `${ANNOUNCEMENT_SELECT} WHERE n.space_id = $1 AND n.ended_at IS NULL ORDER BY n.created_at DESC, n.id DESC LIMIT 5`,
      [spaceId],
    );
    return rows.map(toAnnouncement);
  }

  async watchTerms(actor: Actor | null): Promise<WatchTermModel[]> {
    authorize(actor, 'watchList.manage', undefined);
    const rows: { id: string; term: string; created_at: Date }[] = await this.dataSource.query(
      `SELECT id::text, term, created_at FROM watch_terms ORDER BY term`,
    );
    return rows.map((r) => Object.assign(new WatchTermModel(), { id: r.id, term: r.term, createdAt: r.created_at }));
  }

  /** Adds a watched keyword; adding one already watched answers the existing entry. */
  async addWatchTerm(actor: Actor | null, term: string): Promise<WatchTermModel> {
    authorize(actor, 'watchList.manage', undefined);
    const check = new InputCheck();
    const normalized = normalizeTerm(check.text('term', 'The keyword', term, { min: 2, max: 60 }));
    check.assertValid();
    const [row]: { id: string; term: string; created_at: Date }[] = await this.dataSource.query(
      `WITH added AS (
         INSERT INTO watch_terms (term, created_by_id) VALUES ($1, $2) ON CONFLICT (term) DO NOTHING RETURNING id, term, created_at
       )
       SELECT id::text, term, created_at FROM added UNION ALL SELECT id::text, term, created_at FROM watch_terms WHERE term = $1`,
      [normalized, actor.id],
    );
    return Object.assign(new WatchTermModel(), { id: row!.id, term: row!.term, createdAt: row!.created_at });
  }

  async removeWatchTerm(actor: Actor | null, id: string): Promise<boolean> {
    authorize(actor, 'watchList.manage', undefined);
    const [, removed]: [unknown[], number] = await this.dataSource.query(`DELETE FROM watch_terms WHERE id = $1 RETURNING id`, [id]);
    return removed > 0;
  }

  private async update(id: string, set: string, params: unknown[], allowedWhen: string): Promise<AlertModel> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: { allowed: boolean }[] = await manager.query(`SELECT (${allowedWhen}) AS allowed FROM alerts WHERE id = $1 FOR UPDATE`, [
        id,
      ]);
      if (!row) throw notFound('Alert');
      if (!row.allowed) throw conflict('The alert has moved on meanwhile; reload it.');
      await manager.query(`UPDATE alerts SET ${set} WHERE id = $1`, [id, ...params]);
      return this.load(manager, id);
    });
  }

  private async load(manager: EntityManager, id: string): Promise<AlertModel> {
    if (!/^\d+$/.test(id)) throw notFound('Alert');
    const rows: AlertRow[] = await manager.query(`${ALERT_SELECT} WHERE a.id = $1`, [id]);
    const [alert] = await this.toAlerts(manager, rows);
    if (!alert) throw notFound('Alert');
    return alert;
  }

  private async announcement(manager: EntityManager, id: string): Promise<AnnouncementModel> {
    const [row]: AnnouncementRow[] = await manager.query(`${ANNOUNCEMENT_SELECT} WHERE n.id = $1`, [id]);
    if (!row) throw notFound('Announcement');
    return toAnnouncement(row);
  }

  private async toAlerts(manager: EntityManager, rows: AlertRow[]): Promise<AlertModel[]> {
    const announcementIds = rows.flatMap((r) => (r.announcement_id ? [r.announcement_id] : []));
    const announcements: AnnouncementRow[] =
      announcementIds.length === 0 ? [] : await manager.query(`${ANNOUNCEMENT_SELECT} WHERE n.id = ANY($1::bigint[])`, [announcementIds]);
    const byId = new Map(announcements.map((a) => [a.id, toAnnouncement(a)]));
    return rows.map((r) =>
      Object.assign(new AlertModel(), {
        id: r.id,
        kind: r.kind as AlertKindValue,
        status: r.status as AlertStatusValue,
        scope: r.scope,
        scopeId: r.scope_id,
        subject: r.subject,
        spaceId: r.space_id,
        spaceName: r.space_name,
        spaceSlug: r.space_slug,
        term: r.term,
        windowStart: r.window_start,
        detectedAt: r.detected_at,
        posts: r.posts,
        negative: r.negative,
        expectedPosts: r.expected_posts,
        expectedNegativeShare: r.expected_negative_share,
        assigneeId: r.assignee_id,
        assigneeName: r.assignee_name,
        acknowledgedAt: r.acknowledged_at,
        acknowledgedByName: r.acknowledged_by_name,
        announcement: r.announcement_id ? (byId.get(r.announcement_id) ?? null) : null,
      }),
    );
  }

  private async evidence(alertId: string): Promise<AlertEvidenceModel[]> {
    return this.dataSource.query(
      `SELECT ap.post_type AS "postType", ap.post_id::text AS "postId", q.id::text AS "questionId", q.title AS "questionTitle",
              left(COALESCE(CASE ap.post_type WHEN 'question' THEN q.body_markdown WHEN 'answer' THEN a.body_markdown ELSE c.body_markdown END, ''), 280) AS excerpt,
              COALESCE(pt.created_at, q.created_at) AS "createdAt", pt.label AS tone
       FROM alert_posts ap
       LEFT JOIN post_tones pt ON pt.post_type = ap.post_type AND pt.post_id = ap.post_id
       LEFT JOIN answers a ON ap.post_type = 'answer' AND a.id = ap.post_id
       LEFT JOIN comments c ON ap.post_type = 'comment' AND c.id = ap.post_id
       JOIN questions q ON q.id = CASE ap.post_type WHEN 'question' THEN ap.post_id WHEN 'answer' THEN a.question_id ELSE c.question_id END
       WHERE ap.alert_id = $1 AND q.moderation_state = 'published'
       ORDER BY "createdAt" DESC LIMIT 50`,
      [alertId],
    );
  }

  /** The 48 hours up to the alert from the roll-up, with the mean of the same hours in the baseline weeks. */
  private async series(alert: AlertModel): Promise<AlertHourModel[]> {
    if (!alert.scope || !alert.scopeId) return [];
    const end = Math.floor(alert.detectedAt.getTime() / HOUR) * HOUR;
    const start = end - (SERIES_HOURS - 1) * HOUR;
    const rows: { hour: Date; posts: number; negative: number }[] = await this.dataSource.query(
      `SELECT hour, posts, negative FROM tone_hourly
       WHERE scope = $1 AND scope_id = $2 AND hour BETWEEN $3 AND $4`,
      [alert.scope, alert.scopeId, new Date(start - BASELINE_WEEKS * WEEK), new Date(end)],
    );
    const at = new Map(rows.map((r) => [new Date(r.hour).getTime(), r]));
    return Array.from({ length: SERIES_HOURS }, (_, i) => {
      const hour = start + i * HOUR;
      let baseline = 0;
      for (let week = 1; week <= BASELINE_WEEKS; week++) baseline += at.get(hour - week * WEEK)?.posts ?? 0;
      const row = at.get(hour);
      return { hour: new Date(hour), posts: row?.posts ?? 0, negative: row?.negative ?? 0, baselinePosts: baseline / BASELINE_WEEKS };
    });
  }

  private async assignees(): Promise<{ id: string; displayName: string }[]> {
    return this.dataSource.query(
      `SELECT id::text, display_name AS "displayName" FROM users WHERE role <> 'member' ORDER BY display_name LIMIT 200`,
    );
  }
}
