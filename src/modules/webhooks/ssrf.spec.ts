import { isInternAdres, veiligeLookup, webhookUrlFout, type Lookup } from './ssrf';

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
    expect(webhookUrlFout(url)).toEqual(expect.any(String));
  });

  test.each(['https://zaaksysteem.gemeente.nl/klachtregie/events', 'http://93.184.216.34/events', 'https://[2001:4860:4860::8888]/'])(
    'a public subscriber %s is allowed',
    (url) => {
      expect(webhookUrlFout(url)).toBeUndefined();
    },
  );

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
    expect(webhookUrlFout(`http://[${adres}]:6379/`)).toEqual(expect.any(String));
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
