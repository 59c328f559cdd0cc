import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LiveEvents } from '../platform/live/live-events';

export enum ThreadActivityKind {
  ANSWER_ADDED = 'ANSWER_ADDED',
  COMMENT_ADDED = 'COMMENT_ADDED',
}
registerEnumType(ThreadActivityKind, { name: 'ThreadActivityKind' });

/** That something new appeared on a thread; only ids, so readers fetch the content through the usual access checks. */
@ObjectType('ThreadActivity')
export class ThreadActivityModel {
  @Field(() => ID) questionId: string;
  @Field(() => ThreadActivityKind) kind: ThreadActivityKind;
  @Field(() => ID) postId: string;
  @Field(() => ID) authorId: string;
}

export const threadChannel = (questionId: string): string => `thread:${questionId}`;

/**
 * Tells a thread's readers about a new post, once it is public: a post waiting for review must not
 * announce itself (nor its author) to readers who cannot see it.
 */
export async function announcePost(
  live: LiveEvents,
  kind: ThreadActivityKind,
  post: { id: string; questionId: string; authorId: string; moderationState: string },
): Promise<void> {
  if (post.moderationState !== 'published') return;
  const activity: ThreadActivityModel = { questionId: post.questionId, kind, postId: post.id, authorId: post.authorId };
  await live.publish(threadChannel(post.questionId), activity);
}
