/**
 * A German support-forum lexicon in AFINN's scale (−5 … +5), written for Peerdesk: no maintained npm
 * package carries a German list (SentiWS is not published there). Inflected forms that the suffix
 * stripping in `lookup` cannot reach are listed themselves.
 */
const WORDS: Record<string, number> = {
  // negative
  ausfall: -3,
  ausgefallen: -3,
  störung: -3,
  stoerung: -3,
  datenleck: -4,
  kaputt: -3,
  defekt: -2,
  fehler: -1,
  fehlerhaft: -2,
  fehlgeschlagen: -1,
  fehl: -1,
  abgestürzt: -2,
  stürzt: -2,
  absturz: -2,
  abstürze: -2,
  eingefroren: -2,
  hängt: -1,
  lahmgelegt: -3,
  unbenutzbar: -4,
  nutzlos: -3,
  unbrauchbar: -4,
  inakzeptabel: -4,
  unzumutbar: -4,
  enttäuscht: -3,
  enttäuschend: -3,
  frustriert: -3,
  frustrierend: -3,
  ärgerlich: -2,
  verärgert: -3,
  sauer: -3,
  wütend: -4,
  nervig: -2,
  nervt: -2,
  schlecht: -3,
  schlechteste: -4,
  schlechter: -2,
  schlimm: -3,
  schlimmer: -3,
  verschlimmert: -3,
  furchtbar: -4,
  furchtbare: -4,
  schrecklich: -4,
  schreckliche: -4,
  katastrophe: -4,
  katastrophal: -4,
  chaos: -3,
  rückschritt: -2,
  langsam: -1,
  veraltet: -1,
  falsch: -2,
  verloren: -3,
  verlieren: -2,
  weg: -1,
  gelöscht: -1,
  gesperrt: -1,
  problem: -1,
  probleme: -1,
  ärger: -2,
  hasse: -4,
  hassen: -4,
  bereue: -3,
  beschweren: -2,
  beschwerde: -2,
  leider: -1,
  niemand: -1,
  keiner: -1,
  warten: -1,
  warte: -1,
  ständig: -1,
  wahnsinnig: -2,
  unglaublich: -1,
  kündige: -2,
  kündigen: -2,
  betrug: -4,
  abzocke: -4,
  mist: -3,
  scheiße: -4,
  sch: -1,
  offline: -1,
  timeout: -1,
  lästig: -2,
  mangelhaft: -3,
  peinlich: -3,
  unfähig: -4,
  verschwendet: -2,
  ausfälle: -3,
  abbruch: -2,
  abbrüche: -2,
  warteschleife: -2,
  frechheit: -4,
  frech: -3,
  dreist: -3,
  unverschämt: -4,
  unverschämtheit: -4,
  daneben: -2,
  veräppelt: -3,
  verarscht: -4,
  verarsche: -4,
  angefressen: -3,
  genervt: -3,
  saftladen: -4,
  reinfall: -3,
  witz: -2,
  irreführend: -3,
  schwach: -2,
  schade: -2,
  unzufrieden: -3,
  beklagen: -2,
  beschwert: -2,
  gewartet: -1,
  rausgeworfen: -2,
  rumschlagen: -2,
  aufgelegt: -2,
  vertröstet: -2,
  ignoriert: -2,
  verschoben: -1,
  ewig: -1,
  angeblich: -1,
  sogenannte: -1,
  ernsthaft: -1,
  "reicht's": -3,
  reichts: -3,
  verbraucherzentrale: -2,
  bundesnetzagentur: -2,
  schlichtungsstelle: -2,
  ombudsmann: -2,
  anwalt: -2,
  sonderkündigungsrecht: -2,
  broken: -2,
  // positive
  danke: 2,
  dank: 2,
  dankeschön: 3,
  bedanken: 2,
  dankbar: 1,
  super: 3,
  toll: 3,
  tolle: 3,
  klasse: 3,
  großartig: 3,
  hervorragend: 4,
  hervorragende: 4,
  fantastisch: 4,
  genial: 4,
  geniale: 4,
  perfekt: 3,
  einwandfrei: 3,
  reibungslos: 2,
  zuverlässig: 2,
  stabil: 2,
  schnell: 1,
  schneller: 1,
  gut: 3,
  gute: 3,
  besser: 2,
  beste: 3,
  liebe: 3,
  lob: 3,
  zufrieden: 3,
  froh: 3,
  glücklich: 3,
  beeindruckend: 3,
  hilfsbereit: 3,
  hilfsbereite: 3,
  hilfreich: 2,
  freundlich: 2,
  transparent: 1,
  gelöst: 2,
  behoben: 2,
  funktioniert: 1,
  klappt: 1,
  wow: 3,
  prima: 3,
  spitze: 3,
  empfehlen: 2,
  spart: 1,
  bestens: 3,
  passt: 1,
  unkompliziert: 2,
  angenehm: 2,
  nett: 2,
  schatz: 2,
  gefreut: 2,
  freue: 2,
  empfehlenswert: 3,
  top: 3,
  nice: 2,
  cool: 1,
};

export const GERMAN_LEXICON: ReadonlyMap<string, number> = new Map(Object.entries(WORDS));

export const GERMAN_NEGATORS: ReadonlySet<string> = new Set([
  'nicht',
  'kein',
  'keine',
  'keinen',
  'keinem',
  'keiner',
  'keinerlei',
  'nie',
  'niemals',
  'nichts',
  'ohne',
  'kaum',
  'nix',
]);

export const GERMAN_INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['sehr', 1.5],
  ['wirklich', 1.5],
  ['echt', 1.4],
  ['total', 1.5],
  ['völlig', 1.5],
  ['absolut', 1.5],
  ['extrem', 2],
  ['äußerst', 1.8],
  ['richtig', 1.3],
  ['ziemlich', 1.2],
  ['so', 1.3],
  ['etwas', 0.6],
]);

export const GERMAN_PHRASES: ReadonlyMap<string, number> = new Map([
  ['danke für nichts', -4],
  ['vielen dank auch', -3],
  ['na toll', -3],
  ['na super', -3],
  ['gar nicht schlecht', 3],
  ['nicht schlecht', 2],
  ['kann nicht klagen', 2],
  ['mich nicht beklagen', 3],
  ['keinerlei probleme', 2],
  ['ohne probleme', 2],
  ['kein problem', 1],
  ['funktioniert nicht', -2],
  ['funktioniert nicht mehr', -3],
  ['nichts geht', -3],
  ['geht nichts', -3],
  ['immer noch kaputt', -3],
  ['immer noch keine antwort', -3],
  ['nicht geholfen', -3],
  ['überhaupt nicht geholfen', -3],
  ['nicht erreichbar', -2],
  ['nicht akzeptabel', -4],
  ['schlagen fehl', -2],
  ['macht mich wahnsinnig', -3],
  ['kein einziger absturz', 3],
  ['schon wieder', -2],
  ['wieder mal', -1],
  ['immer noch', -1],
  ['zum x ten mal', -2],
  ['zum dritten mal', -2],
  ['zum vierten mal', -2],
  ['seit wochen', -1],
  ['seit monaten', -1],
  ['keine lust mehr', -3],
  ['geduld am ende', -3],
  ['bin bedient', -3],
  ['nicht gefallen', -3],
  ['so nicht', -2],
  ['verstehe wer will', -2],
  ['mal ehrlich', -1],
  ['stimmt nicht', -2],
  ['stimmt keine', -2],
  ['geht gar nichts', -3],
  ['besteht weiter', -2],
  ['nicht okay', -2],
  ['nicht ok', -2],
  ['daumen hoch', 3],
  ['positiv überrascht', 3],
  ['am besten', 0],
  ['freundlichen grüßen', 0],
  ['freundliche grüße', 0],
  ['guten morgen', 0],
  ['guten tag', 0],
  ['guten abend', 0],
  ['ehrlich gesagt', 0],
]);

/** Phrases of a company's own staff: their apologies and status updates name problems calmly. */
export const GERMAN_STAFF_MARKERS: readonly string[] = [
  'entschuldigen sie',
  'bitte entschuldigen',
  'wir entschuldigen',
  'unsere techniker',
  'wir arbeiten an',
  'wir arbeiten mit',
  'wir prüfen',
  'ihr anliegen',
  'ihre anfrage',
  'ihre geduld',
  'ihre reklamation',
  'wir melden uns',
];

const SUFFIXES = ['en', 'er', 'es', 'em', 'e', 'n', 's', 't'];

function lookupInflected(word: string): number | undefined {
  const direct = GERMAN_LEXICON.get(word);
  if (direct !== undefined) return direct;
  for (const suffix of SUFFIXES) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) {
      const value = GERMAN_LEXICON.get(word.slice(0, -suffix.length));
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** A compound's last part decides, if it is a complaint of at least five letters ("Netzausfall"). */
const HEAD_MIN = 5;
const COMPOUND_MIN = 8;

/**
 * The word's value, trying the word itself, then without a common German inflection ending, then a
 * compound's complaint head ("Verbindungsabbrüche" → "abbrüche"). Praise heads are not read this way:
 * "Gedanke" is no thanks.
 */
export function lookupGerman(word: string): number | undefined {
  const value = lookupInflected(word);
  if (value !== undefined || word.length < COMPOUND_MIN) return value;
  const known = compounds.get(word);
  if (known !== undefined) return known === 0 ? undefined : known;
  let found = 0;
  for (let start = 3; start <= word.length - HEAD_MIN; start++) {
    const head = lookupInflected(word.slice(start));
    if (head !== undefined && head < 0) {
      found = head;
      break;
    }
  }
  // Support posts reuse a small vocabulary: remember compounds, within a bound.
  if (compounds.size >= COMPOUND_CACHE) compounds.clear();
  compounds.set(word, found);
  return found === 0 ? undefined : found;
}

const COMPOUND_CACHE = 20_000;
const compounds = new Map<string, number>();
