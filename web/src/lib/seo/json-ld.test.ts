import { describe, expect, it } from 'vitest';
import { jsonLdScript, plainText, qaPageJsonLd, serializeJsonLd, type JsonLdAnswerInput } from './json-ld.ts';

const author = { name: 'Ada', url: 'https://peerdesk.example/users/1' };
const answer = (overrides: Partial<JsonLdAnswerInput>): JsonLdAnswerInput => ({
  url: 'https://peerdesk.example/questions/7/why#answer-1',
  bodyHtml: '<p>Check the <strong>tariff</strong> &amp; the meter.</p>',
  score: 3,
  createdAt: '2026-11-02T10:00:00.000Z',
  isAccepted: false,
  published: true,
  author,
  ...overrides,
});

const page = qaPageJsonLd({
  url: 'https://peerdesk.example/questions/7/why',
  title: 'Why is my invoice higher?',
  bodyHtml: '<p>It went up by 40 %.</p>',
  score: 5,
  createdAt: '2026-11-01T09:00:00.000Z',
  language: 'en',
  author,
  answers: [
    answer({ url: 'https://peerdesk.example/questions/7/why#answer-1' }),
    answer({ url: 'https://peerdesk.example/questions/7/why#answer-2', isAccepted: true, score: 9 }),
    answer({ url: 'https://peerdesk.example/questions/7/why#answer-3', published: false, bodyHtml: '<p>held</p>' }),
  ],
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking untyped JSON
type Json = Record<string, any>;

/** The QAPage shape Google and schema.org describe: every property search engines require. */
function expectQaPage(value: unknown): void {
  const data = value as Json;
  expect(data['@context']).toBe('https://schema.org');
  expect(data['@type']).toBe('QAPage');
  const question = data.mainEntity;
  expect(question['@type']).toBe('Question');
  for (const key of ['name', 'text', 'dateCreated']) expect(typeof question[key]).toBe('string');
  for (const key of ['answerCount', 'upvoteCount']) expect(Number.isInteger(question[key])).toBe(true);
  expect(question.author).toMatchObject({ '@type': 'Person', name: expect.any(String) });
  const answers = [question.acceptedAnswer, ...(question.suggestedAnswer ?? [])].filter(Boolean);
  expect(answers).toHaveLength(question.answerCount);
  for (const a of answers) {
    expect(a['@type']).toBe('Answer');
    for (const key of ['text', 'dateCreated', 'url']) expect(typeof a[key]).toBe('string');
    expect(Number.isInteger(a.upvoteCount)).toBe(true);
    expect(a.author).toMatchObject({ '@type': 'Person', name: expect.any(String) });
    expect(Number.isNaN(Date.parse(a.dateCreated))).toBe(false);
  }
}

describe('QAPage JSON-LD', () => {
  it('has the QAPage shape with the accepted answer apart from the suggested ones', () => {
    expectQaPage(page);
    const question = page.mainEntity as Json;
    expect(question).toMatchObject({
      name: 'Why is my invoice higher?',
      text: 'It went up by 40 %.',
      answerCount: 2,
      upvoteCount: 5,
      inLanguage: 'en',
    });
    expect(question.acceptedAnswer).toMatchObject({ upvoteCount: 9, url: expect.stringMatching(/#answer-2$/) });
    expect(question.suggestedAnswer).toHaveLength(1);
    expect(question.suggestedAnswer[0].text).toBe('Check the tariff & the meter.');
  });

  it('leaves out answers that are not published', () => {
    expect(JSON.stringify(page)).not.toContain('held');
  });

  it('has no acceptedAnswer or suggestedAnswer keys for a thread without answers', () => {
    const empty = qaPageJsonLd({
      url: 'u',
      title: 'T',
      bodyHtml: '',
      score: 0,
      createdAt: '2026-11-01T09:00:00.000Z',
      author,
      answers: [],
    });
    expectQaPage(empty);
    expect(empty.mainEntity).not.toHaveProperty('acceptedAnswer');
    expect(empty.mainEntity).not.toHaveProperty('suggestedAnswer');
    // A thread whose language is not known claims none.
    expect(empty.mainEntity).not.toHaveProperty('inLanguage');
    expect((empty.mainEntity as { text: string }).text).toBe('T');
  });
});

describe('embedding', () => {
  const hostile = { name: '</script><script>alert(1)</script> <!-- & \u2028' };

  it('cannot close the script element or open a comment, and parses back unchanged', () => {
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(hostile);
  });

  it('wraps the JSON in one data block', () => {
    const html = jsonLdScript(hostile);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.startsWith('<script type="application/ld+json">')).toBe(true);
    const inner = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    expect(JSON.parse(inner)).toEqual(hostile);
  });

  it('reads text out of post HTML', () => {
    expect(plainText('<p>a&lt;b&gt; &#39;c&#39; &#x41;</p>\n<pre><code>x  y</code></pre>')).toBe("a<b> 'c' A x y");
  });
});
