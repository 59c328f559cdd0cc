import { registerEnumType } from '@nestjs/graphql';

export enum ModerationStateValue {
  PUBLISHED = 'published',
  PENDING_REVIEW = 'pending_review',
  HIDDEN = 'hidden',
  DELETED = 'deleted',
}
registerEnumType(ModerationStateValue, {
  name: 'ModerationState',
  description: 'Only published posts are public; authors see their own pending or hidden posts, staff see all.',
});
