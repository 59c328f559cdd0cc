import { renderMarkdown } from '@peerdesk/markdown';
import type { ImmediateMailKind } from '../notification-kinds';

export type MailLocale = 'en' | 'de';

/** What a notification mail says, gathered from the database by the queue. */
export interface MailFacts {
  kind: ImmediateMailKind;
  locale: MailLocale;
  recipientName: string;
  questionTitle: string | null;
  actorName: string | null;
  /** The new answer or comment (public posts only), as Markdown source. */
  postMarkdown: string | null;
  reason: string | null;
  /** Absolute links. */
  postUrl: string;
  unsubscribeUrl: string;
  settingsUrl: string;
  companyName: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Texts = Record<
  ImmediateMailKind,
  { subject: string; lead: string; open: string; why: 'thread' | 'post' | 'conversation' | 'staff' | 'mention' }
>;

const EN: Texts = {
  'answer.new': { subject: 'New answer on “{title}”', lead: '{actor} answered:', open: 'Open the answer', why: 'thread' },
  'comment.new': { subject: 'New comment on “{title}”', lead: '{actor} commented:', open: 'Open the comment', why: 'thread' },
  mention: { subject: '{actor} mentioned you in “{title}”', lead: '{actor} mentioned you:', open: 'Open the post', why: 'mention' },
  'answer.accepted': {
    subject: 'Your answer on “{title}” was accepted',
    lead: 'The asker accepted your answer.',
    open: 'Open your answer',
    why: 'post',
  },
  'answer.verified': {
    subject: 'Your answer on “{title}” was verified by {company}',
    lead: '{company} verified your answer.',
    open: 'Open your answer',
    why: 'post',
  },
  'post.approved': {
    subject: 'Your post on “{title}” is public now',
    lead: 'A moderator approved your post.',
    open: 'Open your post',
    why: 'post',
  },
  'post.hidden': { subject: 'Your post on “{title}” was hidden', lead: 'A moderator hid your post.', open: 'Open your post', why: 'post' },
  'message.new': {
    subject: 'New private message about “{title}”',
    lead: '{actor} wrote to you in your private conversation. Read it on the site: private messages are not sent by e-mail.',
    open: 'Open the conversation',
    why: 'conversation',
  },
  'callback.scheduled': {
    subject: 'Call back scheduled: “{title}”',
    lead: '{actor} set a time to call you back. See it in your private conversation on the site.',
    open: 'Open the conversation',
    why: 'conversation',
  },
  'callback.done': {
    subject: 'Call back ended: “{title}”',
    lead: '{actor} marked the call back done or cancelled it. See the details in your private conversation on the site.',
    open: 'Open the conversation',
    why: 'conversation',
  },
  'alert.new': {
    subject: 'New alert in the community',
    lead: 'Monitoring raised an alert for a space your team looks after: many more posts than usual, or a watched keyword.',
    open: 'Open the alert',
    why: 'staff',
  },
  'escalation.new': {
    subject: 'New escalation: “{title}”',
    lead: 'A question was escalated to your team.',
    open: 'Open the escalation',
    why: 'staff',
  },
  'escalation.assigned': {
    subject: 'Escalation assigned to you: “{title}”',
    lead: 'An escalation is yours now.',
    open: 'Open the escalation',
    why: 'staff',
  },
  'escalation.due_soon': {
    subject: 'Due soon: “{title}”',
    lead: 'An escalation you work on is due soon. Answer in time or tell the customer what happens next.',
    open: 'Open the escalation',
    why: 'staff',
  },
  'escalation.breached': {
    subject: 'Overdue: “{title}”',
    lead: 'An escalation you work on missed its target. The customer sees that we are late.',
    open: 'Open the escalation',
    why: 'staff',
  },
  'promise.changed': {
    subject: 'When staff reply to “{title}”: an update',
    lead: 'The reply time promised on your question changed: we are running late, or your case moved to another team or priority. Your question shows the current promise.',
    open: 'Open your question',
    why: 'post',
  },
  'post.flagged': {
    subject: 'A post was flagged on “{title}”',
    lead: 'A post in a space you moderate was flagged. It waits in the review queue.',
    open: 'Open the review queue',
    why: 'staff',
  },
  'draft.review': {
    subject: 'A draft waits for your review: “{title}”',
    lead: '{actor} asks for a second look.',
    open: 'Review the draft',
    why: 'staff',
  },
  'draft.changes': {
    subject: 'Changes requested on your draft: “{title}”',
    lead: '{actor} asked for changes to your draft.',
    open: 'Open the draft',
    why: 'staff',
  },
};

const DE: Texts = {
  'answer.new': { subject: 'Neue Antwort zu „{title}“', lead: '{actor} hat geantwortet:', open: 'Antwort öffnen', why: 'thread' },
  'comment.new': { subject: 'Neuer Kommentar zu „{title}“', lead: '{actor} hat kommentiert:', open: 'Kommentar öffnen', why: 'thread' },
  mention: { subject: '{actor} hat dich in „{title}“ erwähnt', lead: '{actor} hat dich erwähnt:', open: 'Beitrag öffnen', why: 'mention' },
  'answer.accepted': {
    subject: 'Deine Antwort zu „{title}“ wurde akzeptiert',
    lead: 'Die fragende Person hat deine Antwort akzeptiert.',
    open: 'Deine Antwort öffnen',
    why: 'post',
  },
  'answer.verified': {
    subject: 'Deine Antwort zu „{title}“ wurde von {company} bestätigt',
    lead: '{company} hat deine Antwort bestätigt.',
    open: 'Deine Antwort öffnen',
    why: 'post',
  },
  'post.approved': {
    subject: 'Dein Beitrag zu „{title}“ ist jetzt öffentlich',
    lead: 'Die Moderation hat deinen Beitrag freigegeben.',
    open: 'Beitrag öffnen',
    why: 'post',
  },
  'post.hidden': {
    subject: 'Dein Beitrag zu „{title}“ wurde ausgeblendet',
    lead: 'Die Moderation hat deinen Beitrag ausgeblendet.',
    open: 'Beitrag öffnen',
    why: 'post',
  },
  'message.new': {
    subject: 'Neue private Nachricht zu „{title}“',
    lead: '{actor} hat dir im privaten Gespräch geschrieben. Lies sie auf der Seite: private Nachrichten verschicken wir nicht per E-Mail.',
    open: 'Gespräch öffnen',
    why: 'conversation',
  },
  'callback.scheduled': {
    subject: 'Rückruf geplant: „{title}“',
    lead: '{actor} hat einen Zeitpunkt für den Rückruf festgelegt. Du siehst ihn im privaten Gespräch auf der Seite.',
    open: 'Gespräch öffnen',
    why: 'conversation',
  },
  'callback.done': {
    subject: 'Rückruf abgeschlossen: „{title}“',
    lead: '{actor} hat den Rückruf als erledigt markiert oder abgesagt. Die Einzelheiten stehen im privaten Gespräch auf der Seite.',
    open: 'Gespräch öffnen',
    why: 'conversation',
  },
  'alert.new': {
    subject: 'Neuer Alarm in der Community',
    lead: 'Das Monitoring hat für einen Bereich deines Teams Alarm geschlagen: viel mehr Beiträge als üblich oder ein beobachtetes Stichwort.',
    open: 'Alarm öffnen',
    why: 'staff',
  },
  'escalation.new': {
    subject: 'Neue Eskalation: „{title}“',
    lead: 'Eine Frage wurde an dein Team eskaliert.',
    open: 'Eskalation öffnen',
    why: 'staff',
  },
  'escalation.assigned': {
    subject: 'Dir zugewiesen: „{title}“',
    lead: 'Eine Eskalation liegt jetzt bei dir.',
    open: 'Eskalation öffnen',
    why: 'staff',
  },
  'escalation.due_soon': {
    subject: 'Bald fällig: „{title}“',
    lead: 'Eine Eskalation, für die du zuständig bist, ist bald fällig. Antworte rechtzeitig oder sag der Kundin oder dem Kunden, wie es weitergeht.',
    open: 'Eskalation öffnen',
    why: 'staff',
  },
  'escalation.breached': {
    subject: 'Überfällig: „{title}“',
    lead: 'Eine Eskalation, für die du zuständig bist, hat ihr Ziel verfehlt. Die Kundschaft sieht, dass wir spät dran sind.',
    open: 'Eskalation öffnen',
    why: 'staff',
  },
  'promise.changed': {
    subject: 'Wann das Team auf „{title}“ antwortet: ein Update',
    lead: 'Die zugesagte Antwortzeit zu deiner Frage hat sich geändert: Wir sind spät dran, oder dein Anliegen liegt jetzt bei einem anderen Team oder hat eine andere Priorität. Deine Frage zeigt die aktuelle Zusage.',
    open: 'Deine Frage öffnen',
    why: 'post',
  },
  'post.flagged': {
    subject: 'Ein Beitrag zu „{title}“ wurde gemeldet',
    lead: 'Ein Beitrag in einem Bereich, den du moderierst, wurde gemeldet. Er wartet in der Prüfwarteschlange.',
    open: 'Prüfwarteschlange öffnen',
    why: 'staff',
  },
  'draft.review': {
    subject: 'Ein Entwurf wartet auf deine Prüfung: „{title}“',
    lead: '{actor} bittet um einen zweiten Blick.',
    open: 'Entwurf prüfen',
    why: 'staff',
  },
  'draft.changes': {
    subject: 'Änderungen an deinem Entwurf erbeten: „{title}“',
    lead: '{actor} bittet um Änderungen an deinem Entwurf.',
    open: 'Entwurf öffnen',
    why: 'staff',
  },
};

const COMMON = {
  en: {
    hello: 'Hello {name},',
    someone: 'Someone',
    reason: 'Reason: {reason}',
    why: {
      thread: 'You receive this e-mail because you follow “{title}” (you asked, answered or watch it).',
      post: 'You receive this e-mail because it is about your post.',
      conversation: 'You receive this e-mail because you take part in this private conversation.',
      staff: 'You receive this e-mail because of your work as staff.',
      mention: 'You receive this e-mail because someone mentioned you in a post.',
    },
    unsubscribe: 'Stop e-mail notifications',
    settings: 'Notification settings',
    untitled: 'your question',
  },
  de: {
    hello: 'Hallo {name},',
    someone: 'Jemand',
    reason: 'Begründung: {reason}',
    why: {
      thread: 'Du erhältst diese E-Mail, weil du „{title}“ folgst (du hast gefragt, geantwortet oder folgst dem Thema).',
      post: 'Du erhältst diese E-Mail, weil es um deinen Beitrag geht.',
      conversation: 'Du erhältst diese E-Mail, weil du an diesem privaten Gespräch teilnimmst.',
      staff: 'Du erhältst diese E-Mail wegen deiner Arbeit im Team.',
      mention: 'Du erhältst diese E-Mail, weil dich jemand in einem Beitrag erwähnt hat.',
    },
    unsubscribe: 'Keine E-Mail-Benachrichtigungen mehr',
    settings: 'Einstellungen für Benachrichtigungen',
    untitled: 'deine Frage',
  },
} as const;

export const fill = (text: string, params: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? '');

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** One post goes to many watchers: its HTML is rendered once (a small cache of recent posts). */
const rendered = new Map<string, string>();
function postHtml(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    html = renderMarkdown(markdown);
    if (rendered.size >= 64) rendered.delete(rendered.keys().next().value!);
    rendered.set(markdown, html);
  }
  return html;
}

/** A notification mail: subject, text and HTML parts in the recipient's language, the post through the one Markdown policy. */
export function renderMail(facts: MailFacts): RenderedMail {
  const texts = (facts.locale === 'de' ? DE : EN)[facts.kind];
  const common = COMMON[facts.locale];
  const params = {
    title: facts.questionTitle ?? common.untitled,
    actor: facts.actorName ?? common.someone,
    company: facts.companyName,
    name: facts.recipientName,
    reason: facts.reason ?? '',
  };
  const subject = fill(texts.subject, params);
  const lead = fill(texts.lead, params);
  const why = fill(common.why[texts.why], params);
  const reason = facts.reason ? fill(common.reason, params) : null;

  const quote = facts.postMarkdown
    ? `<blockquote style="margin: 0 0 1rem; padding: 0.5rem 1rem; border-left: 3px solid #1d4ed8;">${postHtml(facts.postMarkdown)}</blockquote>`
    : '';
  return framedMail({
    locale: facts.locale,
    subject,
    hello: fill(common.hello, params),
    text: [
      lead,
      ...(facts.postMarkdown ? ['', facts.postMarkdown.trim()] : []),
      ...(reason ? ['', reason] : []),
      '',
      `${texts.open}: ${facts.postUrl}`,
    ],
    html: `<p>${escapeHtml(lead)}</p>\n${quote}\n${reason ? `<p>${escapeHtml(reason)}</p>` : ''}\n${buttonHtml(texts.open, facts.postUrl)}`,
    why,
    unsubscribeUrl: facts.unsubscribeUrl,
    settingsUrl: facts.settingsUrl,
  });
}

export const buttonHtml = (label: string, url: string): string =>
  `<p><a href="${escapeHtml(url)}" style="display: inline-block; padding: 0.5rem 1rem; background: #1d4ed8; color: #fff; border-radius: 6px; text-decoration: none;">${escapeHtml(label)}</a></p>`;

/** The parts every mail shares: greeting, body, and a footer saying why it came with one-click unsubscribe. */
export function framedMail(parts: {
  locale: MailLocale;
  subject: string;
  hello: string;
  /** Body lines of the text part. */
  text: string[];
  /** Body of the HTML part, already escaped. */
  html: string;
  why: string;
  unsubscribeUrl: string;
  settingsUrl: string;
}): RenderedMail {
  const common = COMMON[parts.locale];
  const text = [
    parts.hello,
    '',
    ...parts.text,
    '',
    '-- ',
    parts.why,
    `${common.unsubscribe}: ${parts.unsubscribeUrl}`,
    `${common.settings}: ${parts.settingsUrl}`,
    '',
  ].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${parts.locale}"><head><meta charset="utf-8"><title>${e(parts.subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2933; max-width: 40rem; margin: 0 auto; padding: 1rem;">
<p>${e(parts.hello)}</p>
${parts.html}
<hr style="border: 0; border-top: 1px solid #d8dee4; margin: 1.5rem 0 1rem;">
<p style="font-size: 0.875rem; color: #52606d;">${e(parts.why)}<br>
<a href="${e(parts.unsubscribeUrl)}">${e(common.unsubscribe)}</a> · <a href="${e(parts.settingsUrl)}">${e(common.settings)}</a></p>
</body></html>
`;
  return { subject: parts.subject, text, html };
}

export const greeting = (locale: MailLocale, name: string): string => fill(COMMON[locale].hello, { name });
