/**
 * Server-side request forgery guard for webhook subscribers. A webhook URL is chosen by a gemeente's
 * beheerder, but the POST leaves from inside the deployment: without this guard a subscription to
 * 127.0.0.1:5432, Redis, the cloud metadata service or a private address turns Klachtregie into a
 * proxy into its own network, and the delivery log (`laatsteFout`) into a port scanner.
 *
 * Checked twice: at subscription (URL form, names and literal addresses) and at every delivery after DNS
 * resolution (every resolved address, and the connection goes to the address that was checked, so a
 * name cannot resolve to a public address at the check and to a private one at the connect).
 * The rule of transport is here too: https only (onversleuteldFout, AVG art. 32).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const GEBLOKKEERD = new BlockList();
// IPv4 (RFC 6890 special-purpose): this network, private, shared (CGN), loopback, link-local (cloud
// metadata 169.254.169.254), IETF protocol assignments, documentation, the former 6to4 relay anycast (RFC 7526),
// benchmarking, multicast, reserved, broadcast.
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  GEBLOKKEERD.addSubnet(net, prefix, 'ipv4');
}
// IPv6 (the IANA special-purpose registry, what is not globally reachable): unspecified, loopback, local-use NAT64
// (RFC 8215: a translator of the own network, which may embed the IPv4 address at any RFC 6052 prefix length, so
// the whole /48 is refused), discard-only (RFC 6666), benchmarking, ORCHID, unique local, link-local, site-local
// (deprecated), multicast, documentation (RFC 3849, RFC 9637), SRv6 SIDs (RFC 9602).
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:2::', 48],
  ['2001:10::', 28],
  ['3fff::', 20],
  ['5f00::', 16],
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

/** The 16 bytes of an IPv6 literal (already checked by `isIP`), also with `::` and a trailing dotted IPv4. */
function ipv6Bytes(a: string): number[] {
  let tekst = a;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(tekst);
  if (v4) {
    const [, p, q, r, t] = v4.map(Number);
    tekst = `${tekst.slice(0, v4.index)}${((p << 8) | q).toString(16)}:${((r << 8) | t).toString(16)}`;
  }
  const [kop, staart] = tekst.split('::');
  const groepen = (d: string | undefined) => (d ? d.split(':').map((g) => parseInt(g, 16)) : []);
  const voor = groepen(kop);
  const na = groepen(staart);
  const alle = staart === undefined ? voor : [...voor, ...Array<number>(8 - voor.length - na.length).fill(0), ...na];
  return alle.flatMap((g) => [g >> 8, g & 255]);
}

const nul = (b: number[], van: number, tot: number) => b.slice(van, tot).every((x) => x === 0);
const alsIpv4 = (b: number[]) => b.join('.');

/**
 * The IPv4 address an IPv6 address carries, when it is one of the forms that reach an IPv4 host: IPv4-mapped
 * ::ffff:0:0/96 and IPv4-translated ::ffff:0:0:0/96 (the host's own stack), IPv4-compatible ::/96, NAT64's well-known
 * prefix 64:ff9b::/96 (RFC 6052, a translator), 6to4 2002::/16 (RFC 3056, a relay) and Teredo 2001::/32 (RFC 4380,
 * the client's address, inverted).
 */
function ingebedIpv4(b: number[]): string | undefined {
  if (nul(b, 0, 10) && b[10] === 0xff && b[11] === 0xff) return alsIpv4(b.slice(12));
  if (nul(b, 0, 8) && b[8] === 0xff && b[9] === 0xff && nul(b, 10, 12)) return alsIpv4(b.slice(12));
  if (nul(b, 0, 12)) return alsIpv4(b.slice(12));
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && nul(b, 4, 12)) return alsIpv4(b.slice(12));
  if (b[0] === 0x20 && b[1] === 0x02) return alsIpv4(b.slice(2, 6));
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0 && b[3] === 0) return alsIpv4(b.slice(12).map((x) => x ^ 0xff));
  return undefined;
}

/** Whether an address (v4 or v6 literal) lies in a network no webhook may reach. */
export function isInternAdres(adres: string): boolean {
  // A zone (fe80::1%eth0) only picks the interface; the address is what is judged.
  const a = adres.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const soort = isIP(a);
  if (soort === 4) return GEBLOKKEERD.check(a, 'ipv4');
  if (soort === 6) {
    // An IPv6 form that embeds an IPv4 address reaches that IPv4 host: the IPv4 rules apply to it (127.0.0.1 behind
    // 64:ff9b::7f00:1 or 2002:7f00:1:: is loopback all the same), and the IPv6 rules to the address itself.
    const v4 = ingebedIpv4(ipv6Bytes(a));
    return (v4 !== undefined && GEBLOKKEERD.check(v4, 'ipv4')) || GEBLOKKEERD.check(a, 'ipv6');
  }
  return false;
}

/**
 * Why a URL's plain http is not allowed (undefined for https and anything else): a delivery carries personal data of
 * the klager, so it goes encrypted (AVG art. 32 lid 1 sub a, BIO 13.2.1). The one rule of the subscription, the
 * delivery and the resend; WEBHOOK_HTTP=toestaan lifts it for development only.
 */
export function onversleuteldFout(url: string): string | undefined {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return undefined;
  }
  return protocol === 'http:'
    ? 'alleen https is toegestaan: een aflevering bevat persoonsgegevens van de klager en gaat versleuteld (AVG art. 32)'
    : undefined;
}

/** What the development switches allow (WEBHOOK_HTTP, WEBHOOK_INTERNE_ADRESSEN); both off in production. */
export interface WebhookUitzonderingen {
  http: boolean;
  interneAdressen: boolean;
}

/** The switches as the configuration sets them. */
export const uitzonderingenVan = (c: {
  webhookHttpToegestaan: boolean;
  webhookInterneAdressenToegestaan: boolean;
}): WebhookUitzonderingen => ({
  http: c.webhookHttpToegestaan,
  interneAdressen: c.webhookInterneAdressenToegestaan,
});

/**
 * Why a webhook URL may not be used, or undefined when it may. The WHATWG URL parser already turns
 * `0x7f000001`, `2130706433` and `0177.0.0.1` into `127.0.0.1`, so the literal check sees through them.
 */
export function webhookUrlFout(
  url: string,
  toegestaan: WebhookUitzonderingen = { http: false, interneAdressen: false },
): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'geen geldige URL';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `alleen https is toegestaan (niet ${u.protocol})`;
  const onversleuteld = toegestaan.http ? undefined : onversleuteldFout(url);
  if (onversleuteld) return onversleuteld;
  if (u.username || u.password)
    return 'een URL met gebruikersnaam of wachtwoord is niet toegestaan: gebruik het gedeelde geheim (secret) om af te leveren berichten te ondertekenen';
  if (toegestaan.interneAdressen) return undefined;
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
