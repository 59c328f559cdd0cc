/**
 * Throughput of scoreTone over the labelled corpus (de + en, 20–200 characters a post) and over
 * 2,000-character posts. Run: `pnpm --filter @peerdesk/tone run bench`. Target: ≥ 2,000 posts/s.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tone } from './scripts/source.ts';

const texts = readFileSync(new URL('corpus/labelled.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { text: string }).text);
const long = texts.map((_, i) => {
  let text = '';
  for (let k = i; text.length < 2000; k++) text += texts[k % texts.length] + ' ';
  return text.slice(0, 2000);
});

function measure(name: string, posts: string[], rounds: number): void {
  for (const text of posts) tone.scoreTone(text);
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const text of posts) tone.scoreTone(text);
  const seconds = (performance.now() - start) / 1000;
  const rate = (posts.length * rounds) / seconds;
  console.log(`${name}: ${Math.round(rate).toLocaleString('en')} posts/s (${posts.length * rounds} posts in ${seconds.toFixed(2)} s)`);
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
measure('corpus posts (avg ' + Math.round(texts.join('').length / texts.length) + ' chars)', texts, 100);
measure('2,000-character posts', long, 10);
