/**
 * schema.org QAPage structured data for a thread page, and its safe embedding in HTML.
 * Built only for published threads, from published answers (the caller checks the thread;
 * answers in any other moderation state are left out here).
 */

export interface JsonLdPerson {
  name: string;
  url: string;
}

export interface JsonLdQuestionInput {
  url: string;
  title: string;
  bodyHtml: string;
  score: number;
  createdAt: string;
  /** BCP 47 code of the language the thread is written in, when known. */
  language?: string | null;
  author: JsonLdPerson;
  answers: readonly JsonLdAnswerInput[];
}

export interface JsonLdAnswerInput {
  url: string;
  bodyHtml: string;
  score: number;
  createdAt: string;
  isAccepted: boolean;
  published: boolean;
  author: JsonLdPerson;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };

/** The text of sanitized post HTML: tags dropped (blocks become spaces), common entities decoded, whitespace collapsed. */
export function plainText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const person = (author: JsonLdPerson) => ({ '@type': 'Person', name: author.name, url: author.url });

function answerNode(answer: JsonLdAnswerInput) {
  return {
    '@type': 'Answer',
    text: plainText(answer.bodyHtml),
    upvoteCount: answer.score,
    dateCreated: answer.createdAt,
    url: answer.url,
    author: person(answer.author),
  };
}

/** The QAPage object (https://schema.org/QAPage) for one thread. */
export function qaPageJsonLd(question: JsonLdQuestionInput): Record<string, unknown> {
  const answers = question.answers.filter((answer) => answer.published);
  const accepted = answers.find((answer) => answer.isAccepted);
  const suggested = answers.filter((answer) => answer !== accepted);
  return {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    url: question.url,
    mainEntity: {
      '@type': 'Question',
      name: question.title,
      text: plainText(question.bodyHtml) || question.title,
      answerCount: answers.length,
      upvoteCount: question.score,
      dateCreated: question.createdAt,
      ...(question.language ? { inLanguage: question.language } : {}),
      url: question.url,
      author: person(question.author),
      ...(accepted ? { acceptedAnswer: answerNode(accepted) } : {}),
      ...(suggested.length ? { suggestedAnswer: suggested.map(answerNode) } : {}),
    },
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` are written as
 * `\u003c` … so user text such as `</script>` or `<!--` cannot end or change the element, and the
 * line separators U+2028/U+2029 are escaped too. The result parses back to the same value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The whole element, for `{@html}` in `<svelte:head>`. A data block: CSP's script-src does not apply, nothing runs. */
export function jsonLdScript(value: unknown): string {
  return `<script type="application/ld+json">${serializeJsonLd(value)}</script>`;
}
