import { describe, expect, it } from 'vitest';
import { cityOptions } from './city-options.ts';

describe(cityOptions.name, () => {
  it('groups cities by province, labelled with name and code, in the order given', () => {
    expect(
      cityOptions([
        { code: '3505', name: '泉州市', province: '福建省' },
        { code: '3506', name: '漳州市', province: '福建省' },
        { code: '4401', name: '广州市', province: '广东省' },
      ]),
    ).toEqual([
      {
        label: '福建省',
        title: '福建省',
        options: [
          { label: '福建省 · 泉州市（3505）', value: '3505' },
          { label: '福建省 · 漳州市（3506）', value: '3506' },
        ],
      },
      { label: '广东省', title: '广东省', options: [{ label: '广东省 · 广州市（4401）', value: '4401' }] },
    ]);
  });
});
