/**
 * Demo community content: a fictional German home-energy provider's support community.
 * The seeder loads it on first start, so this is the first thing a visitor of Peerdesk sees.
 *
 * - `author`, `upvotes`, `downvotes` reference `DemoUser.key`.
 * - `daysAgo` places a thread in the last ~90 days; `hoursAfter` is relative to the thread's creation.
 * - Each thread stays in one language (German or English); spaces are language-neutral.
 * - Public posts never contain personal data; where account details are needed, staff move
 *   the conversation to the community's private channel.
 * - "Fennwatt" and all product names, versions and error codes are invented; links use example.com.
 */

export type DemoRole = 'member' | 'moderator' | 'agent' | 'admin';

export interface DemoUser {
  key: string;
  displayName: string;
  email: string;
  role: DemoRole;
}

export interface DemoSpace {
  slug: string;
  name: string;
  description: string;
}

export interface DemoComment {
  author: string;
  body: string;
  hoursAfter: number;
}

export interface DemoAnswer {
  author: string;
  body: string;
  hoursAfter: number;
  accepted?: boolean;
  upvotes?: string[];
  downvotes?: string[];
  comments?: DemoComment[];
}

export interface DemoThread {
  space: string;
  author: string;
  title: string;
  body: string;
  tags: string[];
  daysAgo: number;
  upvotes?: string[];
  comments?: DemoComment[];
  answers: DemoAnswer[];
}

/** Joins Markdown lines; keeps long bodies readable without template-literal indentation pitfalls. */
function md(...lines: string[]): string {
  return lines.join('\n');
}

export const demoCompany: { name: string; tagline: string } = {
  name: 'Fennwatt',
  tagline: 'Green power, solar and smart-home tech for homes across Germany.',
};

export const demoUsers: DemoUser[] = [
  { key: 'katrin', displayName: 'Katrin Vogt', email: 'katrin.vogt@demo.peerdesk.test', role: 'admin' },
  { key: 'jonas', displayName: 'Jonas Albrecht', email: 'jonas.albrecht@demo.peerdesk.test', role: 'moderator' },
  { key: 'miriam', displayName: 'Miriam Çelik', email: 'miriam.celik@demo.peerdesk.test', role: 'agent' },
  { key: 'tobias', displayName: 'Tobias Reinhardt', email: 'tobias.reinhardt@demo.peerdesk.test', role: 'agent' },
  { key: 'sepp', displayName: 'SolarSepp', email: 'solarsepp@example.com', role: 'member' },
  { key: 'priya', displayName: 'Priya Raman', email: 'priya.raman@example.com', role: 'member' },
  { key: 'heike', displayName: 'Heike Brandt', email: 'heike.brandt@example.com', role: 'member' },
  { key: 'lena', displayName: 'Lena H.', email: 'lena.h@example.com', role: 'member' },
  { key: 'thomas', displayName: 'Thomas Krüger', email: 'thomas.krueger@example.com', role: 'member' },
  { key: 'dirk', displayName: 'Dirk W.', email: 'dirk.w@example.com', role: 'member' },
  { key: 'yusuf', displayName: 'Yusuf Demir', email: 'yusuf.demir@example.com', role: 'member' },
  { key: 'marco', displayName: 'Marco Ricci', email: 'marco.ricci@example.com', role: 'member' },
  { key: 'anna', displayName: 'Anna Kowalska', email: 'anna.kowalska@example.com', role: 'member' },
  { key: 'emma', displayName: 'Emma Clarke', email: 'emma.clarke@example.com', role: 'member' },
];

export const demoSpaces: DemoSpace[] = [
  {
    slug: 'smart-meter-app',
    name: 'Smart Meter & App',
    description: 'Smart meters, gateways, IR readers, thermostats and the Fennwatt app: setup, connectivity and live data.',
  },
  {
    slug: 'billing-tariffs',
    name: 'Billing & Tariffs',
    description: 'Invoices, monthly payments, price changes, and choosing between fixed, heat-pump and dynamic tariffs.',
  },
  {
    slug: 'solar-storage',
    name: 'Solar & Battery Storage',
    description: 'Inverters, home batteries, wallboxes and feed-in: getting the most out of your own solar power.',
  },
  {
    slug: 'account-login',
    name: 'Account & Login',
    description: 'Signing in, two-factor authentication, household members and account settings.',
  },
  {
    slug: 'ideas',
    name: 'Feature Ideas',
    description: 'Suggest improvements to our products and vote on ideas from others. Our product team reads along.',
  },
];

/** Tag slugs: lowercase a-z, 0-9 and "-", at most 30 characters. */
export const demoTags: string[] = [
  'app',
  'android',
  'ios',
  'web-portal',
  'smart-meter',
  'smart-home',
  'firmware',
  'invoice',
  'monthly-payment',
  'dynamic-tariff',
  'feed-in',
  'battery',
  'wallbox',
  'heat-pump',
  'login',
  'two-factor',
  'data-export',
];

export const demoThreads: DemoThread[] = [
  // ── Smart Meter & App ─────────────────────────────────────────────────────
  {
    space: 'smart-meter-app',
    author: 'heike',
    daysAgo: 74,
    tags: ['smart-meter', 'firmware'],
    upvotes: ['yusuf', 'dirk', 'lena'],
    title: 'Gateway G2 nach Update auf Firmware 2.8.3 dauerhaft offline (E-2041)',
    body: md(
      'Seit dem automatischen Update meines **FW Gateway G2** auf Firmware `2.8.3` zeigt die App nur noch „Keine Verbindung“. Im Geräteprotokoll steht Folgendes:',
      '',
      '```',
      '03:12:41 fw-update 2.8.2 -> 2.8.3 ok, rebooting',
      '03:13:05 wlan: assoc ok, band=5GHz, ch=36',
      '03:13:13 dhcp: no offer received (timeout 8s)',
      '03:13:13 E-2041 backend unreachable',
      '```',
      '',
      'Was ich schon probiert habe:',
      '',
      '- Gateway 30 Sekunden vom Strom getrennt',
      '- Router neu gestartet',
      '- In der App „Gerät neu verbinden“ – bleibt bei 60 % hängen',
      '',
      'Vor dem Update lief alles zwei Jahre lang problemlos. Hat jemand eine Idee, woran das liegen kann?',
    ),
    answers: [
      {
        author: 'sepp',
        hoursAfter: 3,
        accepted: true,
        upvotes: ['heike', 'lena', 'thomas', 'tobias', 'dirk'],
        body: md(
          'Das Log verrät es: `band=5GHz`. Seit 2.8.3 verbindet sich das G2 bevorzugt mit 5 GHz, wenn der Router beide Bänder unter demselben Namen funkt (Band Steering). Und genau dort klappt beim G2 die Adressvergabe per DHCP oft nicht.',
          '',
          'So habe ich es bei mir gelöst:',
          '',
          '1. Im Router ein eigenes 2,4-GHz-Netz anlegen (oder Band Steering kurz ausschalten).',
          '2. Am G2 die Reset-Taste **kurz** (2 Sekunden) drücken → LED blinkt blau = Einrichtungsmodus. Nicht 10 Sekunden halten, sonst gibt es einen Werksreset!',
          '3. In der App unter *Geräte › Gateway › WLAN ändern* das 2,4-GHz-Netz auswählen.',
          '',
          'Danach sollte im Log `band=2.4GHz` und `dhcp: lease ok` stehen. Band Steering kannst du anschließend wieder einschalten, das G2 bleibt im 2,4-GHz-Netz.',
        ),
        comments: [
          {
            author: 'heike',
            hoursAfter: 6,
            body: 'Hat funktioniert! Die LED ist wieder grün und die Werte kommen an. Tausend Dank, Sepp 🙏',
          },
          {
            author: 'tobias',
            hoursAfter: 20,
            body: 'Danke, Sepp, für die saubere Anleitung! Ergänzung vom Team: Firmware `2.8.4` behebt das DHCP-Problem im 5-GHz-Band und wird gerade schrittweise verteilt. Viele Grüße, Tobias',
          },
        ],
      },
    ],
  },
  {
    space: 'smart-meter-app',
    author: 'marco',
    daysAgo: 61,
    tags: ['app', 'android'],
    upvotes: ['anna', 'priya', 'emma'],
    title: 'App 4.12.0 crashes on Android 14 when I open the weekly consumption chart',
    body: md(
      'Since updating the Fennwatt app to **4.12.0** (Android 14), the app closes immediately when I switch the consumption chart to the week view. The day view works fine; the month view crashes as well.',
      '',
      'Steps to reproduce:',
      '',
      '1. Open the app and log in',
      '2. Go to **Consumption**',
      '3. Switch from *Day* to *Week*',
      '',
      "→ the app closes, no error message. I've already cleared the cache and reinstalled the app. Anyone else seeing this? We just got a new dishwasher and I'm curious what last week looked like 😄",
    ),
    answers: [
      {
        author: 'priya',
        hoursAfter: 2,
        upvotes: ['marco', 'emma', 'anna'],
        body: md(
          'Same here on Android 14, but not on my older Android 12 tablet. It seems to choke on weeks with gaps in the data — my gateway was offline for an hour on Tuesday.',
          '',
          "Two workarounds until there's a fix:",
          '',
          '- Use the **web portal** at https://example.com/fennwatt/portal → *Verbrauch › Woche*. Same data, no crash.',
          '- Switch the app language to German. No idea why, but that avoids the crash for me (probably a date-format thing).',
        ),
        comments: [{ author: 'marco', hoursAfter: 4, body: 'Switching the language to German actually works 😂 Thanks, Priya!' }],
      },
      {
        author: 'miriam',
        hoursAfter: 26,
        accepted: true,
        upvotes: ['marco', 'priya', 'anna', 'dirk'],
        body: md(
          'Hi Marco,',
          '',
          'thanks for the clear steps to reproduce — and thank you, Priya, for narrowing it down. That helped our developers a lot.',
          '',
          "The crash happens when a week contains a gap in the meter data *and* the phone uses an English date format. Version **4.12.1** fixes this and is rolling out on Google Play today. If you don't see the update yet, it should arrive within the next 24 hours.",
          '',
          'After updating, the week and month views should work regardless of the app language. If anyone still sees a crash on 4.12.1, please let me know here.',
          '',
          '— Miriam',
        ),
        comments: [
          { author: 'marco', hoursAfter: 30, body: 'Updated to 4.12.1 — week and month views work fine now. Great turnaround, thank you!' },
        ],
      },
    ],
  },
  {
    space: 'smart-meter-app',
    author: 'emma',
    daysAgo: 33,
    tags: ['app', 'smart-meter'],
    upvotes: ['lena', 'anna'],
    title: 'Why does my consumption in the app always lag one day behind?',
    body: md(
      "I've had my smart meter (FW-Z300 with the G2 gateway) for about a month now. In the app, *Today* is always empty, and yesterday's values only show up around lunchtime the next day. My neighbour is with another provider and sees live data on her phone.",
      '',
      "Is this normal, or is something misconfigured on my side? Live data would really help me figure out what's using so much power at night — I suspect the old freezer in the basement.",
    ),
    answers: [
      {
        author: 'priya',
        hoursAfter: 5,
        upvotes: ['emma', 'anna', 'lena'],
        body: md(
          "That's normal for the certified gateway path: the G2 sends the 15-minute values to the metering operator once a day, and from there they reach the app. So the delay of about a day is a regulatory thing, not a fault.",
          '',
          'For live data you have two options:',
          '',
          "- **IR reader (Lesekopf IR-1)** on the meter's optical interface: second-by-second readings in the app under *Live*. You need to unlock the meter with a PIN first — see [this thread](https://example.com/fennwatt/community/ir-reader-pin).",
          "- A **Fennwatt Plug** between the freezer and the socket: shows that one device's consumption in real time.",
          '',
          'For your freezer hunt, the plug is probably the quickest answer.',
        ),
        comments: [{ author: 'emma', hoursAfter: 12, body: 'Thanks! I ordered a plug and will report back on what the freezer is up to.' }],
      },
      {
        author: 'anna',
        hoursAfter: 9,
        upvotes: ['emma', 'marco'],
        body: "+1 for the plug. That's how I found our mysterious night-time consumer: a 15-year-old aquarium heater drawing 180 W around the clock. 🙈",
      },
    ],
  },
  {
    space: 'smart-meter-app',
    author: 'emma',
    daysAgo: 52,
    tags: ['smart-meter', 'app', 'ios'],
    upvotes: ['marco', 'anna'],
    title: 'How do I unlock my meter for the IR reader? The app only shows total kWh',
    body: md(
      'I attached the **Lesekopf IR-1** to my FW-Z300 meter and paired it in the app (4.11.2, iOS). Pairing worked, but the *Live* tab only shows the total meter reading (`1.8.0`) and no current power in watts.',
      '',
      'The setup wizard mentioned a "PIN", but I never got one — or did I throw it away with the paperwork? 😅',
      '',
      "What is the PIN for, and how do I enter it? There's no keypad on the meter.",
    ),
    answers: [
      {
        author: 'priya',
        hoursAfter: 4,
        accepted: true,
        upvotes: ['emma', 'marco', 'anna', 'heike', 'sepp'],
        body: md(
          "The meter hides the detailed values (current power, history) by default for privacy reasons — that's why you only see `1.8.0`. The 4-digit PIN comes from your **metering point operator** by post, usually together with the letter about the meter installation. If you can't find it, you can request it again in the app under *Zähler › Info-Schnittstelle › PIN anfordern*. It's sent by letter, never shown in the app.",
          '',
          "You enter it with a torch, since there's no keypad:",
          '',
          '1. Shine a torch at the optical sensor (marked with a small eye symbol) → the display shows `PIN ----`.',
          '2. Flash once per count for the first digit: 3 flashes = 3. Wait about 3 seconds and it moves on to the next digit.',
          '3. After the fourth digit, the display shows `InF OFF`. Flash once, wait, then one **long** flash (5 seconds) switches it to `InF On`.',
          '',
          "Then pull down to refresh on the *Live* tab. The timing is a bit fiddly, so don't worry if it takes a few tries.",
          '',
          "And obviously: don't post the PIN here 😉",
        ),
        comments: [
          {
            author: 'emma',
            hoursAfter: 50,
            body: 'Found the letter in the recycling bin 😂 Took me three attempts, but I can see live watts now. Thank you!',
          },
          {
            author: 'tobias',
            hoursAfter: 55,
            body: 'Thanks, Priya! We have added your steps to our help article: https://example.com/fennwatt/help/ir-reader — Tobias',
          },
        ],
      },
    ],
  },
  {
    space: 'smart-meter-app',
    author: 'yusuf',
    daysAgo: 2,
    tags: ['smart-home', 'firmware'],
    upvotes: ['thomas'],
    title: 'Thermostat T2 verliert jede Nacht gegen 2 Uhr die Verbindung zur Bridge',
    body: md(
      'Ich habe vier **Fennwatt Thermo T2** im Haus, gekoppelt über die Bridge (Firmware `3.1.0`). Seit etwa einer Woche fällt das Thermostat im Kinderzimmer jede Nacht zwischen 2 und 3 Uhr aus, und morgens ist es dort dann eiskalt. Die anderen drei laufen stabil.',
      '',
      'Aus dem Bridge-Log:',
      '',
      '```',
      '02:07:13 zb: node 0x4F2A last seen 612s ago',
      '02:07:13 zb: node 0x4F2A marked offline',
      '06:41:02 zb: node 0x4F2A rejoined (rssi -88)',
      '```',
      '',
      'Die Batterien habe ich schon getauscht (frische Alkaline). Das Zimmer ist am weitesten von der Bridge entfernt, aber bisher hat das immer gereicht. Hat jemand einen Tipp, bevor ich das Ding zurückschicke?',
    ),
    comments: [
      {
        author: 'thomas',
        hoursAfter: 5,
        body: 'RSSI -88 ist schon ziemlich grenzwertig. Steht seit letzter Woche vielleicht etwas Neues zwischen Bridge und Zimmer – ein Schrank, ein Spiegel, ein Aquarium?',
      },
      {
        author: 'yusuf',
        hoursAfter: 8,
        body: 'Gute Frage – wir haben tatsächlich im Flur einen großen Spiegelschrank aufgehängt. 🤔 Ich teste heute Nacht mit der Bridge an einer anderen Stelle.',
      },
    ],
    answers: [],
  },
  {
    space: 'smart-meter-app',
    author: 'anna',
    daysAgo: 40,
    tags: ['data-export', 'smart-meter'],
    upvotes: ['priya', 'marco', 'sepp'],
    title: 'Is there an official API or webhook for live meter readings?',
    body: md(
      'I run my own little home-automation server and would love to pull the live readings from my IR reader directly instead of opening the app. Is there a documented API, MQTT or webhooks? I found an old forum post mentioning an API, but nothing official.',
      '',
      "Ideally I'd get:",
      '',
      '- current power (W) every few seconds',
      '- daily totals',
      '- the current dynamic tariff price',
      '',
      "I'd be happy to use a token with read-only access if something like that exists.",
    ),
    comments: [
      {
        author: 'jonas',
        hoursAfter: 28,
        body: 'Good question! If you would like an official API for prices and invoices, please post it in *Feature Ideas* so others can vote — that is where our product team looks first. — Jonas',
      },
    ],
    answers: [
      {
        author: 'priya',
        hoursAfter: 3,
        upvotes: ['anna', 'marco', 'emma', 'sepp'],
        body: md(
          "There's no public cloud API yet, but there is something that fits your use case even better: since firmware `1.4.0` the IR-1 reader has a **local MQTT export**. It's a bit hidden:",
          '',
          '*App › Geräte › Lesekopf IR-1 › Erweitert › Lokaler Export*',
          '',
          'Enter your broker address and it publishes topics like these:',
          '',
          '```',
          'fennwatt/ir1/power_w       412',
          'fennwatt/ir1/energy_kwh    10523.8',
          'fennwatt/ir1/status        online',
          '```',
          '',
          "The data stays in your own network and updates every 2 seconds. Daily totals are easy to compute from `energy_kwh`. For the dynamic price there's nothing official yet — that one would be a good candidate for *Feature Ideas*.",
        ),
        comments: [{ author: 'anna', hoursAfter: 7, body: 'Whoa, I had no idea this existed. Will try it tonight!' }],
      },
    ],
  },
  {
    space: 'smart-meter-app',
    author: 'dirk',
    daysAgo: 19,
    tags: ['smart-meter', 'app'],
    upvotes: ['heike'],
    title: 'Zählerstand in der App weicht um 37 kWh vom Display am Zähler ab',
    body: md(
      'Ich wollte heute zur Kontrolle den Zählerstand ablesen: Das Display am **FW-Z300** zeigt `1.8.0  18.412,6 kWh`, die App (4.12.1) unter *Zähler › Stand* aber **18.375,4 kWh**. Das sind immerhin 37 kWh Unterschied – bei meinem Tarif gut 12 €.',
      '',
      'Welcher Wert wird denn abgerechnet? Und warum stimmen die beiden nicht überein? Ich möchte ungern für Strom zahlen, den ich (noch) gar nicht verbraucht habe.',
    ),
    answers: [
      {
        author: 'sepp',
        hoursAfter: 2,
        accepted: true,
        upvotes: ['dirk', 'heike', 'yusuf'],
        body: md(
          'Keine Sorge, da geht nichts verloren. Die App zeigt den Stand vom **letzten übermittelten Messwert**, das Display am Zähler ist dagegen live. Normalerweise ist der App-Wert von gestern Mitternacht – 37 kWh an einem Tag wären für einen normalen Haushalt aber ziemlich viel.',
          '',
          'Zwei Dinge zum Prüfen:',
          '',
          '- Steht klein unter dem Wert in der App „Stand vom …“ mit einem älteren Datum? Dann hängt die Übertragung, und du solltest das Gateway prüfen.',
          '- Zeigt das Display abwechselnd `1.8.1` und `1.8.2`? Dann hast du einen Zweitarifzähler (HT/NT), und die App zeigt je nach Einstellung nur **ein** Zählwerk.',
          '',
          'Abgerechnet wird immer der Wert, den der Messstellenbetreiber übermittelt – und nie mehr, als tatsächlich durch den Zähler gelaufen ist.',
        ),
        comments: [
          {
            author: 'dirk',
            hoursAfter: 5,
            body: 'Volltreffer: „Stand vom“ war vier Tage alt. Gateway neu gestartet, jetzt passt es bis auf den heutigen Verbrauch. Danke!',
          },
          {
            author: 'sepp',
            hoursAfter: 6,
            body: 'Prima! Falls das öfter passiert, schau mal in den Thread zu E-2041 – könnte dasselbe WLAN-Thema sein.',
          },
        ],
      },
    ],
  },
  // ── Billing & Tariffs ─────────────────────────────────────────────────────
  {
    space: 'billing-tariffs',
    author: 'thomas',
    daysAgo: 83,
    tags: ['monthly-payment', 'heat-pump'],
    upvotes: ['yusuf', 'dirk'],
    title: 'Abschlag nach Wechsel in den WärmeStrom-Tarif plötzlich 40 € höher – warum?',
    body: md(
      'Wir haben vor Kurzem eine Wärmepumpe bekommen und sind deshalb vom **Fennwatt Ökostrom Fix 24** in den Tarif **Fennwatt WärmeStrom** gewechselt. Der Arbeitspreis ist dort laut Preisblatt deutlich günstiger (27,9 statt 34,5 ct/kWh), trotzdem ist mein monatlicher Abschlag von 89 € auf **129 €** gestiegen.',
      '',
      'Ich verstehe die Logik nicht ganz:',
      '',
      '- Ist bei der Umstellung etwas schiefgelaufen?',
      '- Wird der Abschlag einfach auf Basis einer Schätzung berechnet?',
      '- Kann ich ihn selbst anpassen?',
    ),
    answers: [
      {
        author: 'sepp',
        hoursAfter: 3,
        upvotes: ['thomas', 'yusuf'],
        body: 'Kleiner Erfahrungswert: Bei uns (140 m², Luft-Wasser-Wärmepumpe) lag der angenommene Verbrauch im ersten Jahr fast 1.500 kWh zu hoch. Nach drei Monaten mit echten Werten hat die Neuberechnung den Abschlag wieder ordentlich gesenkt.',
      },
      {
        author: 'miriam',
        hoursAfter: 5,
        accepted: true,
        upvotes: ['thomas', 'sepp', 'yusuf', 'dirk'],
        body: md(
          'Hallo Thomas,',
          '',
          'danke für die ausführliche Frage – bei der Umstellung ist nichts schiefgelaufen. Beim Wechsel in den WärmeStrom-Tarif berechnen wir den Abschlag neu, und zwar auf Basis des **erwarteten Jahresverbrauchs inklusive Wärmepumpe**. Weil es für deinen Haushalt noch keine Verbrauchswerte mit Wärmepumpe gibt, setzt das System einen Standardwert nach Wohnfläche an. Der günstigere Arbeitspreis wird also durch die höhere erwartete Menge mehr als ausgeglichen.',
          '',
          'Was du tun kannst:',
          '',
          '1. In der App unter *Vertrag › Abschlag anpassen* einen eigenen Betrag wählen (im Rahmen von ±30 %).',
          '2. Nach drei Monaten mit Wärmepumpe eine Neuberechnung anstoßen – dann nehmen wir deine echten Werte.',
          '',
          'Zu viel gezahlte Abschläge bekommst du mit der Jahresabrechnung natürlich vollständig zurück. Wenn du möchtest, schaue ich mir die Annahmen für deinen Vertrag genauer an. Dafür schreibe ich dir gern eine private Nachricht hier in der Community, damit deine Vertragsdaten nicht öffentlich stehen.',
          '',
          'Viele Grüße',
          'Miriam',
        ),
        comments: [
          {
            author: 'thomas',
            hoursAfter: 9,
            body: 'Danke, das erklärt es. Ich habe den Abschlag jetzt auf 105 € gesetzt und stoße in drei Monaten die Neuberechnung an.',
          },
        ],
      },
    ],
  },
  {
    space: 'billing-tariffs',
    author: 'emma',
    daysAgo: 47,
    tags: ['dynamic-tariff', 'invoice'],
    upvotes: ['marco', 'anna', 'yusuf'],
    title: 'Dynamic tariff: why was I charged 41 ct/kWh at 7 pm when the spot price was 12 ct?',
    body: md(
      "I switched to **Fennwatt Dynamisch** last month. In the app's price view, yesterday at 19:00 showed a spot price of **12.3 ct/kWh**, but my hourly breakdown for that hour says **41.2 ct/kWh**. That's more than my old fixed tariff!",
      '',
      'Am I misreading something? I thought dynamic meant I pay the exchange price. Some values from yesterday:',
      '',
      '| Hour | Spot price | Charged |',
      '|---|---|---|',
      '| 03:00 | 2.1 ct | 29.0 ct |',
      '| 18:00 | 10.9 ct | 39.5 ct |',
      '| 19:00 | 12.3 ct | 41.2 ct |',
    ),
    comments: [{ author: 'marco', hoursAfter: 1, body: 'I had the same confusion last month, following.' }],
    answers: [
      {
        author: 'priya',
        hoursAfter: 3,
        accepted: true,
        upvotes: ['emma', 'anna', 'marco', 'dirk'],
        body: md(
          "You're reading it right — the chart shows the *exchange* price, the breakdown shows *everything*. With a dynamic tariff only the energy part follows the exchange; the rest is a fixed amount per kWh:",
          '',
          '- grid fees (set by your local grid operator)',
          '- electricity tax, levies and concession fee',
          "- Fennwatt's margin (fixed, listed in the price sheet)",
          '- 19 % VAT on top of all of it',
          '',
          'Your numbers fit this rule of thumb nicely:',
          '',
          '```',
          'charged ≈ (spot + fixed part) × 1.19',
          '41.2    ≈ (12.3 + 22.3)       × 1.19',
          '29.0    ≈ ( 2.1 + 22.3)       × 1.19',
          '```',
          '',
          'So the savings come from *shifting* consumption: for you the spread between 03:00 and 19:00 is about 12 ct/kWh. If most of your usage is in the evening, a fixed tariff can indeed be cheaper.',
          '',
          'Tip: since app 4.12 you can switch on *Show total price* in the chart settings, so the chart and your bill show the same numbers.',
        ),
        comments: [
          {
            author: 'emma',
            hoursAfter: 6,
            body: 'The "Show total price" switch is exactly what I needed. Evening cooking will have to stay expensive, I guess 🍝',
          },
        ],
      },
    ],
  },
  {
    space: 'billing-tariffs',
    author: 'heike',
    daysAgo: 26,
    tags: ['invoice'],
    upvotes: ['dirk', 'yusuf'],
    title: 'Jahresabrechnung zweimal erhalten, mit unterschiedlichen Beträgen – welche gilt?',
    body: md(
      'Guten Tag zusammen,',
      '',
      'ich habe diese Woche zwei Jahresabrechnungen im Postfach der App gefunden, beide für denselben Zeitraum. Die erste endet mit einer Nachzahlung von 212,40 €, die zweite (zwei Tage später) mit einer Nachzahlung von 86,15 €. Auch der Verbrauch ist unterschiedlich: 3.412 kWh auf der ersten, 3.118 kWh auf der zweiten. Eine Erklärung steht nirgends dabei.',
      '',
      'Muss ich jetzt beide bezahlen? Und woher kommt der große Unterschied?',
      '',
      'Vielen Dank für Ihre Hilfe!',
    ),
    answers: [
      {
        author: 'tobias',
        hoursAfter: 4,
        upvotes: ['heike', 'dirk', 'sepp'],
        body: md(
          'Hallo Heike,',
          '',
          'keine Sorge, bezahlen müssen Sie auf keinen Fall beide. Kommt eine zweite Abrechnung für denselben Zeitraum, ist das fast immer eine **Korrekturrechnung**, die die erste ersetzt – zum Beispiel, weil nachträglich ein abgelesener Zählerstand statt eines geschätzten eingegangen ist. Das würde auch die unterschiedlichen Verbrauchswerte erklären.',
          '',
          'Um mir Ihre Abrechnung konkret anzuschauen, brauche ich Ihre Vertragsdaten, und die gehören nicht in einen öffentlichen Beitrag. Ich habe Ihnen deshalb eine **private Unterhaltung** hier in der Community gestartet (oben rechts unter *Nachrichten*). Schreiben Sie mir gern dort, dann klären wir das gemeinsam.',
          '',
          'Viele Grüße',
          'Tobias',
        ),
        comments: [
          { author: 'heike', hoursAfter: 6, body: 'Vielen Dank, ich habe Ihnen dort geantwortet.' },
          {
            author: 'tobias',
            hoursAfter: 30,
            body: 'Kurzes Update für alle mit derselben Frage: Wir haben es privat geklärt. Die zweite Rechnung ist eine Korrektur nach einem abgelesenen Zählerstand und ersetzt die erste vollständig. Fällig ist nur der Betrag der Korrekturrechnung. — Tobias',
          },
        ],
      },
      {
        author: 'dirk',
        hoursAfter: 8,
        upvotes: ['heike'],
        body: 'Hatte ich letztes Jahr auch. Auf der zweiten Rechnung steht ganz klein oben rechts „Korrektur zu Rechnung …“ – man muss nur wissen, wo man suchen muss. 😉 Die Stornierung der ersten kam bei mir ein paar Tage später ins Postfach der App.',
      },
    ],
  },
  {
    space: 'billing-tariffs',
    author: 'marco',
    daysAgo: 28,
    tags: ['dynamic-tariff'],
    upvotes: ['anna', 'emma'],
    title: 'Can I switch from Ökostrom Fix 24 to the dynamic tariff before the 24 months are up?',
    body: md(
      "I'm 10 months into **Fennwatt Ökostrom Fix 24** (price guarantee for 24 months). We just got an EV, and charging at night would make **Fennwatt Dynamisch** much more attractive.",
      '',
      'The price sheet mentions a "minimum term" for the fixed-price tariff, but I can\'t find out whether switching *within* Fennwatt counts as cancelling. Has anyone done this? Did you have to pay anything?',
    ),
    answers: [
      {
        author: 'anna',
        hoursAfter: 6,
        upvotes: ['marco', 'emma', 'priya'],
        body: md(
          "I did exactly this last spring, about 14 months into Fix 24. In the app go to *Vertrag › Tarif wechseln* — it offered the dynamic tariff with a note that the switch is possible at the end of the month without a fee, because it's an internal change. Nobody charged me anything.",
          '',
          'Two things to keep in mind:',
          '',
          "- You lose the price guarantee. If prices go up, you can't go back to your old Fix 24 price, only to whatever fixed tariff is on offer then.",
          '- Dynamisch needs a working smart meter gateway; the option only shows up if yours is connected.',
        ),
        comments: [
          { author: 'marco', hoursAfter: 22, body: 'The option shows up for me too. I will run the numbers first, like Emma suggests.' },
        ],
      },
      {
        author: 'emma',
        hoursAfter: 20,
        upvotes: ['anna', 'marco'],
        body: "Not a switching story, but a tip: before you switch, export your last few months of consumption and check how much of it actually happens at night. For us the EV turned out to be only about 30 % of our total usage, so the savings were smaller than I'd hoped.",
      },
    ],
  },
  {
    space: 'billing-tariffs',
    author: 'dirk',
    daysAgo: 1,
    tags: ['monthly-payment', 'invoice'],
    upvotes: ['heike'],
    title: 'Monatsabschlag wurde zweimal per Lastschrift eingezogen',
    body: md(
      'Hallo zusammen,',
      '',
      'mir wurde der aktuelle Monatsabschlag (98 €) heute **zweimal** abgebucht, beide Buchungen mit demselben Verwendungszweck. In der App unter *Zahlungen* sehe ich aber nur eine davon.',
      '',
      'Wird so etwas automatisch erstattet, oder muss ich die zweite Lastschrift bei meiner Bank zurückgeben? Ich würde ungern eine Rücklastschrift auslösen, wenn sich das sowieso von selbst klärt – die kann ja zusätzliche Gebühren verursachen.',
    ),
    comments: [
      {
        author: 'jonas',
        hoursAfter: 1,
        body: 'Hallo Dirk, ich habe die Mandatsreferenz aus deinem Beitrag entfernt – bitte keine Bank- oder Vertragsdaten öffentlich posten. Das Abrechnungsteam ist informiert und meldet sich privat hier in der Community bei dir. — Jonas (Moderation)',
      },
      {
        author: 'lena',
        hoursAfter: 3,
        body: 'Bei mir war das einmal ein Fehler der Bank und nicht des Anbieters – die doppelte Buchung war nach zwei Tagen von allein wieder weg. Vielleicht erst mal abwarten?',
      },
    ],
    answers: [],
  },
  {
    space: 'billing-tariffs',
    author: 'anna',
    daysAgo: 66,
    tags: ['invoice'],
    upvotes: ['emma'],
    title: 'Invoice shows the base fee ("Grundpreis") twice for one month — bug or pro-rated?',
    body: md(
      'My latest monthly invoice PDF has two lines for the base fee in the same billing month:',
      '',
      '```',
      'Grundpreis  01.–14.   6,28 €',
      'Grundpreis  15.–31.   8,17 €',
      '```',
      '',
      "Together that's 14.45 €, while my contract says 13.90 € per month. Is this a double charge or some kind of pro-rating? Nothing changed on my side as far as I know — same meter, same tariff.",
    ),
    answers: [
      {
        author: 'priya',
        hoursAfter: 3,
        accepted: true,
        upvotes: ['anna', 'marco', 'emma'],
        body: md(
          "That's pro-rating, not a double charge — the two lines cover different days. It looks like your base fee changed on the 15th. The maths works out exactly for a change from 13.90 € to 14.90 €:",
          '',
          '```',
          '13.90 € × 14/31 = 6.28 €',
          '14.90 € × 17/31 = 8.17 €',
          '```',
          '',
          "Check the inbox in the app for a *Preisanpassung* letter from about six weeks before — price changes have to be announced in advance, and they're easy to overlook.",
        ),
        comments: [
          {
            author: 'anna',
            hoursAfter: 5,
            body: 'Found it — a letter about the new base fee that I had completely ignored. The maths checks out. Thanks, Priya!',
          },
        ],
      },
    ],
  },
  {
    space: 'billing-tariffs',
    author: 'yusuf',
    daysAgo: 24,
    tags: ['dynamic-tariff'],
    upvotes: ['lena', 'dirk'],
    title: 'Lohnt sich „Fennwatt Dynamisch“ ohne E-Auto und ohne Wärmepumpe?',
    body: md(
      'Wir sind ein 3-Personen-Haushalt in einer Mietwohnung mit ca. 2.600 kWh im Jahr: kein E-Auto, keine Wärmepumpe, Gasheizung. Ein Kollege schwärmt vom dynamischen Tarif, aber ich frage mich, ob sich das bei uns überhaupt rechnet.',
      '',
      'Waschmaschine und Spülmaschine könnten wir zeitversetzt laufen lassen, der Rest (Kochen, Licht, Fernseher) läuft halt abends. Hat jemand Erfahrungswerte mit ähnlichem Verbrauch?',
    ),
    answers: [
      {
        author: 'sepp',
        hoursAfter: 4,
        upvotes: ['yusuf', 'lena', 'thomas', 'heike'],
        body: md(
          'Ehrliche Antwort: eher knapp. Grob gerechnet kannst du bei 2.600 kWh vielleicht 400–600 kWh sinnvoll verschieben (Waschen, Spülen, Trocknen). Sparst du dabei im Schnitt 8–10 ct/kWh, sind das **30–60 € im Jahr** – und dafür musst du dich ein bisschen kümmern. Abends zahlst du dafür oft mehr als im Festpreistarif.',
          '',
          'Meine Faustregel:',
          '',
          '- 1.500 kWh oder mehr verschiebbar (E-Auto, Wärmepumpe, Speicher) → lohnt sich fast immer',
          '- deutlich darunter → nur, wenn es dir Spaß macht',
          '',
          'Tipp: In der App gibt es unter *Tarife › Vergleich* eine Simulation mit deinen echten Werten der letzten zwölf Monate. Die ist ziemlich ehrlich.',
        ),
        comments: [
          {
            author: 'yusuf',
            hoursAfter: 12,
            body: 'Die Simulation sagt 38 € Ersparnis im Jahr. Ich glaube, wir bleiben erst mal beim Festpreis. Danke euch beiden!',
          },
        ],
      },
      {
        author: 'lena',
        hoursAfter: 10,
        upvotes: ['yusuf', 'sepp'],
        body: 'Wir (2 Personen, ca. 1.900 kWh) sind nach einem Jahr wieder zurück in den Festpreis. Gespart haben wir am Ende ungefähr 25 €, dafür ständig aufs Handy geschaut, wann der Strom gerade billig ist. Für uns hat es sich nicht gelohnt – aber die Simulation, die Sepp erwähnt, hätte uns das auch vorher verraten 😅',
      },
    ],
  },
  // ── Solar & Battery Storage ───────────────────────────────────────────────
  {
    space: 'solar-storage',
    author: 'thomas',
    daysAgo: 57,
    tags: ['battery', 'firmware'],
    upvotes: ['yusuf', 'heike'],
    title: 'Speicher 10 lädt nicht über 80 % und meldet BAT-113',
    body: md(
      'Unser **Fennwatt Speicher 10** (Firmware `1.9.2`) lädt seit ungefähr zwei Wochen nur noch bis **80 %**, obwohl mittags genug PV-Überschuss da ist – der Wechselrichter Sol 6K speist den Rest dann ins Netz ein. In der App steht unter *Speicher › Meldungen*:',
      '',
      '```',
      'BAT-113  Ladegrenze aktiv (Modus: Winter)',
      '```',
      '',
      'Einen Wintermodus habe ich nie eingestellt, und draußen sind es tagsüber inzwischen gut 15 Grad. Ist das ein Firmware-Fehler oder Absicht? Und wo kann ich das abschalten?',
    ),
    answers: [
      {
        author: 'sepp',
        hoursAfter: 2,
        accepted: true,
        upvotes: ['thomas', 'yusuf', 'heike', 'lena', 'miriam'],
        body: md(
          'Das ist Absicht, aber ungeschickt gelöst. Seit Firmware `1.9.x` gibt es den **automatischen Saisonmodus**: Der Speicher hält sich zwischen etwa 10 und 80 % und lässt oben 20 % Puffer frei. Umgeschaltet wird nach der **Batterietemperatur**, nicht nach dem Kalender – steht der Speicher in einer kühlen Garage oder im Keller, bleibt er oft bis weit in den Frühling im „Winter“.',
          '',
          'Abschalten geht so:',
          '',
          '1. App › *Speicher › Einstellungen › Betriebsmodus*',
          '2. „Saisonmodus automatisch“ ausschalten',
          '3. Ladegrenze auf 100 % setzen (oder 95 %, das schont die Zellen etwas)',
          '',
          'Alternativ auf `1.9.4` warten: Dort wurde die Temperaturschwelle von 12 °C auf 8 °C gesenkt ([Versionshinweise](https://example.com/fennwatt/releases/speicher-1-9-4)). Bei mir kam das Update letzte Woche automatisch.',
        ),
        comments: [
          {
            author: 'miriam',
            hoursAfter: 7,
            body: 'Danke, Sepp – das passt genau. Die Firmware 1.9.4 wird gerade an alle Speicher verteilt. Wer sie in drei Tagen noch nicht hat, meldet sich gern hier. Viele Grüße, Miriam',
          },
          {
            author: 'thomas',
            hoursAfter: 9,
            body: 'Saisonmodus aus – der Speicher lädt wieder auf 100 %. Er steht tatsächlich im Keller bei 11 Grad. Danke!',
          },
        ],
      },
    ],
  },
  {
    space: 'solar-storage',
    author: 'priya',
    daysAgo: 35,
    tags: ['feed-in', 'firmware'],
    upvotes: ['emma', 'anna', 'marco'],
    title: 'Sol 6K inverter throttles every sunny noon with warning W-207 GRID_VOLT_HIGH',
    body: md(
      'Our **Fennwatt Sol 6K** (firmware `2.3.1`, 7.2 kWp on the roof) has been reducing its output on almost every sunny day between 12:00 and 14:00. From the event log:',
      '',
      '```',
      '12:14:08 W-207 GRID_VOLT_HIGH L2 253.4V (10min avg)',
      '12:14:08 derating active -> 3.1 kW',
      '12:41:55 W-207 cleared',
      '```',
      '',
      "So during the best hours of the day I lose roughly half the power, and the battery is usually full by then anyway. Is this something I can configure myself, or do the installer or the grid operator need to get involved? I don't want to touch grid settings I shouldn't be touching.",
    ),
    comments: [{ author: 'emma', hoursAfter: 4, body: 'We get the same warning on sunny weekends — following this.' }],
    answers: [
      {
        author: 'tobias',
        hoursAfter: 22,
        accepted: true,
        upvotes: ['priya', 'emma', 'anna', 'sepp'],
        body: md(
          'Hi Priya,',
          '',
          'thanks for including the log — that makes it easy. The inverter is doing exactly what it has to: if the 10-minute average voltage on a phase rises above **253 V** (230 V + 10 %), it must reduce its output to protect the grid. On sunny days many PV systems in your street feed in at the same time, so the local voltage goes up.',
          '',
          "Please don't change the grid parameters yourself — they're locked for good reason. What helps:",
          '',
          "1. **Ask your installer** to measure the voltage drop between the meter cabinet and the inverter. An AC cable that's too thin adds a few volts, which is often enough to trigger W-207.",
          '2. If the cabling is fine, your installer can report the issue to your **grid operator**, who has to check the voltage at your connection point.',
          '3. In the meantime, shift consumption to midday (dishwasher, EV, hot water) — every kilowatt you use yourself lowers the voltage a little.',
          '',
          'Firmware `2.3.2`, rolling out next week, logs the voltage per phase at 1-minute resolution — useful evidence for your installer.',
          '',
          'Best regards,',
          'Tobias',
        ),
        comments: [
          {
            author: 'priya',
            hoursAfter: 260,
            body: 'Update: the installer found a 4 mm² cable on a 22 m run and replaced it with 10 mm². Eight sunny days without a single W-207 since. Thanks, Tobias!',
          },
        ],
      },
    ],
  },
  {
    space: 'solar-storage',
    author: 'dirk',
    daysAgo: 38,
    tags: ['feed-in', 'invoice'],
    upvotes: ['heike', 'thomas'],
    title: 'Einspeisevergütung: Wer zahlt eigentlich – Fennwatt oder der Netzbetreiber?',
    body: md(
      'Ich habe seit letztem Jahr eine PV-Anlage (9,8 kWp, Überschusseinspeisung) und beziehe meinen Strom bei Fennwatt. In der Jahresabrechnung taucht die Einspeisung nur als Zahl auf (`2.8.0: 4.217 kWh`), aber ohne Gutschrift.',
      '',
      '- Muss ich die Vergütung extra beantragen, oder kommt sie mit einer separaten Abrechnung?',
      '- Und was ist dieser „Fennwatt Sonnenbonus“, der in der App beworben wird – gibt es den zusätzlich oder statt der Vergütung?',
    ),
    answers: [
      {
        author: 'tobias',
        hoursAfter: 5,
        upvotes: ['heike', 'sepp', 'thomas'],
        body: md(
          'Hallo Dirk,',
          '',
          'gute Frage – das verwechseln viele:',
          '',
          '- Die **gesetzliche Einspeisevergütung** zahlt dein **Netzbetreiber**, nicht Fennwatt. Sie kommt mit einer eigenen Abrechnung des Netzbetreibers, meist jährlich und oft mit monatlichen Abschlägen. Voraussetzung ist, dass die Anlage dort angemeldet und im Marktstammdatenregister eingetragen ist.',
          '- Auf unserer Rechnung zeigen wir den Einspeisezähler (`2.8.0`) nur zur Information.',
          '- Der **Sonnenbonus** ist ein freiwilliger Zuschlag von uns, **zusätzlich** zur Vergütung: 1,5 ct/kWh auf die eingespeiste Menge, wenn du deinen Strom bei uns beziehst und die Daten über das Gateway kommen. Du aktivierst ihn einmalig in der App unter *Solar › Sonnenbonus*, gutgeschrieben wird er mit der Jahresabrechnung. Details stehen auch in unserem [Hilfeartikel zum Sonnenbonus](https://example.com/fennwatt/help/sonnenbonus).',
          '',
          'Falls vom Netzbetreiber bisher gar nichts kam, würde ich zuerst dort nachfragen.',
          '',
          'Viele Grüße',
          'Tobias',
        ),
        comments: [
          {
            author: 'dirk',
            hoursAfter: 30,
            body: 'Danke. Der Sonnenbonus war tatsächlich nicht aktiviert, jetzt ist er an. Gilt der auch rückwirkend?',
          },
          {
            author: 'tobias',
            hoursAfter: 33,
            body: 'Leider erst ab der Aktivierung, nicht rückwirkend – sorry, Dirk. Dein Feedback, dass die App das deutlicher erklären sollte, gebe ich aber gern an das Produktteam weiter.',
          },
        ],
      },
    ],
  },
  {
    space: 'solar-storage',
    author: 'emma',
    daysAgo: 15,
    tags: ['wallbox'],
    upvotes: ['marco'],
    title: 'Wallbox W11 in "solar surplus only" mode keeps stopping and starting every few minutes',
    body: md(
      "We set our **Fennwatt Wallbox W11** to *Solar surplus only*. On partly cloudy days it starts charging, stops two minutes later, starts again… The car's app shows more than 20 charging sessions per day, and I'm worried that's bad for the car or for the wallbox itself.",
      '',
      'Current settings:',
      '',
      '- minimum current: 6 A',
      '- phases: automatic',
      '- start threshold: 1.4 kW',
      '- wallbox firmware: `1.2.7`',
      '',
      'The inverter is a Sol 6K, no home battery.',
    ),
    answers: [
      {
        author: 'priya',
        hoursAfter: 6,
        upvotes: ['emma', 'marco', 'anna', 'sepp'],
        body: md(
          'The culprit is probably *phases: automatic* combined with the 1.4 kW start threshold. At 6 A the W11 needs about 1.4 kW on **one** phase, but about 4.1 kW on three. When a cloud passes, it switches phases, drops below the threshold, stops, waits — and the whole thing repeats.',
          '',
          'What worked for me:',
          '',
          '- **Fix the phases to 1-phase** on cloudy days (or permanently in winter)',
          "- Raise the **stop delay** to 10 minutes (*Wallbox › Solar › Erweitert*), so short clouds don't end the session",
          '- Allow a small **grid share**, e.g. 500 W — charging continues through dips, and those few cents of grid power are cheaper than the extra wear',
          '',
          "Twenty sessions a day won't hurt the car's battery, but the contactor in the wallbox only has a limited number of switching cycles, so it's worth fixing.",
        ),
        comments: [
          {
            author: 'emma',
            hoursAfter: 30,
            body: 'Set a 10-minute delay and 1-phase. Yesterday: 3 sessions instead of 22! I will watch it for a week before I mark this as solved.',
          },
        ],
      },
    ],
  },
  {
    space: 'solar-storage',
    author: 'lena',
    daysAgo: 3,
    tags: ['smart-meter', 'feed-in'],
    upvotes: ['heike', 'yusuf'],
    title: 'Balkonkraftwerk am Smart Meter: Zählt der FW-Z300 dann rückwärts?',
    body: md(
      'Ich wohne zur Miete und möchte ein Balkonkraftwerk anschließen (2 Module, Wechselrichter mit 800 W). Bei uns hängt seit letztem Jahr ein **FW-Z300** mit Gateway.',
      '',
      'Ein paar Fragen, bevor ich bestelle:',
      '',
      '- Zählt der Zähler rückwärts, wenn ich mal mehr erzeuge als verbrauche, oder wird das separat erfasst?',
      '- Muss ich Fennwatt etwas melden, oder reicht die Anmeldung im Marktstammdatenregister?',
      '- Sehe ich die Erzeugung irgendwo in der App?',
      '',
      'Danke schon mal!',
    ),
    comments: [
      { author: 'heike', hoursAfter: 20, body: 'Gute Fragen, das interessiert mich auch – wir überlegen das gerade für unseren Balkon.' },
    ],
    answers: [],
  },
  {
    space: 'solar-storage',
    author: 'priya',
    daysAgo: 44,
    tags: ['battery'],
    upvotes: ['anna', 'emma', 'marco', 'sepp'],
    title: "Battery gave no backup power during last week's outage (Speicher 10, firmware 1.9.4)",
    body: md(
      'Last week we had a 40-minute power cut in our area. The **Speicher 10** was at 76 %, but the house went completely dark, and the app showed `EPS: not available` the whole time.',
      '',
      'I was under the impression that the battery provides backup power automatically. Did I miss a setting? From the event log:',
      '',
      '```',
      '19:02:11 grid lost (L1 L2 L3)',
      '19:02:11 EPS: not available (no EPS box detected)',
      '19:02:12 standby',
      '19:43:50 grid restored, resume self-consumption',
      '```',
      '',
      'Setup: Sol 6K + Speicher 10, installed last year.',
    ),
    answers: [
      {
        author: 'anna',
        hoursAfter: 3,
        upvotes: ['priya'],
        body: 'We learned this the hard way too. The emergency socket on the inverter is a lifesaver though — it kept our fridge and router running during the last outage.',
      },
      {
        author: 'miriam',
        hoursAfter: 4,
        accepted: true,
        upvotes: ['priya', 'anna', 'marco', 'emma'],
        body: md(
          'Hi Priya,',
          '',
          "sorry the lights went out on you — your log already contains the answer: `no EPS box detected`. The Speicher 10 can only supply the house during an outage together with the **Fennwatt Notstrom-Box (EPS)**. That's an extra switching unit that first disconnects your home safely from the grid. Without it the battery has to stop, so it never feeds into a grid that line workers might be repairing.",
          '',
          'Your options:',
          '',
          '- **Notstrom-Box EPS**: full backup for selected circuits, installed by an electrician in the meter cabinet.',
          "- **Emergency socket**: the Sol 6K has a single outlet (max. 2 kW) that works during an outage as long as there's sun or battery charge. It has to be switched on once under *Wechselrichter › Notstromsteckdose*.",
          '',
          "If you like, I can check with your installer which option fits your meter cabinet. I'll send you a private message here in the community for the details.",
          '',
          '— Miriam',
        ),
        comments: [
          {
            author: 'priya',
            hoursAfter: 8,
            body: 'Makes total sense in hindsight. I have switched on the emergency socket for now and replied to your message about the EPS box. Thanks, Miriam!',
          },
        ],
      },
    ],
  },
  {
    space: 'solar-storage',
    author: 'thomas',
    daysAgo: 70,
    tags: ['heat-pump', 'feed-in'],
    upvotes: ['heike', 'yusuf'],
    title: 'PV-Überschuss automatisch in den Warmwasserspeicher der Wärmepumpe – geht das?',
    body: md(
      'Wir haben PV (Sol 6K + Speicher 10) und seit Kurzem eine Luft-Wasser-Wärmepumpe mit SG-Ready-Eingang. Mittags geht viel Strom für 8,2 ct/kWh ins Netz, während die Wärmepumpe abends das Warmwasser mit teurem Netzstrom aufheizt.',
      '',
      'Kann die Fennwatt-Anlage der Wärmepumpe irgendwie sagen „Jetzt ist Überschuss da, heiz das Warmwasser hoch“? In der App habe ich nur die Wallbox als steuerbaren Verbraucher gefunden.',
    ),
    answers: [
      {
        author: 'sepp',
        hoursAfter: 3,
        accepted: true,
        upvotes: ['thomas', 'yusuf', 'heike', 'dirk'],
        body: md(
          'Geht, das mache ich seit einem Jahr so. Du brauchst den **SG-Ready-Eingang** der Wärmepumpe und einen potenzialfreien Schaltausgang. Zwei Wege:',
          '',
          '1. **Direkt über den Sol 6K**: Der Wechselrichter hat einen Relaisausgang (`DO1`). Unter *Wechselrichter › Schaltausgänge › DO1* „Überschuss“ wählen, Schwelle z. B. 2.000 W für 15 Minuten. Der Elektriker verbindet DO1 mit dem SG-Ready-Eingang der Wärmepumpe.',
          '2. **Fennwatt Plug Pro** mit potenzialfreiem Kontakt, falls der Wechselrichter zu weit weg ist. Gleiche Logik, in der App unter *Automationen*.',
          '',
          'In der Wärmepumpe stellst du dann ein, dass sie bei SG-Ready-Signal („verstärkter Betrieb“) den Warmwasser-Sollwert z. B. von 48 auf 55 °C anhebt. Bei mir deckt das im Sommer fast den kompletten Warmwasserbedarf mit Sonnenstrom.',
          '',
          '⚠️ Anklemmen bitte nur durch den Elektriker – da arbeitet man im Schaltschrank neben 230 V.',
        ),
        comments: [
          {
            author: 'thomas',
            hoursAfter: 48,
            body: 'Der Elektriker war heute da, DO1 läuft. Heute Mittag ging das Warmwasser auf 55 °C – komplett mit Sonnenstrom ☀️',
          },
        ],
      },
    ],
  },
  // ── Account & Login ───────────────────────────────────────────────────────
  {
    space: 'account-login',
    author: 'marco',
    daysAgo: 86,
    tags: ['two-factor', 'login', 'android'],
    upvotes: ['anna'],
    title: 'Two-factor codes from my authenticator app are always rejected (AUTH-401-07)',
    body: md(
      "Since yesterday I can't log in to the app or the web portal. My password is accepted, but every 6-digit code from my authenticator app fails with:",
      '',
      '```',
      'AUTH-401-07: Invalid verification code',
      '```',
      '',
      "I've tried about ten codes and typed them quickly, always with the same result. I'm on Android with app version 4.10.3, and I haven't changed anything in the authenticator. Now I'm worried I'll lock myself out completely. Any ideas?",
    ),
    answers: [
      {
        author: 'priya',
        hoursAfter: 1,
        accepted: true,
        upvotes: ['marco', 'emma', 'anna', 'lena'],
        body: md(
          "Nine times out of ten this is the **phone's clock**. The codes are time-based (30-second windows), so if your phone's time is off by more than about a minute, every code looks wrong to the server.",
          '',
          'Check *Settings › System › Date & time* and make sure **Set time automatically** is on. If it already is, switch it off and on again. Some authenticator apps also have a *Time correction for codes* option — worth running.',
          '',
          "If that doesn't help, log in with one of your **recovery codes** (you got ten when you set up two-factor authentication) and set it up again. Don't post them here, obviously.",
          '',
          "One more thing: after 10 failed attempts there's a 15-minute cooldown, so wait a bit before trying again.",
        ),
        comments: [
          {
            author: 'marco',
            hoursAfter: 2,
            body: 'The clock was 3 minutes behind — I had switched off automatic time for a game 🤦 Logged in now. Thanks!',
          },
        ],
      },
    ],
  },
  {
    space: 'account-login',
    author: 'heike',
    daysAgo: 12,
    tags: ['two-factor', 'ios', 'login'],
    upvotes: ['yusuf', 'thomas'],
    title: 'Neues Handy: Wie nehme ich die Zwei-Faktor-Anmeldung mit?',
    body: md(
      'Ich bekomme nächste Woche ein neues Smartphone (von Android auf iPhone). Für die Fennwatt-App habe ich die Zwei-Faktor-Anmeldung mit einer Authenticator-App eingerichtet, so wie es mir mein Enkel gezeigt hat.',
      '',
      'Was muss ich tun, damit ich mich nach dem Wechsel nicht aussperre? Reicht es, die Fennwatt-App auf dem neuen Handy zu installieren? Ich möchte ungern etwas falsch machen.',
    ),
    answers: [
      {
        author: 'lena',
        hoursAfter: 2,
        accepted: true,
        upvotes: ['heike', 'sepp', 'thomas', 'yusuf', 'miriam'],
        body: md(
          'Hallo Heike, gute Idee, das **vorher** zu klären! Die Fennwatt-App selbst ist nicht das Problem, sondern die Authenticator-App mit den Codes. So geht es am sichersten:',
          '',
          '1. **Das alte Handy noch nicht zurücksetzen!**',
          '2. Auf dem neuen Handy die Authenticator-App installieren.',
          '3. Im Webportal (https://example.com/fennwatt/portal) anmelden – mit einem Code vom alten Handy.',
          '4. Dort unter *Konto › Sicherheit › Zwei-Faktor* auf **„Gerät wechseln“** klicken – es erscheint ein QR-Code.',
          '5. Den QR-Code mit der Authenticator-App auf dem **neuen** Handy scannen und den angezeigten Code eingeben.',
          '6. Fertig – erst jetzt das alte Handy zurücksetzen.',
          '',
          'Und falls doch einmal etwas schiefgeht: Die **Wiederherstellungscodes** von der Einrichtung ausdrucken und gut aufbewahren. Damit kommst du immer wieder in dein Konto.',
        ),
        comments: [
          {
            author: 'miriam',
            hoursAfter: 5,
            body: 'Perfekt erklärt, Lena – danke! Kleiner Zusatz: Wer seine Wiederherstellungscodes nicht mehr findet, kann unter *Konto › Sicherheit* neue erzeugen, solange er noch angemeldet ist. Viele Grüße, Miriam',
          },
          {
            author: 'heike',
            hoursAfter: 170,
            body: 'Hat alles geklappt, auch mit dem iPhone. Vielen herzlichen Dank, Lena – ich habe mir die Anleitung ausgedruckt!',
          },
        ],
      },
    ],
  },
  {
    space: 'account-login',
    author: 'anna',
    daysAgo: 30,
    tags: ['login'],
    upvotes: ['emma', 'marco'],
    title: 'Can my partner get their own login for our shared contract?',
    body: md(
      'My partner and I share one electricity contract, which is in my name. Right now we both use my login on our phones, which is messy — and the two-factor codes only ever go to my phone.',
      '',
      'Is there a way to give my partner their **own login** with access to our consumption data and the smart-home devices, but without being able to change the contract or the payment details?',
    ),
    comments: [{ author: 'emma', hoursAfter: 3, body: 'I would love to know this too — my flatmate and I have the same problem.' }],
    answers: [
      {
        author: 'tobias',
        hoursAfter: 6,
        upvotes: ['anna', 'marco', 'emma'],
        body: md(
          'Hi Anna,',
          '',
          "yes — that's what **household members** are for. In the app or web portal, go to *Konto › Haushalt › Person einladen* and enter your partner's e-mail address. They'll get an invitation to create their own account, with their own password and two-factor authentication.",
          '',
          'Household members can:',
          '',
          '- see consumption, prices and the live view',
          '- control smart-home devices (thermostats, plugs, wallbox)',
          '',
          "They **can't** change the tariff, payment method or personal data, and they only see invoices if you tick *Rechnungen teilen*. You can remove them at any time.",
          '',
          'Best regards,',
          'Tobias',
        ),
        comments: [{ author: 'anna', hoursAfter: 7, body: 'Sounds like exactly the split we need. We will set it up at the weekend.' }],
      },
    ],
  },
  {
    space: 'account-login',
    author: 'yusuf',
    daysAgo: 1,
    tags: ['login'],
    upvotes: ['thomas'],
    title: 'Passwort-Reset-Mail kommt nicht an – auch nicht im Spam-Ordner',
    body: md(
      'Ich komme nicht mehr in die Fennwatt-App (in der Community bin ich zum Glück noch angemeldet). Ich habe jetzt dreimal auf „Passwort zurücksetzen“ geklickt, aber es kommt keine E-Mail an – weder im Posteingang noch im Spam-Ordner. Beim dritten Versuch kam diese Meldung:',
      '',
      '```',
      'RATE_LIMITED: Zu viele Anfragen. Bitte versuche es in 15 Minuten erneut.',
      '```',
      '',
      'Die E-Mail-Adresse stimmt, an dieselbe Adresse bekomme ich auch meine Rechnungen. Gibt es ein bekanntes Problem mit bestimmten Mail-Anbietern? Ich bin bei einem eher kleinen Anbieter.',
    ),
    comments: [
      {
        author: 'lena',
        hoursAfter: 2,
        body: 'Manche kleineren Mail-Anbieter halten Mails von neuen Absendern erst eine Weile zurück (Greylisting). Bei mir kam die Reset-Mail einmal erst nach 20 Minuten.',
      },
      {
        author: 'yusuf',
        hoursAfter: 4,
        body: 'Danke für den Tipp! Inzwischen sind es aber über drei Stunden, und es ist immer noch nichts da.',
      },
    ],
    answers: [],
  },
  {
    space: 'account-login',
    author: 'marco',
    daysAgo: 2,
    tags: ['login', 'web-portal'],
    upvotes: ['emma'],
    title: 'E-mail change: confirmation link says "token expired" after only 5 minutes',
    body: md(
      "I'm trying to change the e-mail address on my account. The confirmation e-mail arrives, but when I click the link (within 5 minutes!) I get:",
      '',
      '```',
      'Link expired (EMAIL_TOKEN_EXPIRED). Please request a new confirmation e-mail.',
      '```',
      '',
      "I've tried three times, on my laptop and on my phone, always with the same result. My old address still works, so nothing is broken yet, but I'd like to move away from that mailbox. Is the link perhaps only valid in the browser where I requested it?",
    ),
    comments: [
      {
        author: 'emma',
        hoursAfter: 6,
        body: 'Could it be that your mail provider scans links and "clicks" them before you do? Mine did that with another service.',
      },
      {
        author: 'marco',
        hoursAfter: 9,
        body: 'Interesting thought — my work mailbox does scan links. I will try again with my private address tonight.',
      },
    ],
    answers: [],
  },
  // ── Feature Ideas ─────────────────────────────────────────────────────────
  {
    space: 'ideas',
    author: 'sepp',
    daysAgo: 80,
    tags: ['data-export', 'app'],
    upvotes: ['thomas', 'dirk', 'heike', 'yusuf', 'lena', 'priya', 'anna', 'marco'],
    title: 'Idee: 15-Minuten-Werte als CSV direkt aus der App exportieren',
    body: md(
      'Die App zeigt die 15-Minuten-Werte ja schön als Diagramm, aber herausbekommen kann man sie nur als PDF-Monatsbericht. Für alle, die eine PV-Anlage oder einen Speicher dimensionieren wollen (oder einfach gern Tabellen mögen 😄), wäre ein **CSV-Export** Gold wert.',
      '',
      'Mein Vorschlag:',
      '',
      '- Zeitraum frei wählbar (maximal 12 Monate)',
      '- Spalten: `zeitstempel;bezug_kwh;einspeisung_kwh;preis_ct`',
      '- Export per Download im Webportal und per Teilen-Funktion in der App',
      '',
      'Wer das auch möchte: bitte hochvoten, damit das Produktteam sieht, wie viele es betrifft.',
    ),
    answers: [
      {
        author: 'jonas',
        hoursAfter: 26,
        upvotes: ['sepp', 'thomas', 'dirk'],
        body: md(
          'Danke, Sepp, und danke an alle fürs Abstimmen! Ich habe die Idee heute an unser Produktteam weitergegeben. Versprechen kann ich noch nichts, aber ich melde mich hier, sobald es einen Stand gibt.',
          '',
          'Bis dahin ein Workaround: Im **Webportal** gibt es unter *Verbrauch › Download* schon einen CSV-Export der Tageswerte, nur eben noch nicht in 15-Minuten-Auflösung.',
          '',
          '— Jonas (Moderation)',
        ),
        comments: [
          {
            author: 'katrin',
            hoursAfter: 600,
            body: 'Kleines Update aus der Produktrunde: Der CSV-Export mit 15-Minuten-Werten ist für eines der nächsten App-Releases eingeplant. Danke für die vielen Stimmen! — Katrin',
          },
        ],
      },
      {
        author: 'thomas',
        hoursAfter: 40,
        upvotes: ['sepp', 'yusuf'],
        body: 'Unbedingt! Gerade für die Auslegung eines größeren Speichers wären die Viertelstundenwerte super. Bisher lese ich sie mühsam aus dem Diagramm ab.',
      },
    ],
  },
  {
    space: 'ideas',
    author: 'priya',
    daysAgo: 4,
    tags: ['dynamic-tariff', 'app'],
    upvotes: ['emma', 'marco', 'anna', 'yusuf', 'lena', 'sepp'],
    title: 'Idea: home-screen widget with the current dynamic price and the next cheap hours',
    body: md(
      'For everyone on **Fennwatt Dynamisch**: I open the app several times a day just to check the price before starting the washing machine. A home-screen widget would save a lot of taps:',
      '',
      '- the current price (total, incl. all fees), coloured green / yellow / red',
      '- the next cheap window, e.g. `Cheapest 2 h: 13:00–15:00 · 24.8 ct`',
      '- tap → opens the price chart',
      '',
      'Bonus: an optional notification when the price drops below a threshold I set.',
      '',
      'Would you use this? Upvote if so 🙂',
    ),
    comments: [
      { author: 'emma', hoursAfter: 5, body: 'Yes please! A lock-screen version on iOS would be amazing too.' },
      { author: 'marco', hoursAfter: 20, body: '+1 — the threshold notification alone would be worth it for charging the car.' },
    ],
    answers: [],
  },
  {
    space: 'ideas',
    author: 'anna',
    daysAgo: 21,
    tags: ['web-portal'],
    upvotes: ['emma', 'marco', 'priya'],
    title: 'Dark mode for the web portal, please',
    body: md(
      "The app has had a dark mode for a while, but the web portal is still blindingly white — especially in the evening, when I check the day's consumption.",
      '',
      'Could the portal follow the system setting (`prefers-color-scheme`) like the app does? It would also help everyone who is sensitive to bright screens.',
    ),
    answers: [
      {
        author: 'emma',
        hoursAfter: 4,
        upvotes: ['anna', 'marco'],
        body: "Strong +1. As a workaround I use my browser's forced dark mode, but then the charts become unreadable (dark blue lines on black).",
      },
      {
        author: 'jonas',
        hoursAfter: 28,
        upvotes: ['anna'],
        body: md(
          "Thanks, Anna — I've passed this on to the web team, together with Emma's note about the charts. Dark mode for the portal is planned as part of the portal redesign. I don't have a date I can share yet, but I'll update this thread as soon as there's news.",
          '',
          '— Jonas (moderator)',
        ),
      },
    ],
  },
  {
    space: 'ideas',
    author: 'dirk',
    daysAgo: 5,
    tags: ['monthly-payment', 'app'],
    upvotes: ['heike', 'thomas', 'yusuf', 'lena', 'sepp'],
    title: 'Vorschlag: Push-Benachrichtigung, wenn sich der Abschlag ändert',
    body: md(
      'Ich habe erst beim Blick aufs Konto gemerkt, dass mein Abschlag nach der Jahresabrechnung um 14 € gestiegen ist. Die Info stand zwar im Postfach der App, aber dort schaue ich ehrlich gesagt selten hinein.',
      '',
      'Mein Vorschlag: eine **Push-Benachrichtigung** (abschaltbar), wenn sich Abschlag, Arbeitspreis oder Grundpreis ändern – mit einem kurzen Vorher/Nachher. Das würde viele Überraschungen vermeiden und wahrscheinlich auch einige Beiträge hier im Forum 😉',
    ),
    comments: [{ author: 'heike', hoursAfter: 10, body: 'Sehr gute Idee, das hätte mir auch schon geholfen.' }],
    answers: [],
  },
];
