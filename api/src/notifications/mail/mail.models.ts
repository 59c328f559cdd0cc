import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocaleValue } from '../../platform/locale';
import { PageInfo } from '../../platform/graphql/page-info.model';

@ObjectType('OutgoingMail', { description: 'A notification mail as it was (or will be) sent. Admins only.' })
export class OutgoingMailModel {
  @Field(() => ID) id: string;
  @Field() to: string;
  @Field() subject: string;
  @Field({ description: 'pending, sent, kept (not delivered: no SMTP server configured), skipped (read in the app first), failed.' })
  status: string;
  @Field() textBody: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) sentAt: Date | null;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
}

@ObjectType('OutgoingMailEdge')
export class OutgoingMailEdge {
  @Field() cursor: string;
  @Field(() => OutgoingMailModel) node: OutgoingMailModel;
}

@ObjectType('OutgoingMailConnection')
export class OutgoingMailConnection {
  @Field(() => [OutgoingMailEdge]) edges: OutgoingMailEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field({ description: 'Whether mail is delivered (SMTP_URL is set) or only kept here.' }) delivering: boolean;
}

export enum DigestFrequency {
  OFF = 'off',
  DAILY = 'daily',
  WEEKLY = 'weekly',
}
registerEnumType(DigestFrequency, { name: 'DigestFrequency', description: 'How often the digest of followed spaces and tags comes.' });

export enum NotificationGroup {
  REPLIES = 'replies',
  MENTIONS = 'mentions',
  MY_POSTS = 'myPosts',
  FOLLOWING = 'following',
  MESSAGES = 'messages',
  RECOGNITION = 'recognition',
  STAFF = 'staff',
}
registerEnumType(NotificationGroup, {
  name: 'NotificationGroup',
  description: 'Kinds of notification as people choose how to hear of them.',
});

export enum NotificationChannel {
  APP_AND_EMAIL = 'app_and_email',
  APP = 'app',
  OFF = 'off',
}
registerEnumType(NotificationChannel, {
  name: 'NotificationChannel',
  description: 'In the app and by e-mail (new questions where one follows: the digest), in the app only, or not at all.',
});

@ObjectType('NotificationChoice')
export class NotificationChoiceModel {
  @Field(() => NotificationGroup) group: NotificationGroup;
  @Field(() => NotificationChannel) channel: NotificationChannel;
}

@InputType()
export class NotificationChoiceInput {
  @Field(() => NotificationGroup) group: NotificationGroup;
  @Field(() => NotificationChannel) channel: NotificationChannel;
}

@ObjectType('NotificationSettings', { description: 'How the viewer hears about things beyond the inbox.' })
export class NotificationSettingsModel {
  @Field({ description: 'E-mail for notifications.' }) email: boolean;
  @Field(() => LocaleValue, { description: 'The language of notification mail.' }) locale: LocaleValue;
  @Field(() => DigestFrequency, { description: 'The digest of new questions in followed spaces and tags (needs e-mail on).' })
  digest: DigestFrequency;
  @Field(() => [NotificationChoiceModel], {
    description: 'How each group of notifications reaches the viewer (staff groups for staff only).',
  })
  choices: NotificationChoiceModel[];
}

@InputType()
export class NotificationSettingsInput {
  @Field(() => Boolean, { nullable: true }) email?: boolean | null;
  @Field(() => LocaleValue, { nullable: true }) locale?: LocaleValue | null;
  @Field(() => DigestFrequency, { nullable: true }) digest?: DigestFrequency | null;
  @Field(() => [NotificationChoiceInput], { nullable: true, description: 'Only the groups given change.' })
  choices?: NotificationChoiceInput[] | null;
}
