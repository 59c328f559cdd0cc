import { describe, expect, it } from 'vitest';
import { checkStaffReply } from './check-staff-reply.js';

/** Which impersonal hints a whole staff reply gets: 'greeting', 'sign-off' or 'both' (one-line replies). */
const hints = (text: string, options = {}) =>
  checkStaffReply(text, options)
    .filter((f) => f.rule === 'impersonal')
    .map((f) =>
      f.message.startsWith('Greet the customer by name and') ? 'both' : f.message.startsWith('Greet') ? 'greeting' : 'sign-off',
    );

const PERSONAL_DE = [
  'Hallo Anke,\n\ndanke für das Foto vom Display. Der Fehler E-1042 kommt vom Zertifikat, das wir heute Nacht erneuert haben. Bitte starte das Gateway einmal neu, danach sollten die Live-Werte wieder kommen.\n\nViele Grüße\nMiriam',
  'Liebe Frau Schmidt,\n\nIhr Abschlag wurde angepasst, weil sich der Arbeitspreis zum 1. Juli geändert hat. Die neue Höhe sehen Sie im Portal unter „Verträge“.\n\nBeste Grüße, Miriam',
  'Guten Tag Herr Meier,\n\nder Zählerwechsel ist für nächste Woche eingeplant; der Netzbetreiber meldet sich zwei Tage vorher mit dem genauen Termin.\n\nLG Miriam',
  'Hallo Jonas,\n\nich habe dir eine private Unterhaltung geöffnet, dort klären wir die Vertragsdaten.\n\n— Miriam',
  'Moin Heike!\n\nDas Update 3.12.1 behebt genau das Problem mit der Tagesansicht. Magst du kurz prüfen, ob es bei dir schon installiert ist?\n\nGruß\nTobias',
  'Sehr geehrter Herr Dr. Müller,\n\nvielen Dank für Ihre Geduld. Die Gutschrift über 222,56 € ist heute angewiesen worden.\n\nMit freundlichen Grüßen\nTobias Reinhardt',
  'Servus Lena,\n\nbei der Wallbox hilft meistens ein Reset über die App (Einstellungen → Gerät → Neu starten).\n\nLiebe Grüße aus Köln\nMiriam',
  '**Hallo Anke,**\n\ndas ist jetzt erledigt. 🙂\n\n*Viele Grüße*\n*Miriam*',
  'Hallo Priya 👋\n\ndie Daten sind wieder da.\n\nBis bald,\nMiriam vom Peerdesk-Team',
  'Hallo Frau Weber, danke für den Hinweis – wir haben die Anleitung korrigiert. Viele Grüße, Tobias',
];

const IMPERSONAL_DE: [string, string[]][] = [
  ['Hallo zusammen,\n\nwir haben die Störung behoben, die Werte werden nachgeladen.\n\nEuer Peerdesk-Team', ['greeting', 'sign-off']],
  ['Sehr geehrte Damen und Herren,\n\nder Vorgang ist abgeschlossen.\n\nMit freundlichen Grüßen\nMiriam', ['greeting']],
  ['Hallo Anke,\n\nder Vorgang ist abgeschlossen.\n\nMit freundlichen Grüßen\nIhr Serviceteam', ['sign-off']],
  ['Hallo liebe Community,\n\ndas Update ist ab heute verfügbar.\n\nViele Grüße\nMiriam', ['greeting']],
  ['Guten Tag,\n\nbitte prüfen Sie die Sicherung im Zählerschrank.\n\nIhr Kundenservice', ['greeting', 'sign-off']],
  [
    'Zusammenfassung: Das Gateway hatte ein abgelaufenes Zertifikat; nach dem Update am 12.3. übertragen alle Geräte wieder. Wer das noch sieht, startet das Gateway einmal neu.',
    ['both'],
  ],
];

const PERSONAL_EN = [
  'Hi Anke,\n\nthanks for the photo. The gateway needs a restart after the certificate update; the live values should come back within five minutes.\n\n— Miriam',
  'Hi Anke, thanks for the photo. The gateway needs a restart after the certificate update. — Miriam',
  'Dear Mr. Smith,\n\nyour refund of $48.20 was issued today and should reach your account in three to five business days.\n\nKind regards,\nEmma (Peerdesk Support)',
  'Hello Sam,\n\nthe tariff change takes effect on July 1; nothing else changes for you.\n\nBest,\nTobias',
  'Hey @solar_sepp!\n\nGood catch – the docs were wrong, we fixed them.\n\nCheers, Miriam',
  'Good morning Priya,\n\nI opened a private conversation so we can check your contract there.\n\nThanks,\nJonas',
  'Hi Lena,\n\nthe inverter shows 0 W because the grid relay is open; a technician will visit on Friday.\n\nBest wishes\nMiriam\nPeerdesk Support',
  'Hi Marco 👋\n\nAll sorted now!\n\nTalk soon,\nEmma',
  'Dear Ms. O’Brien,\n\nthe meter swap is confirmed for next Tuesday.\n\nYours sincerely,\nTobias Reinhardt',
  'Hi Yusuf,\n\nplease update the app to 3.12.1 and try again.\n\nHave a great weekend,\nMiriam',
];

const IMPERSONAL_EN: [string, string[]][] = [
  ['Hi there,\n\nthe outage is fixed.\n\nBest, Tobias', ['greeting']],
  ['Hello everyone,\n\nthe new firmware is out.\n\nThe Support Team', ['greeting', 'sign-off']],
  ['Hi Sam,\n\nthe outage is fixed.\n\nBest regards, The Peerdesk Team', ['sign-off']],
  ['Dear customer,\n\nyour request has been processed.\n\nKind regards,\nCustomer Service', ['greeting', 'sign-off']],
  ['Hi Sam,\n\nthe outage is fixed.\n\nThanks', ['sign-off']],
  [
    'Resolution: the gateway had an expired certificate; after the update on March 12 all devices report again. If you still see this, restart the gateway once.',
    ['both'],
  ],
];

describe('impersonal: real staff replies', () => {
  it.each(PERSONAL_DE)('accepts the German reply %j', (text) => {
    expect(hints(text)).toEqual([]);
    expect(hints(text, { locale: 'de' })).toEqual([]);
  });

  it.each(IMPERSONAL_DE)('flags the German reply %j', (text, expected) => {
    expect(hints(text)).toEqual(expected);
    expect(hints(text, { locale: 'de' })).toEqual(expected);
  });

  it.each(PERSONAL_EN)('accepts the English reply %j', (text) => {
    expect(hints(text)).toEqual([]);
    expect(hints(text, { locale: 'en' })).toEqual([]);
  });

  it.each(IMPERSONAL_EN)('flags the English reply %j', (text, expected) => {
    expect(hints(text)).toEqual(expected);
    expect(hints(text, { locale: 'en' })).toEqual(expected);
  });

  it("suggests the author's own name, never a fixed colleague's", () => {
    const draft = 'Hallo zusammen,\n\nerledigt.\n\nIhr Team';
    const signOff = checkStaffReply(draft, { authorName: 'Jonas Weber' }).find((f) => f.message.startsWith('Sign'))!;
    expect(signOff.message).toContain('"Best, Jonas"');
    expect(signOff.messageDe).toContain('„Viele Grüße, Jonas“');
    const anonymous = checkStaffReply(draft).find((f) => f.message.startsWith('Sign'))!;
    expect(anonymous.message).toContain('<your name>');
    expect(anonymous.message).not.toMatch(/Tobias|Miriam/);
    expect(anonymous.messageDe).not.toMatch(/Tobias|Miriam/);
  });

  it('gives a one-line summary one hint, not the same tip twice', () => {
    const summary = 'Das Zertifikat war abgelaufen; nach dem Update läuft alles wieder.';
    const findings = checkStaffReply(summary);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'impersonal', start: 0, end: summary.length });
    expect(new Set(findings.map((f) => `${f.rule}:${f.start}:${f.end}`)).size).toBe(findings.length);
  });
});
