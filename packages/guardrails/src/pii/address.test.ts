import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';

const addresses = (text: string) => detectPii(text, { kinds: ['address'] }).map((f) => text.slice(f.start, f.end));

describe('postal address detection', () => {
  it.each([
    ['an Hauptstraße 12, 10115 Berlin geliefert', 'Hauptstraße 12, 10115 Berlin'],
    ['Am Markt 3a · 80331 München', 'Am Markt 3a · 80331 München'],
    ['Karl-Marx-Allee 93, 10243 Berlin', 'Karl-Marx-Allee 93, 10243 Berlin'],
    ['Bahnhofstr. 3 in 50667 Köln', 'Bahnhofstr. 3 in 50667 Köln'],
    ['Lindenstraße 7\n04109 Leipzig', 'Lindenstraße 7\n04109 Leipzig'],
    ['Goethestraße 45a, 60313 Frankfurt am Main.', 'Goethestraße 45a, 60313 Frankfurt am Main'],
    ['sent to 221B Baker Street, London NW1 6XE', '221B Baker Street, London NW1 6XE'],
    ['1600 Pennsylvania Ave NW, Washington, DC 20500', '1600 Pennsylvania Ave NW, Washington, DC 20500'],
    ['123 Main St, Apt 4B, Springfield, OR 97477.', '123 Main St, Apt 4B, Springfield, OR 97477'],
  ])('finds the address in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each([
    'Die Postleitzahl 10115 Berlin ist im Tarifrechner nicht auswählbar.',
    'Im Raum 80331 München gibt es mehrere Netzbetreiber.',
    'Ich habe 3 Geräte, 10115 Berlin',
    'ZIP code 94105 is not available',
    'Model WR-10K-3P, built 2021',
  ])('ignores %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});
