/**
 * Timing of detectPii and checkStaffReply (with 50 recent replies) on a realistic 5,000-character post.
 * Run from this folder: `pnpm exec node bench.ts`. Prints mean and p99 over many runs after a warm-up.
 */
import { loadavg } from 'node:os';
import { guardrails } from './scripts/source.ts';

const PARAGRAPHS = [
  'Hallo zusammen,\n\nich habe seit dem Update auf Firmware v2.4.13 ein Problem mit meinem Smart-Meter-Gateway FW-3000X. Die App (Version 3.12.0, Build 4471) zeigt seit dem 01.03.2024 keinen Live-Verbrauch mehr an, nur noch die Tageswerte von gestern. Ich habe den Router (Fritzbox, IP 192.168.178.1) schon dreimal neu gestartet, zwischen 06:30 und 07:15 Uhr, ohne Erfolg.',
  'Im Log des Gateways steht immer wieder 2024-03-12T08:15:30Z connection reset by peer, danach Fehler E-1042 und manchmal 0x80070005. Der Zählerstand laut Display liegt bei 12.345,6 kWh, im Portal stehen aber nur 12.280,1 kWh. Das sind immerhin 65,5 kWh Unterschied, bei 32,45 ct/kWh also gut 21 €.',
  'Mein Abschlag wurde außerdem von 85,00 € auf 112,50 € erhöht (+32 %), ohne dass sich am Verbrauch etwas geändert hätte. 2023 lag der Verbrauch bei 2.980 kWh, 2024 laut Prognose bei 3.100 kWh. Wir sind 4 Personen auf 120 m², Wärmepumpe mit COP 3,8 und eine PV-Anlage mit 9,8 kWp, Speicher 10,24 kWh.',
  'Ich habe schon bei der Hotline angerufen, dort wurde mir gesagt, ich solle meine Kundennummer 123456789 und meine Adresse Hauptstraße 12, 10115 Berlin hier posten, damit sich jemand meldet. Erreichbar bin ich unter 0171 1234567 oder max.mustermann@example.com. Ist das wirklich so gewollt?',
  'Zur Info noch die Details: Seriennummer SN 0045-7782-1190, Modell SMGW-200 als Ersatzgerät, Wechselrichter WR-10K-3P mit Version 0.9.12-beta. Der Ablesetermin war am 14.02.2024, der Techniker kam um 14:30 und war um 14:35 wieder weg. Die Sendungsnummer des Ersatzgeräts ist 00340434161234567890.',
  'Update: Ich habe jetzt die Anleitung von https://example.com/hilfe/gateway-2024 befolgt (Schritt 1 bis 3), Schritt 4 klappt nicht, weil der Reset-Knopf keine Reaktion zeigt. Das Display zeigt 88:88 und blinkt. Hat jemand eine Idee, @SolarSepp vielleicht? Du hattest im Thread #48213 etwas Ähnliches.',
  'Noch etwas: Die Jahresabrechnung vom 01.03.2024 weist einen Rechnungsbetrag von 1.234,56 € aus, die Abschläge summieren sich aber nur auf 1.012,00 €. Nachzahlung also 222,56 €. Laut Schreiben gilt ab dem 1.7.2024 ein neuer Arbeitspreis von 0,3245 €/kWh und ein Grundpreis von 12,90 €/Monat.',
  'I also tried the English help page, it says to check the fuse (3x 35 A) and the LAN cable, which I did. The inverter shows 230.4 V and 4.2 A but 0 W output. Battery is at 87% and does not charge further. Browser is Firefox 124.0.2 on Ubuntu 22.04, app on Android 14.',
  'Falls das hilft: Der Zähler hat die Nummer 1 EMH 00 1234 5678 laut Aufkleber, der Zählpunkt steht auf der Rechnung. Wir wohnen seit März 2019 hier und hatten bis zum Update nie Probleme. Die Lieferung des Kabels (bestellt am 03.04.2024, geliefert am 19.04.2024) hat zwei Wochen gedauert.',
  'Danke schon mal für eure Hilfe! Ich bin ab dem 24.12. bis 06.01. nicht erreichbar, danach schaue ich wieder rein. Bitte nicht per Telefon melden, ich antworte lieber hier im Forum.\n\nViele Grüße\nMax',
];

function post(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i++) text += (i ? '\n\n' : '') + PARAGRAPHS[i % PARAGRAPHS.length];
  return text.slice(0, length);
}

const TOPICS = [
  'das Gateway',
  'die Wallbox',
  'den Wechselrichter',
  'das Thermostat',
  'die App',
  'den Speicher',
  'die Abrechnung',
  'den Zählerwechsel',
];
const STEPS = [
  'einmal vom Strom trennen',
  'die App neu installieren',
  'den Router neu starten',
  'die Firmware aktualisieren',
  'das LAN-Kabel prüfen',
];
const NAMES = ['Anna', 'Jonas', 'Priya', 'Heike', 'Thomas', 'Emma', 'Yusuf', 'Marco', 'Lena', 'Dirk'];
const recentReplies = Array.from({ length: 50 }, (_, i) =>
  [
    `Hallo ${NAMES[i % NAMES.length]},`,
    `danke für deine Nachricht zu ${TOPICS[i % TOPICS.length]}. Ich habe mir die Daten angesehen: Bitte ${STEPS[i % STEPS.length]} und danach fünf Minuten warten.`,
    `Wenn ${TOPICS[(i + 3) % TOPICS.length]} dann immer noch keine Werte zeigt, schreib bitte hier, was die LED anzeigt (Farbe und Blinkmuster). Ich öffne dir bei Bedarf eine private Unterhaltung für die Vertragsdaten.`,
    `Fall ${1000 + i}: ${'Wir sehen in unseren Systemen keine Störung in deiner Region. '.repeat(1 + (i % 4))}`,
    `Viele Grüße, ${i % 2 ? 'Miriam' : 'Tobias'}`,
  ].join('\n\n'),
);

/** Wall-clock mean, median and p99 per run, and CPU time per run (robust when other processes compete for the cores). */
function measure(label: string, run: () => unknown, iterations: number): void {
  for (let i = 0; i < 200; i++) run();
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  const { user, system } = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))]!.toFixed(3);
  const cpuMs = (user + system) / 1000 / iterations;
  console.log(`${label.padEnd(38)} mean ${mean.toFixed(3)} ms  p50 ${at(0.5)} ms  p99 ${at(0.99)} ms  cpu ${cpuMs.toFixed(3)} ms/run`);
}

const text = post(5000);
const cold = performance.now();
guardrails.checkStaffReply(text, { recentStaffReplies: recentReplies });
const coldMs = performance.now() - cold;
console.log(`load average ${loadavg()[0]!.toFixed(2)} on this machine`);
console.log(`post: ${text.length} characters, ${guardrails.detectPii(text).length} PII findings; recent replies: ${recentReplies.length}`);
measure('detectPii', () => guardrails.detectPii(text), 2000);
measure('checkPublicPost', () => guardrails.checkPublicPost(text), 2000);
measure('checkStaffReply (50 recent replies)', () => guardrails.checkStaffReply(text, { recentStaffReplies: recentReplies }), 2000);
measure(
  'detectPii + checkStaffReply',
  () => [guardrails.detectPii(text), guardrails.checkStaffReply(text, { recentStaffReplies: recentReplies })],
  2000,
);
console.log(`first checkStaffReply call (cold, profiles of the recent replies not cached yet): ${coldMs.toFixed(3)} ms`);

// Pathological inputs: catastrophic backtracking would show here as milliseconds, not microseconds.
const PATHOLOGICAL: [string, string][] = [
  ['5,000 digits', '7'.repeat(5000)],
  ['5,000 spaces', ' '.repeat(5000)],
  ['a long run of ".-"', '.-'.repeat(2500)],
  ['digits and separators', '1.2-3/4 '.repeat(625)],
  ['repeated postcodes and cities', '12345 Berlin '.repeat(400)],
  ['repeated at signs', 'a@'.repeat(2500)],
  ['letters then "@"', 'a'.repeat(4999) + '@'],
  ['an endless local part', 'x.'.repeat(2500) + '@example.com'],
  ['IBAN-like prefixes', 'DE89 '.repeat(1000)],
  ['cue words', 'Kundennummer '.repeat(400)],
  ['street-like words', 'Hauptstraße 1, '.repeat(350)],
  ['date-like', '12.12.'.repeat(800)],
  ['spelled-out at and dot', 'a (at) b (dot) '.repeat(350)],
];
for (const [name, input] of PATHOLOGICAL) measure(`detectPii on ${name}`, () => guardrails.detectPii(input), 50);
const longDraft = ('Hallo Anna, ' + 'das Gateway meldet sich jede Minute beim Server. '.repeat(100)).slice(0, 5000);
const manyRecent = Array.from({ length: 50 }, (_, i) => `Hallo ${i}, ` + 'die Wallbox lädt wieder. '.repeat(40));
measure('checkStaffReply, long near-copies', () => guardrails.checkStaffReply(longDraft, { recentStaffReplies: manyRecent }), 200);
