import { describe, expect, it } from 'vitest';
import { type CsvValue, cellText, csvCell, csvCellValue, neutraliseFormula, plainCell } from './sheet-cell.rules.ts';

describe('CSV cells that start a formula are neutralised', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+86 1380', "'+86 1380"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['恒兴便利店', '恒兴便利店'],
    ['a=b', 'a=b'],
    ["'quoted", "'quoted"],
    ["'=1", "''=1"],
    ['', ''],
  ])('neutraliseFormula(%j) = %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it.each<[CsvValue, string]>([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['@x', "'@x"],
    ['+x', "'+x"],
    ['-x', "'-x"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    // The server's own numbers are not text a reader typed: a negative longitude stays a number.
    [-117.5, '-117.5'],
    [24.44, '24.44'],
    // A licence number keeps its tab (digits only follow it: not a formula).
    ['350602100001', '"\t350602100001"'],
    ['13805961234', '"\t13805961234"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    [null, ''],
    [undefined, ''],
  ])('csvCell(%j) = %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ["'=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"],
    ["'-x", '-x'],
    ["'+x", '+x'],
    ["'@x", '@x'],
    ["'\t=1", '\t=1'],
    ["''=1", "'=1"],
    // An apostrophe before anything else is the reader's own text.
    ["'quoted", "'quoted"],
    ['=1+1', '=1+1'],
    ['恒兴', '恒兴'],
  ])('reads %j back as %j', (cell, value) => {
    expect(csvCellValue(cell)).toBe(value);
  });

  it('reads back every neutralised text as it was', () => {
    for (const text of ['=1', '+1', '-1', '@1', '\t=1', '\r=1', "'=1", 'plain']) {
      expect(csvCellValue(neutraliseFormula(text))).toBe(text);
    }
  });
});

describe(cellText.name, () => {
  it.each([
    [null, ''],
    ['  恒兴 ', '恒兴'],
    ['\t350602100006', '350602100006'],
    [350602100006, '350602100006'],
    [117.6472, '117.6472'],
    [new Date('2028-06-30T00:00:00Z'), '2028-06-30'],
    [{ richText: [{ text: '恒' }, { text: '兴' }] }, '恒兴'],
    [{ formula: 'A1', result: 7 }, '7'],
    [{ text: '链接', hyperlink: 'http://x' }, '链接'],
    [true, 'TRUE'],
  ])('%j → %s', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

describe(plainCell.name, () => {
  it.each([
    [117.5, 117.5],
    ['  恒兴 ', '恒兴'],
    ['', null],
    [null, null],
    [{ richText: [{ text: '恒' }, { text: '兴' }] }, '恒兴'],
  ])('%j → %j', (value, plain) => {
    expect(plainCell(value)).toBe(plain);
  });
});
