import { describe, expect, it } from 'vitest';
import {
  addSums,
  countsAsObservation,
  type MarginLine,
  marginChangeOf,
  marginOf,
  meanOf,
  retailPerCartonOf,
  sourceSharesOf,
  sumsOfLines,
} from './margin.rules.ts';

// A fixture computed by hand. Product A: wholesale ¥200.00, suggested ¥230.00 a carton; product B:
// wholesale ¥100.00, suggested ¥115.00.
//   store 1: 2 cartons of A, its own observations ¥24.00 and ¥23.00 a pack → ¥235.00 a carton;
//            3 cartons of B, none of its own, the district's mean ¥12.00 a pack → ¥120.00 a carton;
//            retail 470 + 360 = ¥830.00, wholesale 400 + 300 = ¥700.00, margin 130 / 830 = 15.66 %.
//   store 2: 1 carton of A, no observation anywhere → suggested ¥230.00; margin 30 / 230 = 13.04 %.
//   both:    retail ¥1,060.00, wholesale ¥900.00, margin 160 / 1060 = 15.09 %.
const a = { wholesaleCartonFen: 20_000, suggestedCartonFen: 23_000 };
const b = { wholesaleCartonFen: 10_000, suggestedCartonFen: 11_500 };
const store1: MarginLine[] = [
  { ...a, cartons: 2, ownMeanPackFen: meanOf([2400, 2300]), districtMeanPackFen: 2380 },
  { ...b, cartons: 3, ownMeanPackFen: meanOf([]), districtMeanPackFen: 1200 },
];
const store2: MarginLine[] = [{ ...a, cartons: 1, ownMeanPackFen: null, districtMeanPackFen: null }];

describe('the retail price of a carton', () => {
  it.each([
    { own: 2350, district: 2380, suggested: 23_000, cartonFen: 23_500, source: 'own' },
    { own: null, district: 1200, suggested: 11_500, cartonFen: 12_000, source: 'district' },
    { own: null, district: null, suggested: 23_000, cartonFen: 23_000, source: 'suggested' },
    // An observed price of 0 would be a price (the rules bound observations before they get here).
    { own: 2000.5, district: null, suggested: 23_000, cartonFen: 20_005, source: 'own' },
  ])('own $own, district $district → $source', ({ own, district, suggested, cartonFen, source }) => {
    expect(retailPerCartonOf(own, district, suggested)).toEqual({ cartonFen, source });
  });

  it.each([
    { pack: 2300, suggested: 23_000, counts: true },
    { pack: 1150, suggested: 23_000, counts: true }, // exactly 50 %
    { pack: 1149, suggested: 23_000, counts: false },
    { pack: 4600, suggested: 23_000, counts: true }, // exactly 200 %
    { pack: 4601, suggested: 23_000, counts: false },
    { pack: 23_000, suggested: 23_000, counts: false }, // a carton price typed as a pack price
  ])('an observation of $pack fen against a suggested carton of $suggested: $counts', ({ pack, suggested, counts }) => {
    expect(countsAsObservation(pack, suggested)).toBe(counts);
  });

  it('takes no mean of nothing', () => {
    expect(meanOf([])).toBeNull();
    expect(meanOf([2400, 2300])).toBe(2350);
  });
});

describe('the margin, against the hand-computed fixture', () => {
  it.each([
    { name: 'store 1', lines: store1, retail: 83_000, wholesale: 70_000, margin: 0.1566, own: 2, district: 3, sug: 0 },
    { name: 'store 2', lines: store2, retail: 23_000, wholesale: 20_000, margin: 0.1304, own: 0, district: 0, sug: 1 },
    {
      name: 'both',
      lines: [...store1, ...store2],
      retail: 106_000,
      wholesale: 90_000,
      margin: 0.1509,
      own: 2,
      district: 3,
      sug: 1,
    },
  ])('$name', ({ lines, retail, wholesale, margin, own, district, sug }) => {
    const sums = sumsOfLines(lines);
    expect(sums.retailFen).toBeCloseTo(retail, 6);
    expect(sums.wholesaleFen).toBe(wholesale);
    expect(marginOf(sums)).toBeCloseTo(margin, 4);
    expect([sums.ownCartons, sums.districtCartons, sums.suggestedCartons]).toEqual([own, district, sug]);
  });

  it('adds stores up to the same figure as their lines together', () => {
    const added = addSums(sumsOfLines(store1), sumsOfLines(store2));
    expect(added).toEqual(sumsOfLines([...store1, ...store2]));
    expect(sourceSharesOf(added)).toEqual({ own: 2 / 6, district: 3 / 6, suggested: 1 / 6 });
  });

  it('has no margin without sales (null, not 0), and ignores lines of no cartons', () => {
    expect(marginOf(sumsOfLines([]))).toBeNull();
    expect(sourceSharesOf(sumsOfLines([]))).toBeNull();
    expect(sumsOfLines([{ ...store2[0], cartons: 0 }]).cartons).toBe(0);
  });

  it.each([
    { thisYear: 0.1176, lastYear: 0.1048, change: 0.0128 },
    { thisYear: 0.1, lastYear: null, change: null },
    { thisYear: null, lastYear: 0.1, change: null },
  ])('year on year $thisYear vs $lastYear', ({ thisYear, lastYear, change }) => {
    const result = marginChangeOf(thisYear, lastYear);
    if (change === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(change, 6);
  });
});
