import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/**
 * Webhook URLs are typed by merchants, and the server calls them: without a guard a merchant could
 * make Wayline post to its own private network (the database's admin port, a cloud metadata
 * service, another tenant's internal API). Unless the operator allows private addresses
 * (`WAYLINE_WEBHOOK_ALLOW_PRIVATE=1`, e.g. for an on-premises receiver), an endpoint may not name
 * a private, loopback, link-local or reserved address — checked when it is saved — and a delivery
 * connects only to public addresses its host name resolves to, checked at the moment of connecting
 * (a name that resolves to a private address later, DNS rebinding, is refused too).
 */
const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(prefix, bits, 'ipv6');

let allowPrivate = false;

/** The operator's choice (config `WAYLINE_WEBHOOK_ALLOW_PRIVATE`), set when the module is created. */
export function setWebhookPolicy(policy: { allowPrivate: boolean }): void {
  allowPrivate = policy.allowPrivate;
}

/** An IPv4 address embedded in an IPv6 one (`::ffff:10.0.0.1`, NAT64 `64:ff9b::a00:1`), if any. */
function embeddedV4(ip: string): string | null {
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!hex) return null;
  const hi = Number.parseInt(hex[1], 16);
  const lo = Number.parseInt(hex[2], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True for an address a webhook may not reach: private, loopback, link-local, reserved, multicast. */
export function isPrivateAddress(ip: string): boolean {
  const kind = net.isIP(ip);
  if (kind === 4) return blocked.check(ip, 'ipv4');
  if (kind !== 6) return true;
  const v4 = embeddedV4(ip);
  return v4 ? blocked.check(v4, 'ipv4') : blocked.check(ip, 'ipv6');
}

/**
 * Why a webhook URL may not be used, or null: its host is an address or a name (`localhost`) that
 * is private. Names are checked again, resolved, when a delivery connects.
 */
export function privateHostOf(url: URL): string | null {
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return host;
  if (net.isIP(host) && isPrivateAddress(host)) return host;
  return null;
}

export class PrivateAddressError extends Error {
  constructor(readonly host: string) {
    super(`url_private: ${host} resolves to a private address`);
  }
}

/** `dns.lookup` for the webhook's socket, answering only public addresses (unless allowed). */
export const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 4);
    const list = addresses as dns.LookupAddress[];
    const usable = allowPrivate ? list : list.filter((a) => !isPrivateAddress(a.address));
    if (!usable.length) return callback(new PrivateAddressError(hostname), '', 4);
    if ((options as dns.LookupOptions).all) return (callback as any)(null, usable);
    callback(null, usable[0].address, usable[0].family);
  });
};

/**
 * POST a webhook: no redirects followed, the body read and dropped, `timeoutMs` for the whole
 * exchange. Answers the HTTP status.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const target = new URL(url);
  const host = privateHostOf(target);
  if (host) return Promise.reject(new PrivateAddressError(host));
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup,
        timeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
