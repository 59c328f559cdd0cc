// Being found by search engines: structured data on thread pages, robots.txt, the sitemap index
// and its chunks, and feeds, all parsed the way a crawler or feed reader would.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from '../support/browser.ts';
import { BILLING, demoThreads, INVOICE_TAG } from '../support/demo.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { ask, signUp } from '../support/ui.ts';

let stack: Stack;
let browser: Browser;
let page: Page;
let asker: Browser | undefined;

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'being-found' });
  browser = await openBrowser({ javaScriptEnabled: false });
  page = browser.page;
});
afterAll(async () => {
  await asker?.close();
  await browser?.close();
  await stack?.stop();
});

async function get(path: string): Promise<Response> {
  const response = await fetch(`${stack.webUrl}${path}`, { redirect: 'manual' });
  expect(response.status, path).toBe(200);
  return response;
}

/** Parses XML in the browser; the element texts of `selector`, or an error when it is not well-formed. */
async function parseXml(xml: string, selector: string): Promise<{ root: string; texts: string[] }> {
  await page.goto(`${stack.webUrl}/robots.txt`);
  return page.evaluate(
    ([source, query]) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      if (error) throw new Error(`not well-formed: ${error.textContent ?? ''}`);
      return { root: doc.documentElement.localName, texts: [...doc.getElementsByTagName(query)].map((node) => node.textContent ?? '') };
    },
    [xml, selector] as const,
  );
}

/** The links to threads on the billing space page (the demo threads there). */
async function billingThreadUrls(): Promise<string[]> {
  await page.goto(`${stack.webUrl}/spaces/${BILLING.slug}`);
  const hrefs = await page
    .locator('h3 a[href^="/questions/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => new URL(href, stack.webUrl).href);
}

describe('being found', () => {
  test('a thread page carries QAPage JSON-LD, one description, a canonical link and cards', async () => {
    const thread = demoThreads.find((t) => t.space === BILLING.slug && t.answers.some((a) => a.accepted))!;
    await page.goto(`${stack.webUrl}/spaces/${BILLING.slug}`);
    await page.getByRole('link', { name: thread.title }).first().click();
    await page.getByRole('heading', { level: 1, name: thread.title }).waitFor();

    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0]!) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('QAPage');
    const question = data.mainEntity;
    expect(question['@type']).toBe('Question');
    expect(question.name).toBe(thread.title);
    for (const key of ['text', 'dateCreated']) expect(typeof question[key]).toBe('string');
    expect(question.answerCount).toBe(thread.answers.length);
    expect(Number.isInteger(question.upvoteCount)).toBe(true);
    expect(question.author['@type']).toBe('Person');
    expect(question.acceptedAnswer).toMatchObject({
      '@type': 'Answer',
      text: expect.any(String),
      url: expect.stringContaining('#answer-'),
    });
    expect(Number.isInteger(question.acceptedAnswer.upvoteCount)).toBe(true);

    expect(await page.locator('meta[name="description"]').count()).toBe(1);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toBe(page.url());
    expect(question.url).toBe(canonical);
    // The thread exists in one language: hreflang names it for this URL, and the content carries it for screen readers.
    const alternate = page.locator('link[rel="alternate"][hreflang]');
    expect(await alternate.count()).toBe(1);
    expect(await alternate.getAttribute('href')).toBe(canonical);
    const language = await alternate.getAttribute('hreflang');
    expect(['de', 'en']).toContain(language);
    expect(question.inLanguage).toBe(language);
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe(language);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(thread.title);
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary');
    expect(await page.locator('meta[name="robots"]').count()).toBe(0);

    // A wrong slug redirects to the canonical URL.
    const wrong = await fetch(canonical!.replace(/\/[^/]+$/, '/not-the-slug'), { redirect: 'manual' });
    expect(wrong.status).toBe(301);
    expect(new URL(wrong.headers.get('location')!, stack.webUrl).href).toBe(canonical);
  });

  test('robots.txt names the sitemap', async () => {
    const text = await (await get('/robots.txt')).text();
    expect(text).toContain('User-agent: *');
    expect(text).toContain(`Sitemap: ${stack.webUrl}/sitemap.xml`);
  });

  test('the sitemap index leads to a chunk that lists the demo threads', async () => {
    const index = await get('/sitemap.xml');
    expect(index.headers.get('content-type')).toMatch(/^application\/xml/);
    const parsedIndex = await parseXml(await index.text(), 'loc');
    expect(parsedIndex.root).toBe('sitemapindex');
    expect(parsedIndex.texts).toEqual([`${stack.webUrl}/sitemap/1.xml`]);

    const chunk = await parseXml(await (await get('/sitemap/1.xml')).text(), 'loc');
    expect(chunk.root).toBe('urlset');
    expect(chunk.texts.length).toBeGreaterThanOrEqual(demoThreads.length);
    const listed = await billingThreadUrls();
    expect(listed.length).toBeGreaterThan(0);
    for (const url of listed) expect(chunk.texts).toContain(url);
    const lastmods = await parseXml(await (await get('/sitemap/1.xml')).text(), 'lastmod');
    for (const lastmod of lastmods.texts) expect(Number.isNaN(Date.parse(lastmod))).toBe(false);

    expect((await fetch(`${stack.webUrl}/sitemap/999.xml`)).status).toBe(404);
  });

  test('a space feed parses as RSS and is advertised on the space page', async () => {
    await page.goto(`${stack.webUrl}/spaces/${BILLING.slug}`);
    const href = await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href');
    expect(href).toBe(`/spaces/${BILLING.slug}/feed.xml`);
    const response = await get(href!);
    expect(response.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const feed = await parseXml(await response.text(), 'link');
    expect(feed.root).toBe('rss');
    const items = feed.texts.filter((link) => link.includes('/questions/'));
    expect(items.length).toBeGreaterThan(0);
    for (const link of items) expect(await billingThreadUrls()).toContain(link);
  });

  test('tag and search feeds parse as RSS', async () => {
    for (const path of ['/tags/invoice/feed.xml', '/search/feed.xml?q=invoice']) {
      const feed = await parseXml(await (await get(path)).text(), 'title');
      expect(feed.root, path).toBe('rss');
    }
  });

  test('a thread held for review shows its asker noindex and no metadata, and is in no sitemap or feed', async () => {
    asker = await openBrowser();
    const title = 'Held question about a meter reading that nobody else may see';
    await signUp(asker.page, stack.webUrl, 'Held Hanna');
    const url = await ask(asker.page, stack.webUrl, {
      space: BILLING.name,
      title,
      body: 'My meter reading was not accepted in the portal. Why could that be, and what should I do now?',
      tags: [INVOICE_TAG],
    });
    await asker.page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await asker.page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect(await asker.page.locator('script[type="application/ld+json"]').count()).toBe(0);
    expect(await asker.page.locator('link[rel="canonical"], meta[property^="og:"], meta[name^="twitter:"]').count()).toBe(0);
    const description = await asker.page.locator('meta[name="description"]').getAttribute('content');
    expect(description).not.toContain('meter reading');

    const id = new URL(url).pathname.split('/')[2]!;
    expect(await (await get('/sitemap/1.xml')).text()).not.toContain(`/questions/${id}/`);
    expect(await (await get(`/spaces/${BILLING.slug}/feed.xml`)).text()).not.toContain(title);
    // Not even when the asker's own session asks for the feed.
    const own = await asker.page.request.get(`${stack.webUrl}/spaces/${BILLING.slug}/feed.xml`);
    expect(await own.text()).not.toContain(title);
  });
});
