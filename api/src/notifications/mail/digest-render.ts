import { buttonHtml, escapeHtml, fill, framedMail, greeting, type MailLocale, type RenderedMail } from './mail-render';

export interface DigestQuestion {
  title: string;
  url: string;
  where: string;
  answers: number;
  solved: boolean;
}

export interface DigestFacts {
  locale: MailLocale;
  recipientName: string;
  period: 'daily' | 'weekly';
  questions: DigestQuestion[];
  /** New questions beyond those listed. */
  more: number;
  moreUrl: string;
  unsubscribeUrl: string;
  settingsUrl: string;
}

const TEXTS = {
  en: {
    subject: {
      daily: { one: 'Your daily digest: 1 new question', many: 'Your daily digest: {count} new questions' },
      weekly: { one: 'Your weekly digest: 1 new question', many: 'Your weekly digest: {count} new questions' },
    },
    lead: {
      daily: 'New since yesterday in the spaces and tags you follow:',
      weekly: 'New this week in the spaces and tags you follow:',
    },
    answers: { none: 'no answer yet', one: '1 answer', many: '{count} answers' },
    solved: 'solved',
    more: 'and {count} more',
    open: 'See all new questions',
    why: 'You receive this digest because you follow spaces or tags. Change how often it comes, or stop it, in your settings.',
  },
  de: {
    subject: {
      daily: { one: 'Deine tägliche Übersicht: 1 neue Frage', many: 'Deine tägliche Übersicht: {count} neue Fragen' },
      weekly: { one: 'Deine Wochenübersicht: 1 neue Frage', many: 'Deine Wochenübersicht: {count} neue Fragen' },
    },
    lead: {
      daily: 'Neu seit gestern in den Bereichen und Schlagwörtern, denen du folgst:',
      weekly: 'Neu in dieser Woche in den Bereichen und Schlagwörtern, denen du folgst:',
    },
    answers: { none: 'noch keine Antwort', one: '1 Antwort', many: '{count} Antworten' },
    solved: 'gelöst',
    more: 'und {count} weitere',
    open: 'Alle neuen Fragen ansehen',
    why: 'Du erhältst diese Übersicht, weil du Bereichen oder Schlagwörtern folgst. Wie oft sie kommt oder ob gar nicht, stellst du in den Einstellungen ein.',
  },
} as const;

/** One digest mail: the period's new questions where the recipient follows, titles as plain text. */
export function renderDigest(facts: DigestFacts): RenderedMail {
  const t = TEXTS[facts.locale];
  const total = facts.questions.length + facts.more;
  const state = (q: DigestQuestion): string =>
    [
      q.where,
      q.answers === 0 ? t.answers.none : q.answers === 1 ? t.answers.one : fill(t.answers.many, { count: String(q.answers) }),
      ...(q.solved ? [t.solved] : []),
    ].join(' · ');
  const more = facts.more > 0 ? fill(t.more, { count: String(facts.more) }) : null;
  const items = facts.questions
    .map(
      (q) =>
        `<li style="margin-bottom: 0.5rem;"><a href="${escapeHtml(q.url)}">${escapeHtml(q.title)}</a><br><span style="font-size: 0.875rem; color: #52606d;">${escapeHtml(state(q))}</span></li>`,
    )
    .join('\n');
  return framedMail({
    locale: facts.locale,
    subject: fill(t.subject[facts.period][total === 1 ? 'one' : 'many'], { count: String(total) }),
    hello: greeting(facts.locale, facts.recipientName),
    text: [
      t.lead[facts.period],
      '',
      ...facts.questions.flatMap((q) => [`* ${q.title}`, `  ${state(q)} — ${q.url}`]),
      ...(more ? ['', more] : []),
      '',
      `${t.open}: ${facts.moreUrl}`,
    ],
    html: `<p>${escapeHtml(t.lead[facts.period])}</p>\n<ul style="padding-left: 1.25rem;">\n${items}\n</ul>\n${more ? `<p>${escapeHtml(more)}</p>` : ''}\n${buttonHtml(t.open, facts.moreUrl)}`,
    why: t.why,
    unsubscribeUrl: facts.unsubscribeUrl,
    settingsUrl: facts.settingsUrl,
  });
}
