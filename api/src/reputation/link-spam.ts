import { PRIVILEGES } from '../identity/policy';

/**
 * What counts as a link: a URL with a scheme, a `www.` address, a Markdown link, and a
 * protocol-relative URL (`//host/x`, which the Markdown policy renders as an external link).
 */
const LINK = /\bhttps?:\/\/[^\s)>\]]+|\bwww\.[^\s)>\]]+|\[[^\]]*\]\([^)]+\)|(?<![\w:/\\.])[\\/]{2,}[\w-]+(?:\.[\w-]+)+[^\s)>\]]*/gi;

/** Newcomers may post at most this many links; more is rejected outright. */
export const NEWCOMER_MAX_LINKS = 2;

export interface LinkSpamScore {
  links: number;
  /** Almost nothing but links (under 20 characters of other text). */
  linkOnly: boolean;
  /** 0 (harmless) to 1 (almost certainly spam); only below the `post.links` level does it rise above 0. */
  score: number;
}

/** A pure estimate of link spam for a post body by an author of the given trust level; moderation may route high scores to review. */
export function linkSpamScore(body: string, trustLevel: number): LinkSpamScore {
  const links = body.match(LINK)?.length ?? 0;
  const prose = body.replace(LINK, '').replace(/[\s\p{P}]/gu, '');
  const linkOnly = links > 0 && prose.length < 20;
  if (trustLevel >= PRIVILEGES['post.links'] || links === 0) return { links, linkOnly, score: 0 };
  const score = Math.min(1, (linkOnly ? 0.6 : 0) + links / (NEWCOMER_MAX_LINKS * 2 + 1));
  return { links, linkOnly, score: Math.round(score * 100) / 100 };
}
