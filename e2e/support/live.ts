// Waiting for live subscriptions to be in place, instead of sleeping: the api's /health counts the
// subscriptions open in its process.

/** Live subscriptions the api process at `apiUrl` has open. */
export async function liveSubscriptions(apiUrl: string): Promise<number> {
  const res = await fetch(`${apiUrl}/health`);
  return ((await res.json()) as { subscriptions: number }).subscriptions;
}

/** Resolves once the api at `apiUrl` has more than `count` live subscriptions open. */
export async function subscriptionsAbove(apiUrl: string, count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await liveSubscriptions(apiUrl)) <= count) {
    if (Date.now() > deadline) throw new Error(`the api at ${apiUrl} did not open a new live subscription within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
