import { describe, expect, it } from 'vitest';
import { detectLanguage, scoreTone, tokenize } from './index.js';

describe('scoreTone', () => {
  it.each([
    ['The app has been down for hours, this is unacceptable.', 'negative'],
    ['Seit heute früh ein kompletter Ausfall, völlig inakzeptabel.', 'negative'],
    ['How do I export my contacts to CSV?', 'neutral'],
    ['Wie exportiere ich meine Kontakte?', 'neutral'],
    ['Thanks, that fixed it. Great support!', 'positive'],
    ['Danke, das hat den Fehler behoben. Super!', 'positive'],
  ] as const)('%s → %s', (text, label) => {
    expect(scoreTone(text).label).toBe(label);
  });

  it('turns a negated complaint into faint praise and a negated compliment into a complaint', () => {
    expect(scoreTone('bad').score).toBeLessThan(0);
    expect(scoreTone('not bad').score).toBeGreaterThan(0);
    expect(scoreTone('good').score).toBeGreaterThan(0);
    expect(scoreTone('not good').score).toBeLessThan(0);
  });

  it('reads German negation after the verb', () => {
    expect(scoreTone('Es klappt.').score).toBeGreaterThan(0);
    expect(scoreTone('Es klappt nicht.').score).toBeLessThan(0);
    expect(scoreTone('Der Export funktioniert seit gestern nicht.').score).toBeLessThan(0);
  });

  it('lets intensifiers weigh a word more', () => {
    expect(scoreTone('I am very disappointed').negative).toBeGreaterThan(scoreTone('I am disappointed').negative);
    expect(scoreTone('Ich bin sehr enttäuscht').negative).toBeGreaterThan(scoreTone('Ich bin enttäuscht').negative);
  });

  it('ignores quoted error messages and damps symptoms named in a question', () => {
    expect(scoreTone('The log says "fatal error: disk failed". How do I fix it?').label).toBe('neutral');
    expect(scoreTone('Which error codes can the webhook return?').label).toBe('neutral');
    expect(scoreTone('Error after error, everything failed again. Terrible.').label).toBe('negative');
  });

  it('reads an exclamation of praise around a complaint as sarcasm', () => {
    expect(scoreTone('Great, another update that broke the export.').label).toBe('negative');
    expect(scoreTone('Na toll, schon wieder kaputt.').label).toBe('negative');
    expect(scoreTone('Great, thanks!').label).toBe('positive');
  });

  it('reports the language and the words that counted', () => {
    const tone = scoreTone('Die Suche ist kaputt.');
    expect(tone.language).toBe('de');
    expect(tone.hits).toEqual([{ text: 'kaputt', value: -3 }]);
  });
});

describe('tokenize', () => {
  it('marks quoted words and counts clauses', () => {
    expect(tokenize('Oh no, „Fehler 5“ again')).toEqual([
      { word: 'oh', clause: 0, quoted: false },
      { word: 'no', clause: 0, quoted: false },
      { word: 'fehler', clause: 1, quoted: true },
      { word: '5', clause: 1, quoted: true },
      { word: 'again', clause: 1, quoted: false },
    ]);
  });
});

describe('detectLanguage', () => {
  it('tells German from English by function words', () => {
    expect(detectLanguage(tokenize('Ich habe ein Problem mit der App').map((t) => t.word))).toBe('de');
    expect(detectLanguage(tokenize('I have a problem with the app').map((t) => t.word))).toBe('en');
  });
});

describe('emoji, emoticons and exasperation', () => {
  it('reads emoji and emoticons in either language', () => {
    expect(scoreTone('Hallo? Ist hier noch jemand? 😤').label).toBe('negative');
    expect(scoreTone(':( the delivery was moved again').label).toBe('negative');
    expect(scoreTone('Alles erledigt 👍 :)').label).toBe('positive');
    expect(tokenize('ok :) 10:30').map((t) => t.word)).toEqual(['ok', ':)', '10', '30']);
  });

  it('counts repeated question and exclamation marks and shouted words as exasperation', () => {
    expect(scoreTone('WHY DOES NOBODY ANSWER THE PHONE???').label).toBe('negative');
    expect(scoreTone('Any update?? Waiting on the engineer.').label).toBe('negative');
    expect(scoreTone('NEIN, ein Neustart hilft nicht. NEIN, das Kabel ist fest.').label).toBe('negative');
    // Acronyms are not shouting.
    expect(scoreTone('The API returns 403 for SSO users with SAML. Any idea?').label).toBe('neutral');
  });

  it('does not treat a one-word exclamation question as a calm question', () => {
    expect(scoreTone('Really? You have lost a customer over this.').label).toBe('negative');
    expect(scoreTone('Why does my invoice say payment failed and what is this error?').label).toBe('neutral');
  });
});

describe('sarcasm and concessive turns', () => {
  it('reads praise standing alone after a complaint as sarcasm, also without a loaded complaint word', () => {
    expect(scoreTone('Super Service, echt. Seit neun Tagen kein Internet.').label).toBe('negative');
    expect(scoreTone('The installer left without commissioning the system. Fantastic.').label).toBe('negative');
    expect(scoreTone('Put on hold for an hour, then the line goes dead. Cool. Very cool.').label).toBe('negative');
    expect(scoreTone('Lovely to receive a bill for £847. 🙄').label).toBe('negative');
    // Praise standing alone after good news stays praise.
    expect(scoreTone('Parcel arrived the next day, works perfectly. Fantastic.').label).toBe('positive');
  });

  it('lets the part after "but" / "aber" decide a mixed post', () => {
    expect(scoreTone('I expected the worst after reading the forum, but the switch was seamless.').label).toBe('positive');
    expect(scoreTone('Nach all den schlechten Bewertungen hatte ich Angst. Aber der Anschluss war pünktlich und perfekt.').label).toBe(
      'positive',
    );
    expect(scoreTone('I appreciate the agent tried their best, but the issue is not fixed.').label).toBe('negative');
    expect(scoreTone('Der Support war freundlich, aber das Problem ist nicht gelöst.').label).toBe('negative');
  });
});

describe('staff replies and calm reports', () => {
  it('reads staff apologies and status updates as neutral', () => {
    expect(scoreTone('Sorry for the trouble. Here is how to reset your password: open the login page.').label).toBe('neutral');
    expect(
      scoreTone('We are currently investigating an outage affecting card payments. We will post an update within the hour.').label,
    ).toBe('neutral');
    expect(
      scoreTone(
        'Wir haben eine Störung in Ihrem Bereich festgestellt. Unsere Techniker sind vor Ort. Entschuldigen Sie bitte die Unannehmlichkeiten.',
      ).label,
    ).toBe('neutral');
    expect(scoreTone('Vielen Dank für Ihre Geduld, wir prüfen Ihr Anliegen.').label).toBe('neutral');
  });

  it('keeps a customer apology before a complaint negative', () => {
    expect(scoreTone("I'm sorry but this is unacceptable, the outage has lasted three days.").label).toBe('negative');
  });
});

describe('negation, German compounds and colloquial words', () => {
  it('reads "hardly"/"kaum" as negation and a negated complaint as praise', () => {
    expect(scoreTone('Hardly helpful. The agent read the FAQ back to me.').label).toBe('negative');
    expect(scoreTone('Kann mich nicht beklagen.').label).toBe('positive');
    expect(scoreTone('Nicht unzufrieden, ehrlich gesagt.').label).toBe('positive');
    expect(scoreTone("Can't fault them. No complaints.").label).toBe('positive');
  });

  it('scores a German compound by its last part', () => {
    expect(scoreTone('Schon wieder ein Netzausfall bei uns im Ort.').label).toBe('negative');
    expect(scoreTone('Seit dem Update ständig Verbindungsabbrüche.').label).toBe('negative');
    // "Gedanke" does not end in a praise word that counts.
    expect(scoreTone('Nur ein Gedanke zur neuen Tarifseite.').label).toBe('neutral');
  });

  it('knows colloquial complaints and praise', () => {
    expect(scoreTone('Eine Frechheit, echt. So ein Saftladen.').label).toBe('negative');
    expect(scoreTone('Wenn bis Freitag keine Gutschrift da ist, gehe ich zur Verbraucherzentrale. Mir reicht’s.').label).toBe('negative');
    expect(scoreTone('The new pricing is a joke. Frankly a nightmare.').label).toBe('negative');
    expect(scoreTone('Umzug völlig unkompliziert, alles bestens. Daumen hoch.').label).toBe('positive');
    expect(scoreTone('Ten out of ten for the returns process. Absolute star.').label).toBe('positive');
  });

  it('does not read advice and sign-offs as praise', () => {
    expect(scoreTone('Am besten die Sicherungen einzeln ausschalten. Mit freundlichen Grüßen').label).toBe('neutral');
    expect(scoreTone('Can I switch from a fixed tariff to a variable one?').label).toBe('neutral');
  });
});

describe('waiting', () => {
  it('reads a long wait as a complaint, a promised time frame not', () => {
    expect(scoreTone('The refund still has not arrived. It has been 34 days.').label).toBe('negative');
    expect(scoreTone('Ich warte jetzt seit drei Wochen auf einen Rückruf.').label).toBe('negative');
    expect(scoreTone('We aim to respond within 8 weeks.').label).toBe('neutral');
    expect(scoreTone('Sie erhalten innerhalb von 5 Tagen eine Rückmeldung.').label).toBe('neutral');
  });
});
