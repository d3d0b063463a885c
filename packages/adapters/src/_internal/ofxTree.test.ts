import { describe, expect, it } from 'vitest';
import { decodeEntities, flattenLeaves, parseOfxTree, textAt } from './ofxTree.js';

describe('parseOfxTree', () => {
  it('closes unclosed leaves at the next tag and aggregates at their end tag', () => {
    const tree = parseOfxTree('<OFX><A><B>1<C>2</A><D>3</OFX>');
    const ofx = tree.children[0];
    expect(flattenLeaves(ofx!)).toEqual({ 'A/B': '1', 'A/C': '2', D: '3' });
  });

  it('reads closed leaves, CDATA and empty elements', () => {
    const tree = parseOfxTree('<OFX><NAME><![CDATA[A <B> & C  ]]></NAME><MEMO></MEMO><X/></OFX>');
    expect(textAt(tree, 'OFX/NAME')).toBe('A <B> & C');
    expect(textAt(tree, 'OFX/MEMO')).toBeNull();
  });

  it('ignores a stray end tag', () => {
    const tree = parseOfxTree('<OFX><A>1</B><C>2</OFX>');
    expect(flattenLeaves(tree)).toEqual({ 'OFX/A': '1', 'OFX/C': '2' });
  });

  it('refuses nesting deeper than the bound', () => {
    expect(() => parseOfxTree('<A>'.repeat(100))).toThrow(expect.objectContaining({ code: 'IMPORT_MALFORMED_FILE' }));
  });
});

describe('decodeEntities', () => {
  it('unescapes named and numeric references, at most twice', () => {
    expect(decodeEntities('B.C. HYDRO &amp; POWER')).toBe('B.C. HYDRO & POWER');
    expect(decodeEntities('TPAY &amp;lt;DEFTPYMT&amp;gt;')).toBe('TPAY <DEFTPYMT>');
    expect(decodeEntities('&#233;&#xE9;')).toBe('éé');
    expect(decodeEntities('&amp;amp;amp;')).toBe('&amp;');
  });
});
