import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { notFound } from '../platform/errors';
import { Ctx, Public } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { LiveEvents, perEvent } from '../platform/live/live-events';
import { currentActor } from '../platform/live/subscriptions';
import { QuestionService } from './question.service';
import { threadChannel, ThreadActivityModel } from './thread-activity';

@Resolver()
export class ThreadActivityResolver {
  constructor(
    private readonly questions: QuestionService,
    private readonly live: LiveEvents,
  ) {}

  @Public()
  @Subscription(() => ThreadActivityModel, {
    description: 'New answers and comments on a thread, as they are posted, so readers can load them.',
    resolve: (activity: ThreadActivityModel) => activity,
  })
  async threadActivity(
    @Ctx() ctx: RequestContext,
    @Args('questionId', { type: () => ID }) questionId: string,
  ): Promise<AsyncIterableIterator<ThreadActivityModel>> {
    const question = await this.questions.get(questionId);
    if (!question) throw notFound('Question');
    const source = this.live.subscribe<ThreadActivityModel>(threadChannel(question.id));
    // Public, but a subscription opened with a session ends with it.
    return perEvent(source, async () => (await currentActor(ctx), true));
  }
}
