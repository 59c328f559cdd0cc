import type { BodyFormat } from './body-format';

/** The normalized records both readers (Stack Exchange XML, thread JSONL) hand to the writer. */

export interface Owner {
  /** The author's id in the source, when it has one. */
  id: string | null;
  /** The author's display name in the source (used when the id is absent or unknown). */
  name: string | null;
}

export interface Body {
  text: string;
  format: BodyFormat;
  /** The stored Markdown and its rendering, once converted (ahead of the transaction when the pipeline prepared it). */
  prepared?: { markdown: string; html: string };
}

/** Where a record came from, for messages: "Posts.xml line 12 (Id 40)". */
export interface Located {
  where: string;
}

export interface UserRecord extends Located {
  extId: string;
  displayName: string;
  reputation: number;
  createdAt: Date | null;
}

export interface TagRecord extends Located {
  name: string;
}

export interface QuestionRecord extends Located {
  extId: string;
  title: string;
  body: Body;
  tags: string[];
  createdAt: Date;
  lastActivityAt: Date | null;
  editedAt: Date | null;
  score: number;
  viewCount: number;
  owner: Owner;
  closed: boolean;
  sourceUrl: string | null;
  license: string | null;
}

export interface AnswerRecord extends Located {
  extId: string;
  questionExtId: string;
  body: Body;
  createdAt: Date;
  editedAt: Date | null;
  score: number;
  owner: Owner;
}

export interface CommentRecord extends Located {
  extId: string;
  /** The question or answer it belongs to; `post` when the source does not say which (Stack Exchange). */
  postExtId: string;
  on: 'question' | 'answer' | 'post';
  body: Body;
  createdAt: Date;
  owner: Owner;
}

export interface AcceptanceRecord extends Located {
  questionExtId: string;
  answerExtId: string;
}

export interface DuplicateRecord extends Located {
  questionExtId: string;
  originalExtId: string;
}

export const KINDS = ['user', 'tag', 'question', 'answer', 'comment', 'acceptance', 'duplicate', 'other post'] as const;
export type Kind = (typeof KINDS)[number];

export interface KindCounts {
  imported: number;
  present: number;
  skipped: Map<string, number>;
}

export interface Warning {
  /** Groups warnings so a flood of one kind is cut short on the terminal (all are counted). */
  reason: string;
  message: string;
}

/** Counters for one batch; merged into the import's totals only when the batch commits. */
export class Tally {
  readonly kinds = new Map<Kind, KindCounts>();
  readonly notes = new Map<string, number>();
  readonly warnings: Warning[] = [];
  readonly touched = new Set<string>();

  counts(kind: Kind): KindCounts {
    let counts = this.kinds.get(kind);
    if (!counts) {
      counts = { imported: 0, present: 0, skipped: new Map() };
      this.kinds.set(kind, counts);
    }
    return counts;
  }

  imported(kind: Kind, n = 1): void {
    this.counts(kind).imported += n;
  }

  present(kind: Kind, n = 1): void {
    this.counts(kind).present += n;
  }

  /** A record left out, with its reason and where it is (printed, and counted in the summary). */
  skip(kind: Kind, reason: string, where: string, detail = ''): void {
    const skipped = this.counts(kind).skipped;
    skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
    this.warnings.push({ reason: `${kind}: ${reason}`, message: `${where}: ${kind} skipped — ${reason}${detail ? ` (${detail})` : ''}` });
  }

  note(key: string, n = 1): void {
    this.notes.set(key, (this.notes.get(key) ?? 0) + n);
  }

  warn(reason: string, message: string): void {
    this.warnings.push({ reason, message });
  }

  touch(questionIds: Iterable<string>): void {
    for (const id of questionIds) this.touched.add(id);
  }

  merge(other: Tally): void {
    for (const [kind, counts] of other.kinds) {
      const mine = this.counts(kind);
      mine.imported += counts.imported;
      mine.present += counts.present;
      for (const [reason, n] of counts.skipped) mine.skipped.set(reason, (mine.skipped.get(reason) ?? 0) + n);
    }
    for (const [key, n] of other.notes) this.note(key, n);
  }
}

/** Parses source timestamps: ISO 8601; without a zone it is UTC. Null when absent or invalid. */
export function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const match = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!match) return null;
  const iso = text.replace(' ', 'T');
  const date = new Date(match[1] ? iso : iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An integer that fits PostgreSQL's integer, 0 when absent or not a number. */
export function toInt(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return 0;
  return Math.max(-2_147_483_648, Math.min(2_147_483_647, Math.trunc(n)));
}
