import { request, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** Only GraphQL-over-WebSocket upgrades are passed on; the api checks the origin and the session. */
const LIVE_PATH = '/graphql';

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The visitor's address as adapter-node's getClientAddress() tells it for pages: the socket's peer,
 * or, behind a proxy of yours, its ADDRESS_HEADER (X-Forwarded-For read XFF_DEPTH entries from the
 * right). The api believes exactly this one address from the web, never what the visitor wrote.
 */
function clientAddress(req: IncomingMessage): string {
  const header = process.env.ADDRESS_HEADER?.toLowerCase();
  const value = header ? req.headers[header] : undefined;
  if (typeof value !== 'string') return req.socket.remoteAddress ?? '';
  if (header !== 'x-forwarded-for') return value.trim();
  const entries = value.split(',').map((entry) => entry.trim());
  return entries[entries.length - Number(process.env.XFF_DEPTH ?? 1)] ?? req.socket.remoteAddress ?? '';
}

/**
 * The browser talks to the web origin only, so live updates come through here: a WebSocket
 * upgrade on /graphql is relayed byte for byte to the api, with the visitor's cookie, origin and
 * address (X-Forwarded-For, replaced, never appended to) as for every other api call. Used by
 * `server.ts` and `vite dev`.
 */
export function attachLiveProxy(server: Server, apiUrl: string): void {
  const api = new URL(apiUrl);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://web').pathname !== LIVE_PATH) return;
    socket.on('error', () => socket.destroy());
    const forwardedFor = clientAddress(req);
    const upstream = request({
      hostname: api.hostname,
      port: api.port,
      path: LIVE_PATH,
      method: 'GET',
      headers: { ...req.headers, host: api.host, 'x-forwarded-for': forwardedFor },
    });
    upstream.on('upgrade', (res, apiSocket, apiHead) => {
      const lines = [`HTTP/1.1 101 ${res.statusMessage ?? 'Switching Protocols'}`];
      for (let i = 0; i < res.rawHeaders.length; i += 2) lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (apiHead.length > 0) socket.write(apiHead);
      if (head.length > 0) apiSocket.write(head);
      apiSocket.on('error', () => socket.destroy());
      socket.on('close', () => apiSocket.destroy());
      apiSocket.on('close', () => socket.destroy());
      apiSocket.pipe(socket).pipe(apiSocket);
    });
    upstream.on('response', (res) => {
      refuse(socket, res.statusCode ?? 502, res.statusMessage ?? 'Bad Gateway');
      res.resume();
    });
    upstream.on('error', () => refuse(socket, 502, 'Bad Gateway'));
    upstream.end();
  });
}
