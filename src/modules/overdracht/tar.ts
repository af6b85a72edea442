/**
 * A POSIX ustar archive in memory: the format every archive tool reads (tar, 7-Zip, the e-Depot intake),
 * with no dependency. Names up to 100 bytes (the archive's paths are generated and short).
 */
export interface TarBestand {
  pad: string;
  inhoud: Buffer;
}

function veld(waarde: string, lengte: number): Buffer {
  const b = Buffer.alloc(lengte, 0);
  b.write(waarde, 0, lengte, 'utf8');
  return b;
}

function octaal(n: number, lengte: number): Buffer {
  return veld(`${n.toString(8).padStart(lengte - 1, '0')}\0`, lengte);
}

function kop(pad: string, grootte: number, mtime: Date): Buffer {
  if (Buffer.byteLength(pad) > 100) throw new Error(`pad te lang voor ustar: ${pad}`);
  const h = Buffer.concat([
    veld(pad, 100),
    octaal(0o644, 8),
    octaal(0, 8),
    octaal(0, 8),
    octaal(grootte, 12),
    octaal(Math.floor(mtime.getTime() / 1000), 12),
    Buffer.from('        '), // checksum placeholder: eight spaces
    veld('0', 1),
    veld('', 100),
    veld('ustar\0', 6),
    veld('00', 2),
    veld('klachtregie', 32),
    veld('klachtregie', 32),
    veld('', 8),
    veld('', 8),
    veld('', 155),
    veld('', 12),
  ]);
  let som = 0;
  for (const byte of h) som += byte;
  octaal(som, 7).copy(h, 148);
  h[155] = 0x20;
  return h;
}

export function maakTar(bestanden: readonly TarBestand[], mtime: Date): Buffer {
  const delen: Buffer[] = [];
  for (const b of bestanden) {
    delen.push(kop(b.pad, b.inhoud.length, mtime), b.inhoud);
    const rest = b.inhoud.length % 512;
    if (rest) delen.push(Buffer.alloc(512 - rest, 0));
  }
  delen.push(Buffer.alloc(1024, 0));
  return Buffer.concat(delen);
}

/** Reads an archive made by maakTar (tests, and a receiving gemeente's own check). */
export function leesTar(tar: Buffer): TarBestand[] {
  const uit: TarBestand[] = [];
  let i = 0;
  while (i + 512 <= tar.length) {
    const h = tar.subarray(i, i + 512);
    if (h.every((b) => b === 0)) break;
    const pad = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const grootte = parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
    uit.push({ pad, inhoud: Buffer.from(tar.subarray(i + 512, i + 512 + grootte)) });
    i += 512 + Math.ceil(grootte / 512) * 512;
  }
  return uit;
}
