import { KronosError } from '@kronos/core-ledger';

/** An encoding label TextDecoder understands (`utf-8`, `windows-1252`, `latin1`, `utf-16le`...) or `auto`. */
export type TextEncodingLabel = string;

const bomUtf8 = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function decoderFor(label: string, fatal: boolean): TextDecoder {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false });
  } catch (error) {
    throw new KronosError('IMPORT_ENCODING', `Unknown text encoding ${JSON.stringify(label)}: pass a WHATWG label such as "utf-8", "windows-1252" or "latin1".`, { encoding: label }, { cause: error });
  }
}

/**
 * Turns file bytes into text. A byte-order mark wins over the label (UTF-8,
 * UTF-16 LE/BE); `auto` reads strict UTF-8 and falls back to windows-1252,
 * the code page most bank exports that are not UTF-8 use. Per the WHATWG
 * Encoding standard `latin1`/`iso-8859-1` decode as windows-1252, a superset.
 */
export function decodeText(input: Uint8Array | string, encoding: TextEncodingLabel = 'auto'): string {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (startsWith(input, bomUtf8)) return decoderFor('utf-8', false).decode(input);
  if (startsWith(input, [0xff, 0xfe])) return decoderFor('utf-16le', false).decode(input);
  if (startsWith(input, [0xfe, 0xff])) return decoderFor('utf-16be', false).decode(input);
  if (encoding.toLowerCase() !== 'auto') return decoderFor(encoding, false).decode(input);
  try {
    return decoderFor('utf-8', true).decode(input);
  } catch {
    return decoderFor('windows-1252', false).decode(input);
  }
}

/** Reads the first bytes as ASCII, enough to find an XML or OFX header. */
export function sniffAscii(input: Uint8Array | string, length = 512): string {
  if (typeof input === 'string') return input.slice(0, length);
  let out = '';
  const end = Math.min(length, input.length);
  for (let i = 0; i < end; i++) out += String.fromCharCode(input[i] ?? 0);
  return out;
}
