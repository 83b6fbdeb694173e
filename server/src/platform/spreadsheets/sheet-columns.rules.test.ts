import { describe, expect, it } from 'vitest';
import { mapSheetHeader, templateNotes, withoutRequiredMark } from './sheet-columns.rules.ts';

const columns = [
  { key: 'code', header: '编码', required: true, hint: '必填的编码' },
  { key: 'name', header: '名称', required: true, hint: '' },
  { key: 'note', header: '备注(内部)', required: false, hint: '可不填' },
] as const;

describe(mapSheetHeader.name, () => {
  it.each<[string, string[], Record<string, number>, string[], string[]]>([
    ['in any order, unknown headers ignored', ['名称', '其他', '编码'], { name: 0, code: 2 }, [], []],
    ['with a required mark, half- or full-width', ['编码*', ' 名称＊ '], { code: 0, name: 1 }, [], []],
    ['required columns missing, by header', ['备注(内部)'], { note: 0 }, ['编码', '名称'], []],
    [
      'a header twice: the first found, the repeat reported',
      ['编码', '名称', '编码*'],
      { code: 0, name: 1 },
      [],
      ['编码'],
    ],
    ['empty headers skipped', ['', '编码', '  ', '名称'], { code: 1, name: 3 }, [], []],
  ])('finds columns %s', (_case, headers, indexOf, missing, duplicated) => {
    expect(mapSheetHeader(columns, headers)).toEqual({ indexOf, missing, duplicated });
  });

  it('reads both sides through the normaliser it is given', () => {
    const withoutSpaces = (raw: string) => withoutRequiredMark(raw).replace(/\s+/g, '').replaceAll('（', '(');
    expect(mapSheetHeader(columns, ['编 码', '名称', '备注（内部)'], withoutSpaces).indexOf).toEqual({
      code: 0,
      name: 1,
      note: 2,
    });
  });

  it('finds the first of two columns that share a header', () => {
    const shared = [
      { key: 'fixed', header: '标签', required: false },
      { key: 'custom', header: '标签', required: true },
    ];
    expect(mapSheetHeader(shared, ['标签'])).toEqual({ indexOf: { fixed: 0 }, missing: ['标签'], duplicated: [] });
  });
});

describe(templateNotes.name, () => {
  it('lists every column, whether it must be filled and how, then what the import does', () => {
    expect(templateNotes(columns, [['全部或全不', '', '有错误时不导入']])).toEqual({
      title: '填写说明',
      lines: [
        ['列名', '是否必填', '说明'],
        ['编码', '必填', '必填的编码'],
        ['名称', '必填', ''],
        ['备注(内部)', '选填', '可不填'],
        [],
        ['全部或全不', '', '有错误时不导入'],
      ],
    });
  });
});
