/** XML for sitemaps (sitemaps.org 0.9) and RSS 2.0 feeds. Everything that goes into text or attributes is escaped here. */

/** Characters XML 1.0 does not allow at all (control characters other than tab, newline, carriage return). */
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export function sitemapIndex(entries: readonly { loc: string; lastmod: string }[]): string {
  const body = entries.map(
    (entry) => `<sitemap><loc>${escapeXml(entry.loc)}</loc><lastmod>${escapeXml(entry.lastmod)}</lastmod></sitemap>\n`,
  );
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${body.join('')}</sitemapindex>\n`;
}

export const URLSET_OPEN = `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n`;
export const URLSET_CLOSE = '</urlset>\n';

export function sitemapUrl(loc: string, lastmod: string): string {
  return `<url><loc>${escapeXml(loc)}</loc><lastmod>${escapeXml(lastmod)}</lastmod></url>\n`;
}

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  published: string;
  author?: string | undefined;
  categories?: readonly string[] | undefined;
}

export interface Feed {
  title: string;
  /** The HTML page the feed follows. */
  link: string;
  /** The feed's own URL. */
  self: string;
  description: string;
  language: string;
  items: readonly FeedItem[];
}

/** RFC 822 dates, as RSS 2.0 wants them. */
const rfc822 = (iso: string): string => new Date(iso).toUTCString();

/** An RSS 2.0 document (with an Atom self link). */
export function rssFeed(feed: Feed): string {
  const items = feed.items.map(
    (item) =>
      `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link>` +
      `<guid isPermaLink="true">${escapeXml(item.link)}</guid><description>${escapeXml(item.description)}</description>` +
      `<pubDate>${rfc822(item.published)}</pubDate>` +
      (item.author ? `<dc:creator>${escapeXml(item.author)}</dc:creator>` : '') +
      (item.categories ?? []).map((category) => `<category>${escapeXml(category)}</category>`).join('') +
      '</item>\n',
  );
  const latest = feed.items.reduce<string | null>((max, item) => (max === null || item.published > max ? item.published : max), null);
  return (
    `${XML_DECLARATION}<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n` +
    `<title>${escapeXml(feed.title)}</title>\n<link>${escapeXml(feed.link)}</link>\n` +
    `<atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>\n` +
    `<description>${escapeXml(feed.description)}</description>\n<language>${escapeXml(feed.language)}</language>\n` +
    (latest ? `<lastBuildDate>${rfc822(latest)}</lastBuildDate>\n` : '') +
    items.join('') +
    '</channel>\n</rss>\n'
  );
}
