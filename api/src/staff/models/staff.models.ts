import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { OpeningHours } from '@peerdesk/business-time';

@ObjectType('StaffFace', { description: 'What the signed-in staff member shows the public, and what is still missing.' })
export class StaffFaceModel {
  @Field() displayName: string;
  @Field({ description: 'A person’s name, not an address, role or placeholder.' }) hasRealName: boolean;
  @Field(() => String, { nullable: true }) photoVersion: string | null;
  @Field({ description: 'Real name and photo are set: public answers and comments may go out.' }) canSpeakPublicly: boolean;
}

@ObjectType('TeamBadge', { description: 'A team a staff member belongs to, shown next to their public posts.' })
export class TeamBadgeModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('PublicTeam', { description: 'A staff team as the public sees it on "who answers here".' })
export class PublicTeamModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'The promise to the public: first staff reply to an escalated question within this many business minutes (normal priority).',
  })
  firstResponseMinutes: number | null;
  hours: OpeningHours;
  memberIds: string[];
}
