import { isInternAdres, onversleuteldFout, veiligeLookup, webhookUrlFout, type Lookup } from './ssrf';

/** The SSRF rules alone: plain http allowed, as the development switch WEBHOOK_HTTP=toestaan does. */
const ALLEEN_SSRF = { http: true, interneAdressen: false };

describe('SSRF guard for webhook subscribers', () => {
  test.each([
    'http://127.0.0.1:5432/',
    'http://127.0.0.1:6379/',
    'http://localhost/events',
    'http://api.localhost/events',
    'http://0.0.0.0/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://10.0.0.5/',
    'http://172.20.1.1/',
    'http://192.168.1.10/',
    'http://100.64.0.1/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'https://gebruiker:geheim@ontvanger.example.org/events',
    'ftp://ontvanger.example.org/events',
  ])('a subscription to %s is refused', (url) => {
    expect(webhookUrlFout(url, ALLEEN_SSRF)).toEqual(expect.any(String));
    expect(webhookUrlFout(url.replace(/^http:/, 'https:'))).toEqual(expect.any(String));
  });

  test.each(['https://zaaksysteem.gemeente.nl/klachtregie/events', 'https://93.184.216.34/events', 'https://[2001:4860:4860::8888]/'])(
    'a public https subscriber %s is allowed',
    (url) => {
      expect(webhookUrlFout(url)).toBeUndefined();
    },
  );

  test('AVG art. 32 (encryption in transit): a plain http URL is refused, also a public one, unless the development switch allows it', () => {
    for (const url of [
      'http://zaaksysteem.gemeente.nl/klachtregie/events',
      'http://93.184.216.34/events',
      'HTTP://ZAAKSYSTEEM.GEMEENTE.NL/',
    ]) {
      expect([url, webhookUrlFout(url)]).toEqual([url, expect.stringContaining('alleen https')]);
      expect([url, onversleuteldFout(url)]).toEqual([url, expect.stringContaining('AVG art. 32')]);
      expect([url, webhookUrlFout(url, ALLEEN_SSRF)]).toEqual([url, undefined]);
    }
    expect(onversleuteldFout('https://zaaksysteem.gemeente.nl/')).toBeUndefined();
    // The switch for plain http does not open the deployment's own network, nor the other way round.
    expect(webhookUrlFout('http://127.0.0.1:6379/', ALLEEN_SSRF)).toContain('127.0.0.1');
    expect(webhookUrlFout('http://127.0.0.1:6379/', { http: false, interneAdressen: true })).toContain('alleen https');
    expect(webhookUrlFout('http://127.0.0.1:6379/', { http: true, interneAdressen: true })).toBeUndefined();
    // Credentials in a URL are refused under either switch: the secret signs the deliveries.
    expect(webhookUrlFout('https://a:b@127.0.0.1/', { http: true, interneAdressen: true })).toContain('gebruikersnaam');
  });

  test('isInternAdres: public addresses pass, every internal class is caught', () => {
    expect(isInternAdres('8.8.8.8')).toBe(false);
    expect(isInternAdres('2001:4860:4860::8888')).toBe(false);
    for (const a of [
      '127.0.0.1',
      '10.1.1.1',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '::1',
      '::',
      'fc00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
    ]) {
      expect([a, isInternAdres(a)]).toEqual([a, true]);
    }
  });

  test('at delivery: a name that resolves to loopback is refused after resolution, a public one connects to the checked address', (done) => {
    const resolver: Lookup = (host, _o, cb) =>
      cb(null, host === 'binnen.test' ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '93.184.216.34', family: 4 }]);
    const lookup = veiligeLookup(resolver);
    lookup('binnen.test', {}, (err: unknown) => {
      expect((err as NodeJS.ErrnoException).code).toBe('EWEBHOOKINTERN');
      lookup('buiten.test', {}, (err2: unknown, adres: unknown) => {
        expect(err2).toBeNull();
        expect(adres).toBe('93.184.216.34');
        done();
      });
    });
  });

  // IPv6 forms that carry an IPv4 address reach that IPv4 host (through the host's own stack, a NAT64 translator or a
  // 6to4 relay): they are judged by the IPv4 rules, as literals, in URLs and as resolved addresses.
  test.each([
    ['64:ff9b::127.0.0.1', 'NAT64 (RFC 6052) of loopback'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback, hex'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of the cloud metadata service'],
    ['64:ff9b::10.0.0.5', 'NAT64 of a private address'],
    ['2002:7f00:1::', '6to4 (RFC 3056) of loopback'],
    ['2002:a00:5::1', '6to4 of a private address'],
    ['2002:a9fe:a9fe:1:2:3:4:5', '6to4 of the cloud metadata service'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::7f00:1', 'IPv4-compatible loopback, hex (how the URL parser writes it)'],
    ['::c0a8:10a', 'IPv4-compatible private address'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'IPv4-mapped metadata service, written out'],
    ['::ffff:0:7f00:1', 'IPv4-translated (SIIT, RFC 2765) loopback'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'Teredo (RFC 4380) whose client is loopback'],
    ['64:FF9B::7F00:1', 'NAT64 in capitals'],
  ])('an IPv6 address embedding an internal IPv4 is internal: %s (%s)', (adres) => {
    expect(isInternAdres(adres)).toBe(true);
    expect(isInternAdres(`[${adres}]`)).toBe(true);
    expect(webhookUrlFout(`https://[${adres}]:6379/`)).toEqual(expect.any(String));
  });

  // Not globally reachable (the IANA special-purpose registries): a local-use NAT64 translator (RFC 8215) reaches
  // whatever IPv4 host the own network routes to, with the IPv4 address at any RFC 6052 prefix length, so the whole
  // 64:ff9b:1::/48 is internal, whatever it embeds.
  test.each([
    ['64:ff9b:1::7f00:1', 'local-use NAT64 /96 of loopback'],
    ['64:ff9b:1:7f00:0:100::', 'local-use NAT64 /48 of loopback (RFC 6052 2.2)'],
    ['64:ff9b:1:5db8:d8:2200::', 'local-use NAT64 /48 of a public IPv4'],
    ['64:ff9b:1:ffff:ffff:ffff:ffff:ffff', 'the end of 64:ff9b:1::/48'],
    ['100::1', 'discard-only (RFC 6666)'],
    ['2001:2::1', 'benchmarking (RFC 5180)'],
    ['2001:10::1', 'ORCHID (deprecated)'],
    ['3fff::1', 'documentation (RFC 9637)'],
    ['5f00::1', 'SRv6 SIDs (RFC 9602)'],
    ['192.88.99.1', 'the former 6to4 relay anycast (RFC 7526)'],
  ])('a special-purpose address no subscriber has is internal: %s (%s)', (adres) => {
    expect(isInternAdres(adres)).toBe(true);
    expect(webhookUrlFout(`https://${adres.includes(':') ? `[${adres}]` : adres}/events`)).toEqual(expect.any(String));
  });

  test('the well-known NAT64 prefix is judged by the IPv4 it embeds; 64:ff9b:2:: beside the local-use /48 is not special', () => {
    expect(isInternAdres('64:ff9b::5db8:d822')).toBe(false);
    expect(isInternAdres('64:ff9b:2::1')).toBe(false);
    expect(isInternAdres('64:ff9b:0:ffff::1')).toBe(false);
  });

  test.each([
    '64:ff9b::93.184.216.34',
    '64:ff9b::5db8:d822',
    '2002:5db8:d822::1',
    '::ffff:93.184.216.34',
    '::5db8:d822',
    '2001:0:4136:e378:8000:63bf:a247:27dd',
  ])('an IPv6 address embedding a public IPv4 stays public: %s', (adres) => {
    expect(isInternAdres(adres)).toBe(false);
    expect(webhookUrlFout(`https://[${adres}]/events`)).toBeUndefined();
  });

  test('DNS rebinding: the name is resolved once per connection, and the address connected to is the one that was checked', (done) => {
    // A hostile name server answers public first, loopback after: a second lookup for the connect would reach 127.0.0.1.
    let vragen = 0;
    const lookup = veiligeLookup((_h, _o, cb) => {
      vragen++;
      cb(null, [{ address: vragen === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }]);
    });
    lookup('wisselend.test', {}, (err: unknown, adres: unknown, familie: unknown) => {
      expect([err, adres, familie, vragen]).toEqual([null, '93.184.216.34', 4, 1]);
      lookup('wisselend.test', { all: true }, (err2: unknown, adressen: unknown) => {
        expect((err2 as NodeJS.ErrnoException).code).toBe('EWEBHOOKINTERN');
        expect(adressen).toBeUndefined();
        done();
      });
    });
  });

  test('at delivery: a name whose AAAA record embeds an internal IPv4 (NAT64, 6to4) is refused after resolution', (done) => {
    const lookup = veiligeLookup((host, _o, cb) =>
      cb(null, [{ address: host === 'nat64.test' ? '64:ff9b::a9fe:a9fe' : '2002:7f00:1::1', family: 6 }]),
    );
    lookup('nat64.test', {}, (err: unknown) => {
      expect((err as NodeJS.ErrnoException).code).toBe('EWEBHOOKINTERN');
      lookup('6to4.test', {}, (err2: unknown) => {
        expect((err2 as NodeJS.ErrnoException).code).toBe('EWEBHOOKINTERN');
        done();
      });
    });
  });
});
