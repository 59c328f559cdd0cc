import type { Catalog } from '../en.ts';

/** The account itself: address confirmation and change, My activity, data export and deletion. */
export const accountEn = {
  'account.banner':
    'Please confirm your e-mail address. We sent you a link; until you follow it, notifications reach you only here on the site.',
  'account.resend': 'Send the link again',
  'account.resent': 'A new link is on its way.',
  'account.verify.title': 'Confirm your e-mail address',
  'account.verify.lead': 'Follow the link from your e-mail with this button. It works once.',
  'account.verify.submit': 'Confirm',
  'account.verify.verified': 'Thank you: your e-mail address is confirmed. Notifications can reach you by e-mail now.',
  'account.verify.changed': 'Done: your account uses the new e-mail address now. Sign in with it from now on.',
  'account.verify.failed': 'Nothing was changed.',
  'account.verify.invalid': 'This confirmation link is not valid. Copy the whole link from the e-mail, or ask for a new one.',
  'account.verify.used': 'This confirmation link was already used.',
  'account.verify.expired': 'This confirmation link has expired. Ask for a new one.',
  'account.verify.foreign':
    'This link belongs to another account. Sign out first, or open it while signed in to the account it was sent to.',
  'account.verify.taken': 'This address belongs to another account by now.',
  'account.verify.stale': 'This link is for an address your account no longer uses.',
  'account.verify.toSettings': 'To your settings',
  'account.verify.home': 'To the start page',
  'account.email.title': 'E-mail address',
  'account.email.current': 'Your address: {email}',
  'account.email.verified': 'confirmed',
  'account.email.unverified': 'not confirmed yet',
  'account.email.pending':
    'Waiting for confirmation: {email}. Follow the link we sent there; until then your current address stays in use.',
  'account.email.new': 'New e-mail address',
  'account.email.hint': 'We send a link to the new address and tell the current one. The change happens when the link is followed.',
  'account.email.submit': 'Change e-mail address',
  'account.email.requested': 'Check the new mailbox: the change happens once you follow the link.',
} satisfies Record<string, string>;

export const accountDe: Catalog<typeof accountEn> = {
  'account.banner':
    'Bitte bestätige deine E-Mail-Adresse. Wir haben dir einen Link geschickt; bis du ihm folgst, erreichen dich Benachrichtigungen nur hier auf der Seite.',
  'account.resend': 'Link noch einmal schicken',
  'account.resent': 'Ein neuer Link ist unterwegs.',
  'account.verify.title': 'E-Mail-Adresse bestätigen',
  'account.verify.lead': 'Folge dem Link aus deiner E-Mail mit diesem Knopf. Er funktioniert einmal.',
  'account.verify.submit': 'Bestätigen',
  'account.verify.verified': 'Danke: Deine E-Mail-Adresse ist bestätigt. Benachrichtigungen erreichen dich jetzt auch per E-Mail.',
  'account.verify.changed': 'Erledigt: Dein Konto verwendet jetzt die neue E-Mail-Adresse. Melde dich ab jetzt damit an.',
  'account.verify.failed': 'Es wurde nichts geändert.',
  'account.verify.invalid': 'Dieser Bestätigungslink ist ungültig. Kopiere den ganzen Link aus der E-Mail oder fordere einen neuen an.',
  'account.verify.used': 'Dieser Bestätigungslink wurde schon benutzt.',
  'account.verify.expired': 'Dieser Bestätigungslink ist abgelaufen. Fordere einen neuen an.',
  'account.verify.foreign':
    'Dieser Link gehört zu einem anderen Konto. Melde dich zuerst ab oder öffne ihn, während du im Konto angemeldet bist, an das er ging.',
  'account.verify.taken': 'Diese Adresse gehört inzwischen zu einem anderen Konto.',
  'account.verify.stale': 'Dieser Link gilt einer Adresse, die dein Konto nicht mehr verwendet.',
  'account.verify.toSettings': 'Zu deinen Einstellungen',
  'account.verify.home': 'Zur Startseite',
  'account.email.title': 'E-Mail-Adresse',
  'account.email.current': 'Deine Adresse: {email}',
  'account.email.verified': 'bestätigt',
  'account.email.unverified': 'noch nicht bestätigt',
  'account.email.pending':
    'Wartet auf Bestätigung: {email}. Folge dem Link, den wir dorthin geschickt haben; bis dahin bleibt deine jetzige Adresse gültig.',
  'account.email.new': 'Neue E-Mail-Adresse',
  'account.email.hint':
    'Wir schicken einen Link an die neue Adresse und sagen der jetzigen Bescheid. Die Änderung gilt, sobald dem Link gefolgt wird.',
  'account.email.submit': 'E-Mail-Adresse ändern',
  'account.email.requested': 'Sieh im neuen Postfach nach: Die Änderung gilt, sobald du dem Link folgst.',
};
