import type { EntityManager } from 'typeorm';

export type MailLocale = 'en' | 'de';

/** A mail about the account itself (not a notification): greeting, paragraphs, one button, closing lines. */
export interface AccountMail {
  locale: MailLocale;
  subject: string;
  greeting: string;
  paragraphs: string[];
  link?: { url: string; label: string };
  closing?: string[];
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderAccountMail(mail: AccountMail): { subject: string; text: string; html: string } {
  const closing = mail.closing ?? [];
  const text = [mail.greeting, ...mail.paragraphs, ...(mail.link ? [mail.link.url] : []), ...closing].join('\n\n') + '\n';
  const p = (t: string) => `<p>${escapeHtml(t)}</p>`;
  const html = `<!doctype html><html lang="${mail.locale}"><head><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title></head><body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40rem; margin: 0 auto; padding: 1rem;">
${[
  p(mail.greeting),
  ...mail.paragraphs.map(p),
  ...(mail.link ? [`<p><a href="${escapeHtml(mail.link.url)}">${escapeHtml(mail.link.label)}</a></p>`] : []),
  ...closing.map(p),
].join('\n')}
</body></html>
`;
  return { subject: mail.subject, text, html };
}

/**
 * Queues an account mail in the caller's transaction. It has no notification behind it, so the mail
 * sender sends it at once and to whatever address it names (a new address is unverified by nature).
 */
export async function queueAccountMail(
  manager: Pick<EntityManager, 'query'>,
  to: { userId: string; address: string },
  mail: AccountMail,
): Promise<void> {
  const { subject, text, html } = renderAccountMail(mail);
  await manager.query(
    `INSERT INTO mail_outbox (recipient_id, to_address, locale, subject, text_body, html_body) VALUES ($1, $2, $3, $4, $5, $6)`,
    [to.userId, to.address, mail.locale, subject.slice(0, 300), text, html],
  );
}

/** The language of the account's mail (notification settings), English until chosen. */
export async function mailLocaleOf(manager: Pick<EntityManager, 'query'>, userId: string): Promise<MailLocale> {
  const [row]: { locale: MailLocale }[] = await manager.query(`SELECT locale FROM notification_settings WHERE user_id = $1`, [userId]);
  return row?.locale ?? 'en';
}
