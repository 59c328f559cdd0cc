import { buildSchema, isObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * For every resolver field, the policy actions it enforces: read from the code with the TypeScript
 * compiler, following each resolver method into the services, helpers and qa event hooks it calls
 * and collecting the actions passed to `authorize` and `can` (and direct role checks). Root fields
 * are all listed (with @Public or session); object fields when they take a decision. A new field
 * changes the snapshot, and a mutation without any rule fails outright.
 */

const API = path.resolve(__dirname, '..', '..');
const SRC = path.join(API, 'src');
const POLICY = path.join(SRC, 'identity', 'policy.ts');
/** Policy helpers that decide without an action (role or trust checks outside the table). */
const POLICY_HELPERS = new Set(['isStaff', 'hasPrivilege', 'isSuspended']);
/**
 * Mutations that take no policy decision on purpose: signing in and up, token-carrying links
 * (password reset, address confirmation, mail unsubscribe), the viewer's own settings (the session guard suffices), and
 * anonymous search analytics. Add to this list only in review.
 */
const MUTATIONS_WITHOUT_RULE = new Set([
  'signIn',
  'signOut',
  'signUp',
  'requestPasswordReset',
  'resetPassword',
  'confirmEmail',
  'unsubscribeFromMail',
  'updateNotificationSettings',
  'recordSuggestionOpened',
]);
/** An action passed in by the caller (`authorize(actor, action, …)` with `action` the function's n-th parameter). */
const PARAM = '$param:';

function loadProgram(): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(API, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const roots = parsed.fileNames.filter((f) => !/\.(spec|test)\.ts$/.test(f) && !f.includes(`${path.sep}test-support${path.sep}`));
  return ts.createProgram({ rootNames: roots, options: { ...parsed.options, noEmit: true } });
}

const decorators = (node: ts.Node): readonly ts.Decorator[] => (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []);
const callOf = (d: ts.Decorator): ts.CallExpression | null => (ts.isCallExpression(d.expression) ? d.expression : null);
const nameOf = (d: ts.Decorator): string | undefined => {
  const callee = callOf(d)?.expression ?? d.expression;
  return ts.isIdentifier(callee) ? callee.text : undefined;
};
const stringArg = (args: readonly ts.Expression[]): string | undefined => {
  for (const arg of args) {
    if (ts.isStringLiteralLike(arg)) return arg.text;
    if (ts.isObjectLiteralExpression(arg)) {
      for (const p of arg.properties)
        if (ts.isPropertyAssignment(p) && p.name.getText() === 'name' && ts.isStringLiteralLike(p.initializer)) return p.initializer.text;
    }
  }
  return undefined;
};

function analyse() {
  const program = loadProgram();
  const checker = program.getTypeChecker();
  const inSource = (file: ts.SourceFile) => file.fileName.startsWith(SRC) && !file.isDeclarationFile;

  const declarationOf = (node: ts.Node): ts.Declaration | undefined => {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.[0];
  };
  /** The function body a declaration stands for (function, method, or a const holding an arrow). */
  const bodyOf = (decl: ts.Node | undefined): ts.Node | undefined => {
    if (!decl || !inSource(decl.getSourceFile())) return undefined;
    if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl) || ts.isArrowFunction(decl) || ts.isFunctionExpression(decl))
      return decl.body;
    if (ts.isVariableDeclaration(decl) && decl.initializer) return decl.initializer;
    if (ts.isPropertyDeclaration(decl) && decl.initializer) return decl.initializer;
    return undefined;
  };

  // Which actions each qa event's hooks and handlers take (registered with events.hook / events.afterCommit).
  const eventBodies = new Map<string, ts.Node[]>();
  const isQaEvents = (expr: ts.Expression) => checker.getTypeAtLocation(expr).getSymbol()?.getName() === 'QaEvents';
  for (const file of program.getSourceFiles().filter(inSource)) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const [event, , handler] = node.arguments;
        if (
          (method === 'hook' || method === 'afterCommit') &&
          event &&
          ts.isStringLiteralLike(event) &&
          handler &&
          isQaEvents(node.expression.expression)
        ) {
          eventBodies.set(event.text, [...(eventBodies.get(event.text) ?? []), handler]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const memo = new Map<ts.Node, Set<string>>();
  const actionsOf = (body: ts.Node, stack: Set<ts.Node>): Set<string> => {
    const known = memo.get(body);
    if (known) return known;
    if (stack.has(body)) return new Set();
    stack.add(body);
    const found = new Set<string>();
    const follow = (node: ts.Node | undefined, args: readonly ts.Expression[] = []) => {
      if (!node) return;
      for (const a of actionsOf(node, stack)) {
        if (!a.startsWith(PARAM)) found.add(a);
        else {
          const arg = args[Number(a.slice(PARAM.length))];
          found.add(arg && ts.isStringLiteralLike(arg) ? arg.text : (paramMarker(arg) ?? 'authorize(…)'));
        }
      }
    };
    /** When the action is a parameter of the enclosing function, its index (resolved at the call site). */
    const paramMarker = (arg: ts.Node | undefined): string | undefined => {
      const decl = arg && ts.isIdentifier(arg) ? declarationOf(arg) : undefined;
      if (!decl || !ts.isParameter(decl) || !ts.isFunctionLike(decl.parent)) return undefined;
      let outer: ts.Node = body;
      while (!ts.isFunctionLike(outer) && outer.parent) outer = outer.parent;
      return decl.parent === outer || decl.parent === body.parent ? `${PARAM}${decl.parent.parameters.indexOf(decl)}` : undefined;
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
        const decl = declarationOf(callee);
        const name = ts.isIdentifier(callee) ? callee.text : '';
        if (decl?.getSourceFile().fileName === POLICY && (name === 'authorize' || name === 'can')) {
          const action = node.arguments[1];
          found.add(action && ts.isStringLiteralLike(action) ? action.text : (paramMarker(action) ?? `${name}(…)`));
        } else if (decl?.getSourceFile().fileName === POLICY && POLICY_HELPERS.has(name)) {
          found.add(`${name}()`);
        } else if (
          (name === 'emit' || name === 'emitNow') &&
          ts.isPropertyAccessExpression(node.expression) &&
          isQaEvents(node.expression.expression)
        ) {
          const event = node.arguments[name === 'emit' ? 1 : 0];
          if (event && ts.isStringLiteralLike(event)) for (const handler of eventBodies.get(event.text) ?? []) follow(handlerBody(handler));
        } else {
          follow(bodyOf(decl), node.arguments);
        }
      }
      ts.forEachChild(node, visit);
    };
    const handlerBody = (handler: ts.Node): ts.Node => (ts.isIdentifier(handler) ? (bodyOf(declarationOf(handler)) ?? handler) : handler);
    visit(body);
    stack.delete(body);
    memo.set(body, found);
    return found;
  };

  const fields = new Map<string, { access: string; actions: string[] }>();
  for (const file of program.getSourceFiles().filter(inSource)) {
    for (const statement of file.statements) {
      if (!ts.isClassDeclaration(statement)) continue;
      const resolver = decorators(statement).find((d) => nameOf(d) === 'Resolver');
      if (!resolver) continue;
      const classPublic = decorators(statement).some((d) => nameOf(d) === 'Public');
      let parent: string | undefined;
      const target = callOf(resolver)?.arguments[0];
      if (target && ts.isStringLiteralLike(target)) parent = target.text;
      else if (target && ts.isArrowFunction(target) && ts.isExpression(target.body)) {
        const model = declarationOf(target.body);
        if (model && ts.isClassDeclaration(model)) {
          const objectType = decorators(model).find((d) => ['ObjectType', 'InterfaceType'].includes(nameOf(d) ?? ''));
          parent = stringArg(callOf(objectType!)?.arguments ?? []) ?? model.name?.text;
        }
      }
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !member.body) continue;
        const methodName = member.name.getText();
        for (const d of decorators(member)) {
          const kind = nameOf(d);
          let field: string | undefined;
          if (kind === 'Query' || kind === 'Mutation' || kind === 'Subscription')
            field = `${kind}.${stringArg(callOf(d)?.arguments ?? []) ?? methodName}`;
          else if (kind === 'ResolveField') field = `${parent ?? '?'}.${stringArg(callOf(d)?.arguments ?? []) ?? methodName}`;
          if (!field) continue;
          const isPublic = classPublic || decorators(member).some((x) => nameOf(x) === 'Public');
          const actions = [...actionsOf(member.body, new Set())].map((a) => (a.startsWith(PARAM) ? 'authorize(…)' : a)).sort();
          fields.set(field, { access: kind === 'ResolveField' ? '' : isPublic ? 'public' : 'session', actions });
        }
      }
    }
  }
  return fields;
}

describe('per-field policy', () => {
  const fields = analyse();

  it('finds every root field of the committed schema', () => {
    const schema = buildSchema(readFileSync(path.join(API, '..', 'schema.graphql'), 'utf8'));
    const roots = ['Query', 'Mutation', 'Subscription'].flatMap((type) => {
      const t = schema.getType(type);
      return t && isObjectType(t) ? Object.keys(t.getFields()).map((f) => `${type}.${f}`) : [];
    });
    const found = [...fields.keys()].filter((f) => /^(Query|Mutation|Subscription)\./.test(f));
    expect(found.sort()).toEqual(roots.sort());
  });

  it('gives every mutation a rule', () => {
    const missing = [...fields]
      .filter(([field, f]) => field.startsWith('Mutation.') && f.actions.length === 0 && !MUTATIONS_WITHOUT_RULE.has(field.slice(9)))
      .map(([field]) => field);
    expect(missing).toEqual([]);
  });

  it('records the actions each field enforces', () => {
    const table = [...fields]
      .filter(([field, f]) => /^(Query|Mutation|Subscription)\./.test(field) || f.actions.length > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([field, f]) => `${field}${f.access ? ` [${f.access}]` : ''}: ${f.actions.join(', ') || '—'}`);
    expect(table).toMatchInlineSnapshot(`
      [
        "Answer.canAccept: answer.accept",
        "Answer.canEdit: post.edit",
        "Answer.canFlag: post.flag",
        "Answer.canRedact: post.redact",
        "Answer.canVerify: answer.verify",
        "Answer.canVote: vote.cast",
        "Answer.comments: post.view",
        "Comment.canFlag: post.flag",
        "Escalation.conversation: conversation.takePart",
        "Escalation.summaryRequired: conversation.takePart",
        "Mutation.acceptAnswer [session]: answer.accept",
        "Mutation.acknowledgeAlert [session]: alert.act",
        "Mutation.addComment [session]: activity.unmetered, comment.create, console.use, post.linkFreely, post.publishWithoutReview, post.view, reply.publish, staff.speakPublicly",
        "Mutation.addEscalationNote [session]: escalation.act",
        "Mutation.addTeamMember [session]: console.use, team.manage",
        "Mutation.addWatchTerm [session]: watchList.manage",
        "Mutation.answerQuestion [session]: activity.unmetered, answer.create, console.use, post.linkFreely, post.publishWithoutReview, post.view, reply.publish, staff.speakPublicly",
        "Mutation.approveStaffDraft [session]: activity.unmetered, answer.create, comment.create, console.use, draft.approve, draft.see, post.linkFreely, post.publishWithoutReview, post.view, reply.publish, staff.speakPublicly",
        "Mutation.askQuestion [session]: activity.unmetered, post.linkFreely, post.publishWithoutReview, question.ask, reply.publish, staff.speakPublicly",
        "Mutation.assignAlert [session]: alert.act",
        "Mutation.assignEscalation [session]: escalation.act",
        "Mutation.cancelCallback [session]: conversation.takePart, escalation.act",
        "Mutation.changeEmail [session]: account.manage",
        "Mutation.changePassword [session]: account.manage",
        "Mutation.claimEscalation [session]: escalation.act",
        "Mutation.closeAsDuplicate [session]: question.closeAsDuplicate",
        "Mutation.closeAsOffTopic [session]: question.closeAsOffTopic",
        "Mutation.completeCallback [session]: conversation.takePart, escalation.act",
        "Mutation.confirmEmail [public]: —",
        "Mutation.deleteAccount [session]: account.delete",
        "Mutation.dismissDraftHint [session]: draft.dismissHint, draft.see",
        "Mutation.editAnswer [session]: activity.unmetered, post.edit, post.linkFreely, post.view",
        "Mutation.editQuestion [session]: activity.unmetered, post.edit, post.linkFreely, post.view",
        "Mutation.editStaffDraft [session]: draft.edit, draft.see",
        "Mutation.endAnnouncement [session]: announcement.publish",
        "Mutation.escalateQuestion [session]: console.use, post.view, question.escalate",
        "Mutation.flagPost [session]: activity.unmetered, hasPrivilege(), post.flag, post.view",
        "Mutation.forwardEscalation [session]: escalation.act",
        "Mutation.grantReviewBypass [session]: draft.write, review.configure",
        "Mutation.lockQuestion [session]: question.lock",
        "Mutation.markNotificationsRead [session]: alert.read, console.use, conversation.takePart, draft.approve, draft.see, escalation.act, post.view, review.moderate",
        "Mutation.openConversation [session]: console.use, escalation.act",
        "Mutation.pinTrustLevel [session]: user.pinTrustLevel",
        "Mutation.publishAnnouncement [session]: announcement.publish",
        "Mutation.recordSuggestionOpened [public]: —",
        "Mutation.redactPost [session]: post.redact",
        "Mutation.removeTeamMember [session]: team.manage",
        "Mutation.removeWatchTerm [session]: watchList.manage",
        "Mutation.reopenQuestion [session]: question.reopen",
        "Mutation.requestCallback [session]: console.use, conversation.requestCallback, conversation.takePart",
        "Mutation.requestDataExport [session]: account.manage",
        "Mutation.requestPasswordReset [public]: —",
        "Mutation.requestStaffDraftChanges [session]: draft.approve, draft.see",
        "Mutation.resendEmailConfirmation [session]: account.manage",
        "Mutation.resetPassword [public]: —",
        "Mutation.resolveAlert [session]: alert.act",
        "Mutation.resolveEscalation [session]: activity.unmetered, answer.create, console.use, draft.write, escalation.act, post.linkFreely, post.publishWithoutReview, post.view, reply.publish, staff.speakPublicly",
        "Mutation.resolveReviewItem [session]: review.moderate",
        "Mutation.revokeReviewBypass [session]: review.configure",
        "Mutation.saveStaffDraft [session]: draft.write, post.view, staff.speakPublicly",
        "Mutation.saveTeam [session]: team.manage",
        "Mutation.scheduleCallback [session]: conversation.takePart, escalation.act",
        "Mutation.sendConversationMessage [session]: console.use, conversation.takePart",
        "Mutation.setAffected [session]: post.view",
        "Mutation.setEscalationPriority [session]: escalation.act",
        "Mutation.setEscalationStatus [session]: escalation.act",
        "Mutation.setFollow [session]: account.manage",
        "Mutation.setSpaceReview [session]: review.configure",
        "Mutation.signIn [public]: —",
        "Mutation.signOut [public]: —",
        "Mutation.signOutOtherSessions [session]: account.manage",
        "Mutation.signUp [public]: —",
        "Mutation.suspendUser [session]: user.suspend",
        "Mutation.unlockQuestion [session]: question.lock",
        "Mutation.unsubscribeFromMail [public]: —",
        "Mutation.unverifyAnswer [session]: answer.verify",
        "Mutation.updateNotificationSettings [session]: isStaff()",
        "Mutation.updateProfile [session]: account.rename",
        "Mutation.updateReputationSettings [session]: reputation.configure",
        "Mutation.updateStaffName [session]: staff.editFace, staff.speakPublicly",
        "Mutation.verifyAnswer [session]: answer.verify",
        "Mutation.vote [session]: activity.unmetered, vote.cast",
        "Mutation.warnUser [session]: user.warn",
        "Mutation.watchThread [session]: post.view",
        "Mutation.withdrawStaffDraft [session]: draft.see, draft.withdraw",
        "Query.alert [session]: alert.read",
        "Query.alerts [session]: alert.read",
        "Query.auditLog [session]: audit.read",
        "Query.conversation [session]: conversation.takePart",
        "Query.dataExportArchive [session]: account.manage",
        "Query.dataExports [session]: account.manage",
        "Query.escalation [session]: escalation.act",
        "Query.escalationQueue [session]: console.use, escalation.act",
        "Query.follow [public]: —",
        "Query.followed [session]: account.manage",
        "Query.insights [session]: insights.read",
        "Query.leaderboard [public]: —",
        "Query.me [public]: —",
        "Query.moderationItem [session]: review.moderate",
        "Query.moderationQueue [session]: review.moderate",
        "Query.myActivity [session]: account.manage",
        "Query.myStaffFace [session]: staff.editFace, staff.speakPublicly",
        "Query.notifications [session]: alert.read, console.use, conversation.takePart, draft.approve, draft.see, escalation.act, post.view, review.moderate",
        "Query.notificationSettings [session]: isStaff()",
        "Query.outgoingMail [session]: mail.readOutgoing",
        "Query.pendingEmailChange [session]: account.manage",
        "Query.postHistory [public]: post.seeRedactions, post.view",
        "Query.postRedactions [session]: post.seeRedactions",
        "Query.question [public]: post.view",
        "Query.questions [public]: —",
        "Query.renderMarkdown [public]: —",
        "Query.reputationSettings [session]: reputation.configure",
        "Query.reviewBypasses [session]: review.configure",
        "Query.reviewBypassGrants [session]: review.configure",
        "Query.reviewQueue [session]: draft.review",
        "Query.search [public]: —",
        "Query.similarQuestions [public]: —",
        "Query.space [public]: —",
        "Query.spaceAnnouncements [public]: —",
        "Query.spaceReviewSettings [session]: review.configure",
        "Query.spaces [public]: —",
        "Query.staffDraft [session]: draft.see",
        "Query.tag [public]: —",
        "Query.tags [public]: —",
        "Query.teams [session]: console.use",
        "Query.threadWatch [public]: post.view",
        "Query.unreadNotificationCount [session]: alert.read, console.use, conversation.takePart, draft.approve, draft.see, escalation.act, post.view, review.moderate",
        "Query.user [public]: —",
        "Query.users [public]: —",
        "Query.watchTerms [session]: watchList.manage",
        "Query.whoAnswersHere [public]: —",
        "Question.answers: post.seeAllStates",
        "Question.canAnswer: answer.create",
        "Question.canCloseAsDuplicate: question.closeAsDuplicate",
        "Question.canCloseAsOffTopic: question.closeAsOffTopic",
        "Question.canEdit: post.edit",
        "Question.canEscalate: question.escalate",
        "Question.canFlag: post.flag",
        "Question.canLock: question.lock",
        "Question.canRedact: post.redact",
        "Question.canReopen: question.reopen",
        "Question.canVote: vote.cast",
        "Question.comments: post.view",
        "Question.conversation: conversation.takePart",
        "Question.duplicateOf: post.view",
        "Question.escalation: escalation.act",
        "Question.viewerRepliesViaDraft: reply.publish",
        "StaffDraft.canApprove: draft.approve",
        "StaffDraft.canDismissHints: draft.dismissHint",
        "StaffDraft.canEdit: draft.edit",
        "StaffDraft.canWithdraw: draft.withdraw",
        "StaffDraft.question: post.view",
        "Subscription.conversationMessageAdded [session]: conversation.takePart",
        "Subscription.escalationQueueChanged [session]: console.use, escalation.act",
        "Subscription.threadActivity [public]: post.view",
        "Subscription.unreadNotificationsChanged [session]: alert.read, console.use, conversation.takePart, draft.approve, draft.see, escalation.act, post.view, review.moderate",
        "User.canPinTrustLevel: user.pinTrustLevel",
        "User.reputationChart: reputation.seeHistory",
        "User.reputationHistory: reputation.seeHistory",
        "User.trustProgress: reputation.seeHistory",
        "Viewer.canManageTeams: team.manage",
        "Viewer.canReview: review.moderate",
      ]
    `);
  });
});
