import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../identity/policy';
import { DomainEvents, type OutboxMapping } from '../platform/events/domain-events';
import type { Logger } from '../platform/logger';
import type { ModerationState, PostType } from './moderation-state';

/*
 * The post lifecycle as qa announces it. qa owns posts and their derived state; its neighbours
 * (privacy, reputation, four-eyes, moderation, escalation, audit, search, live updates) import this file
 * and listen — qa imports none of them. See docs/ARCHITECTURE.md, "Events".
 */

declare module '../platform/outbox/outbox' {
  interface OutboxTopics {
    'question.created': { spaceId: string };
    /** `questionId` is given when moderation restores an edited question (then equal to the aggregate id). */
    'question.edited': { questionId?: string };
    'question.closed': { reason: 'duplicate'; duplicateOfId: string };
    'answer.created': { questionId: string };
    'answer.edited': { questionId: string };
    'answer.accepted': { questionId: string; previousAnswerId: string | null };
    'answer.verified': { questionId: string; verified: boolean };
    'comment.created': { questionId: string; answerId: string | null };
    'comment.redacted': { questionId: string };
    'vote.changed': { target: 'questions' | 'answers'; voterId: string; before: number; after: number };
    /** A post's moderation state changed (`from`/`to`), or a question was locked, unlocked, closed or reopened. */
    'post.moderated': { postType: PostType; questionId: string; from?: ModerationState; to?: ModerationState };
    'questions.imported': { questionIds: string[] };
  }
}

/** A field of a post: the input field name and its text. */
export interface PostField {
  field: string;
  text: string;
}

/** An answer or comment being published because a second staff member approved its draft. */
export interface ReviewedPublication {
  reviewerId: string;
  /** Runs in the publishing transaction with the new post; throwing undoes the publication. */
  onPublished: (manager: EntityManager, post: { type: 'answer' | 'comment'; id: string }) => Promise<void>;
}

/** Before a post is written: hooks refuse it by throwing (personal data, link spam, the posting allowance). */
export interface PostChecking {
  actor: Actor;
  postType: PostType;
  change: 'create' | 'edit';
  /** Exactly as submitted (offsets of personal-data findings refer to these). */
  submitted: PostField[];
  /** As it will be stored (trimmed, whitespace collapsed). */
  normalized: PostField[];
  acknowledgePersonalData: boolean | null | undefined;
}

/** In the write transaction, before a new post is inserted. */
export interface PostAdmitting {
  actor: Actor;
  postType: PostType;
  spaceId: string;
  /** Null for a new question. */
  questionId: string | null;
  /** True when the post is an approved staff draft being published. */
  reviewed: boolean;
}

/** What admission hooks may answer: hold the post for moderator review, or note that four-eyes review was bypassed. */
export interface Admission {
  hold?: 'first_post';
  bypassedReview?: boolean;
}

/** A new post, in the transaction that wrote it. */
export interface PostCreated {
  actor: Actor;
  postId: string;
  questionId: string;
  spaceId: string;
  moderationState: ModerationState;
}

export interface ReplyCreated extends PostCreated {
  /** The author published without the four-eyes review their space asks for (bypass grant). */
  bypassedReview: boolean;
}

export interface QaEventMap {
  'post.checking': { payload: PostChecking };
  'post.admitting': { payload: PostAdmitting; verdict: Admission };
  'question.created': { payload: PostCreated & { askSession: string | null } };
  'answer.created': { payload: ReplyCreated };
  'comment.created': { payload: ReplyCreated & { answerId: string | null } };
  'question.edited': { payload: { actor: Actor; questionId: string } };
  'answer.edited': { payload: { actor: Actor; answerId: string; questionId: string } };
  'answer.accepted': {
    payload: {
      actor: Actor;
      askerId: string;
      questionId: string;
      answerId: string;
      answerAuthorId: string;
      previousAnswerId: string | null;
    };
  };
  'question.closed': { payload: { actor: Actor; questionId: string; reason: 'duplicate'; duplicateOfId: string } };
  /** Before a vote is counted (outside the transaction): the hourly allowance. */
  'vote.casting': { payload: { actor: Actor | null } };
  'vote.changed': {
    payload: {
      voterId: string;
      authorId: string;
      target: 'question' | 'answer';
      postId: string;
      before: number;
      after: number;
      clientIp: string | undefined;
    };
  };
  /** A signed-in reader opened a thread (no transaction). */
  'question.viewed': { payload: { actor: Actor; questionId: string } };
}

/** The outbox rows the qa events leave, for workers: the topics and payloads consumers read. */
const OUTBOX: OutboxMapping<QaEventMap> = {
  'question.created': (e) => ({ topic: 'question.created', aggregateId: e.questionId, payload: { spaceId: e.spaceId } }),
  'question.edited': (e) => ({ topic: 'question.edited', aggregateId: e.questionId, payload: {} }),
  'question.closed': (e) => ({
    topic: 'question.closed',
    aggregateId: e.questionId,
    payload: { reason: e.reason, duplicateOfId: e.duplicateOfId },
  }),
  'answer.created': (e) => ({ topic: 'answer.created', aggregateId: e.postId, payload: { questionId: e.questionId } }),
  'answer.edited': (e) => ({ topic: 'answer.edited', aggregateId: e.answerId, payload: { questionId: e.questionId } }),
  'answer.accepted': (e) => ({
    topic: 'answer.accepted',
    aggregateId: e.answerId,
    payload: { questionId: e.questionId, previousAnswerId: e.previousAnswerId },
  }),
  'comment.created': (e) => ({
    topic: 'comment.created',
    aggregateId: e.postId,
    payload: { questionId: e.questionId, answerId: e.answerId },
  }),
  'vote.changed': (e) => ({
    topic: 'vote.changed',
    aggregateId: e.postId,
    payload: { target: e.target === 'question' ? 'questions' : 'answers', voterId: e.voterId, before: e.before, after: e.after },
  }),
};

/**
 * Where a hook runs among the others on the same event, when users can tell (which refusal they see
 * first, what is already written when a later hook runs). Lower runs first.
 */
export const HOOK_ORDER = {
  /** post.checking: personal data is refused before anything is counted. */
  personalData: 10,
  /** post.checking: link rules for newcomers, then the hourly posting allowance. */
  postingRules: 20,
  /** post.admitting: staff speak with a face, and through four-eyes review where the space asks for it. */
  reviewGate: 10,
  /** post.admitting: a newcomer's posts wait for a moderator. */
  reviewQueue: 20,
  /** *.created: the held post enters the moderation queue. */
  queueHeldPost: 10,
  /** *.created: badges such as the first question or answer. */
  badges: 20,
  /** *.created: a staff reply is the escalation's first response. */
  firstResponse: 30,
  /** *.created: a bypassed review is audited. */
  reviewBypass: 40,
  /** reputation ledger entries (acceptance, votes) */
  ledger: 50,
  /** search's own bookkeeping (deflections) */
  search: 60,
  /** the audit log, after the facts it records */
  audit: 90,
} as const;

/** Rules qa relies on: the application refuses to start when a module that enforces one is missing. */
const REQUIRED: { event: keyof QaEventMap; listener: string }[] = [
  { event: 'post.checking', listener: 'privacy' },
  { event: 'post.checking', listener: 'reputation' },
  { event: 'post.admitting', listener: 'four-eyes' },
  { event: 'post.admitting', listener: 'moderation' },
  { event: 'question.created', listener: 'moderation' },
  { event: 'answer.created', listener: 'moderation' },
  { event: 'answer.created', listener: 'escalation' },
  { event: 'vote.casting', listener: 'reputation' },
];

/** The qa event bus: qa emits, neighbours register hooks and handlers in `onModuleInit`. */
@Injectable()
export class QaEvents extends DomainEvents<QaEventMap> implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @Inject('LOGGER') logger: Logger,
  ) {
    super(OUTBOX, logger);
  }

  /** For events outside any transaction (hooks and handlers run at once). */
  emitNow<K extends keyof QaEventMap>(event: K, payload: QaEventMap[K]['payload']): Promise<unknown> {
    return this.emit(this.dataSource.manager, event, payload);
  }

  onApplicationBootstrap(): void {
    this.assertListening(REQUIRED);
  }
}
