import { SessionEntity } from '../../identity/session.entity';
import { UserEntity } from '../../identity/user.entity';
import { AnswerEntity } from '../../qa/answer.entity';
import { CommentEntity } from '../../qa/comment.entity';
import { QuestionEntity } from '../../qa/question.entity';
import { RevisionEntity } from '../../qa/revision.entity';
import { SpaceEntity } from '../../qa/space.entity';
import { QuestionTagEntity, TagEntity } from '../../qa/tag.entity';
import { VoteEntity } from '../../qa/vote.entity';
import { ExternalRefEntity } from '../../importer/external-ref.entity';
import { DeflectionEventEntity } from '../../search/deflection-event.entity';
import { OutboxEventEntity } from '../outbox/outbox-event.entity';
import { RateLimitBucketEntity } from '../rate-limit/rate-limit-bucket.entity';

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
];
