import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class UpdateStaffNameInput {
  @Field() displayName: string;
}
