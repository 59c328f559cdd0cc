import TurndownService from 'turndown';

/**
 * Turns imported bodies into the Markdown we store. HTML (Stack Exchange, JSONL `html`) goes
 * through Turndown: code blocks, inline code, links, lists, emphasis, blockquotes, headings,
 * images and tables survive; scripts, styles and embedded objects are dropped; any other tag
 * leaves only its text. Plain text is escaped so it reads the same once rendered. The result is
 * rendered by the one Markdown policy like every post, so nothing unsafe can come through.
 */

export type BodyFormat = 'html' | 'text' | 'markdown';

/** Strips what PostgreSQL cannot store in text (NUL, unpaired surrogates from JSON escapes) and normalizes line ends. */
export function cleanText(value: string): string {
  return value
    .replace(/\u0000/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\r\n?/g, '\n');
}

function resolveUrl(href: string, base: string | null): string {
  const trimmed = href.trim();
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('#')) return trimmed;
  try {
    return new URL(trimmed, base).toString();
  } catch {
    return trimmed;
  }
}

function escapeLinkDestination(url: string): string {
  return url.replace(/([()])/g, '\\$1').replace(/\s/g, '%20');
}

/** The few DOM members the rules read (the api compiles without the DOM library; Turndown brings its own DOM). */
interface DomElement {
  nodeName: string;
  getAttribute(name: string): string | null;
  parentNode: DomElement | null;
  previousElementSibling: DomElement | null;
  children: { length: number };
}

const element = (node: unknown): DomElement => node as DomElement;

function createTurndown(siteBase: string | null): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
    hr: '---',
  });
  service.remove(['script', 'style', 'noscript', 'iframe', 'object', 'embed', 'template', 'head', 'button', 'input', 'select', 'textarea']);

  service.addRule('link', {
    filter: (node) => element(node).nodeName === 'A' && !!element(node).getAttribute('href'),
    replacement: (content, node) => {
      const link = element(node);
      const href = resolveUrl(link.getAttribute('href') ?? '', siteBase);
      const text = content.trim() || href;
      // Only links the Markdown policy would keep; others (javascript:, data:, …) leave their text.
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^(https?|mailto):/i.test(href)) return content;
      const title = link.getAttribute('title');
      return `[${text}](${escapeLinkDestination(href)}${title ? ` "${title.replace(/"/g, '\\"').replace(/\n+/g, ' ')}"` : ''})`;
    },
  });
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const image = element(node);
      const src = image.getAttribute('src');
      const alt = (image.getAttribute('alt') ?? '').replace(/[[\]\n]/g, ' ').trim();
      return src ? `![${alt}](${escapeLinkDestination(resolveUrl(src, siteBase))})` : alt;
    },
  });
  service.addRule('strikethrough', {
    filter: ['del', 's', 'strike'],
    replacement: (content) => (content.trim() ? `~~${content}~~` : ''),
  });
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content) => ` ${content.replace(/\n+/g, ' ').replace(/\|/g, '\\|').trim()} |`,
  });
  service.addRule('tableRow', {
    filter: 'tr',
    replacement: (content, node) => {
      const row = element(node);
      const parent = row.parentNode;
      const first =
        parent?.nodeName === 'THEAD' || (!row.previousElementSibling && (parent?.nodeName === 'TABLE' || !parent?.previousElementSibling));
      const cells = row.children.length;
      return `\n|${content}${first ? `\n|${' --- |'.repeat(Math.max(cells, 1))}` : ''}`;
    },
  });
  service.addRule('tableSection', {
    filter: ['thead', 'tbody', 'tfoot'],
    replacement: (content) => content,
  });
  service.addRule('table', {
    filter: 'table',
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  return service;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;
/**
 * What Turndown's Markdown escapes (and the entity escape) act on: `\ * ` [ ] _ &` anywhere, `- + = # ~ >` or a
 * digit at the start. Text without any of them comes out of escaping unchanged.
 */
const MAY_NEED_ESCAPE = /[\\*`[\]_&]|^[-+=#~>\d]/;

/** Converts imported bodies to Markdown; one instance per import (it caches its HTML converter). */
export class BodyConverter {
  private readonly turndown: TurndownService;

  constructor(siteBase: string | null = null) {
    this.turndown = createTurndown(siteBase);
  }

  toMarkdown(body: string, format: BodyFormat): string {
    const text = cleanText(body);
    if (format === 'markdown') return text.trim();
    if (format === 'text') return this.textToMarkdown(text);
    return this.turndown.turndown(text).trim();
  }

  /** Plain text → Markdown that renders as the same text: Markdown syntax escaped, URLs kept whole, paragraphs and line breaks kept. */
  private textToMarkdown(text: string): string {
    return text
      .split(/\n\s*\n/)
      .map((paragraph) =>
        paragraph
          .split('\n')
          .map((line) => this.escapeKeepingUrls(line.trim()))
          .filter((line) => line !== '')
          .join('\\\n'),
      )
      .filter((paragraph) => paragraph !== '')
      .join('\n\n');
  }

  private escapeKeepingUrls(line: string): string {
    // Turndown escapes Markdown syntax; entity-like text ("&amp;") would otherwise be decoded.
    // Most text has nothing to escape: Turndown's thirteen replacements only run where one of them can match.
    const escape = (part: string) => (MAY_NEED_ESCAPE.test(part) ? this.turndown.escape(part).replace(/&(?=#?[a-z0-9]+;)/gi, '\\&') : part);
    let out = '';
    let last = 0;
    for (const match of line.matchAll(URL_PATTERN)) {
      out += escape(line.slice(last, match.index));
      out += match[0];
      last = match.index + match[0].length;
    }
    return out + escape(line.slice(last));
  }
}
