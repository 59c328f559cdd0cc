import type DataLoader from 'dataloader';
import type { Request, Response } from 'express';
import type { Actor } from '../../identity/policy';

/** Everything a resolver may know about the request; loaders are created lazily, once per request. */
export class RequestContext {
  private readonly loaders = new Map<symbol, DataLoader<unknown, unknown>>();

  constructor(
    readonly req: Request,
    readonly res: Response,
    readonly actor: Actor | null,
    readonly requestId: string,
  ) {}

  /**
   * The client's connection is closed (for a subscription: its WebSocket), so nobody will read
   * the answer. Expensive work checks this before it starts, so an abandoned request stops
   * instead of running to the end.
   */
  get clientGone(): boolean {
    return (this.req as Partial<Request>).socket?.destroyed === true;
  }

  loader<K, V>(key: symbol, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
