import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { notFound } from '../platform/errors';
import { Public } from '../platform/graphql/decorators';
import { LiveEvents } from '../platform/live/live-events';
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
  async threadActivity(@Args('questionId', { type: () => ID }) questionId: string): Promise<AsyncIterableIterator<ThreadActivityModel>> {
    const question = await this.questions.get(questionId);
    if (!question) throw notFound('Question');
    return this.live.subscribe<ThreadActivityModel>(threadChannel(question.id));
  }
}
