/**
 * Server-side request forgery guard for webhook subscribers. A webhook URL is chosen by a gemeente's
 * beheerder, but the POST leaves from inside the deployment: without this guard a subscription to
 * 127.0.0.1:5432, Redis, the cloud metadata service or a private address turns Klachtregie into a
 * proxy into its own network, and the delivery log (`laatsteFout`) into a port scanner.
 *
 * Checked twice: at subscription (URL form, names and literal addresses) and at every delivery after DNS
 * resolution (every resolved address, and the connection goes to the address that was checked, so a
 * name cannot resolve to a public address at the check and to a private one at the connect).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const GEBLOKKEERD = new BlockList();
// IPv4 (RFC 6890 special-purpose): this network, private, shared (CGN), loopback, link-local (cloud
// metadata 169.254.169.254), IETF protocol assignments, benchmarking, multicast, reserved, broadcast.
for (const [net, prefix] of [
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
] as const) {
  GEBLOKKEERD.addSubnet(net, prefix, 'ipv4');
}
// IPv6: unspecified, loopback, unique local, link-local, site-local (deprecated), multicast, documentation.
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const) {
  GEBLOKKEERD.addSubnet(net, prefix, 'ipv6');
}

/** Names that always point inside: localhost and the cloud metadata services. */
const INTERNE_NAMEN = [/^localhost$/i, /\.localhost$/i, /^metadata(\.google\.internal)?$/i, /\.internal$/i, /^metadata\.azure\.com$/i];

/** Whether an address (v4 or v6 literal) lies in a network no webhook may reach. */
export function isInternAdres(adres: string): boolean {
  const a = adres.replace(/^\[|\]$/g, '');
  const soort = isIP(a);
  if (soort === 4) return GEBLOKKEERD.check(a, 'ipv4');
  if (soort === 6) {
    // IPv4-mapped and IPv4-compatible IPv6 (::ffff:127.0.0.1, ::ffff:7f00:1) reach the IPv4 address.
    const gemapt = /^::(ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
    if (gemapt) return GEBLOKKEERD.check(gemapt[2], 'ipv4');
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(a);
    if (hex) {
      const n = (parseInt(hex[1], 16) << 16) | parseInt(hex[2], 16);
      return GEBLOKKEERD.check([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'), 'ipv4');
    }
    return GEBLOKKEERD.check(a, 'ipv6');
  }
  return false;
}

/**
 * Why a webhook URL may not be used, or undefined when it may. The WHATWG URL parser already turns
 * `0x7f000001`, `2130706433` and `0177.0.0.1` into `127.0.0.1`, so the literal check sees through them.
 */
export function webhookUrlFout(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'geen geldige URL';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `alleen http en https zijn toegestaan (niet ${u.protocol})`;
  if (u.username || u.password)
    return 'een URL met gebruikersnaam of wachtwoord is niet toegestaan: gebruik het gedeelde geheim (secret) om af te leveren berichten te ondertekenen';
  const host = u.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (INTERNE_NAMEN.some((p) => p.test(host))) return `'${host}' wijst naar het eigen netwerk of een metadatadienst`;
  if (isIP(host) && isInternAdres(host)) return `het adres ${host} ligt in een intern, lokaal of gereserveerd netwerk`;
  return undefined;
}

/** DI token of the resolver deliveries use (tests replace it to make a name resolve to loopback). */
export const WEBHOOK_DNS = Symbol('WEBHOOK_DNS');

export type Lookup = (
  hostname: string,
  options: { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** The system resolver (replaceable in tests through the WEBHOOK_DNS provider). */
export const systeemLookup: Lookup = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * A `lookup` for http(s).request that resolves with `resolver` and refuses the connection when any
 * address is internal; the socket then connects to an address that was checked.
 */
export function veiligeLookup(resolver: Lookup) {
  return (hostname: string, options: { family?: number; all?: boolean }, callback: (...args: unknown[]) => void): void => {
    resolver(hostname, { all: true }, (err, adressen) => {
      if (err) return callback(err);
      const intern = adressen.find((a) => isInternAdres(a.address));
      if (intern || adressen.length === 0) {
        const fout = Object.assign(
          new Error(`${hostname} wijst naar ${intern ? `een intern adres (${intern.address})` : 'geen adres'}: niet afgeleverd`),
          {
            code: 'EWEBHOOKINTERN',
          },
        );
        return callback(fout);
      }
      if (options.all) return callback(null, adressen);
      const gekozen = adressen.find((a) => !options.family || a.family === options.family) ?? adressen[0];
      return callback(null, gekozen.address, gekozen.family);
    });
  };
}
