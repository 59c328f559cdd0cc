import { Args, ID, Int, Mutation, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import type { CookieOptions } from 'express';
import { AppConfig } from '../platform/config';
import { Ctx, Public } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { AuthService, type SignedIn } from './auth.service';
import { AccountService } from './account.service';
import { ChangeEmailInput, ChangePasswordInput, SignInInput, SignUpInput, UpdateProfileInput } from './dto/auth.input';
import { EmailAddressService } from './email-address.service';
import { AuthPayload, SignUpPayload, UserConnection, UserFilter, UserModel, ViewerModel } from './models/user.model';
import { SESSION_COOKIE, SessionService } from './session.service';
import { UserService } from './user.service';

export enum EmailConfirmation {
  VERIFIED = 'verified',
  CHANGED = 'changed',
}
registerEnumType(EmailConfirmation, {
  name: 'EmailConfirmation',
  description: 'What a confirmation link did: confirmed the address signed up with, or moved the account to a new one.',
});

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly users: UserService,
    private readonly config: AppConfig,
    private readonly account: AccountService,
    private readonly emails: EmailAddressService,
  ) {}

  private get cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.publicUrl.startsWith('https:'), path: '/' };
  }

  private startSession(ctx: RequestContext, { user, token }: SignedIn): AuthPayload {
    ctx.res.cookie(SESSION_COOKIE, token, { ...this.cookieOptions, maxAge: this.sessions.ttlMs });
    return { viewer: ViewerModel.from(user) };
  }

  @Public()
  @Query(() => ViewerModel, { nullable: true, description: 'The signed-in account, or null.' })
  async me(@Ctx() ctx: RequestContext): Promise<ViewerModel | null> {
    if (!ctx.actor) return null;
    const user = await this.users.viewer(ctx.actor.id);
    return user ? ViewerModel.from(user) : null;
  }

  @Public()
  @Query(() => UserModel, { nullable: true })
  user(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<UserModel | null> {
    return /^\d{1,18}$/.test(id) ? this.users.load(ctx, id) : Promise.resolve(null);
  }

  @Public()
  @Query(() => UserConnection, { name: 'users', description: 'The user directory: people by reputation, with an optional name filter.' })
  userDirectory(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 30 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => UserFilter, nullable: true }) filter: UserFilter | null,
  ): Promise<UserConnection> {
    return this.users.directory(first, after, filter?.name);
  }

  @Public()
  @Mutation(() => SignUpPayload, { description: 'Creates an account for a free address; then sign in (see SignUpPayload).' })
  async signUp(@Ctx() ctx: RequestContext, @Args('input') input: SignUpInput): Promise<SignUpPayload> {
    await this.auth.signUp(input, ctx.req.ip ?? 'unknown');
    return { accepted: true };
  }

  @Public()
  @Mutation(() => AuthPayload)
  async signIn(@Ctx() ctx: RequestContext, @Args('input') input: SignInInput): Promise<AuthPayload> {
    return this.startSession(ctx, await this.auth.signIn(input, ctx.req.ip ?? 'unknown'));
  }

  @Public()
  @Mutation(() => Boolean)
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    await this.sessions.destroy(ctx.req.cookies?.[SESSION_COOKIE] as string | undefined);
    ctx.res.clearCookie(SESSION_COOKIE, this.cookieOptions);
    return true;
  }

  @Mutation(() => ViewerModel, { description: 'The viewer’s display name (staff: in their staff profile).' })
  async updateProfile(@Ctx() ctx: RequestContext, @Args('input') input: UpdateProfileInput): Promise<ViewerModel> {
    return ViewerModel.from(await this.account.updateProfile(ctx.actor, input));
  }

  @Mutation(() => Boolean, {
    description: 'A new password, given the current one; every other session of the account ends, this one stays.',
  })
  async changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    await this.account.changePassword(ctx.actor, input, ctx.req.cookies?.[SESSION_COOKIE] as string | undefined);
    return true;
  }

  @Mutation(() => Int, { description: 'Ends every other session of the viewer (their live updates close too); how many ended.' })
  signOutOtherSessions(@Ctx() ctx: RequestContext): Promise<number> {
    return this.account.signOutOtherSessions(ctx.actor, ctx.req.cookies?.[SESSION_COOKIE] as string | undefined);
  }

  @Mutation(() => Boolean, { description: 'Another confirmation mail for the viewer’s address (three per hour).' })
  async resendEmailConfirmation(@Ctx() ctx: RequestContext): Promise<boolean> {
    await this.emails.resendConfirmation(ctx.actor);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Asks to move the account to a new address (needs the current password); it takes effect once confirmed.',
  })
  async changeEmail(@Ctx() ctx: RequestContext, @Args('input') input: ChangeEmailInput): Promise<boolean> {
    await this.emails.requestChange(ctx.actor, input);
    return true;
  }

  @Query(() => String, { nullable: true, description: 'The new address a change of the viewer’s e-mail waits to be confirmed for.' })
  pendingEmailChange(@Ctx() ctx: RequestContext): Promise<string | null> {
    return this.emails.pendingChange(ctx.actor);
  }

  @Public()
  @Mutation(() => EmailConfirmation, {
    description: 'Follows a confirmation link from an e-mail (once, before it expires; not while signed in to another account).',
  })
  async confirmEmail(@Ctx() ctx: RequestContext, @Args('token') token: string): Promise<EmailConfirmation> {
    return (await this.emails.confirm(ctx.actor, token)) === 'verified' ? EmailConfirmation.VERIFIED : EmailConfirmation.CHANGED;
  }
}
