// Generated distractor threads for the relevance benchmark, in the importer's thread JSONL format
// (../shared/data/README.md): support questions (title + body + 0–3 answers) built from common support
// words ("get", "use", "install", "error", "not working", "how to", "update", "problem", …) and random
// product and topic nouns, with votes, view counts and accepted answers, all dated after the dev
// questions and with higher ids — the worst case for a candidate cut biased to votes or recency.
// Seeded, so every run and every import order sees the same threads.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

let state = 1;
const random = (): number => {
  // mulberry32
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const chance = (p: number): boolean => random() < p;
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

const VERBS = [
  'install',
  'update',
  'upgrade',
  'configure',
  'set up',
  'remove',
  'uninstall',
  'enable',
  'disable',
  'connect',
  'sync',
  'reset',
  'restore',
  'back up',
  'export',
  'import',
  'download',
  'upload',
  'open',
  'run',
  'start',
  'restart',
  'stop',
  'mount',
  'change',
  'fix',
  'use',
  'get',
  'access',
  'find',
  'move',
  'copy',
  'share',
  'print',
  'add',
  'delete',
  'create',
  'log in to',
  'register',
  'activate',
  'renew',
  'migrate',
  'integrate',
  'send',
  'receive',
  'schedule',
  'pair',
  'charge',
  'scan',
  'load',
  'save',
  'install',
  'update',
  'use',
  'get',
] as const;

const NOUNS = [
  'printer',
  'router',
  'wifi',
  'bluetooth',
  'keyboard',
  'mouse',
  'monitor',
  'laptop',
  'battery',
  'charger',
  'driver',
  'firmware',
  'account',
  'password',
  'email',
  'calendar',
  'contacts',
  'invoice',
  'subscription',
  'license',
  'plugin',
  'extension',
  'browser',
  'app',
  'dashboard',
  'report',
  'backup',
  'database',
  'server',
  'VPN',
  'firewall',
  'proxy',
  'certificate',
  'token',
  'API key',
  'webhook',
  'payment',
  'order',
  'cart',
  'coupon',
  'profile',
  'notification',
  'widget',
  'template',
  'theme',
  'camera',
  'microphone',
  'speaker',
  'headset',
  'phone',
  'tablet',
  'smartwatch',
  'thermostat',
  'sensor',
  'meter',
  'inverter',
  'solar panel',
  'heat pump',
  'wallbox',
  'doorbell',
  'hub',
  'gateway',
  'modem',
  'cable',
  'adapter',
  'SSD',
  'hard drive',
  'USB stick',
  'SD card',
  'partition',
  'disk',
  'kernel',
  'terminal',
  'script',
  'cron job',
  'container',
  'virtual machine',
  'spreadsheet',
  'document',
  'PDF',
  'photo',
  'video',
  'playlist',
  'game',
  'controller',
  'TV',
  'remote',
  'sound',
  'screen',
  'display',
  'touchpad',
  'fan',
  'app store',
  'repository',
  'package',
  'library',
  'SDK',
  'dock',
  'graphics card',
  'network share',
  'user account',
  'desktop',
  'file manager',
  'search index',
  'mail client',
  'shortcut',
  'language pack',
  'time zone',
  'clock',
  'power plan',
  'login screen',
  'workspace',
  'folder',
  'sync client',
] as const;

const PLATFORMS = [
  'Windows 10',
  'Windows 11',
  'macOS Sonoma',
  'macOS Ventura',
  'Ubuntu 22.04',
  'Ubuntu 20.04',
  'Ubuntu 24.04',
  'Debian 12',
  'Fedora 39',
  'Android 13',
  'Android 14',
  'iOS 17',
  'ChromeOS',
  'Linux Mint 21',
  'Raspberry Pi OS',
  'the web app',
  'the mobile app',
  'the desktop app',
] as const;

const SYMPTOMS = [
  'is not working',
  'keeps disconnecting',
  'crashes on startup',
  'freezes',
  'is very slow',
  'shows a blank screen',
  "won't turn on",
  'stopped syncing',
  'gives an error',
  'is not detected',
  'keeps restarting',
  'drains the battery',
  'cannot connect',
  'fails to load',
  'hangs at 99%',
  'is greyed out',
  'disappeared',
  'shows the wrong time',
  'stopped working',
  'does not update',
  'is not recognized',
  'keeps asking for my password',
  'makes a loud noise',
] as const;

const EVENTS = [
  'the latest update',
  'the last system update',
  'a power cut',
  'changing my password',
  'resetting the router',
  'moving house',
  'the firmware update',
  'installing a new driver',
  'switching to a new phone',
  'renewing my subscription',
  'a clean install',
] as const;

const ERRORS = [
  'Error {code}: {noun} not found',
  'connection refused',
  'permission denied',
  'timeout while waiting for {noun}',
  'invalid {noun}',
  'unable to locate package {pkg}',
  'failed to start {pkg} service',
  'E: Could not get lock',
  '401 Unauthorized',
  '500 Internal Server Error',
  'device not ready',
  'the {noun} could not be verified',
  'error code 0x{hex}',
  'segmentation fault (core dumped)',
  'no space left on device',
  'certificate has expired',
] as const;

const TAGS = [
  'windows',
  'linux',
  'macos',
  'android',
  'ios',
  'networking',
  'billing',
  'installation',
  'hardware',
  'drivers',
  'updates',
  'account',
  'printing',
  'audio',
  'api',
  'mobile',
  'security',
  'performance',
] as const;

const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Maria',
  'Jonas',
  'Priya',
  'Chen',
  'Fatima',
  'Lukas',
  'Emma',
  'Noah',
  'Olivia',
  'Mateo',
  'Aisha',
  'Kenji',
  'Sofia',
  'Liam',
  'Anna',
  'Omar',
  'Elena',
  'David',
  'Mia',
  'Yusuf',
  'Hannah',
  'Ravi',
  'Chloe',
  'Ivan',
  'Lea',
  'Tom',
] as const;

const SYLLABLES = [
  'zen',
  'tri',
  'vo',
  'lux',
  'mar',
  'ka',
  'pro',
  'nex',
  'qua',
  'ri',
  'sol',
  'tek',
  'vi',
  'ax',
  'or',
  'lin',
  'dra',
  'fen',
  'mo',
  'bel',
];

/** A pool of made-up product names (rare words, like real brand and model names). */
function productNames(count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const word = Array.from({ length: int(2, 3) }, () => pick(SYLLABLES)).join('');
    const name = word[0]!.toUpperCase() + word.slice(1);
    names.add(
      chance(0.4) ? `${name} ${pick(['X', 'S', 'Pro', 'Go', 'Max', 'Mini', 'Hub', 'One'])}${chance(0.5) ? int(1, 900) : ''}` : name,
    );
  }
  return [...names];
}

export interface DistractorOptions {
  count: number;
  /** The first thread id; every later one is higher (and so is every answer id). */
  firstId: number;
  /** Creation dates run evenly from `from` to `to`, in id order. */
  from: Date;
  to: Date;
  seed?: number;
}

export async function writeDistractors(
  file: string,
  options: DistractorOptions,
): Promise<{ threads: number; answers: number; accepted: number }> {
  state = options.seed ?? 20_240_611;
  const products = productNames(600);
  const thing = (): string => (chance(0.45) ? pick(products) : pick(NOUNS));
  const error = (): string =>
    pick(ERRORS)
      .replace('{code}', String(int(100, 9999)))
      .replace('{noun}', pick(NOUNS))
      .replace('{pkg}', pick(products).toLowerCase().replace(/\s+/g, '-'))
      .replace('{hex}', int(0x1000, 0xffffff).toString(16));

  const titles: (() => string)[] = [
    () => `How to ${pick(VERBS)} ${thing()} on ${pick(PLATFORMS)}?`,
    () => `How do I ${pick(VERBS)} the ${thing()} in ${thing()}?`,
    () => `${thing()} not working after ${pick(EVENTS)}`,
    () => `${thing()} ${pick(SYMPTOMS)}`,
    () => `Error when trying to ${pick(VERBS)} ${thing()}`,
    () => `Can't ${pick(VERBS)} ${thing()} on ${pick(PLATFORMS)}`,
    () => `Problem with ${thing()} and ${thing()}`,
    () => `Unable to get ${thing()} to ${pick(VERBS)} ${thing()}`,
    () => `Update broke my ${thing()}`,
    () => `Why does ${thing()} ${pick(SYMPTOMS).replace(/^is /, 'seem ')} when I ${pick(VERBS)} ${thing()}?`,
    () => `"${error()}" when I ${pick(VERBS)} ${thing()}`,
    () => `Best way to ${pick(VERBS)} ${thing()} with ${thing()}?`,
    () => `How to get ${thing()} working again after ${pick(EVENTS)}`,
    () => `Install ${thing()} problem: ${error()}`,
    () => `Is it possible to use ${thing()} with ${thing()} on ${pick(PLATFORMS)}?`,
  ];
  const bodySentences: (() => string)[] = [
    () => `I'm trying to ${pick(VERBS)} my ${thing()} but I get an error: ${error()}.`,
    () =>
      `I have tried to ${pick(VERBS)} the ${thing()} and to ${pick(VERBS)} ${thing()}, but it still ${pick(SYMPTOMS).replace(/^is /, 'seems ')}.`,
    () => `This started after ${pick(EVENTS)}.`,
    () => `I'm using ${pick(PLATFORMS)} with ${thing()} version ${int(1, 12)}.${int(0, 20)}.`,
    () => `The ${thing()} ${pick(SYMPTOMS)} every time I ${pick(VERBS)} the ${thing()}.`,
    () => `How can I get it to work again? Any help would be appreciated.`,
    () => `I already tried to update the ${thing()} and reinstall the ${thing()}, same problem.`,
    () => `Is there a way to use ${thing()} without ${thing()}?`,
    () => `When I run the installer it says "${error()}".`,
    () => `It used to work fine on ${pick(PLATFORMS)}, but not anymore.`,
    () => `Not sure if this is a problem with the ${thing()} or with the ${thing()}.`,
    () => `Thanks in advance!`,
  ];
  const answerSentences: (() => string)[] = [
    () => `Try to ${pick(VERBS)} the ${thing()} first, then ${pick(VERBS)} the ${thing()} again.`,
    () => `You need to update the ${thing()} to the latest version; older versions have this problem.`,
    () => `This is a known issue with ${thing()} on ${pick(PLATFORMS)}. A workaround is to ${pick(VERBS)} ${thing()} manually.`,
    () => `Open the settings, go to ${thing()} and ${pick(['turn off', 'turn on', 'reset', 'remove'])} the ${thing()} option.`,
    () => `Run the troubleshooter, it fixed the same error for me.`,
    () => `Make sure the ${thing()} is connected before you ${pick(VERBS)} the ${thing()}.`,
    () => `I had the same problem after ${pick(EVENTS)}. Reinstalling the ${thing()} helped.`,
    () => `Check the log file: if it says "${error()}" you have to ${pick(VERBS)} the ${thing()}.`,
    () => `Did you try to use a different ${thing()}?`,
  ];
  // Distinct sentence templates per post, in random order.
  const sentences = (from: (() => string)[], min: number, max: number): string => {
    const pool = [...from];
    return Array.from({ length: int(min, max) }, () => pool.splice(Math.floor(random() * pool.length), 1)[0]!()).join(' ');
  };
  // Votes: most threads get a few, some many, a few are down-voted.
  const votes = (mean: number): number => (chance(0.05) ? -int(1, 3) : Math.floor(-Math.log(1 - random()) * mean));

  const out = createWriteStream(file);
  const span = options.to.getTime() - options.from.getTime();
  let answersWritten = 0;
  let accepted = 0;
  let answerId = options.firstId + options.count;
  for (let i = 0; i < options.count; i++) {
    const id = options.firstId + i;
    const created = new Date(options.from.getTime() + (span * i) / options.count);
    const answers = Array.from({ length: pick([0, 1, 1, 2, 2, 3]) }, (_, a) => ({
      id: answerId++,
      body: sentences(answerSentences, 1, 4),
      body_format: 'text',
      creation_date: new Date(created.getTime() + (a + 1) * 3_600_000).toISOString().slice(0, 19),
      score: votes(3),
      owner_user_id: int(1, 800),
      owner_display_name: null as string | null,
      is_accepted: false,
      comments: [],
    }));
    for (const answer of answers)
      answer.owner_display_name = `${FIRST_NAMES[answer.owner_user_id % FIRST_NAMES.length]} ${answer.owner_user_id}`;
    const acceptedAnswer = answers.length > 0 && chance(0.45) ? pick(answers) : null;
    if (acceptedAnswer) {
      acceptedAnswer.is_accepted = true;
      accepted++;
    }
    answersWritten += answers.length;
    const owner = int(1, 800);
    const line = JSON.stringify({
      id,
      title: pick(titles)().replace(/^./, (c) => c.toUpperCase()),
      body: sentences(bodySentences, 2, 6),
      body_format: 'text',
      tags: [...new Set(Array.from({ length: int(0, 2) }, () => pick(TAGS)))],
      creation_date: created.toISOString().slice(0, 19),
      score: votes(6),
      view_count: int(5, 20_000),
      accepted_answer_id: acceptedAnswer?.id ?? null,
      owner_user_id: owner,
      owner_display_name: `${FIRST_NAMES[owner % FIRST_NAMES.length]} ${owner}`,
      comments: [],
      answers,
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { threads: options.count, answers: answersWritten, accepted };
}
