/** Every TypeORM entity of the app: the composition root lists them (like `app.module.ts`), so `platform/` names no domain. */
import { ConversationEntity, ConversationMessageEntity } from './escalation/conversation/conversation.entity';
import { EscalationEntity, EscalationEventEntity, EscalationNoteEntity } from './escalation/escalation.entity';
import { SlaTargetEntity, SpaceTeamEntity, TeamEntity, TeamMemberEntity } from './teams/team.entity';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { PostRedactionEntity } from './privacy/post-redaction.entity';
import { SessionEntity } from './identity/session.entity';
import { ReviewBypassGrantEntity, SpaceReviewSettingEntity } from './four-eyes/review-settings.entity';
import { StaffDraftEntity } from './four-eyes/staff-draft.entity';
import { StaffPhotoEntity } from './staff/staff-photo.entity';
import { FlagEntity } from './moderation/flag.entity';
import { ReviewItemEntity } from './moderation/review-item.entity';
import { UserEntity } from './identity/user.entity';
import { AnswerEntity } from './qa/answer.entity';
import { CommentEntity } from './qa/comment.entity';
import { QuestionEntity } from './qa/question.entity';
import { RevisionEntity } from './qa/revision.entity';
import { SpaceEntity } from './qa/space.entity';
import { QuestionTagEntity, TagEntity } from './qa/tag.entity';
import { VoteEntity } from './qa/vote.entity';
import { ExternalRefEntity } from './importer/external-ref.entity';
import { DeflectionEventEntity } from './search/deflection-event.entity';
import { ThreadReadEntity, UserOriginEntity, UserVisitEntity } from './reputation/activity.entity';
import { ReputationEventEntity } from './reputation/reputation-event.entity';
import { ReputationSettingsEntity } from './reputation/reputation-settings.entity';
import { UserBadgeEntity } from './reputation/user-badge.entity';
import { OutboxEventEntity } from './platform/outbox/outbox-event.entity';
import { RateLimitBucketEntity } from './platform/rate-limit/rate-limit-bucket.entity';
import { UploadEntity } from './uploads/upload.entity';
import { AlertEntity, AlertPostEntity, AnnouncementEntity, WatchTermEntity } from './monitoring/alert.entity';
import { PostToneEntity, ToneHourEntity } from './monitoring/tone-rollup.entity';
import { EscalationFactsEntity } from './insights/escalation-facts.entity';
import { QuestionFactsEntity } from './insights/question-facts.entity';

export const entities = [
  UserEntity,
  SessionEntity,
  SpaceEntity,
  TagEntity,
  QuestionEntity,
  QuestionTagEntity,
  AnswerEntity,
  CommentEntity,
  VoteEntity,
  RevisionEntity,
  OutboxEventEntity,
  RateLimitBucketEntity,
  ExternalRefEntity,
  DeflectionEventEntity,
  AuditEntryEntity,
  ReviewItemEntity,
  FlagEntity,
  TeamEntity,
  TeamMemberEntity,
  SlaTargetEntity,
  SpaceTeamEntity,
  EscalationEntity,
  EscalationEventEntity,
  EscalationNoteEntity,
  ConversationEntity,
  ConversationMessageEntity,
  PostRedactionEntity,
  StaffDraftEntity,
  SpaceReviewSettingEntity,
  ReviewBypassGrantEntity,
  StaffPhotoEntity,
  ReputationEventEntity,
  ReputationSettingsEntity,
  UserVisitEntity,
  ThreadReadEntity,
  UserOriginEntity,
  UserBadgeEntity,
  UploadEntity,
  PostToneEntity,
  ToneHourEntity,
  AnnouncementEntity,
  AlertEntity,
  AlertPostEntity,
  WatchTermEntity,
  QuestionFactsEntity,
  EscalationFactsEntity,
];
