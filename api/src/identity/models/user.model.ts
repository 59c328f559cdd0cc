import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../platform/graphql/page-info.model';
import type { Role, UserEntity } from '../user.entity';

export enum RoleValue {
  MEMBER = 'member',
  MODERATOR = 'moderator',
  AGENT = 'agent',
  ADMIN = 'admin',
}
registerEnumType(RoleValue, { name: 'Role', description: 'member, or one of the staff roles.' });

export function initialsOf(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => Array.from(w)[0]!.toUpperCase()).join('') || '?';
}

@ObjectType('User', { description: 'The public view of an account.' })
export class UserModel {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  @Field({ description: 'Avatar initials, e.g. "AK".' }) initials: string;
  @Field(() => RoleValue) role: Role;
  @Field() isStaff: boolean;
  @Field(() => Int) trustLevel: number;
  @Field(() => Int) reputation: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;

  static from(user: Pick<UserEntity, 'id' | 'displayName' | 'role' | 'trustLevel' | 'reputation' | 'createdAt'>): UserModel {
    return Object.assign(new UserModel(), {
      id: user.id,
      displayName: user.displayName,
      initials: initialsOf(user.displayName),
      role: user.role,
      isStaff: user.role !== 'member',
      trustLevel: user.trustLevel,
      reputation: user.reputation,
      createdAt: user.createdAt,
    });
  }
}

@ObjectType('UserEdge')
export class UserEdge {
  @Field() cursor: string;
  @Field(() => UserModel) node: UserModel;
}

@ObjectType('UserConnection', { description: 'People by reputation, highest first (ties: newest account first).' })
export class UserConnection {
  @Field(() => [UserEdge]) edges: UserEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType()
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'Part of the display name, any case.' }) name?: string | null;
}

@ObjectType('Viewer', { description: 'The signed-in account; only ever about yourself.' })
export class ViewerModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field() initials: string;
  @Field(() => RoleValue) role: Role;
  @Field() isStaff: boolean;
  @Field({ description: 'Whether the owner confirmed the e-mail address; notification mail waits for it.' }) emailVerified: boolean;

  static from(user: Pick<UserEntity, 'id' | 'email' | 'displayName' | 'role' | 'emailVerifiedAt'>): ViewerModel {
    return Object.assign(new ViewerModel(), {
      id: user.id,
      email: user.email ?? '',
      displayName: user.displayName,
      initials: initialsOf(user.displayName),
      role: user.role,
      isStaff: user.role !== 'member',
      emailVerified: user.emailVerifiedAt !== null,
    });
  }
}

@ObjectType('AuthPayload', { description: 'The session cookie `pd_session` arrives in Set-Cookie.' })
export class AuthPayload {
  @Field(() => ViewerModel) viewer: ViewerModel;
}

@ObjectType('SignUpPayload', {
  description:
    'The same answer whether the address was free or already has an account (no address enumeration). ' +
    'Sign-up starts no session: sign in next with the same e-mail and password.',
})
export class SignUpPayload {
  @Field({ description: 'Always true.' }) accepted: boolean;
}
