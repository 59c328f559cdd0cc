import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost, RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { IS_PUBLIC } from './decorators';

/**
 * Every query and mutation with its access declaration. A new root field changes this snapshot, so
 * nobody adds an entry point without deciding, in review, who may call it.
 */
describe('access declarations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('declares who may call every root field', () => {
    const declared: string[] = [];
    const wrappers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.providers.values()]);
    for (const wrapper of new Set(wrappers)) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const handler: unknown = Object.getOwnPropertyDescriptor(prototype, key)?.value;
        if (typeof handler !== 'function') continue;
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation' && type !== 'Subscription') continue;
        const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? key;
        const isPublic = Reflect.getMetadata(IS_PUBLIC, handler) === true || Reflect.getMetadata(IS_PUBLIC, prototype.constructor) === true;
        declared.push(`${type}.${name}: ${isPublic ? 'public' : 'session'}`);
      }
    }
    declared.sort();

    const schema = t.app.get(GraphQLSchemaHost).schema;
    const rootFields = ['Query', 'Mutation', 'Subscription'].flatMap((type) =>
      Object.keys(schema.getType(type) ? (schema.getType(type) as { getFields(): object }).getFields() : {}).map((f) => `${type}.${f}`),
    );
    expect(declared.map((d) => d.split(':')[0]).sort()).toEqual(rootFields.sort());

    expect(declared).toMatchInlineSnapshot(`
      [
        "Mutation.acceptAnswer: session",
        "Mutation.acknowledgeAlert: session",
        "Mutation.addComment: session",
        "Mutation.addEscalationNote: session",
        "Mutation.addTeamMember: session",
        "Mutation.addWatchTerm: session",
        "Mutation.answerQuestion: session",
        "Mutation.approveStaffDraft: session",
        "Mutation.askQuestion: session",
        "Mutation.assignAlert: session",
        "Mutation.assignEscalation: session",
        "Mutation.cancelCallback: session",
        "Mutation.changeEmail: session",
        "Mutation.changePassword: session",
        "Mutation.claimEscalation: session",
        "Mutation.closeAsDuplicate: session",
        "Mutation.closeAsOffTopic: session",
        "Mutation.completeCallback: session",
        "Mutation.confirmEmail: public",
        "Mutation.deleteAccount: session",
        "Mutation.dismissDraftHint: session",
        "Mutation.editAnswer: session",
        "Mutation.editQuestion: session",
        "Mutation.editStaffDraft: session",
        "Mutation.endAnnouncement: session",
        "Mutation.escalateQuestion: session",
        "Mutation.flagPost: session",
        "Mutation.forwardEscalation: session",
        "Mutation.grantReviewBypass: session",
        "Mutation.lockQuestion: session",
        "Mutation.markNotificationsRead: session",
        "Mutation.openConversation: session",
        "Mutation.pinTrustLevel: session",
        "Mutation.publishAnnouncement: session",
        "Mutation.recordSuggestionOpened: public",
        "Mutation.redactPost: session",
        "Mutation.removeTeamMember: session",
        "Mutation.removeWatchTerm: session",
        "Mutation.reopenQuestion: session",
        "Mutation.requestCallback: session",
        "Mutation.requestDataExport: session",
        "Mutation.requestPasswordReset: public",
        "Mutation.requestStaffDraftChanges: session",
        "Mutation.resendEmailConfirmation: session",
        "Mutation.resetPassword: public",
        "Mutation.resolveAlert: session",
        "Mutation.resolveEscalation: session",
        "Mutation.resolveReviewItem: session",
        "Mutation.revokeReviewBypass: session",
        "Mutation.saveStaffDraft: session",
        "Mutation.saveTeam: session",
        "Mutation.scheduleCallback: session",
        "Mutation.sendConversationMessage: session",
        "Mutation.setAffected: session",
        "Mutation.setEscalationPriority: session",
        "Mutation.setEscalationStatus: session",
        "Mutation.setFollow: session",
        "Mutation.setSpaceReview: session",
        "Mutation.signIn: public",
        "Mutation.signOut: public",
        "Mutation.signOutOtherSessions: session",
        "Mutation.signUp: public",
        "Mutation.suspendUser: session",
        "Mutation.unlockQuestion: session",
        "Mutation.unsubscribeFromMail: public",
        "Mutation.unverifyAnswer: session",
        "Mutation.updateNotificationSettings: session",
        "Mutation.updateProfile: session",
        "Mutation.updateReputationSettings: session",
        "Mutation.updateStaffName: session",
        "Mutation.verifyAnswer: session",
        "Mutation.vote: session",
        "Mutation.warnUser: session",
        "Mutation.watchThread: session",
        "Mutation.withdrawStaffDraft: session",
        "Query.alert: session",
        "Query.alerts: session",
        "Query.auditLog: session",
        "Query.conversation: session",
        "Query.dataExportArchive: session",
        "Query.dataExports: session",
        "Query.escalation: session",
        "Query.escalationQueue: session",
        "Query.follow: public",
        "Query.followed: session",
        "Query.insights: session",
        "Query.leaderboard: public",
        "Query.me: public",
        "Query.moderationItem: session",
        "Query.moderationQueue: session",
        "Query.myActivity: session",
        "Query.myStaffFace: session",
        "Query.notificationSettings: session",
        "Query.notifications: session",
        "Query.outgoingMail: session",
        "Query.pendingEmailChange: session",
        "Query.postHistory: public",
        "Query.postRedactions: session",
        "Query.question: public",
        "Query.questions: public",
        "Query.renderMarkdown: public",
        "Query.reputationSettings: session",
        "Query.reviewBypassGrants: session",
        "Query.reviewBypasses: session",
        "Query.reviewQueue: session",
        "Query.search: public",
        "Query.similarQuestions: public",
        "Query.space: public",
        "Query.spaceAnnouncements: public",
        "Query.spaceReviewSettings: session",
        "Query.spaces: public",
        "Query.staffDraft: session",
        "Query.tag: public",
        "Query.tags: public",
        "Query.teams: session",
        "Query.threadWatch: public",
        "Query.unreadNotificationCount: session",
        "Query.user: public",
        "Query.users: public",
        "Query.watchTerms: session",
        "Query.whoAnswersHere: public",
        "Subscription.conversationMessageAdded: session",
        "Subscription.escalationQueueChanged: session",
        "Subscription.threadActivity: public",
        "Subscription.unreadNotificationsChanged: session",
      ]
    `);
  });
});
