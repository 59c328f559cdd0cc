import { checkPublicPost, checkStaffReply } from '@peerdesk/guardrails';
import type { EntityManager } from 'typeorm';
import type { StoredFinding } from './staff-draft.entity';

/** How many recent staff replies a draft is compared with for the near-copy rule. */
const RECENT_REPLIES = 50;

/**
 * The guardrail findings of a draft, computed when it is saved: the reply rules (near-copy against the most
 * recent other staff replies, which all pass through drafts) and any personal data in it. The sign-off hint
 * suggests the author's name, also when a reviewer edits the draft.
 */
export async function draftFindings(
  manager: EntityManager,
  body: string,
  draftId: string | null,
  authorId: string,
): Promise<StoredFinding[]> {
  const recent: { body_markdown: string }[] = await manager.query(
    `SELECT body_markdown FROM staff_drafts WHERE state <> 'withdrawn' AND ($1::bigint IS NULL OR id <> $1) ORDER BY created_at DESC LIMIT $2`,
    [draftId, RECENT_REPLIES],
  );
  const [author]: { display_name: string }[] = await manager.query(`SELECT display_name FROM users WHERE id = $1`, [authorId]);
  const reply = checkStaffReply(body, {
    recentStaffReplies: recent.map((r) => r.body_markdown),
    authorName: author?.display_name,
  }).map((f) => ({
    rule: f.rule,
    severity: f.severity,
    start: f.start,
    end: f.end,
    message: f.message,
    messageDe: f.messageDe,
  }));
  const personal = checkPublicPost(body).findings.map((f) => ({
    rule: 'personal-data',
    severity: f.blocking ? 'error' : 'warning',
    start: f.start,
    end: f.end,
    message: f.message,
    messageDe: f.messageDe,
  }));
  return [...reply, ...personal].sort((a, b) => a.start - b.start);
}
