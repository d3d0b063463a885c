import { decodeText, sniffAscii } from './decodeText.js';
import { malformedFile } from './importError.js';

/** The header of an OFX file and the body that follows it. */
export interface OfxDocument {
  /** `1` for SGML (OFXHEADER:100), `2` for XML (OFXHEADER="200"), null when the file has no header. */
  readonly majorVersion: 1 | 2 | null;
  readonly header: Readonly<Record<string, string>>;
  /** The text from the `<OFX>` tag on. */
  readonly body: string;
}

const charsetEncodings: Record<string, string> = { '1252': 'windows-1252', '8859-1': 'iso-8859-1', 'ISO-8859-1': 'iso-8859-1', NONE: 'windows-1252', CSUNICODE: 'utf-8' };

/** Chooses the text encoding from the OFX header (CHARSET/ENCODING or the XML declaration). */
function encodingFromHeader(ascii: string, fallback: string | undefined): string {
  const xml = /<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(ascii);
  if (xml?.[1]) return xml[1].toLowerCase() === 'us-ascii' ? 'utf-8' : xml[1];
  if (/^\s*ENCODING\s*:\s*(UTF-?8|UNICODE)/im.test(ascii)) return 'utf-8';
  const charset = /^\s*CHARSET\s*:\s*([^\r\n]+)/im.exec(ascii)?.[1]?.trim().toUpperCase();
  if (charset !== undefined && charset in charsetEncodings) return charsetEncodings[charset] ?? 'windows-1252';
  return fallback ?? 'auto';
}

function parseSgmlHeader(headerText: string): Record<string, string> {
  const header: Record<string, string> = {};
  for (const line of headerText.split(/\r\n|\r|\n/)) {
    const match = /^\s*([A-Z]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (match?.[1] !== undefined) header[match[1]] = match[2] ?? '';
  }
  return header;
}

function parseXmlHeader(headerText: string): Record<string, string> {
  const header: Record<string, string> = {};
  const pi = /<\?OFX([^?]*)\?>/i.exec(headerText)?.[1] ?? '';
  for (const match of pi.matchAll(/([A-Z]+)\s*=\s*"([^"]*)"/gi)) if (match[1] !== undefined) header[match[1].toUpperCase()] = match[2] ?? '';
  return header;
}

/**
 * Decodes and splits an OFX/QFX file. A file without a header but with an
 * `<OFX>` element is read too (`decimal_error.ofx` has none).
 */
export function readOfxDocument(input: Uint8Array | string, encoding: string | undefined): OfxDocument {
  const text = decodeText(input, typeof input === 'string' ? 'utf-8' : encodingFromHeader(sniffAscii(input, 1024), encoding));
  const start = text.search(/<OFX[\s>]/i);
  if (start === -1) throw malformedFile('ofx', 'there is no <OFX> element; is this an OFX/QFX file?');
  const headerText = text.slice(0, start);
  const isXml = /<\?OFX/i.test(headerText);
  const header = isXml ? parseXmlHeader(headerText) : parseSgmlHeader(headerText);
  const declared = header['OFXHEADER'];
  const majorVersion = declared === undefined ? null : declared.startsWith('2') ? 2 : 1;
  return { majorVersion, header, body: text.slice(start) };
}
