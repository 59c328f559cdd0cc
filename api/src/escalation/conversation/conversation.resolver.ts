import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { UserModel } from '../../identity/models/user.model';
import { UserService } from '../../identity/user.service';
import { Ctx } from '../../platform/graphql/decorators';
import type { RequestContext } from '../../platform/graphql/request-context';
import { LiveEvents, perEvent } from '../../platform/live/live-events';
import { currentActor } from '../../platform/live/subscriptions';
import { CallbackService } from './callback.service';
import { ConversationService } from './conversation.service';
import { RequestCallbackInput, ScheduleCallbackInput, SendMessageInput } from '../dto/escalation.inputs';
import { conversationChannel } from '../escalation-timeline';
import {
  ConversationActivityModel,
  ConversationMessageConnection,
  ConversationMessageModel,
  ConversationModel,
} from './conversation.model';

@Resolver(() => ConversationModel)
export class ConversationResolver {
  constructor(
    private readonly conversations: ConversationService,
    private readonly callbacks: CallbackService,
    private readonly users: UserService,
    private readonly live: LiveEvents,
  ) {}

  @Query(() => ConversationModel, {
    nullable: true,
    description: 'Null unless the viewer takes part (the asker, staff of the escalation).',
  })
  conversation(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ConversationModel | null> {
    return this.conversations.get(ctx, id);
  }

  @Mutation(() => ConversationModel, {
    description: 'Staff: opens the private conversation with the asker of an escalated question; the opener stays the contact.',
  })
  openConversation(
    @Ctx() ctx: RequestContext,
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('body') body: string,
  ): Promise<ConversationModel> {
    return this.conversations.open(ctx.actor, questionId, body);
  }

  @Mutation(() => ConversationMessageModel)
  sendConversationMessage(@Ctx() ctx: RequestContext, @Args('input') input: SendMessageInput): Promise<ConversationMessageModel> {
    return this.conversations.send(ctx.actor, input);
  }

  @Mutation(() => ConversationMessageModel, { description: 'The asker asks to be called back in a time window.' })
  requestCallback(@Ctx() ctx: RequestContext, @Args('input') input: RequestCallbackInput): Promise<ConversationMessageModel> {
    return this.conversations.requestCallback(ctx.actor, input);
  }

  @Mutation(() => ConversationMessageModel, {
    description: 'Staff: the time they will call, inside the asker’s window or proposed outside it with a note; the asker is told.',
  })
  scheduleCallback(@Ctx() ctx: RequestContext, @Args('input') input: ScheduleCallbackInput): Promise<ConversationMessageModel> {
    return this.callbacks.schedule(ctx.actor, input);
  }

  @Mutation(() => ConversationMessageModel, { description: 'Staff: the call took place; the asker is told. Repeating it changes nothing.' })
  completeCallback(
    @Ctx() ctx: RequestContext,
    @Args('messageId', { type: () => ID }) messageId: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<ConversationMessageModel> {
    return this.callbacks.complete(ctx.actor, messageId, note);
  }

  @Mutation(() => ConversationMessageModel, { description: 'The asker or staff call the call back off.' })
  cancelCallback(
    @Ctx() ctx: RequestContext,
    @Args('messageId', { type: () => ID }) messageId: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<ConversationMessageModel> {
    return this.callbacks.cancel(ctx.actor, messageId, note);
  }

  @Subscription(() => ConversationActivityModel, {
    description: 'New messages in a conversation the viewer takes part in.',
    resolve: (activity: ConversationActivityModel) => activity,
  })
  async conversationMessageAdded(
    @Ctx() ctx: RequestContext,
    @Args('conversationId', { type: () => ID }) conversationId: string,
  ): Promise<AsyncIterableIterator<ConversationActivityModel>> {
    const id = await this.conversations.assertParticipant(ctx.actor, conversationId);
    // Asked again for every message: signed out, or no longer on the escalation's team, ends it.
    return perEvent(this.live.subscribe<ConversationActivityModel>(conversationChannel(id)), async () => {
      await this.conversations.assertParticipant(await currentActor(ctx), id);
      return true;
    });
  }

  @ResolveField(() => ConversationMessageConnection, {
    description: 'Oldest first: `first` messages after the cursor, or with `last` the newest ones (a reader opens at the latest).',
  })
  messages(
    @Parent() conversation: ConversationModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('last', { type: () => Int, nullable: true }) last: number | null,
  ): Promise<ConversationMessageConnection> {
    return this.conversations.messages(conversation.id, first, after, last);
  }

  @ResolveField(() => UserModel)
  async asker(@Ctx() ctx: RequestContext, @Parent() conversation: ConversationModel): Promise<UserModel> {
    return (await this.users.load(ctx, conversation.askerId))!;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'The staff member who stays the asker’s contact.' })
  contact(@Ctx() ctx: RequestContext, @Parent() conversation: ConversationModel): Promise<UserModel | null> | null {
    return conversation.contactId ? this.users.load(ctx, conversation.contactId) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The number of the viewer’s own latest call back request, to offer again.',
  })
  lastCallbackPhone(@Ctx() ctx: RequestContext): Promise<string | null> | null {
    return ctx.actor ? this.conversations.lastCallbackPhone(ctx.actor.id) : null;
  }

  @ResolveField(() => ID)
  questionId(@Parent() conversation: ConversationModel): string {
    return conversation.questionId;
  }
}

@Resolver(() => ConversationMessageModel)
export class ConversationMessageResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel)
  async author(@Ctx() ctx: RequestContext, @Parent() message: ConversationMessageModel): Promise<UserModel> {
    return (await this.users.load(ctx, message.authorId))!;
  }
}
