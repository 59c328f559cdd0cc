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
