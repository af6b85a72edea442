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

function isUtf8Tekst(b: Buffer): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** The media type the content really is, or undefined when it is none of the allowed ones. */
export function snuffel(inhoud: Buffer): ToegestaanMediaType | undefined {
  if (begintMet(inhoud, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (begintMet(inhoud, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (begintMet(inhoud, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (begintMet(inhoud, 0x50, 0x4b, 0x03, 0x04)) {
    // A .docx is a ZIP whose entries name [Content_Types].xml and word/; any other ZIP is refused.
    const kop = inhoud.subarray(0, Math.min(inhoud.length, 64 * 1024)).toString('latin1');
    return kop.includes('[Content_Types].xml') && kop.includes('word/')
      ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      : undefined;
  }
  if (inhoud.length > 0 && isUtf8Tekst(inhoud)) return 'text/plain';
  return undefined;
}

/** `text/plain; charset=utf-8` -> `text/plain`. */
export function kaalMediaType(v: string | undefined): string | undefined {
  const t = v?.split(';')[0].trim().toLowerCase();
  return t || undefined;
}
