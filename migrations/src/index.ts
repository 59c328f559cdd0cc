import { Initial1795457617208 } from './1795457617208-Initial.js';
import { AuditLog1795468350221 } from './1795468350221-AuditLog.js';
import { Moderation1795468513123 } from './1795468513123-Moderation.js';
import { Escalation1795468643674 } from './1795468643674-Escalation.js';
import { GuardReviewStaff1795468885930 } from './1795468885930-GuardReviewStaff.js';
import { Reputation1795468981840 } from './1795468981840-Reputation.js';
import { ImportedReputation1795472458664 } from './1795472458664-ImportedReputation.js';
import { EscalationPause1795472576804 } from './1795472576804-EscalationPause.js';
import { SearchPostings1796000000000 } from './1796000000000-SearchPostings.js';
import { Notifications1796100000000 } from './1796100000000-Notifications.js';
import { MailOutbox1796100000001 } from './1796100000001-MailOutbox.js';
import { PasswordResets1796100000002 } from './1796100000002-PasswordResets.js';
import { BrowsingIndexes1796652000071 } from './1796652000071-BrowsingIndexes.js';
import { Accounts1797000000000 } from './1797000000000-Accounts.js';
import { Monitoring1797100000000 } from './1797100000000-Monitoring.js';
import { Uploads1797200000000 } from './1797200000000-Uploads.js';
import { Follows1797400000000 } from './1797400000000-Follows.js';
import { DueReminders1797400000001 } from './1797400000001-DueReminders.js';
import { OutboxFromDomains1797400000002 } from './1797400000002-OutboxFromDomains.js';
import { UserNotices1797400000003 } from './1797400000003-UserNotices.js';
import { NotificationChoices1797400000004 } from './1797400000004-NotificationChoices.js';
import { InsightsIndexes1797500000000 } from './1797500000000-InsightsIndexes.js';
import { CallbackState1797700000000 } from './1797700000000-CallbackState.js';
import { InsightsQuestions1797800000000 } from './1797800000000-InsightsQuestions.js';
import { InsightsEscalations1797800000001 } from './1797800000001-InsightsEscalations.js';
import { SearchPostingsCleanup1798100000000 } from './1798100000000-SearchPostingsCleanup.js';
import { InsightsDailyRollups1798200000000 } from './1798200000000-InsightsDailyRollups.js';
import { InsightsEscalationDays1798200000001 } from './1798200000001-InsightsEscalationDays.js';
import { InsightsLanguage1798200000002 } from './1798200000002-InsightsLanguage.js';
import { UnusedUploads1798400000000 } from './1798400000000-UnusedUploads.js';
import { UploadsObjectStore1798400000001 } from './1798400000001-UploadsObjectStore.js';
import { QuestionLanguage1798400000002 } from './1798400000002-QuestionLanguage.js';
import { SearchDuplicateTitles1798600000000 } from './1798600000000-SearchDuplicateTitles.js';
import { InsightsMonthlyRollups1798800000000 } from './1798800000000-InsightsMonthlyRollups.js';
import { InsightsDeflectionDays1798800000001 } from './1798800000001-InsightsDeflectionDays.js';
import { InsightsCoveringIndexes1798800000002 } from './1798800000002-InsightsCoveringIndexes.js';
import { QuestionDuplicateOfIndex1798900000000 } from './1798900000000-QuestionDuplicateOfIndex.js';
import { InsightsQuantiles1799200000000 } from './1799200000000-InsightsQuantiles.js';
import { InsightsMemberSpacesBySpace1799200000001 } from './1799200000001-InsightsMemberSpacesBySpace.js';
import { SearchTokenParts1799300000000 } from './1799300000000-SearchTokenParts.js';
import { SearchTermsTrigrams1799400000000 } from './1799400000000-SearchTermsTrigrams.js';
import { InsightsNewcomersByFilter1799500000000 } from './1799500000000-InsightsNewcomersByFilter.js';
import { InsightsDeflectionScopes1799500000001 } from './1799500000001-InsightsDeflectionScopes.js';
import { InsightsLedgerDaysByMember1799500000002 } from './1799500000002-InsightsLedgerDaysByMember.js';
import { InsightsAttainment1799500000003 } from './1799500000003-InsightsAttainment.js';
import { InsightsTopicDaysOverAll1799500000004 } from './1799500000004-InsightsTopicDaysOverAll.js';

/** Every migration, in order. The api runs the pending ones at start; `pnpm cli migrate` runs them by hand. */
export const migrations: Function[] = [
  Initial1795457617208,
  AuditLog1795468350221,
  Moderation1795468513123,
  Escalation1795468643674,
  GuardReviewStaff1795468885930,
  Reputation1795468981840,
  ImportedReputation1795472458664,
  EscalationPause1795472576804,
  SearchPostings1796000000000,
  Notifications1796100000000,
  MailOutbox1796100000001,
  PasswordResets1796100000002,
  BrowsingIndexes1796652000071,
  Accounts1797000000000,
  Monitoring1797100000000,
  Uploads1797200000000,
  Follows1797400000000,
  DueReminders1797400000001,
  OutboxFromDomains1797400000002,
  UserNotices1797400000003,
  NotificationChoices1797400000004,
  InsightsIndexes1797500000000,
  CallbackState1797700000000,
  InsightsQuestions1797800000000,
  InsightsEscalations1797800000001,
  SearchPostingsCleanup1798100000000,
  InsightsDailyRollups1798200000000,
  InsightsEscalationDays1798200000001,
  InsightsLanguage1798200000002,
  UnusedUploads1798400000000,
  UploadsObjectStore1798400000001,
  QuestionLanguage1798400000002,
  SearchDuplicateTitles1798600000000,
  InsightsMonthlyRollups1798800000000,
  InsightsDeflectionDays1798800000001,
  InsightsCoveringIndexes1798800000002,
  QuestionDuplicateOfIndex1798900000000,
  InsightsQuantiles1799200000000,
  InsightsMemberSpacesBySpace1799200000001,
  SearchTokenParts1799300000000,
  SearchTermsTrigrams1799400000000,
  InsightsNewcomersByFilter1799500000000,
  InsightsDeflectionScopes1799500000001,
  InsightsLedgerDaysByMember1799500000002,
  InsightsAttainment1799500000003,
  InsightsTopicDaysOverAll1799500000004,
];
