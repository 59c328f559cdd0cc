import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LiveEvents } from '../platform/live/live-events';
import { QaEvents } from './qa.events';
import { announcePost, ThreadActivityKind } from './thread-activity';

/** Live updates listen too: once a new answer or comment has committed, the thread's readers hear of it. */
@Injectable()
export class ThreadActivityListeners implements OnModuleInit {
  constructor(
    private readonly events: QaEvents,
    private readonly live: LiveEvents,
  ) {}

  onModuleInit(): void {
    this.events.afterCommit('answer.created', 'live', (e) =>
      announcePost(this.live, ThreadActivityKind.ANSWER_ADDED, { ...e, id: e.postId, authorId: e.actor.id }),
    );
    this.events.afterCommit('comment.created', 'live', (e) =>
      announcePost(this.live, ThreadActivityKind.COMMENT_ADDED, { ...e, id: e.postId, authorId: e.actor.id }),
    );
  }
}
