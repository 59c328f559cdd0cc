import { Inject, Injectable } from '@nestjs/common';
import { markdownExcerpt } from '@peerdesk/markdown';
import { DataSource, In } from 'typeorm';
import { fieldError, InputCheck } from '../platform/errors';
import { pageSize } from '../platform/pagination';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { toQuestionModel } from '../qa/mappers';
import type { QuestionModel } from '../qa/models/qa.models';
import { isId } from '../platform/ids';
import { QuestionEntity } from '../qa/question.entity';
import { SpaceEntity } from '../qa/space.entity';
import { TagEntity } from '../qa/tag.entity';
import { SEARCH_INDEX, type SearchDocument, type SearchIndex, type SimilarHit } from './search-index';
import { SearchSortValue, type SearchFilterInput, type SearchResultModel, type SimilarQuestionModel } from './search.models';

/** People paste error messages and whole paragraphs; the most telling terms of a long query are used. */
export const MAX_QUERY_LENGTH = 2_000;
export const MAX_DRAFT_LENGTH = 5_000;
const RELATED_TTL_MS = 5 * 60_000;
/** Suggestions below this share of the best one's relevance are left out. */
const WEAK_SUGGESTION = 0.25;
const RELATED_CACHE_SIZE = 5_000;

@Injectable()
export class SearchService {
  private readonly relatedCache = new Map<string, { expires: number; hits: SimilarHit[] }>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly rateLimits: RateLimitService,
  ) {}

  async search(
    text: string,
    first: number | null | undefined,
    after: string | null | undefined,
    filter: SearchFilterInput | null | undefined,
    sort: SearchSortValue = SearchSortValue.RELEVANCE,
  ): Promise<SearchResultModel> {
    const check = new InputCheck();
    const query = check.text('query', 'Search', text.replace(/\s+/g, ' '), { min: 1, max: MAX_QUERY_LENGTH });
    const size = pageSize(first, 20);
    const spaces = await this.dataSource.getRepository(SpaceEntity).find();
    const spaceIds = (filter?.spaceSlugs ?? []).map((slug) => {
      const space = spaces.find((s) => s.slug === slug);
      if (!space) check.add('filter.spaceSlugs', 'unknown', `There is no space "${slug}".`);
      return space?.id ?? '';
    });
    const tags = filter?.tags ?? [];
    if (tags.length > 0) {
      const known = await this.dataSource.getRepository(TagEntity).findBy({ slug: In(tags) });
      const unknown = tags.filter((t) => !known.some((k) => k.slug === t));
      if (unknown.length > 0) check.add('filter.tags', 'unknown', `Unknown tag${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`);
    }
    check.assertValid();

    const page = await this.index.search({
      text: query,
      first: size,
      after,
      filter: { spaceIds, tags, statuses: (filter?.statuses ?? []) as SearchDocument['status'][] },
      sort,
    });
    const questions = await this.questionsById(page.hits.map((h) => h.questionId));
    const edges = page.hits.flatMap((hit) => {
      const question = questions.get(hit.questionId);
      return question
        ? [{ cursor: hit.cursor, node: { question, titleHtml: hit.titleHtml, snippetHtml: hit.snippetHtml, relevance: hit.relevance } }]
        : [];
    });
    const spaceName = (id: string) => spaces.find((s) => s.id === id);
    return {
      edges,
      totalCount: page.total,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      facets: {
        spaces: page.facets.spaceId.flatMap((f) => {
          const space = spaceName(f.value);
          return space ? [{ value: space.slug, label: space.name, count: f.count }] : [];
        }),
        tags: page.facets.tag.map((f) => ({ value: f.value, label: f.value, count: f.count })),
        statuses: page.facets.status.map((f) => ({ value: f.value.toUpperCase(), label: f.value, count: f.count })),
      },
    };
  }

  async similar(text: string, first: number | null | undefined, excludeQuestionId?: string | null): Promise<SimilarQuestionModel[]> {
    const draft = text.trim();
    if (draft.length > MAX_DRAFT_LENGTH) throw fieldError('text', 'too_long', `At most ${MAX_DRAFT_LENGTH} characters.`);
    const size = first ?? 5;
    if (!Number.isInteger(size) || size < 1 || size > 20) throw fieldError('first', 'invalid', 'first must be between 1 and 20.');
    if (draft.length < 3) return [];
    const all = await this.index.similar({
      text: draft,
      first: size,
      excludeQuestionId: isId(excludeQuestionId) ? excludeQuestionId : undefined,
    });
    // Suggestions far weaker than the best one are noise that would bury it.
    const best = all[0]?.relevance ?? 0;
    const hits = all.filter((hit) => hit.relevance >= best * WEAK_SUGGESTION);
    const questions = await this.questionsById(hits.map((h) => h.questionId));
    return hits.flatMap((hit) => {
      const question = questions.get(hit.questionId);
      return question ? [{ question, relevance: hit.relevance, acceptedExcerpt: hit.acceptedExcerpt }] : [];
    });
  }

  /**
   * Related threads of a question page. Every view would otherwise run a similarity search, so the
   * ids are kept for a few minutes per process; the questions themselves are always loaded fresh.
   */
  async related(question: QuestionModel, first: number): Promise<SimilarQuestionModel[]> {
    const key = `${question.id}:${first}`;
    const cached = this.relatedCache.get(key);
    if (cached && cached.expires > Date.now()) {
      const questions = await this.questionsById(cached.hits.map((h) => h.questionId));
      return cached.hits.flatMap((hit) => {
        const q = questions.get(hit.questionId);
        return q ? [{ question: q, relevance: hit.relevance, acceptedExcerpt: hit.acceptedExcerpt }] : [];
      });
    }
    const results = await this.similar(`${question.title}\n${markdownExcerpt(question.bodyMarkdown, 1_000)}`, first, question.id);
    if (this.relatedCache.size >= RELATED_CACHE_SIZE) this.relatedCache.delete(this.relatedCache.keys().next().value!);
    this.relatedCache.set(key, {
      expires: Date.now() + RELATED_TTL_MS,
      hits: results.map((r) => ({ questionId: r.question.id, relevance: r.relevance, acceptedExcerpt: r.acceptedExcerpt })),
    });
    return results;
  }

  async recordSuggestionOpened(askSession: string, questionId: string, ip: string): Promise<boolean> {
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(askSession))
      throw fieldError('askSession', 'invalid', 'askSession must be 8–64 letters, digits, "-" or "_".');
    if (!isId(questionId)) throw fieldError('questionId', 'invalid', 'Unknown question.');
    // Public and anonymous, so bounded per address: the deflection figure should not be inflatable.
    await this.rateLimits.hit({ key: `suggestion-opened:ip:${ip}`, max: 120, windowSeconds: 3600 });
    await this.dataSource.query(`INSERT INTO deflection_events (ask_session, question_id) SELECT $1, id FROM questions WHERE id = $2`, [
      askSession,
      questionId,
    ]);
    return true;
  }

  /** The index may hold a question a moment longer than the database; such hits are dropped. */
  private async questionsById(ids: string[]): Promise<Map<string, QuestionModel>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(QuestionEntity).findBy({ id: In(ids), moderationState: 'published' });
    return new Map(rows.map((q) => [q.id, toQuestionModel(q)]));
  }
}
