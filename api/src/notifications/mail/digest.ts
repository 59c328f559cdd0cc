import type { EntityManager } from 'typeorm';
import { renderDigest, type DigestQuestion } from './digest-render';
import type { MailLocale } from './mail-render';
import { unsubscribeToken } from './unsubscribe-token';

/** Users whose digest is built in one transaction. */
const BATCH = 2_000;
/** Questions listed in one digest; the rest are counted. */
const LISTED = 10;
/** Newest questions looked at per followed space or tag and batch: more than a digest lists, so muted and read ones can drop out. */
const PER_TARGET = 50;

export interface DigestSettings {
  publicUrl: string;
  /** The mail secret (`mail_secret`), for unsubscribe links. */
  secret: string;
  now: Date;
}

interface DueUser {
  user_id: string;
  digest: 'daily' | 'weekly';
  since: Date;
  locale: MailLocale | null;
  email: string;
  display_name: string;
}

interface TargetQuestion {
  target_type: 'space' | 'tag';
  target_id: string;
  id: string;
  title: string;
  created_at: Date;
  author_id: string;
  answer_count: number;
  solved: boolean;
  space_id: string;
  space_name: string;
}

/**
 * Builds the digests that are due: for every user with a daily or weekly digest whose last one is
 * a day or a week old, the public questions asked since in the spaces and tags they follow, without
 * their own, muted threads or spaces/tags, and what they already read in the app. Set-based per
 * batch: the newest questions of each followed space or tag are read once for the whole batch.
 * Users with nothing new get no mail; their period still moves on. Returns the mails queued.
 */
export async function buildDueDigests(
  transaction: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>,
  settings: DigestSettings,
): Promise<{ users: number; mails: number }> {
  let users = 0;
  let mails = 0;
  for (;;) {
    const batch = await transaction((manager) => buildBatch(manager, settings));
    users += batch.users;
    mails += batch.mails;
    if (batch.users < BATCH) return { users, mails };
  }
}

async function buildBatch(manager: EntityManager, settings: DigestSettings): Promise<{ users: number; mails: number }> {
  const due: DueUser[] = await manager.query(
    `SELECT s.user_id, s.digest, s.digest_sent_at AS since, s.locale, u.email, u.display_name
     FROM notification_settings s JOIN users u ON u.id = s.user_id
     WHERE s.digest <> 'off' AND s.digest_sent_at IS NOT NULL AND u.email_verified_at IS NOT NULL
       AND s.digest_sent_at <= $1::timestamptz - CASE s.digest WHEN 'daily' THEN interval '1 day' ELSE interval '7 days' END
     ORDER BY s.digest_sent_at, s.user_id LIMIT ${BATCH} FOR UPDATE OF s SKIP LOCKED`,
    [settings.now],
  );
  if (due.length === 0) return { users: 0, mails: 0 };
  const userIds = due.map((u) => String(u.user_id));
  const oldest = due.reduce((min, u) => (u.since < min ? u.since : min), due[0]!.since);

  const follows: { user_id: string; target_type: 'space' | 'tag'; target_id: string; level: string }[] = await manager.query(
    `SELECT user_id, target_type, target_id, level FROM follows WHERE user_id = ANY($1::bigint[])`,
    [userIds],
  );
  const watched = follows.filter((f) => f.level === 'watching');
  const targets = [...new Map(watched.map((f) => [`${f.target_type}:${f.target_id}`, f])).values()];
  const questions: TargetQuestion[] =
    targets.length === 0
      ? []
      : await manager.query(
          `SELECT t.target_type, t.target_id, q.id, q.title, q.created_at, q.author_id, q.answer_count,
             q.accepted_answer_id IS NOT NULL AS solved, q.space_id, sp.name AS space_name
           FROM unnest($1::varchar[], $2::bigint[]) AS t(target_type, target_id)
           CROSS JOIN LATERAL (
             SELECT x.* FROM questions x
             WHERE t.target_type = 'space' AND x.space_id = t.target_id AND x.created_at > $3 AND x.created_at <= $4
               AND x.moderation_state = 'published'
             UNION ALL
             SELECT x.* FROM question_tags qt JOIN questions x ON x.id = qt.question_id
             WHERE t.target_type = 'tag' AND qt.tag_id = t.target_id AND x.created_at > $3 AND x.created_at <= $4
               AND x.moderation_state = 'published'
             ORDER BY created_at DESC LIMIT ${PER_TARGET}
           ) q
           JOIN spaces sp ON sp.id = q.space_id`,
          [targets.map((t) => t.target_type), targets.map((t) => t.target_id), oldest, settings.now],
        );
  const questionIds = [...new Set(questions.map((q) => String(q.id)))];
  const [tagsOf, skipped] =
    questionIds.length === 0
      ? [new Map<string, string[]>(), new Set<string>()]
      : await Promise.all([tagsOfQuestions(manager, questionIds), skippedByUsers(manager, userIds, questionIds, oldest)]);

  const byTarget = new Map<string, TargetQuestion[]>();
  for (const q of questions) {
    const key = `${q.target_type}:${q.target_id}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), q]);
  }
  const followsOf = new Map<string, typeof follows>();
  for (const f of follows) followsOf.set(String(f.user_id), [...(followsOf.get(String(f.user_id)) ?? []), f]);

  const rows: {
    userId: string;
    email: string;
    locale: MailLocale;
    subject: string;
    text: string;
    html: string;
    key: string;
    unsubscribeUrl: string;
  }[] = [];
  for (const user of due) {
    const id = String(user.user_id);
    const own = followsOf.get(id) ?? [];
    const muted = new Set(own.filter((f) => f.level === 'muted').map((f) => `${f.target_type}:${f.target_id}`));
    const picked = new Map<string, TargetQuestion>();
    for (const f of own) {
      if (f.level !== 'watching') continue;
      for (const q of byTarget.get(`${f.target_type}:${f.target_id}`) ?? []) {
        const qid = String(q.id);
        if (q.created_at <= user.since || String(q.author_id) === id || skipped.has(`${id}:${qid}`)) continue;
        const mutedHere = muted.has(`space:${q.space_id}`) || (tagsOf.get(qid) ?? []).some((t) => muted.has(`tag:${t}`));
        if (!mutedHere) picked.set(qid, q);
      }
    }
    if (picked.size === 0 || !user.email) continue;
    const locale: MailLocale = user.locale === 'de' ? 'de' : 'en';
    const list = [...picked.values()].sort((a, b) => b.answer_count - a.answer_count || +b.created_at - +a.created_at);
    const listed: DigestQuestion[] = list.slice(0, LISTED).map((q) => ({
      title: q.title,
      url: `${settings.publicUrl}/questions/${q.id}`,
      where: q.space_name,
      answers: q.answer_count,
      solved: q.solved,
    }));
    const unsubscribeUrl = `${settings.publicUrl}/unsubscribe/${unsubscribeToken(settings.secret, id)}`;
    const mail = renderDigest({
      locale,
      recipientName: user.display_name,
      period: user.digest,
      questions: listed,
      more: list.length - listed.length,
      moreUrl: `${settings.publicUrl}/notifications`,
      unsubscribeUrl,
      settingsUrl: `${settings.publicUrl}/settings`,
    });
    rows.push({ userId: id, email: user.email, locale, ...mail, key: `digest:${id}:${user.since.toISOString()}`, unsubscribeUrl });
  }

  if (rows.length > 0)
    await manager.query(
      `INSERT INTO mail_outbox (kind, dedupe_key, recipient_id, to_address, locale, subject, text_body, html_body, headers)
       SELECT 'digest', * FROM unnest($1::varchar[], $2::bigint[], $3::varchar[], $4::varchar[], $5::varchar[], $6::text[], $7::text[], $8::jsonb[])
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [
        rows.map((r) => r.key),
        rows.map((r) => r.userId),
        rows.map((r) => r.email),
        rows.map((r) => r.locale),
        rows.map((r) => r.subject),
        rows.map((r) => r.text),
        rows.map((r) => r.html),
        rows.map((r) =>
          JSON.stringify({ 'List-Unsubscribe': `<${r.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }),
        ),
      ],
    );
  await manager.query(`UPDATE notification_settings SET digest_sent_at = $2 WHERE user_id = ANY($1::bigint[])`, [userIds, settings.now]);
  return { users: due.length, mails: rows.length };
}

async function tagsOfQuestions(manager: EntityManager, questionIds: string[]): Promise<Map<string, string[]>> {
  const rows: { question_id: string; tag_id: string }[] = await manager.query(
    `SELECT question_id, tag_id FROM question_tags WHERE question_id = ANY($1::bigint[])`,
    [questionIds],
  );
  const tags = new Map<string, string[]>();
  for (const r of rows) tags.set(String(r.question_id), [...(tags.get(String(r.question_id)) ?? []), String(r.tag_id)]);
  return tags;
}

/** "user:question" pairs a digest leaves out: threads the user muted, and new questions they already read in the app. */
async function skippedByUsers(manager: EntityManager, userIds: string[], questionIds: string[], since: Date): Promise<Set<string>> {
  const rows: { user_id: string; question_id: string }[] = await manager.query(
    `SELECT user_id, question_id FROM watches WHERE user_id = ANY($1::bigint[]) AND question_id = ANY($2::bigint[]) AND level = 'muted'
     UNION
     SELECT recipient_id, subject_id FROM notifications
     WHERE recipient_id = ANY($1::bigint[]) AND kind = 'question.new' AND subject_id = ANY($2::bigint[])
       AND read_at IS NOT NULL AND created_at > $3`,
    [userIds, questionIds, since],
  );
  return new Set(rows.map((r) => `${r.user_id}:${r.question_id}`));
}
