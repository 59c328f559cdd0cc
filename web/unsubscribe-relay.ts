import { request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** `/unsubscribe/{userId}.{signature}`, the link in every notification mail. */
const UNSUBSCRIBE = /^\/unsubscribe\/(\d{1,18}\.[\w-]{32})$/;

/**
 * One-click unsubscribe (RFC 8058): mail programs POST to the List-Unsubscribe link without an
 * Origin or a cookie, which SvelteKit refuses as a cross-site form post. So these POSTs are taken
 * before SvelteKit sees them and relayed to the api (`POST /mail/unsubscribe/:token`); a browser
 * (the button on the page, also without JavaScript) is sent back to the page with the outcome.
 * Every other request goes on to SvelteKit unchanged.
 */
export function attachUnsubscribeRelay(server: Server, apiUrl: string): void {
  const api = new URL(apiUrl);
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = req.method === 'POST' ? UNSUBSCRIBE.exec(new URL(req.url ?? '/', 'http://web').pathname) : null;
    if (!match) {
      for (const listener of listeners) listener.call(server, req, res);
      return;
    }
    req.resume();
    const token = match[1]!;
    const upstream = request(
      { hostname: api.hostname, port: api.port, method: 'POST', path: `/mail/unsubscribe/${token}`, headers: { 'content-length': 0 } },
      (answer) => {
        answer.resume();
        const ok = answer.statusCode === 200;
        if ((req.headers.accept ?? '').includes('text/html')) {
          res.writeHead(303, { location: `/unsubscribe/${token}?${ok ? 'done' : 'invalid'}=1` }).end();
        } else {
          res.writeHead(ok ? 200 : 400, { 'content-type': 'text/plain; charset=utf-8' }).end(ok ? 'Unsubscribed.\n' : 'Invalid link.\n');
        }
      },
    );
    upstream.on('error', () => res.writeHead(503, { 'retry-after': '30' }).end());
    upstream.end();
  });
}
