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
});
