import type { DataSource } from 'typeorm';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const ORDINARY = [
  'How do I reset the router to factory settings?',
  'Which firmware version is current for the router?',
  'Wie richte ich das Gast-WLAN am Router ein?',
  'Can I change the DNS server in the router menu?',
  'Wo finde ich das WLAN-Passwort meines Routers?',
  'Is it possible to schedule Wi-Fi off at night?',
  'Thanks, the port forwarding works now!',
  'Welche Ports muss ich für VPN freigeben?',
];
const COMPLAINTS = [
  'The router drops the connection every hour, this is really annoying.',
  'Seit dem Update ist das WLAN ständig weg, sehr ärgerlich.',
  'Terrible: the router reboots randomly and nobody helps.',
];
export const OUTAGE_POSTS = [
  'Internet is down since 10 minutes, the router shows a red light. Outage?',
  'Totaler Ausfall bei uns, kein Internet, nichts geht!',
  'Router offline again, this is unacceptable, we cannot work.',
  'Is there an outage? Nothing works, the connection is completely broken.',
  'Kein Internet seit einer Viertelstunde, furchtbar. Störung?',
  'Connection lost for everyone in our office. Horrible.',
];

/** A small deterministic generator, so every run replays the same history. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function poisson(rate: number, next: () => number): number {
  const limit = Math.exp(-rate);
  let k = 0;
  for (let p = next(); p > limit; p *= next()) k++;
  return k;
}

/** Posts an hour and their negative share: quiet nights, busy office hours, Monday-morning peaks with more complaints. */
export function ordinaryRate(hour: Date): { posts: number; negativeShare: number } {
  const day = hour.getUTCDay();
  const h = hour.getUTCHours();
  if (day === 1 && h >= 7 && h < 11) return { posts: 20, negativeShare: 0.5 };
  if (day === 0 || day === 6) return { posts: 0.4, negativeShare: 0.15 };
  if (h >= 7 && h < 18) return { posts: 2.5, negativeShare: 0.15 };
  return { posts: 0.3, negativeShare: 0.15 };
}

export interface ReplayTarget {
  spaceId: string;
  tagId: string;
  authorId: string;
}

/** Writes questions as they would have been asked, with the outbox events the qa services append for them. */
export async function insertPosts(db: DataSource, target: ReplayTarget, posts: { at: Date; text: string }[]): Promise<void> {
  if (posts.length === 0) return;
  await db.query(
    `WITH input AS (
       SELECT * FROM unnest($4::timestamptz[], $5::text[]) WITH ORDINALITY AS p(at, text, n)
     ), created AS (
       INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, updated_at, last_activity_at)
       SELECT $1, $2, left(text, 120), text, '<p>' || text || '</p>', at, at, at FROM input ORDER BY n
       RETURNING id
     ), tagged AS (
       INSERT INTO question_tags (question_id, tag_id) SELECT id, $3 FROM created
     )
     INSERT INTO outbox_events (topic, aggregate_id, payload) SELECT 'question.created', id, jsonb_build_object('spaceId', $1::text) FROM created ORDER BY id`,
    [target.spaceId, target.authorId, target.tagId, posts.map((p) => p.at), posts.map((p) => p.text)],
  );
}

/** Ordinary questions for every hour in [from, to), on one space and tag. */
export function ordinaryHistory(from: Date, to: Date, seed = 7): { at: Date; text: string }[] {
  const next = random(seed);
  const posts: { at: Date; text: string }[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += HOUR) {
    const { posts: rate, negativeShare } = ordinaryRate(new Date(t));
    const count = poisson(rate, next);
    for (let i = 0; i < count; i++) {
      const negative = next() < negativeShare;
      const pool = negative ? COMPLAINTS : ORDINARY;
      posts.push({ at: new Date(t + Math.floor(next() * HOUR)), text: pool[Math.floor(next() * pool.length)]! });
    }
  }
  return posts.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export const WEEKS_OF_HISTORY = 6;
export const historyStart = (burstStart: Date): Date =>
  new Date(Math.floor(burstStart.getTime() / DAY) * DAY - (WEEKS_OF_HISTORY * 7 + 3) * DAY);
