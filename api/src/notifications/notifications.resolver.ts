import { Args, ID, Int, Mutation, ObjectType, Field, Query, Resolver, Subscription } from '@nestjs/graphql';
import { unauthenticated } from '../platform/errors';
import { Ctx, Public } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { LiveEvents, perEvent } from '../platform/live/live-events';
import { currentActor } from '../platform/live/subscriptions';
import { FollowService } from './follows.service';
import {
  FollowModel,
  FollowTarget,
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  NotificationConnection,
  SetAffectedInput,
  SetFollowInput,
  ThreadWatchModel,
  WatchThreadInput,
} from './models/notification.models';
import { unreadChannel } from './notification-kinds';
import { NotificationService } from './notification.service';

@ObjectType('UnreadNotifications')
export class UnreadNotificationsModel {
  @Field(() => Int, { description: 'Unread notifications the viewer may see, up to 100 (show "99+" from 100).' }) count: number;
}

/** Maps each event of `source` to a fresh value, starting with one at once; an unsubscribe stops the source. */
function mapEach<T, U>(source: AsyncIterableIterator<T>, initial: () => Promise<U>, map: () => Promise<U>): AsyncIterableIterator<U> {
  let first = true;
  const stop = async (): Promise<IteratorResult<U>> => {
    await source.return?.();
    return { value: undefined, done: true };
  };
  return {
    async next() {
      if (first) {
        first = false;
        return { value: await initial(), done: false };
      }
      const result = await source.next();
      if (result.done) return { value: undefined, done: true };
      return { value: await map(), done: false };
    },
    return: stop,
    throw: async (error: unknown) => {
      await stop();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly inbox: NotificationService,
    private readonly follows: FollowService,
    private readonly live: LiveEvents,
  ) {}

  @Query(() => NotificationConnection, { description: 'The viewer’s notifications, newest first.' })
  notifications(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<NotificationConnection> {
    return this.inbox.list(ctx.actor, first, after);
  }

  @Query(() => Int, { description: 'Unread notifications the viewer may see, up to 100.' })
  unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    return this.inbox.unreadCount(ctx.actor);
  }

  @Mutation(() => MarkNotificationsReadPayload, { description: 'Marks the given notifications, or all, as read.' })
  async markNotificationsRead(
    @Ctx() ctx: RequestContext,
    @Args('input') input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadPayload> {
    return { unreadCount: await this.inbox.markRead(ctx.actor, input) };
  }

  @Public()
  @Query(() => ThreadWatchModel, { description: 'Whether the viewer watches a thread, and how many have the same problem.' })
  threadWatch(@Ctx() ctx: RequestContext, @Args('questionId', { type: () => ID }) questionId: string): Promise<ThreadWatchModel> {
    return this.inbox.threadWatch(ctx.actor, questionId);
  }

  @Mutation(() => ThreadWatchModel, { description: 'Watch, mute or stop watching a thread.' })
  watchThread(@Ctx() ctx: RequestContext, @Args('input') input: WatchThreadInput): Promise<ThreadWatchModel> {
    return this.inbox.watch(ctx.actor, input);
  }

  @Mutation(() => ThreadWatchModel, { description: '“I have this problem too” (or take it back); it also watches the thread.' })
  setAffected(@Ctx() ctx: RequestContext, @Args('input') input: SetAffectedInput): Promise<ThreadWatchModel> {
    return this.inbox.setAffected(ctx.actor, input);
  }

  @Public()
  @Query(() => FollowModel, { description: 'Whether the viewer follows a space or a tag (by slug), and how many do.' })
  follow(
    @Ctx() ctx: RequestContext,
    @Args('target', { type: () => FollowTarget }) target: FollowTarget,
    @Args('slug') slug: string,
  ): Promise<FollowModel> {
    return this.follows.follow(ctx.actor, target, slug);
  }

  @Query(() => [FollowModel], { description: 'The spaces and tags the viewer follows or muted.' })
  followed(@Ctx() ctx: RequestContext): Promise<FollowModel[]> {
    return this.follows.followed(ctx.actor);
  }

  @Mutation(() => FollowModel, { description: 'Follow, mute or stop following a space or a tag.' })
  setFollow(@Ctx() ctx: RequestContext, @Args('input') input: SetFollowInput): Promise<FollowModel> {
    return this.follows.setFollow(ctx.actor, input);
  }

  @Subscription(() => UnreadNotificationsModel, {
    description: 'The viewer’s unread count: at once, then whenever it may have changed.',
    resolve: (value: UnreadNotificationsModel) => value,
  })
  unreadNotificationsChanged(@Ctx() ctx: RequestContext): AsyncIterableIterator<UnreadNotificationsModel> {
    const actor = ctx.actor;
    if (!actor) throw unauthenticated();
    // The session is read again for every event: signed out ends the subscription.
    const checked = perEvent(this.live.subscribe(unreadChannel(actor.id)), async () => (await currentActor(ctx))?.id === actor.id);
    const count = async (): Promise<UnreadNotificationsModel> => ({ count: await this.inbox.unreadCount(await currentActor(ctx)) });
    return mapEach(checked, count, count);
  }
}
