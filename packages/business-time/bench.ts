/**
 * Throughput of the business-time arithmetic: `pnpm exec node bench.ts` (Node 24 strips the types).
 * The sources import each other as './x.js', as tsc wants; the hook below lets Node find './x.ts' instead.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!/^\.\.?\/.*\.js$/.test(specifier)) throw error;
      return nextResolve(specifier.replace(/\.js$/, '.ts'), context);
    }
  },
});

const { addBusinessMinutes, businessMinutesBetween } = await import('./src/index.ts');
type OpeningHours = import('./src/index.ts').OpeningHours;

const hours: OpeningHours = {
  timeZone: 'Europe/Berlin',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' })),
  holidays: ['2025-04-18', '2025-04-21', '2025-05-01', '2025-12-25', '2025-12-26'],
};
const DAY = 86_400_000;
const base = Date.UTC(2025, 0, 1, 9, 17);
// Start instants spread over a year, so the figures include DST changes and holidays.
const starts = Array.from({ length: 1024 }, (_, i) => new Date(base + ((i * 7919) % 365) * DAY + ((i * 104_729) % DAY)));

function bench(name: string, run: (start: Date) => unknown): void {
  for (const start of starts) run(start); // warm up: JIT and the zone's offset tables
  let ops = 0;
  const began = performance.now();
  while (performance.now() - began < 1000) {
    for (const start of starts) run(start);
    ops += starts.length;
  }
  const seconds = (performance.now() - began) / 1000;
  console.log(
    `${name.padEnd(44)} ${Math.round(ops / seconds)
      .toLocaleString('en-US')
      .padStart(10)} ops/s`,
  );
}

bench('addBusinessMinutes(…, 10,000)', (start) => addBusinessMinutes(hours, start, 10_000));
bench('businessMinutesBetween over 30 days', (start) => businessMinutesBetween(hours, start, new Date(start.getTime() + 30 * DAY)));
