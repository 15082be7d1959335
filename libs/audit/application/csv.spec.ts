import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { csvField } from './csv.js';

/** Reads one field back the way RFC 4180 defines it. */
function unquote(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

describe('csvField', () => {
  it('quotes a field holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('makes text that a spreadsheet would run as a formula plain text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const start of ['+', '-', '@', '\t']) expect(csvField(`${start}1`).startsWith(`'${start}`) || csvField(`${start}1`).startsWith(`"'${start}`)).toBe(true);
  });

  it('reads back as the text it was given, for any text that starts no formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }).filter((s) => !/^[=+\-@\t\r]/.test(s)), (text) => {
        const field = csvField(text);
        expect(unquote(field)).toBe(text);
        // a field never ends early: outside quotes it holds no separator and no line break
        if (!field.startsWith('"')) expect(/[",\r\n]/.test(field)).toBe(false);
      }),
    );
  });
});
