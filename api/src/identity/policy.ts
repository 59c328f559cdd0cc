import type { Role } from './user.entity';
import { forbidden, unauthenticated } from '../platform/errors';

/** Who is acting: the signed-in user, or null for an anonymous visitor. */
export interface Actor {
  id: string;
  role: Role;
  trustLevel: number;
}

export const isStaff = (role: Role): boolean => role !== 'member';

/** What an action touches, as far as the policy needs to know. */
export interface PostRef {
  authorId: string;
}
export interface AcceptRef {
  /** The asker of the question the answer belongs to. */
  questionAuthorId: string;
}

interface Resources {
  'question.ask': undefined;
  'answer.create': undefined;
  'comment.create': undefined;
  'vote.cast': PostRef;
  'post.edit': PostRef;
  'answer.accept': AcceptRef;
  'question.closeAsDuplicate': undefined;
}
export type Action = keyof Resources;

type Rule<R> = (actor: Actor, resource: R) => true | string;

/** Trust levels 0–4, in the order they are earned. */
export const TRUST_LEVELS = ['newcomer', 'member', 'regular', 'expert', 'leader'] as const;
export type TrustLevelName = (typeof TRUST_LEVELS)[number];

/** Which trust level unlocks which community privilege. The rules below read it; nothing else compares levels. */
export const PRIVILEGES = {
  /** Posts skip the newcomer review queue. */
  'post.withoutReview': 1,
  'post.flagToHide': 2,
  'tags.edit': 2,
  'post.editOthers': 3,
  'question.close': 3,
  'question.escalateForAsker': 3,
  'space.moderate': 4,
} as const satisfies Record<string, number>;
export type Privilege = keyof typeof PRIVILEGES;

export const hasPrivilege = (actor: Actor, privilege: Privilege): boolean => actor.trustLevel >= PRIVILEGES[privilege];

const moderates = (actor: Actor): boolean => actor.role === 'moderator' || actor.role === 'admin';

/** The one table of who may do what; every resolver and service asks it, nothing checks roles elsewhere. */
const RULES: { [A in Action]: Rule<Resources[A]> } = {
  'question.ask': () => true,
  'answer.create': () => true,
  'comment.create': () => true,
  'vote.cast': (actor, post) => post.authorId !== actor.id || 'You cannot vote on your own post.',
  'post.edit': (actor, post) => post.authorId === actor.id || moderates(actor) || 'Only the author can edit this post.',
  'answer.accept': (actor, ref) =>
    ref.questionAuthorId === actor.id || moderates(actor) || 'Only the person who asked can accept an answer.',
  'question.closeAsDuplicate': (actor) =>
    isStaff(actor.role) || hasPrivilege(actor, 'question.close') || 'Only experts and staff can close questions.',
};

export function can<A extends Action>(actor: Actor | null, action: A, resource: Resources[A]): boolean {
  return actor !== null && RULES[action](actor, resource) === true;
}

/** Throws UNAUTHENTICATED for anonymous visitors and FORBIDDEN with the rule's reason otherwise. */
export function authorize<A extends Action>(actor: Actor | null, action: A, resource: Resources[A]): asserts actor is Actor {
  if (actor === null) throw unauthenticated();
  const verdict = RULES[action](actor, resource);
  if (verdict !== true) throw forbidden(verdict);
}
