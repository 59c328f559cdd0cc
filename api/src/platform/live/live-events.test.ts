import { describe, expect, it } from 'vitest';
import { activeLiveSubscriptions, InProcessLiveEvents, pushIterator } from './live-events';

describe('InProcessLiveEvents', () => {
  it('delivers to every subscriber of a channel, in order, and to no other channel', async () => {
    const live = new InProcessLiveEvents();
    const first = live.subscribe<number>('thread:1');
    const second = live.subscribe<number>('thread:1');
    const elsewhere = live.subscribe<number>('thread:2');
    await live.publish('thread:1', 1);
    await live.publish('thread:1', 2);
    expect([(await first.next()).value, (await first.next()).value]).toEqual([1, 2]);
    expect((await second.next()).value).toBe(1);
    await live.publish('thread:2', 3);
    expect((await elsewhere.next()).value).toBe(3);
  });

  it('hands each subscriber its own copy of the payload', async () => {
    const live = new InProcessLiveEvents();
    const subscription = live.subscribe<{ n: number }>('c');
    const payload = { n: 1 };
    await live.publish('c', payload);
    const { value } = await subscription.next();
    expect(value).toEqual({ n: 1 });
    expect(value).not.toBe(payload);
  });
});

describe('pushIterator', () => {
  it('resolves a waiting reader as soon as a value arrives', async () => {
    let push!: (value: string) => void;
    const iterator = pushIterator<string>((p) => ((push = p), () => undefined));
    const pending = iterator.next();
    push('hello');
    expect(await pending).toEqual({ value: 'hello', done: false });
  });

  it('keeps only the newest values for a reader that falls behind', async () => {
    let push!: (value: number) => void;
    const iterator = pushIterator<number>((p) => ((push = p), () => undefined));
    for (let i = 0; i < 300; i++) push(i);
    expect((await iterator.next()).value).toBe(44);
  });

  it('stops the source once, and ends waiting readers, when the subscriber leaves', async () => {
    let stops = 0;
    const iterator = pushIterator<number>(() => () => (stops += 1));
    const waiting = iterator.next();
    await iterator.return!();
    await iterator.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(stops).toBe(1);
  });
});

describe('activeLiveSubscriptions', () => {
  it('counts subscriptions while they are open', async () => {
    const live = new InProcessLiveEvents();
    const before = activeLiveSubscriptions();
    const first = live.subscribe<number>('count:1');
    const second = live.subscribe<number>('count:2');
    expect(activeLiveSubscriptions()).toBe(before + 2);
    await first.return!();
    await first.return!();
    expect(activeLiveSubscriptions()).toBe(before + 1);
    await second.return!();
    expect(activeLiveSubscriptions()).toBe(before);
  });
});
