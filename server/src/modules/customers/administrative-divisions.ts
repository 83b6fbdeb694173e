import { readFileSync } from 'node:fs';

// China's administrative divisions (GB/T 2260) down to the county level — 区, 县, 县级市, 旗 —
// from data/gb2260.json, produced by scripts/extract-districts.ts (see its header for the source
// and vintage). A licence number starts with its store's county code; a city company serves the
// counties of its prefecture-level city.
export type Division = { code: string; name: string };
export type CityDivisions = Division & { districts: Division[] };
export type ProvinceDivisions = Division & { cities: CityDivisions[] };
export type AdministrativeDivisions = { source: string; vintage: string; provinces: ProvinceDivisions[] };

let loaded: AdministrativeDivisions | undefined;

// Read once, on first use: 130 kB that most processes never need.
export function administrativeDivisions(): AdministrativeDivisions {
  loaded ??= JSON.parse(readFileSync(new URL('./data/gb2260.json', import.meta.url), 'utf8'));
  return loaded as AdministrativeDivisions;
}

// The prefecture-level city with this 4-digit code ('3506' 漳州市), or undefined.
export function cityOf(cityCode: string): (CityDivisions & { province: Division }) | undefined {
  for (const province of administrativeDivisions().provinces) {
    const city = province.cities.find((candidate) => candidate.code === cityCode);
    if (city) return { ...city, province: { code: province.code, name: province.name } };
  }
  return undefined;
}

// The county-level districts of a city ('3506' → 芗城区 350602 … 华安县 350629); [] if unknown.
export function districtsOfCity(cityCode: string): Division[] {
  return cityOf(cityCode)?.districts ?? [];
}
