import { malformedFile } from './importError.js';

/**
 * A tolerant reader for OFX bodies, both dialects.
 *
 * OFX 1.x is SGML: leaf elements are not closed (`<TRNAMT>-6.60<FITID>...`),
 * several records share a line, and a DTD (not shipped in the file) says
 * which elements are aggregates. XML parsers refuse that, and files declaring
 * OFX 2.x XML still use unclosed leaves in the wild (`anzcc.ofx`). The rule
 * that makes both readable without the DTD: an element that holds text is a
 * leaf, so the next tag closes it; an aggregate closes at its end tag, and an
 * end tag closes every element opened after its start tag.
 */
export interface OfxNode {
  readonly name: string;
  text: string | null;
  readonly children: OfxNode[];
}

/** Bounds that stop a hostile or corrupt file from exhausting memory. */
const depthMax = 64;
const elementsMax = 5_000_000;

const tagPattern = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z][A-Za-z0-9_.:-]*)[^<>]*?(\/?)>/g;

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntitiesOnce(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[body.toLowerCase()] ?? whole;
  });
}

/**
 * Unescapes character references. Some banks escape values twice
 * (`TPAY &amp;lt;DEFTPYMT&amp;gt;` for `TPAY <DEFTPYMT>`: Actual's
 * `html-vals.qfx` test), so a value is unescaped at most twice.
 */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  const once = decodeEntitiesOnce(s);
  return once.includes('&') ? decodeEntitiesOnce(once) : once;
}

function appendText(node: OfxNode, text: string): void {
  node.text = node.text === null ? text : node.text + text;
}

/** Reports reading progress: characters scanned of the body's length. */
export interface TreeProgress {
  readonly every: number;
  readonly report: (charactersDone: number, charactersTotal: number) => void;
}

/** Parses an OFX body (everything from `<OFX>`) into an element tree. */
export function parseOfxTree(body: string, progress?: TreeProgress): OfxNode {
  const root: OfxNode = { name: '#root', text: null, children: [] };
  const stack: OfxNode[] = [root];
  let elements = 0;
  let last = 0;
  const top = (): OfxNode => stack[stack.length - 1] ?? root;
  const addText = (raw: string, cdata: boolean): void => {
    const text = cdata ? raw : decodeEntities(raw);
    if (text.trim() === '' && !cdata) return;
    if (top() !== root) appendText(top(), text);
  };
  for (const match of body.matchAll(tagPattern)) {
    addText(body.slice(last, match.index), false);
    last = match.index + match[0].length;
    if (match[1] !== undefined) { addText(match[1], true); continue; }
    const name = match[3];
    if (name === undefined) continue; // comment or processing instruction
    const upper = name.toUpperCase();
    if (top().text !== null && top() !== root && match[2] !== '/') stack.pop(); // a leaf ends at the next tag
    if (match[2] === '/') {
      let at = stack.length - 1;
      while (at > 0 && stack[at]?.name !== upper) at--;
      if (at > 0) stack.length = at; // a stray end tag closes nothing
      continue;
    }
    if (++elements > elementsMax) throw malformedFile('ofx', `more than ${elementsMax} elements`);
    if (progress !== undefined && elements % progress.every === 0) progress.report(last, body.length);
    if (stack.length > depthMax) throw malformedFile('ofx', `elements nested deeper than ${depthMax}`);
    const node: OfxNode = { name: upper, text: null, children: [] };
    top().children.push(node);
    if (match[4] !== '/') stack.push(node);
  }
  addText(body.slice(last), false);
  progress?.report(body.length, body.length);
  return root;
}

/** The first direct child called `name`. */
export function childOf(node: OfxNode | undefined, name: string): OfxNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** Every direct child called `name`. */
export function childrenOf(node: OfxNode | undefined, name: string): OfxNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Every descendant called `name`, in document order (not below a match). */
export function findAll(node: OfxNode, name: string, out: OfxNode[] = [], depth = 0): OfxNode[] {
  if (depth > depthMax) return out;
  for (const child of node.children) {
    if (child.name === name) out.push(child);
    else findAll(child, name, out, depth + 1);
  }
  return out;
}

/** The trimmed text of the child `path` (`'SECID/UNIQUEID'`), or null when absent or empty. */
export function textAt(node: OfxNode | undefined, path: string): string | null {
  let current = node;
  for (const part of path.split('/')) current = childOf(current, part);
  const text = current?.text?.trim();
  return text === undefined || text === '' ? null : text;
}

/** All leaf values under `node` as a flat `{ 'PATH/TO/LEAF': text }` record (the `raw` of a record). */
export function flattenLeaves(node: OfxNode, prefix = '', out: Record<string, string> = {}, depth = 0): Record<string, string> {
  if (depth > depthMax) return out;
  for (const child of node.children) {
    const key = prefix === '' ? child.name : `${prefix}/${child.name}`;
    if (child.text !== null && child.children.length === 0) {
      if (!(key in out)) out[key] = child.text.trim();
    } else flattenLeaves(child, key, out, depth + 1);
  }
  return out;
}
