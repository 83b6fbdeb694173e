import { defaultPriceClass, ean13CheckDigit, type ProductInsert } from '../modules/products/index.ts';

// The demo's product catalogue: ~300 卷烟规格 of the brand families a Chinese city company sells,
// with plausible specs and prices. Each family lists its well-known specs with their retail price a
// pack (元/包); the generator adds the newer formats (细支, 中支, 爆珠 …) around them, prices every
// carton (条 = 10 packs) and gives each product an EAN-13 bar code under its factory's prefix.
// Deterministic: the same random stream gives the same catalogue.

export type CatalogueRandom = {
  next: () => number;
  integer: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
};

// Every city company of the demo gets the same catalogue (products and their prices are national).
export const demoProductSeed = 53_010_101;

type Family = {
  brand: string;
  // GS1 company prefix of the factory (7 digits, 69… for China).
  prefix: string;
  // Known specs: name inside the brackets, retail price a pack.
  specs: readonly (readonly [string, number])[];
  // How many generated variants to add.
  variants: number;
};

const families: readonly Family[] = [
  {
    brand: '中华',
    prefix: '6901028',
    specs: [
      ['硬', 45],
      ['软', 65],
      ['金中支', 50],
      ['双中支', 100],
      ['细支', 50],
      ['全开式', 45],
      ['5000', 100],
      ['大中华', 80],
    ],
    variants: 5,
  },
  {
    brand: '芙蓉王',
    prefix: '6901009',
    specs: [
      ['硬', 25],
      ['软蓝', 45],
      ['硬蓝', 30],
      ['钻石', 100],
      ['细支', 35],
      ['中支', 40],
      ['硬细支', 30],
    ],
    variants: 6,
  },
  {
    brand: '七匹狼',
    prefix: '6901101',
    specs: [
      ['纯境', 28],
      ['通仙', 17],
      ['红', 13],
      ['白', 16],
      ['锋芒', 20],
      ['天工', 50],
      ['豪情', 35],
      ['金', 23],
    ],
    variants: 6,
  },
  {
    brand: '利群',
    prefix: '6901153',
    specs: [
      ['新版', 16],
      ['软红长嘴', 16],
      ['休闲', 25],
      ['阳光', 23],
      ['西子阳光', 30],
      ['富春山居', 100],
      ['楼外楼', 40],
      ['软蓝', 20],
    ],
    variants: 6,
  },
  {
    brand: '玉溪',
    prefix: '6901208',
    specs: [
      ['软', 23],
      ['硬', 21],
      ['初心', 30],
      ['和谐', 50],
      ['中支和谐', 40],
      ['细支', 25],
      ['鑫中支', 28],
    ],
    variants: 6,
  },
  {
    brand: '黄鹤楼',
    prefix: '6901426',
    specs: [
      ['软蓝', 19],
      ['硬金砂', 27],
      ['1916', 100],
      ['天下名楼', 50],
      ['硬峡谷情', 50],
      ['视窗', 18],
      ['雅香', 28],
      ['硬奇景', 40],
    ],
    variants: 6,
  },
  {
    brand: '云烟',
    prefix: '6901209',
    specs: [
      ['紫', 10],
      ['软珍品', 22],
      ['印象', 40],
      ['小熊猫', 15],
      ['黑金刚', 28],
      ['细支云龙', 30],
      ['中支大重九', 60],
    ],
    variants: 6,
  },
  {
    brand: '红塔山',
    prefix: '6901210',
    specs: [
      ['硬经典', 10],
      ['新时代', 13],
      ['软经典', 8],
      ['大经典', 15],
      ['硬经典1956', 20],
      ['恭贺新禧', 18],
    ],
    variants: 5,
  },
  {
    brand: '白沙',
    prefix: '6901401',
    specs: [
      ['硬', 5],
      ['精品', 10],
      ['和天下', 100],
      ['精品二代', 12],
      ['硬红运', 8],
      ['和天下细支', 60],
      ['硬新精品二代', 13],
    ],
    variants: 5,
  },
  {
    brand: '双喜',
    prefix: '6901502',
    specs: [
      ['硬经典', 10],
      ['软经典', 13],
      ['莲香', 12],
      ['硬世纪经典', 20],
      ['春天', 30],
      ['红玫王', 7],
    ],
    variants: 5,
  },
  {
    brand: '红双喜',
    prefix: '6901029',
    specs: [
      ['硬', 7],
      ['软', 9],
      ['晶派', 12],
      ['硬8mg', 8],
      ['上海', 12],
    ],
    variants: 4,
  },
  {
    brand: '南京',
    prefix: '6901601',
    specs: [
      ['红', 12],
      ['炫赫门', 17],
      ['九五之尊', 100],
      ['雨花石', 50],
      ['十二钗', 19],
      ['细支珍品', 25],
      ['金陵十二钗薄荷', 20],
    ],
    variants: 6,
  },
  {
    brand: '真龙',
    prefix: '6901703',
    specs: [
      ['海韵', 16],
      ['起源', 20],
      ['凌云', 50],
      ['美人香草', 10],
      ['硬', 8],
      ['起源细支', 25],
      ['巴马', 30],
    ],
    variants: 5,
  },
  {
    brand: '泰山',
    prefix: '6901807',
    specs: [
      ['红将军', 10],
      ['心悦', 18],
      ['华贵', 26],
      ['佛光', 50],
      ['望岳', 23],
      ['八喜', 12],
    ],
    variants: 5,
  },
  {
    brand: '娇子',
    prefix: '6901905',
    specs: [
      ['X', 10],
      ['宽窄', 20],
      ['格调', 25],
      ['蓝', 13],
      ['宽窄好运', 16],
      ['天府之国', 40],
    ],
    variants: 5,
  },
  {
    brand: '钻石',
    prefix: '6902003',
    specs: [
      ['荷花', 35],
      ['硬蓝', 12],
      ['硬红', 8],
      ['细支荷花', 40],
      ['一品荷花', 60],
    ],
    variants: 4,
  },
  {
    brand: '好猫',
    prefix: '6902107',
    specs: [
      ['长乐', 10],
      ['金丝猴', 12],
      ['硬细支', 15],
      ['吉祥', 20],
      ['雅韵', 18],
    ],
    variants: 4,
  },
  {
    brand: '金圣',
    prefix: '6902205',
    specs: [
      ['滕王阁', 15],
      ['智圣出山', 13],
      ['硬红', 10],
      ['青花', 20],
      ['硬红八方', 11],
    ],
    variants: 4,
  },
  {
    brand: '长白山',
    prefix: '6902306',
    specs: [
      ['777', 13],
      ['红', 8],
      ['天池', 30],
      ['硬润', 10],
      ['揽胜', 20],
    ],
    variants: 4,
  },
  {
    brand: '黄金叶',
    prefix: '6902410',
    specs: [
      ['天叶', 100],
      ['硬帝豪', 10],
      ['乐途', 13],
      ['爱尚', 10],
      ['小目标', 15],
      ['天香', 40],
    ],
    variants: 5,
  },
  {
    brand: '牡丹',
    prefix: '6901030',
    specs: [
      ['软', 13],
      ['硬', 8],
      ['蓝', 10],
      ['飞马', 5],
    ],
    variants: 4,
  },
  {
    brand: '红河',
    prefix: '6901211',
    specs: [
      ['硬甲', 5],
      ['软甲', 4],
      ['道', 25],
      ['V8', 11],
      ['小熊猫家园', 16],
    ],
    variants: 4,
  },
  {
    brand: '贵烟',
    prefix: '6902520',
    specs: [
      ['跨越', 30],
      ['国酒香', 50],
      ['硬高遵', 13],
      ['萃', 25],
      ['小国酒香', 40],
      ['福', 12],
    ],
    variants: 5,
  },
  {
    brand: '苏烟',
    prefix: '6901602',
    specs: [
      ['五星红杉树', 30],
      ['软金砂', 40],
      ['沉香', 60],
      ['硬金砂', 35],
      ['铂晶', 50],
    ],
    variants: 4,
  },
  {
    brand: '天子',
    prefix: '6902612',
    specs: [
      ['千里江山', 100],
      ['硬', 15],
      ['中支', 30],
      ['黄', 18],
      ['金', 25],
    ],
    variants: 4,
  },
  {
    brand: '国宾',
    prefix: '6902711',
    specs: [
      ['硬', 8],
      ['软', 12],
      ['中支', 20],
      ['红', 10],
    ],
    variants: 3,
  },
  // The cheap end (四类、五类): still sold, in small volumes, mostly in the countryside.
  {
    brand: '大前门',
    prefix: '6901031',
    specs: [
      ['短支', 2.5],
      ['软', 3],
      ['硬', 3.5],
    ],
    variants: 1,
  },
  {
    brand: '红梅',
    prefix: '6901212',
    specs: [
      ['软黄', 4],
      ['硬顺', 6],
      ['黄', 3],
    ],
    variants: 1,
  },
  {
    brand: '红金龙',
    prefix: '6901427',
    specs: [
      ['硬红', 4.5],
      ['软', 3],
      ['硬神州', 10],
    ],
    variants: 1,
  },
];

// Newer formats a family adds around its known specs; their prices move around the family's.
const variantFormats = [
  '细支',
  '中支',
  '爆珠',
  '新版',
  '金',
  '蓝',
  '典藏',
  '精品',
  '硬',
  '软',
  '硬细支',
  '双爆',
  '薄荷',
] as const;

// Retail prices a pack are round numbers.
const packPriceSteps = [
  3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 23, 25, 26, 28, 30, 32, 35, 38, 40, 45,
  50, 55, 60, 65, 70, 80, 90, 100,
] as const;

function roundPackPrice(price: number): number {
  let best: number = packPriceSteps[0];
  for (const step of packPriceSteps) if (Math.abs(step - price) < Math.abs(best - price)) best = step;
  return best;
}

export type DemoProduct = Omit<ProductInsert, 'tenantId' | 'id' | 'createdAt' | 'updatedAt'> & {
  code: string;
  wholesalePriceFen: number;
  retailPriceFen: number;
  priceClass: number;
};

export function demoProductCatalogue(random: CatalogueRandom): DemoProduct[] {
  const catalogue: DemoProduct[] = [];
  for (const family of families) {
    const specs: [string, number, boolean][] = family.specs.map(([spec, price]) => [spec, price, false]);
    const taken = new Set(specs.map(([spec]) => spec));
    for (let added = 0, attempts = 0; added < family.variants && attempts < 100; attempts += 1) {
      const [base, basePrice] = random.pick(family.specs);
      const format = random.pick(variantFormats);
      const spec = base.includes(format) ? format : `${base}${format}`;
      if (taken.has(spec)) continue;
      taken.add(spec);
      specs.push([spec, roundPackPrice(basePrice * (0.9 + random.next() * 0.4)), true]);
      added += 1;
    }
    let serial = random.integer(10, 400);
    for (const [spec, packPrice, isVariant] of specs) {
      serial += random.integer(1, 9);
      const first12 = `${family.prefix}${String(serial).padStart(5, '0')}`;
      const retailPriceFen = Math.round(packPrice * 10 * 100);
      // The store's margin (批零差率) is 9.4–13.4 % of the suggested retail price: with shelf prices
      // about 1 % above the suggested ones, the city's gross margin is about 11.8 % this year and
      // 10.5 % last year (demo-prices.ts).
      const wholesalePriceFen = Math.round(retailPriceFen * (1 - (0.094 + random.next() * 0.04)));
      catalogue.push({
        code: `${first12}${ean13CheckDigit(first12)}`,
        brand: family.brand,
        name: `${family.brand}(${spec})`,
        priceClass: defaultPriceClass(wholesalePriceFen),
        wholesalePriceFen,
        retailPriceFen,
        // New formats are the new products; a few old specs are no longer made.
        status: !isVariant && random.next() < 0.03 ? 'discontinued' : 'active',
        isNew: isVariant && random.next() < 0.25,
      });
    }
  }
  return catalogue;
}
