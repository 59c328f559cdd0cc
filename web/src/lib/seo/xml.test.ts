import { describe, expect, it } from 'vitest';
import { escapeXml, rssFeed, sitemapIndex, sitemapUrl, URLSET_CLOSE, URLSET_OPEN } from './xml.ts';

/** A small well-formedness check: every tag closes in order, attributes are quoted, no stray `<` or `&`. */
function expectWellFormed(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body))) {
    consumed = token.lastIndex;
    const [, closing, name, , selfClosing, text] = match;
    if (text !== undefined) {
      expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      continue;
    }
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name!);
  }
  expect(consumed).toBe(body.length);
  expect(stack).toEqual([]);
}

const nasty = `Tom & Jerry's "<b>bold</b>" ]]> \u0001`;

describe('XML', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml(nasty)).toBe('Tom &amp; Jerry&apos;s &quot;&lt;b&gt;bold&lt;/b&gt;&quot; ]]&gt; ');
  });

  it('writes a well-formed sitemap index and url set', () => {
    const index = sitemapIndex([{ loc: 'https://x.example/sitemap/1.xml?a=1&b=2', lastmod: '2026-11-01T09:00:00.000Z' }]);
    expectWellFormed(index);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index).toContain('<loc>https://x.example/sitemap/1.xml?a=1&amp;b=2</loc><lastmod>2026-11-01T09:00:00.000Z</lastmod>');
    const urls =
      URLSET_OPEN + sitemapUrl(`https://x.example/questions/1/${encodeURIComponent(nasty)}`, '2026-11-01T09:00:00.000Z') + URLSET_CLOSE;
    expectWellFormed(urls);
  });

  it('writes a well-formed RSS 2.0 feed with escaped user text', () => {
    const xml = rssFeed({
      title: nasty,
      link: 'https://x.example/spaces/billing',
      self: 'https://x.example/spaces/billing/feed.xml',
      description: '</channel>',
      language: 'de',
      items: [
        {
          title: '</title><script>alert(1)</script>',
          link: 'https://x.example/questions/1/a?x=1&y=2',
          description: nasty,
          published: '2026-11-01T09:00:00.000Z',
          author: 'A & B',
          categories: ['Billing', 'invoice'],
        },
      ],
    });
    expectWellFormed(xml);
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(xml).toContain('<pubDate>Sun, 01 Nov 2026 09:00:00 GMT</pubDate>');
    expect(xml).toContain('<lastBuildDate>Sun, 01 Nov 2026 09:00:00 GMT</lastBuildDate>');
    expect(xml.match(/<item>/g)).toHaveLength(1);
  });
});
