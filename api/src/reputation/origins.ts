import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

const LOCAL = /^(127\.|::1$|::ffff:127\.)/;

/**
 * A one-way fingerprint of a client address, or null when the address says nothing about the
 * person (missing, or the loopback of a proxy that did not forward the client's address).
 */
export function originHash(ip: string | null | undefined): string | null {
  if (!ip || isIP(ip) === 0 || LOCAL.test(ip)) return null;
  return createHash('sha256').update(`peerdesk-origin:${ip}`).digest('hex');
}
