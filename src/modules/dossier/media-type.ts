/**
 * What a dossier accepts, decided from the bytes themselves (magic numbers), not only from the
 * Content-Type a client sends: a renamed executable is not a PDF (AVG art. 32: integrity of the dossier).
 */
export const TOEGESTANE_MEDIA_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG-afbeelding',
  'image/jpeg': 'JPEG-afbeelding',
  'text/plain': 'platte tekst (UTF-8)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word-document (.docx)',
} as const;
export type ToegestaanMediaType = keyof typeof TOEGESTANE_MEDIA_TYPES;

/** 10 MiB: a scanned klaagschrift or a verslag fits; larger belongs in the gemeente's DMS. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const begintMet = (b: Buffer, ...bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);

/** The part of the content the magic numbers and the .docx check read: a ZIP names its first entries here. */
const KOP = 64 * 1024;

/**
 * Decides the media type of content that arrives in parts (an upload streamed to a file, never whole in memory): the
 * first 64 KiB for the magic numbers, and for text every byte (UTF-8 without NUL), decoded as it streams by.
 */
export class Snuffelaar {
  private kop = Buffer.alloc(0);
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private tekst = true;
  private leeg = true;

  voeg(deel: Buffer): void {
    if (deel.length === 0) return;
    this.leeg = false;
    if (this.kop.length < KOP) this.kop = Buffer.concat([this.kop, deel.subarray(0, KOP - this.kop.length)]);
    if (!this.tekst) return;
    if (deel.includes(0)) this.tekst = false;
    else
      try {
        this.utf8.decode(deel, { stream: true });
      } catch {
        this.tekst = false;
      }
  }

  /** The media type the content really is, or undefined when it is none of the allowed ones. Call once, at the end. */
  uitslag(): ToegestaanMediaType | undefined {
    const b = this.kop;
    if (begintMet(b, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
    if (begintMet(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
    if (begintMet(b, 0xff, 0xd8, 0xff)) return 'image/jpeg';
    if (begintMet(b, 0x50, 0x4b, 0x03, 0x04)) {
      // A .docx is a ZIP whose entries name [Content_Types].xml and word/; any other ZIP is refused.
      const kop = b.toString('latin1');
      return kop.includes('[Content_Types].xml') && kop.includes('word/')
        ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        : undefined;
    }
    if (this.leeg || !this.tekst) return undefined;
    try {
      // The end of the text: a multibyte character cut off there is not UTF-8.
      this.utf8.decode();
      return 'text/plain';
    } catch {
      return undefined;
    }
  }
}

/** The media type the content really is, or undefined when it is none of the allowed ones. */
export function snuffel(inhoud: Buffer): ToegestaanMediaType | undefined {
  const s = new Snuffelaar();
  s.voeg(inhoud);
  return s.uitslag();
}

/** `text/plain; charset=utf-8` -> `text/plain`. */
export function kaalMediaType(v: string | undefined): string | undefined {
  const t = v?.split(';')[0].trim().toLowerCase();
  return t || undefined;
}
