import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Public } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { SearchRateLimit } from '../platform/rate-limit/rate-limit.guard';
import { QuestionModel } from '../qa/models/qa.models';
import { SearchFilterInput, SearchResultModel, SearchSortValue, SimilarQuestionModel, SuggestionOpenedInput } from './search.models';
import { SearchService } from './search.service';

// Prices in the query cost limit (a plain field costs 1): each call is a full-text or trigram
// query over all threads, so a request holds a few of them at most.
const SEARCH_COST = 500;
const SIMILAR_COST = 500;
const RELATED_COST = 100;

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Public()
  @SearchRateLimit('search')
  @Query(() => SearchResultModel, {
    description: 'Full-text search over public threads, best match first (or newest, most votes), with facet counts.',
    complexity: SEARCH_COST,
  })
  search(
    @Args('query') query: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => SearchFilterInput, nullable: true }) filter: SearchFilterInput | null,
    @Args('sort', { type: () => SearchSortValue, defaultValue: SearchSortValue.RELEVANCE }) sort: SearchSortValue,
  ): Promise<SearchResultModel> {
    return this.searchService.search(query, first, after, filter, sort);
  }

  @Public()
  @SearchRateLimit('similar')
  @Query(() => [SimilarQuestionModel], {
    description: 'Existing questions like a title or draft, solved ones favoured.',
    complexity: SIMILAR_COST,
  })
  similarQuestions(
    @Args('text') text: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 5 }) first: number,
    @Args('excludeQuestionId', { type: () => ID, nullable: true }) excludeQuestionId: string | null,
  ): Promise<SimilarQuestionModel[]> {
    return this.searchService.similar(text, first, excludeQuestionId);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'The ask page opened a suggested thread (counts toward deflection; no personal data).' })
  recordSuggestionOpened(@Ctx() ctx: RequestContext, @Args('input') input: SuggestionOpenedInput): Promise<boolean> {
    return this.searchService.recordSuggestionOpened(input.askSession, input.questionId, ctx.req.ip ?? 'unknown');
  }
}

@Resolver(() => QuestionModel)
export class RelatedQuestionsResolver {
  constructor(private readonly searchService: SearchService) {}

  @ResolveField(() => [SimilarQuestionModel], { description: 'Other threads about the same thing.', complexity: RELATED_COST })
  related(
    @Parent() question: QuestionModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 5 }) first: number,
  ): Promise<SimilarQuestionModel[]> {
    return this.searchService.related(question, first);
  }
}
