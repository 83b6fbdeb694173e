// "福建省 · 漳州市 (3506)", grouped by province.
export function cityOptions(cities: readonly { code: string; name: string; province: string }[]) {
  const provinces = new Map<string, { label: string; value: string }[]>();
  for (const city of cities) {
    const options = provinces.get(city.province) ?? [];
    options.push({ label: `${city.province} · ${city.name}（${city.code}）`, value: city.code });
    provinces.set(city.province, options);
  }
  return [...provinces].map(([province, options]) => ({ label: province, title: province, options }));
}
