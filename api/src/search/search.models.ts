import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../platform/graphql/page-info.model';
import { QuestionModel, QuestionStatusValue } from '../qa/models/qa.models';

export enum SearchSortValue {
  RELEVANCE = 'relevance',
  NEWEST = 'newest',
  /** Highest question score first. */
  VOTES = 'votes',
}
registerEnumType(SearchSortValue, {
  name: 'SearchSort',
  description: 'The order of search results; NEWEST and VOTES reorder the best matches.',
});

@InputType()
export class SearchFilterInput {
  @Field(() => [String], { nullable: true }) spaceSlugs?: string[] | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => [QuestionStatusValue], { nullable: true }) statuses?: QuestionStatusValue[] | null;
}

@ObjectType('SearchHit')
export class SearchHitModel {
  @Field(() => QuestionModel) question: QuestionModel;
  @Field({ description: 'The title, HTML-escaped, with matches in <mark>.' }) titleHtml: string;
  @Field({ description: 'A passage of the thread, HTML-escaped, with matches in <mark>.' }) snippetHtml: string;
  @Field(() => Float) relevance: number;
}

@ObjectType('SearchHitEdge')
export class SearchHitEdge {
  @Field() cursor: string;
  @Field(() => SearchHitModel) node: SearchHitModel;
}

@ObjectType('FacetCount')
export class FacetCountModel {
  @Field({ description: 'Space slug, tag slug or status (upper case).' }) value: string;
  @Field({ description: 'What to show: the space name, the tag, the status.' }) label: string;
  @Field(() => Int) count: number;
}

@ObjectType('SearchFacets')
export class SearchFacetsModel {
  @Field(() => [FacetCountModel]) spaces: FacetCountModel[];
  @Field(() => [FacetCountModel]) tags: FacetCountModel[];
  @Field(() => [FacetCountModel]) statuses: FacetCountModel[];
}

@ObjectType('SearchResult')
export class SearchResultModel {
  @Field(() => [SearchHitEdge]) edges: SearchHitEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
  @Field(() => SearchFacetsModel) facets: SearchFacetsModel;
}

@ObjectType('SimilarQuestion')
export class SimilarQuestionModel {
  @Field(() => QuestionModel) question: QuestionModel;
  @Field(() => Float) relevance: number;
  @Field(() => String, { nullable: true, description: 'The first lines of the accepted answer, to read without leaving the page.' })
  acceptedExcerpt: string | null;
}

@InputType()
export class SuggestionOpenedInput {
  @Field({ description: 'A random id the ask page makes for one visit; no personal data.' }) askSession: string;
  @Field(() => ID) questionId: string;
}
