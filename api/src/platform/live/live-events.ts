import { EventEmitter } from 'node:events';

/**
 * Live updates for subscriptions: publish after a change has committed, subscribe from a
 * `@Subscription` resolver. One process delivers in memory; several api processes share a
 * Redis server (`REDIS_URL`), so an event published on one reaches subscribers on all.
 */
/** `in-process`: one api process, no Redis; `ready`: Redis answers; `degraded`: Redis is set but away. */
export type LiveStatus = 'in-process' | 'ready' | 'degraded';

export abstract class LiveEvents {
  /** Whether live updates reach every api process right now (shown on /health). */
  status(): LiveStatus {
    return 'in-process';
  }
  abstract publish(channel: string, payload: unknown): Promise<void>;
  abstract subscribe<T>(channel: string): AsyncIterableIterator<T>;
  abstract close(): Promise<void>;
}

/** A subscriber that reads slower than events arrive loses the oldest ones, never the process's memory. */
const MAX_BUFFERED = 256;

let active = 0;

/** Live subscriptions open in this process (shown by `/health`, so tests can wait for theirs to be in place). */
export function activeLiveSubscriptions(): number {
  return active;
}

/**
 * Turns a push source into the async iterator GraphQL subscriptions consume. `listen` starts
 * delivery and returns the function that stops it; it runs once the iterator is created and the
 * stop runs when the client unsubscribes or disconnects.
 */
export function pushIterator<T>(listen: (push: (value: T) => void) => () => void): AsyncIterableIterator<T> {
  const buffered: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let done = false;
  active += 1;
  const stop = listen((value) => {
    if (done) return;
    const next = waiting.shift();
    if (next) next({ value, done: false });
    else {
      if (buffered.length === MAX_BUFFERED) buffered.shift();
      buffered.push(value);
    }
  });
  const finish = (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      active -= 1;
      stop();
      for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
      buffered.length = 0;
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next: () => {
      if (buffered.length > 0) return Promise.resolve({ value: buffered.shift() as T, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: finish,
    throw: async (error: unknown) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Hands on the events of `source` that `admit` lets through, asking it again for every event
 * (access can end while a subscription runs: sign-out, a changed role, leaving a team). When
 * `admit` throws, the subscription ends with that error. A plain iterator, not a generator, so an
 * unsubscribe stops the source at once even while it waits for the next event.
 */
export function perEvent<T>(source: AsyncIterableIterator<T>, admit: (event: T) => Promise<boolean>): AsyncIterableIterator<T> {
  const stop = async (): Promise<IteratorResult<T>> => (await source.return?.()) ?? { value: undefined, done: true };
  return {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done) return result;
        let admitted: boolean;
        try {
          admitted = await admit(result.value);
        } catch (error) {
          await stop();
          throw error;
        }
        if (admitted) return result;
      }
    },
    return: stop,
    throw: async (error: unknown) => {
      await stop();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Delivery within this process only: the default without Redis. */
export class InProcessLiveEvents extends LiveEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(channel: string, payload: unknown): Promise<void> {
    // A structured clone, so subscribers see what Redis would carry and not a shared object.
    this.emitter.emit(channel, structuredClone(payload));
    return Promise.resolve();
  }

  subscribe<T>(channel: string): AsyncIterableIterator<T> {
    return pushIterator<T>((push) => {
      const listener = (payload: T) => push(payload);
      this.emitter.on(channel, listener);
      return () => this.emitter.off(channel, listener);
    });
  }

  /** How many subscriptions listen on `channel` (tests wait for a subscription to be in place). */
  subscriberCount(channel: string): number {
    return this.emitter.listenerCount(channel);
  }

  close(): Promise<void> {
    this.emitter.removeAllListeners();
    return Promise.resolve();
  }
}
