import type { QuestionSort, QuestionStatus } from '#lib/graphql/generated.ts';

/** The sorts of question lists, as they appear in the URL (`?sort=`), first one the default. */
export const SORTS = ['newest', 'active', 'votes', 'unanswered'] as const;
export type Sort = (typeof SORTS)[number];

/** The status tabs of a space's question list. */
export const STATUS_FILTERS = ['all', 'open', 'answered', 'solved'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const SORT_VALUE = { newest: 'NEWEST', active: 'ACTIVE', votes: 'VOTES', unanswered: 'UNANSWERED' } as const satisfies Record<
  Sort,
  QuestionSort
>;

/** The status filters of question lists (`?status=`); `all` is the absence of the parameter. */
export const STATUSES = ['all', 'open', 'answered', 'solved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

const STATUS_VALUE = { open: 'OPEN', answered: 'ANSWERED', solved: 'SOLVED', closed: 'CLOSED' } as const satisfies Record<
  Exclude<Status, 'all'>,
  QuestionStatus
>;

export function toSort(value: string | null): Sort {
  return SORTS.find((sort) => sort === value) ?? 'newest';
}

export function toStatus(value: string | null): Status {
  return STATUSES.find((status) => status === value) ?? 'all';
}

export const sortValue = (sort: Sort): QuestionSort => SORT_VALUE[sort];
export const statusValue = (status: Status): QuestionStatus | null => (status === 'all' ? null : STATUS_VALUE[status]);

/** The URL query of a list state: defaults are left out, so the plain address is the default list. */
export function listQuery(state: { sort: Sort; status?: Status; after?: string | null }): Record<string, string | null> {
  return {
    sort: state.sort === 'newest' ? null : state.sort,
    status: !state.status || state.status === 'all' ? null : state.status,
    after: state.after ?? null,
  };
}
