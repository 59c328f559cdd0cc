import { Field, InputType } from '@nestjs/graphql';
import { LocaleValue } from '../../platform/locale';

@InputType()
export class SignUpInput {
  @Field() email: string;
  @Field() password: string;
  @Field() displayName: string;
  @Field(() => LocaleValue, { nullable: true, description: 'The language the person signed up in: of their mail until changed.' })
  locale?: LocaleValue | null;
}

@InputType()
export class SignInInput {
  @Field() email: string;
  @Field() password: string;
}

@InputType()
export class UpdateProfileInput {
  @Field() displayName: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() currentPassword: string;
  @Field() newPassword: string;
}

@InputType()
export class ChangeEmailInput {
  @Field() newEmail: string;
  @Field() currentPassword: string;
}
