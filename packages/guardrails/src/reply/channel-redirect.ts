import { phrase, phrasesFor, type Phrase } from './phrases.js';
import type { Finding, Locale } from './types.js';

const EMAIL = String.raw`[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,4}`;

/** Sending the customer to another channel: phone, e-mail, contact form, social media DMs, live chat. */
const PHRASES: readonly Phrase[] = [
  phrase(
    'en',
    ['call', 'phone', 'ring'],
    String.raw`\b(?:call|phone|ring)\s(?:us|our\s(?:[\p{L}-]{1,20}\s){0,2}?(?:hotline|helpline|team|support|service|line|number))\b`,
  ),
  phrase(
    'en',
    ['contact', 'reach'],
    String.raw`\b(?:contact|reach)\s(?:us\s(?:by|via|at|on)\s(?:phone|telephone|e-?mail|mail)|our\s(?:[\p{L}-]{1,20}\s){0,2}?(?:hotline|helpline|call\scent(?:er|re)|customer\s(?:service|care|support)|support\s(?:team|desk)))\b`,
  ),
  phrase('en', ['hotline', 'helpline', 'call'], String.raw`hotlines?\b|\b(?:helpline|call\scent(?:er|re))\b`),
  phrase('en', ['give'], String.raw`\bgive\sus\sa\s(?:call|ring|buzz)\b`),
  phrase(
    'en',
    ['mail', 'dm', 'direct', 'pm'],
    String.raw`\b(?:send|drop|shoot|write)\s(?:us\s)?(?:an?\s)?(?:e-?mail|mail|DM|direct\smessage|PM)\b`,
  ),
  phrase('en', ['mail'], String.raw`\be-?mail\sus\b`),
  phrase('en', ['@'], String.raw`\b(?:to|at|via)\s${EMAIL}`),
  phrase('en', ['contact form', 'form'], String.raw`\bcontact\sform\b|\bweb\s?form\b`),
  phrase('en', ['dm'], String.raw`\bDM\sus\b|\b(?:slide|send)\sinto\sour\sDMs\b`),
  phrase(
    'en',
    ['dm', 'direct', 'whatsapp', 'messenger', 'twitter', 'facebook', 'instagram'],
    String.raw`\b(?:via|by|through|over|on)\s(?:DM|direct\smessage|WhatsApp|Messenger|Twitter|Facebook|Instagram)\b`,
  ),
  // "By e-mail" or "by phone" only as a way to reach us: "we will confirm by e-mail" is no redirect.
  phrase(
    'en',
    ['phone', 'mail', 'fax'],
    String.raw`\b(?:contact|reach|write\sto|talk\sto|get\sin\stouch\swith|send)\s(?:us|our\s[\p{L}-]{2,20})\s(?:[\p{L}-]{1,20}\s){0,2}?(?:via|by|through|over|on)\s(?:phone|telephone|e-?mail|mail|fax)\b`,
  ),
  phrase(
    'en',
    ['ticket'],
    String.raw`\b(?:open|submit|raise|file)\sa\s(?:support\s)?ticket\s(?:on|via|through)\sour\s(?:website|site|portal)\b`,
  ),
  phrase('en', ['chat'], String.raw`\blive\s?chat\b`),
  phrase(
    'de',
    ['ruf'],
    String.raw`\b(?:rufen\sSie|ruf|ruft)\s(?:doch\s|gerne\s|bitte\s|einfach\s|kurz\s){0,2}(?:uns|bei\suns|unsere?[nrs]?\s[\p{L}-]{2,30}|die\s(?:Hotline|Service[\p{L}-]{0,20}))\b`,
  ),
  phrase('de', ['hotline'], String.raw`hotlines?\b`),
  phrase('de', ['servicenummer', 'kostenlos'], String.raw`\bServicenummer\b|\bkostenlose[nr]?\s(?:Rufnummer|Nummer)\b`),
  phrase('de', ['telefon'], String.raw`\b(?:telefonisch|per\sTelefon)\b`),
  phrase('de', ['nummer'], String.raw`\bunter\s(?:der\s)?(?:Nummer|Rufnummer|Telefonnummer)\b`),
  phrase(
    'de',
    ['mail', 'dm', 'pn', 'direktnachricht'],
    String.raw`\b(?:schreiben|mailen|schicken|senden)\sSie\s(?:uns\s)?(?:gerne\s|bitte\s|einfach\s|kurz\s){0,2}(?:eine\s)?(?:E-?Mail|Mail|DM|PN|Direktnachricht)\b`,
  ),
  phrase(
    'de',
    ['mail', 'dm', 'pn', 'direktnachricht'],
    String.raw`\b(?:schreib|schreibt|schick|schickt)\s(?:uns\s)?(?:gerne\s|bitte\s|einfach\s|kurz\s){0,2}(?:eine\s)?(?:E-?Mail|Mail|DM|PN|Direktnachricht)\b`,
  ),
  phrase('de', ['@'], String.raw`\b(?:an|unter)\s${EMAIL}`),
  phrase('de', ['kontaktformular'], String.raw`\bKontaktformular\b`),
  phrase('de', ['whatsapp', 'dm', 'direktnachricht', 'pn'], String.raw`\bper\s(?:WhatsApp|DM|Direktnachricht|PN)\b`),
  // "Per E-Mail" only as a way to reach us: "Die Bestätigung kommt per E-Mail" is no redirect.
  phrase(
    'de',
    ['mail', 'post', 'fax'],
    String.raw`\b(?:melden|wenden|kontaktieren|erreichen|schicken|senden|schreiben)\s(?:Sie\s)?(?:sich\s|uns\s)?(?:[\p{L}-]{1,20}\s){0,3}?per\s(?:E-?Mail|Mail|Post|Fax)\b`,
  ),
  phrase(
    'de',
    ['wenden'],
    String.raw`\bwenden\sSie\ssich\s(?:bitte\s|gerne\s|direkt\s|telefonisch\s){0,2}an\s(?:unsere[nr]?\s|den\s|die\s)?(?:Kundenservice|Kundendienst|Service-?Team|Support|Kundenbetreuung|Servicecenter|Service-?Center)\b`,
  ),
  phrase('de', ['chat'], String.raw`\bLive-?Chat\b`),
];

const MESSAGE =
  'Sends the customer to another channel. Keep the conversation here; if personal data is needed, open a private conversation.';
const MESSAGE_DE =
  'Schickt die Kundin oder den Kunden in einen anderen Kanal. Bleiben Sie hier im Gespräch; wenn persönliche Daten nötig sind, öffnen Sie eine private Unterhaltung.';

export function checkChannelRedirect(text: string, locale?: Locale): Finding[] {
  const matches: [number, number][] = [];
  for (const { pattern } of phrasesFor(PHRASES, locale, text)) {
    for (const m of text.matchAll(pattern)) matches.push([m.index, m.index + m[0].length]);
  }
  // Where phrases overlap ("rufen Sie unsere Hotline" and "Hotline"), the longest one is reported.
  const kept: [number, number][] = [];
  for (const [start, end] of matches.sort((a, b) => b[1] - b[0] - (a[1] - a[0]))) {
    if (!kept.some(([s, e]) => start < e && s < end)) kept.push([start, end]);
  }
  return kept
    .sort((a, b) => a[0] - b[0])
    .map(([start, end]) => ({ rule: 'channel-redirect', severity: 'warning', message: MESSAGE, messageDe: MESSAGE_DE, start, end }));
}
