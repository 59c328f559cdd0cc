import MarkdownIt from 'markdown-it';

/**
 * The one Markdown policy of Peerdesk. Raw HTML in the source is never passed through (it is
 * escaped as text), so the only way to produce markup is Markdown itself; links are limited to safe
 * schemes, and links that leave the site (protocol-relative ones included) get rel attributes
 * suitable for user content and open in a new tab. Images are embedded only from the site's own
 * uploads (checked and re-encoded by the api); any other image becomes a link to it.
 */
const SAFE_LINK = /^(https?:|mailto:|\/(?!\/)|#)/i;

/**
 * The file name of an image uploaded to the site, as the api names them: `<uuid>-<width>x<height>.<png|jpg|webp>`
 * (the size lets pages reserve the image's space before it loads; names from before carry no size).
 */
const UPLOAD_FILE =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-([1-9][0-9]{0,3})x([1-9][0-9]{0,3}))?\.(png|jpg|webp)$/;

export interface UploadFile {
  id: string;
  width: number | null;
  height: number | null;
  ext: 'png' | 'jpg' | 'webp';
}

export function parseUploadFile(name: string): UploadFile | null {
  const match = UPLOAD_FILE.exec(name);
  if (!match) return null;
  const [, id, width, height, ext] = match;
  return { id: id!, width: width ? Number(width) : null, height: height ? Number(height) : null, ext: ext as UploadFile['ext'] };
}

/** An upload's path on the site: `/uploads/<file name>`. */
export const parseUploadPath = (src: string): UploadFile | null => (src.startsWith('/uploads/') ? parseUploadFile(src.slice(9)) : null);

export const isUploadPath = (src: string): boolean => parseUploadPath(src) !== null;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

md.validateLink = (url: string): boolean => {
  // markdown-it has already normalized entities and percent-encoding at this point.
  const compact = url.trim().replace(/[\u0000-\u001F\u007F\s]+/g, '');
  return SAFE_LINK.test(compact) || !/^[a-z][a-z0-9+.-]*:/i.test(compact);
};

/**
 * Whether a link leaves the site: a web scheme, or a protocol-relative reference (`//host/x`, also
 * spelled with backslashes or blanks, which browsers read the same way).
 */
export function isExternalHref(href: string): boolean {
  const compact = href.replace(/[\u0000-\u0020\u007F]+/g, '');
  return /^https?:/i.test(compact) || /^[\\/]{2}/.test(compact);
}

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  if (isExternalHref(href)) {
    token.attrSet('rel', 'nofollow ugc noopener noreferrer');
    token.attrSet('target', '_blank');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const src = String(token.attrGet('src') ?? '');
  const upload = parseUploadPath(src);
  if (upload) {
    if (upload.width && upload.height) {
      token.attrSet('width', String(upload.width));
      token.attrSet('height', String(upload.height));
    }
    token.attrSet('loading', 'lazy');
    return defaultImage(tokens, idx, options, env, self);
  }
  // Another site's image would load from there (tracking, later swapped content): it becomes a link to it.
  const text = md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], options, env) || src);
  const rel = isExternalHref(src) ? ' rel="nofollow ugc noopener noreferrer" target="_blank"' : '';
  return `<a href="${md.utils.escapeHtml(src)}"${rel}>${text}</a>`;
};

/** Renders user Markdown to HTML that is safe to insert into a page. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Plain text of a Markdown source, whitespace folded, cut at `maxLength` on a word boundary. */
export function markdownExcerpt(source: string, maxLength = 200): string {
  const text = md
    .render(source)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
