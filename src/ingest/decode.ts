/**
 * Bytes -> text for one input file (pure). Decides the encoding (UTF-8,
 * UTF-16 LE/BE with or without a byte-order mark, windows-1252 as the
 * fallback for invalid UTF-8) and refuses input that is not text.
 * Trouble becomes a Diagnostic naming the file; nothing here throws.
 */
import type { Diagnostic } from '../types.js';

export interface DecodedText {
  /** The decoded text without a byte-order mark, or null when the input was refused. */
  readonly text: string | null;
  /** `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, or `binary` / `none` when refused. */
  readonly encoding: string;
  readonly diagnostics: Diagnostic[];
}

/** How many bytes the binary and UTF-16 sniffers look at. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control characters above which decoded text is treated as binary. */
const MAX_CONTROL_RATIO = 0.02;

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; DEL. */
// eslint-disable-next-line no-control-regex -- finding stray control characters is the point
const STRAY_CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;
const STRAY_CONTROL_ALL = new RegExp(STRAY_CONTROL.source, 'g');

/** Magic numbers of common binary formats, checked before any decoding. */
const BINARY_SIGNATURES: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP archive (or docx/xlsx/epub)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];

/**
 * windows-1252 code points for bytes 0x80-0x9F. Node 20's TextDecoder
 * decodes `windows-1252` as ISO-8859-1 (C1 controls), so these are mapped
 * after decoding with the `latin1` label. Undefined bytes keep their C1 value.
 */
const CP1252_C1: Readonly<Record<number, number>> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function fatal(code: string, message: string, file: string): Diagnostic {
  return { code, severity: 'error', message, file, fatal: true };
}

/**
 * Guesses UTF-16 without a byte-order mark from where the NUL bytes sit:
 * mostly-ASCII UTF-16 text has a NUL in every other byte.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of C0/C1 control characters (other than tab, newlines, form feed) in a prefix of the text. */
function controlRatio(text: string): number {
  const n = Math.min(text.length, SNIFF_BYTES);
  if (n === 0) return 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
    else if (c >= 0x80 && c <= 0x9f) controls++;
  }
  return controls / n;
}

function decodeCp1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder('latin1').decode(bytes);
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => String.fromCharCode(CP1252_C1[ch.charCodeAt(0)] ?? ch.charCodeAt(0)));
}

/**
 * Decodes the raw bytes of an input file.
 *
 * - UTF-8, with or without BOM (the BOM is dropped);
 * - UTF-16 LE/BE with a BOM, or without one when the NUL-byte pattern shows it;
 * - invalid UTF-8 is decoded as windows-1252 with a warning `ingest/decoded-latin1`;
 * - binary input (a known file signature, or more than 2% control characters)
 *   gives `text: null` and a fatal `ingest/not-text`; a few stray control
 *   characters in real text are removed;
 * - empty or whitespace-only input gives `text: null` and a fatal `ingest/empty`.
 */
export function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length === 0) {
    return { text: null, encoding: 'none', diagnostics: [fatal('ingest/empty', 'the file is empty (0 bytes)', file)] };
  }
  for (const sig of BINARY_SIGNATURES) {
    if (startsWith(bytes, sig.bytes)) {
      return {
        text: null,
        encoding: 'binary',
        diagnostics: [fatal('ingest/not-text', `the file is not text: it looks like a ${sig.name}`, file)],
      };
    }
  }

  let encoding: string;
  let text: string | null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) encoding = 'utf-8';
  else if (startsWith(bytes, [0xff, 0xfe])) encoding = 'utf-16le';
  else if (startsWith(bytes, [0xfe, 0xff])) encoding = 'utf-16be';
  else encoding = sniffUtf16(bytes) ?? 'utf-8';

  try {
    // TextDecoder drops a leading BOM of its own encoding (ignoreBOM: false).
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    if (encoding === 'utf-8') {
      text = decodeCp1252(bytes);
      encoding = 'windows-1252';
      diagnostics.push({
        code: 'ingest/decoded-latin1',
        severity: 'warning',
        message: 'the file is not valid UTF-8; it was decoded as windows-1252 (Latin-1), so some characters may be wrong',
        file,
        fatal: false,
      });
    } else {
      return {
        text: null,
        encoding,
        diagnostics: [fatal('ingest/not-text', `the file looks like ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()} text`, file)],
      };
    }
  }

  if (controlRatio(text) > MAX_CONTROL_RATIO) {
    return {
      text: null,
      encoding: 'binary',
      diagnostics: [fatal('ingest/not-text', 'the file is not text: too many control characters (binary data?)', file)],
    };
  }
  // A few stray control characters (NUL, escape codes) in otherwise good text are removed.
  if (STRAY_CONTROL.test(text)) text = text.replace(STRAY_CONTROL_ALL, '');
  if (text.trim() === '') {
    return {
      text: null,
      encoding,
      diagnostics: [...diagnostics, fatal('ingest/empty', 'the file contains only whitespace', file)],
    };
  }
  return { text, encoding, diagnostics };
}
