import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniff } from '../../src-main/ingest/sniff';
import { FIXTURES, SHARED_DATA } from '../helpers/fixtures';

const head = (path: string) => new Uint8Array(readFileSync(path).subarray(0, 64 * 1024));

describe('sniffing how an export is written', () => {
  it('reads the Berka bank: semicolons, CRLF, a header, double quotes', () => {
    for (const name of ['trans.partial.asc', 'client.asc', 'district.asc', 'account.asc']) {
      expect(sniff(head(join(SHARED_DATA, 'berka-pkdd99', name))), name).toEqual({
        encoding: 'utf-8',
        bom: false,
        delimiter: ';',
        quote: '"',
        lineEnding: '\r\n',
        header: true,
      });
    }
  });

  it('reads the UCI campaign file: semicolons, LF', () => {
    expect(sniff(head(join(SHARED_DATA, 'uci-bank-marketing', 'bank-full.csv')))).toMatchObject({
      delimiter: ';',
      lineEnding: '\n',
      header: true,
    });
  });

  it('reads our own standard layout with a BOM and mixed endings', () => {
    expect(sniff(head(join(FIXTURES, 'standard-small', 'customers.csv')))).toMatchObject({
      encoding: 'utf-8',
      bom: true,
      delimiter: ',',
      header: true,
    });
  });

  it('counts delimiters only outside quotes', () => {
    const text = 'name,address,city\n"Smith, John","1 Main St, Apt 2",Ames\n"Lee; Ann","2 Oak",Boone\n';
    expect(sniff(new TextEncoder().encode(text))).toMatchObject({ delimiter: ',', header: true, lineEnding: '\n' });
  });

  it('tells a file without a header', () => {
    const text = '1001;Smith;2024-01-31;125.00\n1002;Lee;2024-02-29;80.10\n';
    expect(sniff(new TextEncoder().encode(text))).toMatchObject({ delimiter: ';', header: false });
  });

  it('finds tabs and pipes', () => {
    expect(sniff(new TextEncoder().encode('a\tb\tc\n1\t2\t3\n4\t5\t6\n')).delimiter).toBe('\t');
    expect(sniff(new TextEncoder().encode('a|b|c\n1|2|3\n4|5|6\n')).delimiter).toBe('|');
  });

  it('recognises UTF-16 with and without a byte-order mark, and Windows-1252', () => {
    const text = 'name,city\nJosé,Ames\n';
    const le = Buffer.from(text, 'utf16le');
    expect(sniff(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), le])))).toMatchObject({
      encoding: 'utf-16le',
      bom: true,
      delimiter: ',',
    });
    expect(sniff(new Uint8Array(le))).toMatchObject({ encoding: 'utf-16le', bom: false, delimiter: ',' });
    const be = Buffer.from(le).swap16();
    expect(sniff(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be])))).toMatchObject({
      encoding: 'utf-16be',
      bom: true,
    });
    const cp1252 = Buffer.from('name,city\nJos\xe9,Ames\n', 'latin1');
    expect(sniff(new Uint8Array(cp1252))).toMatchObject({ encoding: 'windows-1252', delimiter: ',', header: true });
  });

  it('keeps UTF-8 when a multi-byte character is cut at the end of the sample', () => {
    const bytes = new TextEncoder().encode('name,city\nJosé,Ames\nZoë,Nevada');
    expect(sniff(bytes.subarray(0, bytes.length - 8)).encoding).toBe('utf-8');
  });
});
