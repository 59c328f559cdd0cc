import { error } from '@sveltejs/kit';
import { PostHistoryDocument } from '#lib/graphql/generated.ts';
import type { ApiClient } from './api.ts';
import { orNotFound } from './load.ts';

/** A question's or an answer's history for its page; 404 when the viewer may not see the post. */
export async function loadHistory(api: ApiClient, questionId: string, answerId: string | null = null) {
  const { postHistory } = await orNotFound(api.request(PostHistoryDocument, { questionId, answerId }));
  if (!postHistory) error(404, 'Not found');
  return { history: postHistory };
}
