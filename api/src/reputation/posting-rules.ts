import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { can, type Actor } from '../identity/policy';
import { InputCheck } from '../platform/errors';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { assertActivityRate } from './activity-limits';
import { BadgeAwards } from './badges';
import { linkSpamScore, NEWCOMER_MAX_LINKS } from './link-spam';

/** What reputation asks of every new post: within the hourly allowance, no link spam from newcomers; badges after. */
@Injectable()
export class PostingRules {
  constructor(
    private readonly rateLimits: RateLimitService,
    private readonly badges: BadgeAwards,
  ) {}

  /** Before the write: throws BAD_USER_INPUT for link spam (nothing counted), then RATE_LIMITED past the allowance. */
  async beforePost(actor: Actor, fields: { field: string; text: string }[]): Promise<void> {
    if (!can(actor, 'post.linkFreely', undefined)) {
      const check = new InputCheck();
      for (const { field, text } of fields) {
        const spam = linkSpamScore(text, actor.trustLevel);
        if (spam.links > NEWCOMER_MAX_LINKS) {
          check.add(field, 'too_many_links', `New members can post at most ${NEWCOMER_MAX_LINKS} links. Describe the problem in words.`);
        } else if (spam.linkOnly) {
          check.add(field, 'link_only', 'Add a few words about the link: posts by new members cannot be only links.');
        }
      }
      check.assertValid();
    }
    await assertActivityRate(this.rateLimits, actor, 'post');
  }

  /** After the write, in its transaction: badges such as the first question or answer. */
  async afterPost(manager: EntityManager, actor: Actor): Promise<void> {
    await this.badges.award(manager, [actor.id]);
  }
}
