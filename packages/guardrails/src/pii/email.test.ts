import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';

const emails = (text: string) => detectPii(text, { kinds: ['email'] }).map((f) => text.slice(f.start, f.end));

describe('e-mail detection', () => {
  it.each([
    ['Meine Adresse ist max.mustermann@example.com.', 'max.mustermann@example.com'],
    ['login thomas.krueger+strom@example.co.uk', 'thomas.krueger+strom@example.co.uk'],
    ['jürgen.müller@example.de schreibt', 'jürgen.müller@example.de'],
    ['mail me: heike (at) example (dot) com', 'heike (at) example (dot) com'],
    ['Kontakt: dirk[at]example.net', 'dirk[at]example.net'],
    ['owen at example dot com', 'owen at example dot com'],
    ['anna\uff20example\uff0ecom', 'anna\uff20example\uff0ecom'],
  ])('finds the address in %j', (text, match) => {
    expect(emails(text)).toEqual([match]);
  });

  it.each(['logo@2x.png', 'Danke @SolarSepp!', 'npm i @peerdesk/guardrails', 'user@localhost', 'we met at noon', 'look at example.com'])(
    'ignores %j',
    (text) => {
      expect(emails(text)).toEqual([]);
    },
  );

  it.each([
    ['schreib an lena punkt brandt ät gmx punkt de', 'lena punkt brandt ät gmx punkt de'],
    ['reach me: jo.hansen at example.org', 'jo.hansen at example.org'],
    ['tim_k at web.de, all lowercase', 'tim_k at web.de'],
  ])('finds a spelled-out local part, "ät", and a mailbox-like local part before a bare "at": %j', (text, match) => {
    expect(emails(text)).toEqual([match]);
  });

  it.each([
    'Das Formular zeigt vorname.nachname@example.org als Hinweis',
    'the sign-up hint reads jane.doe@example.net, I typed mine instead',
    'Rundmails von xxxx@xxxx.com landen im Spam',
  ])('ignores generic placeholders on example domains and x-masked addresses: %j', (text) => {
    expect(emails(text)).toEqual([]);
  });

  it('still finds a named mailbox on an example domain', () => {
    expect(emails('bitte an ruth.olsen@example.com schreiben')).toEqual(['ruth.olsen@example.com']);
  });

  it.each(['I work at example.com now', 'She is at home.de today', 'Antwort kam von noreply@shop.example.com', 'test@demo.invalid'])(
    'ignores prose before a bare "at", no-reply senders and .invalid domains: %j',
    (text) => {
      expect(emails(text)).toEqual([]);
    },
  );
});

describe('role and team mailboxes, address patterns and stack frames', () => {
  it.each([
    'postmaster@mail.example.org bounced my message with 550 5.1.1',
    'Die Bewerbung geht an karriere@beispiel-gmbh.de, steht in der Anzeige.',
    'newsletter@deals.example keeps mailing me after I unsubscribed.',
    'Our team inbox is team-emea@company.example, replies within 2 business days.',
    "Reply-To: helpdesk+ticket-44719@support.example.com (that's the ticket alias)",
    'Die Adresse vorname.nachname@firma.de ist doch nur das Schema, oder?',
    'Stacktrace: PaymentException: code=2049 at de.shop.checkout.Card.authorize(Card.java:318)',
  ])('leaves %j alone', (text) => {
    expect(emails(text)).toEqual([]);
  });

  it('still finds a role-like mailbox the writer gives as theirs', () => {
    expect(emails('schreibt mir an office@tanja-keller.de')).toEqual(['office@tanja-keller.de']);
  });
});

describe('mailboxes of machines: config values, ticket aliases, security senders and message ids', () => {
  const mails = (text: string) => detectPii(text, { kinds: ['email'] }).map((f) => text.slice(f.start, f.end));

  it.each([
    'Meine .env:\n```\nSMTP_HOST=mail.peerdesk.de\nSMTP_USER=alerts@peerdesk.de\n```',
    'MAIL_FROM="notifications@shop.example.de" steht in der Config',
    'Why does every reply come from a different ticket alias (ticket-41556@help.peerdesk.com)?',
    'Mail von „peerdesk-sicherheit@secure-peerdesk.info“ will meine Kartendaten.',
    'Message-ID <b49bdac3-f455-4cec-9c3b-ebb43771cfc4@secure-peerdesk.info>',
    'bounce address 3f9a2c4e8b1d7f60a5c3@bounces.mailer.example.net',
  ])('reports nothing in %j', (text) => {
    expect(mails(text)).toEqual([]);
  });

  it.each([
    ['E-Mail: anna.berg@web.de', 'anna.berg@web.de'],
    ["It's nuria.garcia.1987@telefonica.net, same as always.", 'nuria.garcia.1987@telefonica.net'],
    ['schreibt mir an tom-support@gmx.de', 'tom-support@gmx.de'],
  ])('still reports a person’s address in %j', (text, match) => {
    expect(mails(text)).toEqual([match]);
  });
});

describe('logins and tool senders that look like e-mail addresses', () => {
  const mails = (text: string) => detectPii(text, { kinds: ['email'] }).map((f) => text.slice(f.start, f.end));

  it.each([
    'ssh git@gitlab.example.com',
    'ssh root@203.0.113.7.example.net fails with permission denied',
    'curl https://user:pass@api.example.com/v1',
    'The alert came from monitoring@grafana.example.io',
    'Absender war jira@peerdesk.atlassian.net',
  ])('reports nothing in %j', (text) => {
    expect(mails(text)).toEqual([]);
  });

  it.each([
    ['Kontakt bitte über info@mueller-fotografie.de', 'info@mueller-fotografie.de'],
    ['my email is root.anna@gmail.com', 'root.anna@gmail.com'],
  ])('still reports %j', (text, match) => {
    expect(mails(text)).toEqual([match]);
  });
});

describe('masked addresses and reply aliases', () => {
  const mails = (text: string) => detectPii(text, { kinds: ['email'] }).map((f) => text.slice(f.start, f.end));

  it.each([
    'confirmation went to ma…@gmx.de',
    'confirmation went to ma...@gmx.de',
    'Bestätigung an m*****r@t-online.de',
    'Die Mail ging an m•••r@web.de',
    'tickets+4471@peerdesk.zendesk.com',
    'reply+abc123def456@reply.github.com',
  ])('reports nothing in %j', (text) => {
    expect(mails(text)).toEqual([]);
  });

  it('still reports an address with dots inside', () => {
    expect(mails('meine Mail: m.a.x@gmx.de')).toEqual(['m.a.x@gmx.de']);
  });
});
