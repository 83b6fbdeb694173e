import { describe, expect, it } from 'vitest';
import { administrativeDivisions, cityOf, districtsOfCity } from './administrative-divisions.ts';

describe(districtsOfCity.name, () => {
  it("gives 漳州市 the demo city's 11 districts, with the 2021 changes (龙海区, 长泰区)", () => {
    expect(districtsOfCity('3506')).toEqual([
      { code: '350602', name: '芗城区' },
      { code: '350603', name: '龙文区' },
      { code: '350604', name: '龙海区' },
      { code: '350605', name: '长泰区' },
      { code: '350622', name: '云霄县' },
      { code: '350623', name: '漳浦县' },
      { code: '350624', name: '诏安县' },
      { code: '350626', name: '东山县' },
      { code: '350627', name: '南靖县' },
      { code: '350628', name: '平和县' },
      { code: '350629', name: '华安县' },
    ]);
  });

  it('knows every prefecture-level city of Fujian', () => {
    const fujian = administrativeDivisions().provinces.find((province) => province.code === '35');
    expect(fujian?.cities.map((city) => city.name)).toEqual([
      ...['福州市', '厦门市', '莆田市', '三明市', '泉州市', '漳州市', '南平市', '龙岩市', '宁德市'],
    ]);
    expect(cityOf('3502')).toMatchObject({ name: '厦门市', province: { code: '35', name: '福建省' } });
  });

  it('has county codes only: six digits under their city, no development zones (codes 71–80)', () => {
    const { provinces, vintage } = administrativeDivisions();
    expect(vintage).toMatch(/^20\d\d /);
    expect(provinces).toHaveLength(31);
    for (const city of provinces.flatMap((province) => province.cities)) {
      for (const district of city.districts) {
        expect(district.code).toMatch(new RegExp(`^${city.code}\\d\\d$`));
        const county = Number(district.code.slice(4));
        expect(county < 71 || county > 80).toBe(true);
      }
    }
  });

  it('answers [] for a code that is not a city', () => {
    expect(districtsOfCity('9999')).toEqual([]);
  });
});
