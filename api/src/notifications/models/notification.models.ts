import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../platform/graphql/page-info.model';
import { NotificationKind } from '../notification-kinds';

@ObjectType('Notification', { description: 'Something the viewer hears about; only ever about what they may see.' })
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field() read: boolean;
  @Field(() => ID, { nullable: true, description: 'The thread it concerns, if any.' }) questionId: string | null;
  @Field(() => String, { nullable: true }) questionTitle: string | null;
  @Field(() => String, { nullable: true, description: 'Who caused it (display name), when shown.' }) actorName: string | null;
  @Field(() => String, { nullable: true, description: 'The moderator’s reason, for a hidden post.' }) reason: string | null;
  @Field({ description: 'Where it leads in the web app, e.g. /questions/12#answer-34.' }) path: string;
}

@ObjectType('NotificationEdge')
export class NotificationEdge {
  @Field() cursor: string;
  @Field(() => NotificationModel) node: NotificationModel;
}

@ObjectType('NotificationConnection')
export class NotificationConnection {
  @Field(() => [NotificationEdge]) edges: NotificationEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'These notifications; omit with all: true.' }) ids?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Every notification of the viewer.' }) all?: boolean | null;
}

@ObjectType('MarkNotificationsReadPayload')
export class MarkNotificationsReadPayload {
  @Field(() => Int) unreadCount: number;
}

export enum WatchLevel {
  WATCHING = 'watching',
  MUTED = 'muted',
  NONE = 'none',
}
registerEnumType(WatchLevel, { name: 'WatchLevel', description: 'Whether the viewer hears about new replies on a thread.' });

@ObjectType('ThreadWatch', { description: 'The viewer’s watch on a thread and how many are affected by the same problem.' })
export class ThreadWatchModel {
  @Field(() => ID) questionId: string;
  @Field(() => WatchLevel) level: WatchLevel;
  @Field({ description: 'The viewer said “I have this problem too” (which also watches the thread).' }) affected: boolean;
  @Field(() => Int, { description: 'How many people said they have this problem too.' }) affectedCount: number;
}

@InputType()
export class WatchThreadInput {
  @Field(() => ID) questionId: string;
  @Field(() => WatchLevel) level: WatchLevel;
}

@InputType()
export class SetAffectedInput {
  @Field(() => ID) questionId: string;
  @Field() affected: boolean;
}

export enum FollowTarget {
  SPACE = 'space',
  TAG = 'tag',
}
registerEnumType(FollowTarget, { name: 'FollowTarget', description: 'What one can follow besides a thread.' });

@ObjectType('Follow', { description: 'Whether the viewer follows a space or a tag: new questions there, and a digest by e-mail.' })
export class FollowModel {
  @Field(() => FollowTarget) target: FollowTarget;
  @Field() slug: string;
  @Field({ description: 'The space’s name, or the tag itself.' }) name: string;
  @Field(() => WatchLevel) level: WatchLevel;
  @Field(() => Int, { description: 'How many people follow it.' }) followers: number;
}

@InputType()
export class SetFollowInput {
  @Field(() => FollowTarget) target: FollowTarget;
  @Field() slug: string;
  @Field(() => WatchLevel) level: WatchLevel;
}
