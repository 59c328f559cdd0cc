import { createApiClient, type ApiClient } from './api.ts';
import { sitemapIndex, sitemapUrl, URLSET_CLOSE, URLSET_OPEN, type FeedItem } from '../seo/xml.ts';

/**
 * Sitemaps and feeds. They list public threads only: the sitemap reads the api's public question
 * index (published questions), feeds ask GraphQL without any session, so a signed-in reader's own
 * held posts never end up in them.
 */

/** Threads per feed. */
export const FEED_SIZE = 30;

/** Entries fetched from the api per request while a chunk streams. */
const INDEX_PAGE = 10_000;

type IndexPage = { entries: [string, string, string][]; endCursor: string | null };
type SitemapChunks = { chunkSize: number; chunks: { chunk: number; lastModified: string }[] };

async function apiJson<T>(apiUrl: string, path: string): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${path}: the api answered ${response.status}`);
  return (await response.json()) as T;
}

export const sitemapChunkPath = (chunk: number): string => `/sitemap/${chunk}.xml`;

/** The sitemap index: one entry per chunk that holds public threads. */
export async function sitemapIndexXml(apiUrl: string, publicUrl: string): Promise<string> {
  const { chunks } = await apiJson<SitemapChunks>(apiUrl, '/discovery/sitemap');
  return sitemapIndex(chunks.map((chunk) => ({ loc: publicUrl + sitemapChunkPath(chunk.chunk), lastmod: chunk.lastModified })));
}

/**
 * One chunk (question ids ((n-1)·size, n·size]) as a stream: the first page is read before the
 * response starts (so an empty or unknown chunk is a 404), the rest page by page, keyset by id.
 */
export async function sitemapChunkStream(
  apiUrl: string,
  publicUrl: string,
  chunk: number,
  chunkSize = 50_000,
): Promise<ReadableStream<Uint8Array> | null> {
  const until = chunk * chunkSize;
  const page = (after: number | string) =>
    apiJson<IndexPage>(apiUrl, `/discovery/questions?after=${after}&until=${until}&first=${INDEX_PAGE}`);
  const first = await page((chunk - 1) * chunkSize);
  if (first.entries.length === 0) return null;
  const encoder = new TextEncoder();
  const render = (entries: IndexPage['entries']) =>
    encoder.encode(
      entries.map(([id, slug, lastmod]) => sitemapUrl(`${publicUrl}/questions/${id}/${encodeURIComponent(slug)}`, lastmod)).join(''),
    );
  let next: IndexPage | null = first;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(URLSET_OPEN));
      }
      if (!next) {
        controller.enqueue(encoder.encode(URLSET_CLOSE));
        controller.close();
        return;
      }
      const current: IndexPage = next;
      // Ask for the next page while this one is written.
      const pending = current.endCursor ? page(current.endCursor) : null;
      controller.enqueue(render(current.entries));
      next = pending ? await pending : null;
    },
  });
}

export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    // Pages that are private or only forms: nothing for an index.
    'Disallow: /ask',
    'Disallow: /signin',
    'Disallow: /signup',
    'Disallow: /signout',
    'Disallow: /notifications',
    'Disallow: /console',
    'Disallow: /review',
    'Disallow: /audit',
    'Disallow: /admin',
    'Disallow: /graphql',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n');
}

/** A GraphQL client without session, for feeds. */
export function anonymousApi(apiUrl: string, requestId: string): ApiClient {
  return createApiClient({ url: apiUrl, requestId });
}

export interface FeedQuestionNode {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  createdAt: string;
  author: { displayName: string };
  space: { name: string };
  tags: readonly { slug: string }[];
}

export function feedItems(publicUrl: string, questions: readonly FeedQuestionNode[]): FeedItem[] {
  return questions.map((question) => ({
    title: question.title,
    link: `${publicUrl}/questions/${encodeURIComponent(question.id)}/${encodeURIComponent(question.slug)}`,
    description: question.excerpt,
    published: question.createdAt,
    author: question.author.displayName,
    categories: [question.space.name, ...question.tags.map((tag) => tag.slug)],
  }));
}

/** Response headers of feeds and sitemaps: public, briefly cached. */
export const XML_HEADERS = (type: string): Record<string, string> => ({
  'content-type': `${type}; charset=utf-8`,
  'cache-control': 'public, max-age=300, stale-while-revalidate=600',
  'x-content-type-options': 'nosniff',
});
