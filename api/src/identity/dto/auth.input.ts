import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class SignUpInput {
  @Field() email: string;
  @Field() password: string;
  @Field() displayName: string;
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
