import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  guardedLookup,
  isPrivateAddress,
  PrivateAddressError,
  privateHostOf,
  setWebhookPolicy,
} from './webhook.guard';

const lookup = (host: string) =>
  new Promise<string>((resolve, reject) =>
    guardedLookup(host, {}, (error, address) => (error ? reject(error) : resolve(address as string))),
  );

afterEach(() => setWebhookPolicy({ allowPrivate: false }));

describe('webhook address guard', () => {
  it('tells private, loopback, link-local and reserved addresses from public ones', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.254',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '64:ff9b::a00:1',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '114.114.114.114', '172.32.0.1', '2400:3200::1', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(ip), ip).toBe(false);
    expect(isPrivateAddress('not-an-ip')).toBe(true);
  });

  it('refuses every address of the private IPv4 ranges and passes the public ones around them', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(octet, octet, octet, (a, b, c) => {
        expect(isPrivateAddress(`10.${a}.${b}.${c}`)).toBe(true);
        expect(isPrivateAddress(`192.168.${a}.${b}`)).toBe(true);
        expect(isPrivateAddress(`172.${16 + (a % 16)}.${b}.${c}`)).toBe(true);
        expect(isPrivateAddress(`11.${a}.${b}.${c}`)).toBe(false);
        expect(isPrivateAddress(`172.${32 + (a % 200)}.${b}.${c}`)).toBe(false);
      }),
    );
  });

  it('names the private host of a URL unless the operator allows private addresses', () => {
    expect(privateHostOf(new URL('http://localhost:8080/x'))).toBe('localhost');
    expect(privateHostOf(new URL('http://api.localhost/x'))).toBe('api.localhost');
    expect(privateHostOf(new URL('http://[::1]:9/x'))).toBe('::1');
    expect(privateHostOf(new URL('http://10.0.0.5/x'))).toBe('10.0.0.5');
    // A name is resolved when a delivery connects, not when it is saved.
    expect(privateHostOf(new URL('https://hooks.example.com/wayline'))).toBeNull();
    setWebhookPolicy({ allowPrivate: true });
    expect(privateHostOf(new URL('http://10.0.0.5/x'))).toBeNull();
  });

  it('connects only to public addresses a name resolves to', async () => {
    await expect(lookup('localhost')).rejects.toBeInstanceOf(PrivateAddressError);
    setWebhookPolicy({ allowPrivate: true });
    expect(isPrivateAddress(await lookup('localhost'))).toBe(true);
  });
});
