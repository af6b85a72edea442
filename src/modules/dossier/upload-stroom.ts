import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import { Snuffelaar, type ToegestaanMediaType } from './media-type';

/** An upload as the documenten route receives it: on disk, measured while it streamed in. */
export interface GestroomdBestand {
  fieldname: string;
  originalname: string;
  mimetype: string;
  /** The temporary copy (removed when the response is done, whatever the outcome). */
  path: string;
  size: number;
  sha256: string;
  /** What the content really is (Snuffelaar), decided while it streamed in. */
  mediaType: ToegestaanMediaType | undefined;
}

let map: string | undefined;

/** This process's folder for uploads in transit (mode 0700: they hold personal data). Exported for the tests. */
export function uploadMap(): string {
  map ??= mkdtempSync(join(tmpdir(), 'klachtregie-upload-'));
  return map;
}

type MulterBestand = Omit<GestroomdBestand, 'size' | 'sha256' | 'mediaType' | 'path'> & { stream: Readable; path?: string };
type Terug = (fout: Error | null, info?: Partial<GestroomdBestand>) => void;

/**
 * A multer storage engine that streams the file to a temporary file (audit #12: a few concurrent large uploads held
 * whole in memory exhausted the heap), measuring its size, SHA-256 and media type on the way; the heap holds one part at
 * a time. The route copies it to the DossierOpslag in parts (DossierService.bewaarBestand). The copy is removed when the
 * response is done, so nothing of a refused or aborted upload stays: multer removes it too when it aborts.
 */
export class UploadStroom {
  _handleFile(req: Request, file: MulterBestand, klaar: Terug): void {
    const pad = join(uploadMap(), randomUUID());
    // Set at once: multer removes a file with a path when the request is aborted while this engine still writes.
    file.path = pad;
    req.res?.once('close', () => void rm(pad, { force: true }));
    const hash = createHash('sha256');
    const snuffelaar = new Snuffelaar();
    let grootte = 0;
    const meet = new Transform({
      transform(deel: Buffer, _codering, verder) {
        hash.update(deel);
        snuffelaar.voeg(deel);
        grootte += deel.length;
        verder(null, deel);
      },
    });
    pipeline(file.stream, meet, createWriteStream(pad, { flags: 'wx', mode: 0o600 })).then(
      () => klaar(null, { path: pad, size: grootte, sha256: hash.digest('hex'), mediaType: snuffelaar.uitslag() }),
      (e: Error) =>
        rm(pad, { force: true }).then(
          () => klaar(e),
          () => klaar(e),
        ),
    );
  }

  _removeFile(_req: Request, file: { path?: string }, klaar: (fout: Error | null) => void): void {
    if (!file.path) return klaar(null);
    rm(file.path, { force: true }).then(() => klaar(null), klaar);
  }
}
