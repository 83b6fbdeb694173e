import { DomainError } from '../../platform/errors/domain-error.ts';

// 货源投放: how one product's supply in one order cycle becomes a quota (可订量) per store.
//
// A store's raw demand is its base (档位 table, last 4 weeks' orders, or unlimited) times its class
// and credit multipliers (系数), then capped (限量). Stores outside the eligible set (限点) get 0.
// When the raw demands add up to more than the supply, every one is scaled by supply ÷ demand,
// floored, and the cartons left over go one each by largest remainder (最大余数法) with a stable
// tie-break: larger remainder, then larger raw demand, then smaller customerId. So quotas are whole
// cartons, never exceed the supply or a cap, and never depend on the order stores come in.
//
// Built for a province: 250,000 stores × 60 products. `prepareStores` turns the stores into typed
// columns once; each product is then a few passes over those columns, with no object per store.

export type CustomerClass = 'demonstration' | 'growth' | 'ordinary' | 'special';

export const customerClasses: readonly CustomerClass[] = ['demonstration', 'growth', 'ordinary', 'special'];

export const customerClassLabels: Record<'zh-CN' | 'en', Record<CustomerClass, string>> = {
  'zh-CN': { demonstration: '示范客户', growth: '成长客户', ordinary: '普通客户', special: '特殊客户' },
  en: { demonstration: 'demonstration', growth: 'growth', ordinary: 'ordinary', special: 'special' },
};

export type AllocationStore = {
  customerId: number;
  grade: number; // 1–30 (档位); stores without a grade get 1
  customerClass: CustomerClass | null; // null until classification lands → multiplier 1
  creditLevel: string | null; // null until credit lands → multiplier 1
  format: string;
  districtCode: string;
  urbanRural: 'urban' | 'rural';
  recentQty: number; // this product: cartons ordered in the last 4 weeks (for proportional)
};

// 限点: every present key narrows; absent = everyone.
export type Eligibility = {
  classes?: CustomerClass[];
  formats?: string[];
  districtCodes?: string[];
  urbanRural?: ('urban' | 'rural')[];
  gradeMin?: number;
  gradeMax?: number;
};

export type AllocationStrategy = {
  base:
    | { kind: 'grade_table'; table: Array<{ fromGrade: number; toGrade: number; qty: number }> } // 按档位
    | { kind: 'proportional'; perStoreCartonsPer4Weeks?: never } // in proportion to recentQty, sized to supply
    | { kind: 'unlimited' }; // 不限量
  classMultipliers?: Partial<Record<CustomerClass, number>>; // 按客户分类系数, default 1
  creditMultipliers?: Record<string, number>; // 按信用等级系数, default 1
  eligibility?: Eligibility; // 限点
  cap?: number; // 限量 per store
};

export type ProductAllocationInput = {
  productId: number;
  supply: number | null; // null = unlimited supply
  strategy: AllocationStrategy;
  // This product's last-4-weeks cartons per store, aligned with the stores; when given it replaces
  // each store's `recentQty`, so one store list can serve every product of a cycle.
  recentQuantities?: ArrayLike<number>;
};

export type ProductAllocationOutcome = {
  productId: number;
  quotas: Int32Array; // aligned with the stores array; -1 = unlimited
  allocated: number; // sum of quotas (excluding unlimited)
  supply: number | null;
  scale: number; // 1 when demand fits supply, else the factor applied before rounding
  storesAtZero: number; // eligible stores whose quota is 0
  eligibleStores: number;
};

export const minGrade = 1;
export const maxGrade = 30;
export const maxMultiplier = 10;

// Multipliers are applied in units of 1/10,000 so that every raw demand, and every sum of them, is an
// exact integer: sums then do not depend on the order of the stores (floating-point sums would).
const multiplierUnit = 10_000;
const classIndexOfNull = 4;

// The stores as typed columns, built once per cycle and shared by every product.
export type PreparedStores = {
  kind: 'prepared-stores';
  count: number;
  customerIds: Float64Array;
  grades: Uint8Array;
  classIndexes: Uint8Array; // index in customerClasses; 4 = none
  creditIndexes: Uint16Array; // index in creditLevels; 0 = none
  creditLevels: readonly (string | null)[];
  formatIndexes: Uint16Array;
  formats: ReadonlyMap<string, number>;
  districtIndexes: Uint16Array;
  districtCodes: ReadonlyMap<string, number>;
  isRural: Uint8Array;
  recentQuantities: Int32Array;
  byCustomerId: Int32Array; // store indexes in customerId order: the last tie-break
  scratch: { demand: Float64Array; eligible: Uint8Array };
};

export function normaliseGrade(grade: number): number {
  if (!Number.isFinite(grade) || grade < minGrade) return minGrade;
  if (grade > maxGrade) return maxGrade;
  return Math.floor(grade);
}

function wholeCartons(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

function intern(map: Map<string, number>, value: string): number {
  let index = map.get(value);
  if (index === undefined) {
    index = map.size;
    map.set(value, index);
  }
  return index;
}

export function prepareStores(stores: readonly AllocationStore[]): PreparedStores {
  const count = stores.length;
  const customerIds = new Float64Array(count);
  const grades = new Uint8Array(count);
  const classIndexes = new Uint8Array(count);
  const creditIndexes = new Uint16Array(count);
  const formatIndexes = new Uint16Array(count);
  const districtIndexes = new Uint16Array(count);
  const isRural = new Uint8Array(count);
  const recentQuantities = new Int32Array(count);
  const credits = new Map<string, number>();
  const formats = new Map<string, number>();
  const districtCodes = new Map<string, number>();
  const classIndex = new Map<CustomerClass, number>(customerClasses.map((name, index) => [name, index]));
  for (let index = 0; index < count; index += 1) {
    const store = stores[index];
    customerIds[index] = store.customerId;
    grades[index] = normaliseGrade(store.grade);
    classIndexes[index] = store.customerClass === null ? classIndexOfNull : (classIndex.get(store.customerClass) ?? 4);
    creditIndexes[index] = store.creditLevel === null ? 0 : intern(credits, store.creditLevel) + 1;
    formatIndexes[index] = intern(formats, store.format);
    districtIndexes[index] = intern(districtCodes, store.districtCode);
    isRural[index] = store.urbanRural === 'rural' ? 1 : 0;
    recentQuantities[index] = wholeCartons(store.recentQty);
  }
  if (credits.size >= 65_535 || formats.size > 65_535 || districtCodes.size > 65_535) {
    throw new RangeError('Too many distinct credit levels, formats or districts for one allocation');
  }
  const byCustomerId = new Int32Array(count);
  for (let index = 0; index < count; index += 1) byCustomerId[index] = index;
  byCustomerId.sort((a, b) => customerIds[a] - customerIds[b] || a - b);
  return {
    kind: 'prepared-stores',
    count,
    customerIds,
    grades,
    classIndexes,
    creditIndexes,
    creditLevels: [null, ...credits.keys()],
    formatIndexes,
    formats,
    districtIndexes,
    districtCodes,
    isRural,
    recentQuantities,
    byCustomerId,
    scratch: { demand: new Float64Array(count), eligible: new Uint8Array(count) },
  };
}

function isPrepared(stores: readonly AllocationStore[] | PreparedStores): stores is PreparedStores {
  return !Array.isArray(stores);
}

// A store's combined class × credit multiplier in 1/10,000 units (1.2 × 1.1 → 13,200).
function multiplierUnits(strategy: AllocationStrategy, customerClass: CustomerClass | null, credit: string | null) {
  const classMultiplier = customerClass === null ? 1 : (strategy.classMultipliers?.[customerClass] ?? 1);
  const creditMultiplier = credit === null ? 1 : (strategy.creditMultipliers?.[credit] ?? 1);
  return Math.round(classMultiplier * creditMultiplier * multiplierUnit);
}

// A grade table's quantity × multiplier, rounded half up to whole cartons, before the cap.
function multipliedCartons(qty: number, units: number): number {
  return units === multiplierUnit ? qty : Math.floor((qty * units + multiplierUnit / 2) / multiplierUnit);
}

function gradeQuantities(strategy: AllocationStrategy): Int32Array {
  const byGrade = new Int32Array(maxGrade + 1);
  if (strategy.base.kind !== 'grade_table') return byGrade;
  for (const row of strategy.base.table) {
    for (let grade = row.fromGrade; grade <= row.toGrade; grade += 1) byGrade[grade] = row.qty;
  }
  return byGrade;
}

// Marks each eligible store in `eligible` (1/0) and returns how many there are.
function markEligible(prepared: PreparedStores, eligibility: Eligibility | undefined, eligible: Uint8Array): number {
  const { count } = prepared;
  if (!eligibility) {
    eligible.fill(1, 0, count);
    return count;
  }
  const classOk = new Uint8Array(classIndexOfNull + 1).fill(eligibility.classes ? 0 : 1);
  for (const name of eligibility.classes ?? []) classOk[customerClasses.indexOf(name)] = 1;
  const lookup = (values: string[] | undefined, indexes: ReadonlyMap<string, number>) => {
    if (!values) return null;
    const ok = new Uint8Array(indexes.size);
    for (const value of values) {
      const index = indexes.get(value);
      if (index !== undefined) ok[index] = 1;
    }
    return ok;
  };
  const formatOk = lookup(eligibility.formats, prepared.formats);
  const districtOk = lookup(eligibility.districtCodes, prepared.districtCodes);
  const ruralOk = new Uint8Array(2).fill(eligibility.urbanRural ? 0 : 1);
  for (const value of eligibility.urbanRural ?? []) ruralOk[value === 'rural' ? 1 : 0] = 1;
  const gradeOk = new Uint8Array(maxGrade + 1);
  for (let grade = eligibility.gradeMin ?? minGrade; grade <= (eligibility.gradeMax ?? maxGrade); grade += 1) {
    gradeOk[grade] = 1;
  }
  const { classIndexes, formatIndexes, districtIndexes, isRural, grades } = prepared;
  let eligibleCount = 0;
  for (let index = 0; index < count; index += 1) {
    const ok =
      classOk[classIndexes[index]] &
      ruralOk[isRural[index]] &
      gradeOk[grades[index]] &
      (formatOk === null ? 1 : formatOk[formatIndexes[index]]) &
      (districtOk === null ? 1 : districtOk[districtIndexes[index]]);
    eligible[index] = ok;
    eligibleCount += ok;
  }
  return eligibleCount;
}

// Multiplier units per (class, credit) pair: a store's is table[classIndex × credits + creditIndex].
function multiplierTable(prepared: PreparedStores, strategy: AllocationStrategy): Int32Array {
  const credits = prepared.creditLevels.length;
  const table = new Int32Array((classIndexOfNull + 1) * credits);
  for (let classIndex = 0; classIndex <= classIndexOfNull; classIndex += 1) {
    const customerClass = classIndex === classIndexOfNull ? null : customerClasses[classIndex];
    for (let creditIndex = 0; creditIndex < credits; creditIndex += 1) {
      table[classIndex * credits + creditIndex] = multiplierUnits(
        strategy,
        customerClass,
        prepared.creditLevels[creditIndex],
      );
    }
  }
  return table;
}

export function allocateProduct(
  stores: readonly AllocationStore[] | PreparedStores,
  input: ProductAllocationInput,
): ProductAllocationOutcome {
  checkStrategy(input);
  const prepared = isPrepared(stores) ? stores : prepareStores(stores);
  const { count } = prepared;
  const { strategy, supply } = input;
  const quotas = new Int32Array(count);
  const { eligible, demand } = prepared.scratch;
  const eligibleStores = markEligible(prepared, strategy.eligibility, eligible);
  const cap = strategy.cap ?? Number.POSITIVE_INFINITY;
  const base = strategy.base;

  let scale = 1;
  if (base.kind === 'unlimited' && strategy.cap === undefined) {
    for (let index = 0; index < count; index += 1) quotas[index] = eligible[index] ? -1 : 0;
  } else if (base.kind === 'proportional') {
    scale = allocateProportionally(prepared, input, eligible, quotas);
  } else {
    // Whole-carton raw demand per store: the grade table's quantity × multipliers, capped; or the cap
    // itself when the base is unlimited.
    const byGrade = gradeQuantities(strategy);
    const multipliers = multiplierTable(prepared, strategy);
    const credits = prepared.creditLevels.length;
    const { grades, classIndexes, creditIndexes } = prepared;
    const isUnlimited = base.kind === 'unlimited';
    let total = 0;
    for (let index = 0; index < count; index += 1) {
      let raw = 0;
      if (eligible[index]) {
        raw = isUnlimited
          ? cap
          : multipliedCartons(
              byGrade[grades[index]],
              multipliers[classIndexes[index] * credits + creditIndexes[index]],
            );
        if (raw > cap) raw = cap;
      }
      demand[index] = raw;
      total += raw;
    }
    if (supply === null || total <= supply) {
      for (let index = 0; index < count; index += 1) quotas[index] = demand[index];
    } else {
      scale = supply / total;
      distributeByLargestRemainder(prepared, demand, supply, total, quotas);
    }
  }

  let allocated = 0;
  let storesAtZero = 0;
  for (let index = 0; index < count; index += 1) {
    const quota = quotas[index];
    if (quota > 0) allocated += quota;
    else if (quota === 0 && eligible[index]) storesAtZero += 1;
  }
  return { productId: input.productId, quotas, allocated, supply, scale, storesAtZero, eligibleStores };
}

// 按比例投放: the whole supply in proportion to last-4-weeks cartons × multipliers. Caps are filled
// like water: the stores whose share would pass the cap get the cap, and what they leave goes to the
// rest in proportion, until no share passes it. Returns the factor applied to recentQty × multipliers.
function allocateProportionally(
  prepared: PreparedStores,
  input: ProductAllocationInput,
  eligible: Uint8Array,
  quotas: Int32Array,
): number {
  const { count, classIndexes, creditIndexes } = prepared;
  const { strategy } = input;
  const supply = input.supply ?? 0;
  const cap = strategy.cap;
  const recent = input.recentQuantities;
  if (recent !== undefined && recent.length !== count) {
    throw new RangeError(`recentQuantities has ${recent.length} entries for ${count} stores`);
  }
  const multipliers = multiplierTable(prepared, strategy);
  const credits = prepared.creditLevels.length;
  const weights = prepared.scratch.demand;
  let totalWeight = 0;
  for (let index = 0; index < count; index += 1) {
    let weight = 0;
    if (eligible[index]) {
      const cartons = recent === undefined ? prepared.recentQuantities[index] : wholeCartons(recent[index]);
      weight = cartons * multipliers[classIndexes[index] * credits + creditIndexes[index]];
    }
    weights[index] = weight;
    totalWeight += weight;
  }
  if (totalWeight === 0) return 1;

  let remainingSupply = supply;
  let remainingWeight = totalWeight;
  let factor = (remainingSupply * multiplierUnit) / remainingWeight;
  if (cap !== undefined) {
    // From the heaviest weight down: a group whose share reaches the cap is capped, which only raises
    // the share of the lighter ones; the first group below the cap ends it.
    const groups = distinctValues(weights, count);
    let capThreshold = Number.POSITIVE_INFINITY;
    for (let group = groups.values.length - 1; group >= 0; group -= 1) {
      const weight = groups.values[group];
      if (!reachesCap(weight, remainingSupply, remainingWeight, cap)) break;
      factor = (remainingSupply * multiplierUnit) / remainingWeight;
      remainingSupply -= cap * groups.counts[group];
      remainingWeight -= weight * groups.counts[group];
      capThreshold = weight;
    }
    if (capThreshold !== Number.POSITIVE_INFINITY) {
      for (let index = 0; index < count; index += 1) {
        if (weights[index] >= capThreshold) {
          quotas[index] = cap;
          weights[index] = 0;
        }
      }
    }
    if (remainingWeight === 0) return factor;
    factor = (remainingSupply * multiplierUnit) / remainingWeight;
  }
  distributeByLargestRemainder(prepared, weights, remainingSupply, remainingWeight, quotas);
  return factor;
}

// weight × supply ÷ totalWeight ≥ cap, exactly.
function reachesCap(weight: number, supply: number, totalWeight: number, cap: number): boolean {
  const left = weight * supply;
  const right = cap * totalWeight;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
  return BigInt(weight) * BigInt(supply) >= BigInt(cap) * BigInt(totalWeight);
}

type DistinctValues = { values: Float64Array; counts: Float64Array };

// The distinct positive values among the first `count` entries, ascending, with how often each occurs.
function distinctValues(values: Float64Array, count: number): DistinctValues {
  let max = 0;
  let positives = 0;
  for (let index = 0; index < count; index += 1) {
    const value = values[index];
    if (value > 0) {
      positives += 1;
      if (value > max) max = value;
    }
  }
  if (max <= 1 << 16) {
    const tally = new Float64Array(max + 1);
    let distinct = 0;
    for (let index = 0; index < count; index += 1) {
      const value = values[index];
      if (value > 0 && tally[value]++ === 0) distinct += 1;
    }
    const result = { values: new Float64Array(distinct), counts: new Float64Array(distinct) };
    let group = 0;
    for (let value = 1; value <= max; value += 1) {
      if (tally[value] > 0) {
        result.values[group] = value;
        result.counts[group] = tally[value];
        group += 1;
      }
    }
    return result;
  }
  const sorted = new Float64Array(positives);
  let next = 0;
  for (let index = 0; index < count; index += 1) if (values[index] > 0) sorted[next++] = values[index];
  sorted.sort();
  let distinct = 0;
  for (let index = 0; index < positives; index += 1) if (index === 0 || sorted[index] !== sorted[index - 1]) distinct++;
  const result = { values: new Float64Array(distinct), counts: new Float64Array(distinct) };
  let group = -1;
  for (let index = 0; index < positives; index += 1) {
    if (index === 0 || sorted[index] !== sorted[index - 1]) result.values[++group] = sorted[index];
    result.counts[group] += 1;
  }
  return result;
}

function groupOf(groups: Float64Array, value: number): number {
  let low = 0;
  let high = groups.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (groups[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Gives each store with demand > 0 floor(demand × supply ÷ total), then the cartons left over one
// each by largest remainder. A store's share depends only on its own demand and the two totals, so
// stores with equal demand form one group with one floor and one remainder: groups are ordered by
// remainder, then demand, and only the last group reached is split, by customerId. Adds to `quotas`.
function distributeByLargestRemainder(
  prepared: PreparedStores,
  demand: Float64Array,
  supply: number,
  total: number,
  quotas: Int32Array,
): void {
  const { count } = prepared;
  const groups = distinctValues(demand, count);
  const groupCount = groups.values.length;
  const floors = new Float64Array(groupCount);
  const remainders = new Float64Array(groupCount);
  let floorSum = 0;
  for (let group = 0; group < groupCount; group += 1) {
    const [quotient, remainder] = divide(groups.values[group], supply, total);
    floors[group] = quotient;
    remainders[group] = remainder;
    floorSum += quotient * groups.counts[group];
  }
  let leftover = supply - floorSum;
  const order = Array.from({ length: groupCount }, (_, group) => group).sort(
    (a, b) => remainders[b] - remainders[a] || groups.values[b] - groups.values[a],
  );
  const extra = new Uint8Array(groupCount);
  let splitGroup = -1;
  let splitCartons = 0;
  for (const group of order) {
    if (leftover <= 0 || remainders[group] === 0) break;
    if (groups.counts[group] <= leftover) {
      extra[group] = 1;
      leftover -= groups.counts[group];
    } else {
      splitGroup = group;
      splitCartons = leftover;
      leftover = 0;
    }
  }
  const single = groupCount === 1;
  for (let index = 0; index < count; index += 1) {
    const value = demand[index];
    if (value > 0) {
      const group = single ? 0 : groupOf(groups.values, value);
      quotas[index] += floors[group] + extra[group];
    }
  }
  if (splitGroup >= 0) {
    const value = groups.values[splitGroup];
    const { byCustomerId } = prepared;
    for (let position = 0; position < count && splitCartons > 0; position += 1) {
      const index = byCustomerId[position];
      if (demand[index] === value) {
        quotas[index] += 1;
        splitCartons -= 1;
      }
    }
  }
}

// [floor(value × supply ÷ total), its remainder], exact for whole numbers.
function divide(value: number, supply: number, total: number): [number, number] {
  const product = value * supply;
  if (Number.isSafeInteger(product)) {
    let quotient = Math.floor(product / total);
    let remainder = product - quotient * total;
    if (remainder < 0) {
      quotient -= 1;
      remainder += total;
    } else if (remainder >= total) {
      quotient += 1;
      remainder -= total;
    }
    return [quotient, remainder];
  }
  const big = BigInt(value) * BigInt(supply);
  const bigTotal = BigInt(total);
  return [Number(big / bigTotal), Number(big % bigTotal)];
}

// Every product of a cycle over the same stores, prepared once.
export function allocateCycle(
  stores: readonly AllocationStore[] | PreparedStores,
  products: readonly ProductAllocationInput[],
): ProductAllocationOutcome[] {
  const prepared = isPrepared(stores) ? stores : prepareStores(stores);
  return products.map((product) => allocateProduct(prepared, product));
}

// The preview chart: how many stores got each quota (−1 = unlimited), ascending.
export function quotaDistribution(quotas: ArrayLike<number>): Array<{ quota: number; stores: number }> {
  const tally = new Map<number, number>();
  for (let index = 0; index < quotas.length; index += 1) {
    tally.set(quotas[index], (tally.get(quotas[index]) ?? 0) + 1);
  }
  return [...tally.entries()].sort((a, b) => a[0] - b[0]).map(([quota, stores]) => ({ quota, stores }));
}

// ——— Checking a strategy ———

type Problem = { zh: string; en: string };

function range(from: number, to: number): string {
  return from === to ? `${from}` : `${from}–${to}`;
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function shown(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : JSON.stringify(value);
}

function problemsOfTable(table: unknown): Problem[] {
  if (!Array.isArray(table) || table.length === 0) {
    return [{ zh: '按档位投放须至少设一行档位', en: 'a grade table needs at least one row' }];
  }
  const problems: Problem[] = [];
  const rows: Array<{ fromGrade: number; toGrade: number }> = [];
  for (const row of table as Array<{ fromGrade: unknown; toGrade: unknown; qty: unknown }>) {
    const { fromGrade, toGrade, qty } = row ?? {};
    const inRange = (grade: unknown): grade is number => isWhole(grade) && grade >= minGrade && grade <= maxGrade;
    const label = `${shown(fromGrade)}–${shown(toGrade)}`;
    if (!inRange(fromGrade) || !inRange(toGrade)) {
      problems.push({
        zh: `档位 ${label} 超出 1–30（档位须为 1–30 的整数）`,
        en: `grades ${label} are outside 1–30 (grades are whole numbers from 1 to 30)`,
      });
      continue;
    }
    if (fromGrade > toGrade) {
      problems.push({ zh: `档位 ${label} 起止颠倒`, en: `grades ${label} run backwards` });
      continue;
    }
    const rowLabel = range(fromGrade, toGrade);
    if (typeof qty !== 'number' || !Number.isFinite(qty)) {
      problems.push({ zh: `档位 ${rowLabel} 未填投放量`, en: `grades ${rowLabel} have no quantity` });
    } else if (qty < 0) {
      problems.push({
        zh: `档位 ${rowLabel} 的投放量不能为负数（${qty}）`,
        en: `grades ${rowLabel}: the quantity cannot be negative (${qty})`,
      });
    } else if (!Number.isInteger(qty)) {
      problems.push({
        zh: `档位 ${rowLabel} 的投放量须为整数条（${qty}）`,
        en: `grades ${rowLabel}: the quantity must be whole cartons (${qty})`,
      });
    }
    rows.push({ fromGrade, toGrade });
  }
  rows.sort((a, b) => a.fromGrade - b.fromGrade || a.toGrade - b.toGrade);
  let covered = minGrade - 1;
  let previous: { fromGrade: number; toGrade: number } | null = null;
  for (const row of rows) {
    if (previous && row.fromGrade <= previous.toGrade) {
      const [a, b] = [range(previous.fromGrade, previous.toGrade), range(row.fromGrade, row.toGrade)];
      problems.push({ zh: `档位 ${a} 与 ${b} 重叠`, en: `grades ${a} and ${b} overlap` });
    } else if (row.fromGrade > covered + 1) {
      const gap = range(covered + 1, row.fromGrade - 1);
      problems.push({ zh: `档位 ${gap} 未设投放量`, en: `grades ${gap} have no row` });
    }
    if (row.toGrade > covered) covered = row.toGrade;
    if (!previous || row.toGrade > previous.toGrade) previous = row;
  }
  if (rows.length > 0 && covered < maxGrade) {
    const gap = range(covered + 1, maxGrade);
    problems.push({ zh: `档位 ${gap} 未设投放量`, en: `grades ${gap} have no row` });
  }
  return problems;
}

function problemsOfMultipliers(
  multipliers: Record<string, unknown> | undefined,
  labelOf: (key: string) => Problem,
): Problem[] {
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(multipliers ?? {})) {
    if (value === undefined) continue;
    const label = labelOf(key);
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > maxMultiplier) {
      problems.push({
        zh: `${label.zh}系数须大于 0 且不超过 ${maxMultiplier}（${shown(value)}）`,
        en: `the ${label.en} multiplier must be above 0 and at most ${maxMultiplier} (${shown(value)})`,
      });
    }
  }
  return problems;
}

function problemsOfEligibility(eligibility: Eligibility | undefined): Problem[] {
  if (!eligibility) return [];
  const problems: Problem[] = [];
  const lists: Array<[keyof Eligibility, Problem]> = [
    ['classes', { zh: '客户分类', en: 'classes' }],
    ['formats', { zh: '业态', en: 'formats' }],
    ['districtCodes', { zh: '区县', en: 'districts' }],
    ['urbanRural', { zh: '城乡', en: 'urban/rural' }],
  ];
  for (const [key, label] of lists) {
    const value = eligibility[key];
    if (value !== undefined && (!Array.isArray(value) || value.length === 0)) {
      problems.push({
        zh: `限点“${label.zh}”为空，没有客户可订（不限请不填）`,
        en: `the eligible ${label.en} list is empty, so no store could order (leave it out for everyone)`,
      });
    }
  }
  for (const name of eligibility.classes ?? []) {
    if (!customerClasses.includes(name)) {
      problems.push({ zh: `未知的客户分类：${shown(name)}`, en: `unknown customer class: ${shown(name)}` });
    }
  }
  for (const value of eligibility.urbanRural ?? []) {
    if (value !== 'urban' && value !== 'rural') {
      problems.push({ zh: `未知的城乡类别：${shown(value)}`, en: `unknown urban/rural value: ${shown(value)}` });
    }
  }
  const { gradeMin, gradeMax } = eligibility;
  for (const [value, zh, en] of [
    [gradeMin, '下限', 'lowest'],
    [gradeMax, '上限', 'highest'],
  ] as const) {
    if (value !== undefined && (!isWhole(value) || value < minGrade || value > maxGrade)) {
      problems.push({
        zh: `限点档位${zh}须为 1–30 的整数（${shown(value)}）`,
        en: `the ${en} eligible grade must be a whole number from 1 to 30 (${shown(value)})`,
      });
    }
  }
  if (isWhole(gradeMin) && isWhole(gradeMax) && gradeMin > gradeMax) {
    problems.push({
      zh: `限点档位下限 ${gradeMin} 大于上限 ${gradeMax}`,
      en: `the lowest eligible grade ${gradeMin} is above the highest ${gradeMax}`,
    });
  }
  return problems;
}

// Every problem of a product's strategy, in zh-CN and English; empty when it can be allocated.
export function strategyProblems(input: ProductAllocationInput): Problem[] {
  const { supply, strategy } = input;
  const problems: Problem[] = [];
  if (supply !== null && (!isWhole(supply) || supply < 0)) {
    problems.push({
      zh: `货源量须为不小于 0 的整数条（${shown(supply)}）`,
      en: `the supply must be whole cartons, 0 or more (${shown(supply)})`,
    });
  }
  if (strategy.cap !== undefined && (!isWhole(strategy.cap) || strategy.cap < 0)) {
    problems.push({
      zh: `限量须为不小于 0 的整数条（${shown(strategy.cap)}）`,
      en: `the cap must be whole cartons, 0 or more (${shown(strategy.cap)})`,
    });
  }
  const base = strategy.base as { kind: unknown; table?: unknown } | undefined;
  if (base?.kind === 'grade_table') {
    problems.push(...problemsOfTable(base.table));
  } else if (base?.kind === 'proportional') {
    if (supply === null) {
      problems.push({
        zh: '按比例投放须填写货源量',
        en: 'a proportional allocation needs a supply to share out',
      });
    }
  } else if (base?.kind === 'unlimited') {
    if (supply !== null && strategy.cap === undefined) {
      problems.push({
        zh: `不限量投放不能同时限定货源量 ${shown(supply)}（请清空货源量，或设限量）`,
        en: `an unlimited allocation cannot also have a supply of ${shown(supply)} (clear the supply, or set a cap)`,
      });
    }
  } else {
    problems.push({
      zh: `未知的投放方式：${shown(base?.kind)}`,
      en: `unknown allocation kind: ${shown(base?.kind)}`,
    });
  }
  problems.push(
    ...problemsOfMultipliers(strategy.classMultipliers, (key) =>
      customerClasses.includes(key as CustomerClass)
        ? {
            zh: customerClassLabels['zh-CN'][key as CustomerClass],
            en: customerClassLabels.en[key as CustomerClass],
          }
        : { zh: `未知分类 ${key} 的`, en: `unknown class ${key}` },
    ),
    ...problemsOfMultipliers(strategy.creditMultipliers, (key) => ({ zh: `信用 ${key} `, en: `credit ${key}` })),
  );
  for (const key of Object.keys(strategy.classMultipliers ?? {})) {
    if (!customerClasses.includes(key as CustomerClass)) {
      problems.push({ zh: `未知的客户分类：${key}`, en: `unknown customer class: ${key}` });
    }
  }
  problems.push(...problemsOfEligibility(strategy.eligibility));
  return problems;
}

export function checkStrategy(input: ProductAllocationInput): void {
  const problems = strategyProblems(input);
  if (problems.length === 0) return;
  throw new DomainError(
    'ALLOCATION_STRATEGY_INVALID',
    {
      productId: input.productId,
      reason: problems.map((problem) => problem.zh).join('；'),
      reasonEn: problems.map((problem) => problem.en).join('; '),
    },
    'strategy',
  );
}

// ——— Explaining a quota ———

const words = {
  'zh-CN': {
    separator: '；',
    grade: (grade: number, qty: number) => `档位 ${grade} → ${qty}`,
    recent: (cartons: number) => `近4周 ${cartons} 条`,
    unlimited: '不限量',
    credit: (level: string) => `信用 ${level}`,
    cap: (cap: number) => `限量 ${cap}`,
    share: (scale: string, share: string) => `按货源 ×${scale} → ${share}`,
    extra: '（最大余数）',
    ineligible: (criteria: string[]) => `不在投放范围（限点：${criteria.join('、')}）`,
    criteria: { classes: '客户分类', formats: '业态', districtCodes: '区县', urbanRural: '城乡', grade: '档位范围' },
  },
  en: {
    separator: '; ',
    grade: (grade: number, qty: number) => `grade ${grade} → ${qty}`,
    recent: (cartons: number) => `last 4 weeks ${cartons} cartons`,
    unlimited: 'unlimited',
    credit: (level: string) => `credit ${level}`,
    cap: (cap: number) => `cap ${cap}`,
    share: (scale: string, share: string) => `supply ×${scale} → ${share}`,
    extra: ' (largest remainder)',
    ineligible: (criteria: string[]) => `not eligible (restricted by ${criteria.join(', ')})`,
    criteria: {
      classes: 'class',
      formats: 'format',
      districtCodes: 'district',
      urbanRural: 'urban/rural',
      grade: 'grade range',
    },
  },
} as const;

// Up to 2 decimals, no trailing zeros; 2 significant digits for what would round to 0.
export function formatFigure(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return String(Number(value.toPrecision(2)));
  return String(rounded);
}

// The 限点 criteria a store fails, as keys of the wording above.
export function failedEligibility(
  store: AllocationStore,
  eligibility: Eligibility | undefined,
): Array<keyof (typeof words)['en']['criteria']> {
  if (!eligibility) return [];
  const failed: Array<keyof (typeof words)['en']['criteria']> = [];
  if (eligibility.classes && (store.customerClass === null || !eligibility.classes.includes(store.customerClass))) {
    failed.push('classes');
  }
  if (eligibility.formats && !eligibility.formats.includes(store.format)) failed.push('formats');
  if (eligibility.districtCodes && !eligibility.districtCodes.includes(store.districtCode)) {
    failed.push('districtCodes');
  }
  if (eligibility.urbanRural && !eligibility.urbanRural.includes(store.urbanRural)) failed.push('urbanRural');
  const grade = normaliseGrade(store.grade);
  if (grade < (eligibility.gradeMin ?? minGrade) || grade > (eligibility.gradeMax ?? maxGrade)) failed.push('grade');
  return failed;
}

// Why a store got its quota, step by step: "档位 24 → 5；×1.2 示范客户 → 6；限量 6".
export function explainQuota(
  store: AllocationStore,
  input: ProductAllocationInput,
  outcome: Pick<ProductAllocationOutcome, 'scale' | 'supply'>,
  quota: number,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): string {
  const say = words[locale];
  const { strategy } = input;
  const failed = failedEligibility(store, strategy.eligibility);
  if (failed.length > 0) return say.ineligible(failed.map((key) => say.criteria[key]));
  const base = strategy.base;
  const cap = strategy.cap;
  if (base.kind === 'unlimited') {
    if (cap === undefined) return say.unlimited;
    const steps: string[] = [say.unlimited, say.cap(cap)];
    if (outcome.scale < 1 && cap > 0) steps.push(scaledStep(cap, outcome.scale, quota, locale));
    return steps.join(say.separator);
  }

  const steps: string[] = [];
  const multiplierSteps: string[] = [];
  const classMultiplier = store.customerClass === null ? 1 : (strategy.classMultipliers?.[store.customerClass] ?? 1);
  if (classMultiplier !== 1 && store.customerClass !== null) {
    multiplierSteps.push(`×${formatFigure(classMultiplier)} ${customerClassLabels[locale][store.customerClass]}`);
  }
  const creditMultiplier = store.creditLevel === null ? 1 : (strategy.creditMultipliers?.[store.creditLevel] ?? 1);
  if (creditMultiplier !== 1 && store.creditLevel !== null) {
    multiplierSteps.push(`×${formatFigure(creditMultiplier)} ${say.credit(store.creditLevel)}`);
  }
  const units = multiplierUnits(strategy, store.customerClass, store.creditLevel);

  if (base.kind === 'grade_table') {
    const grade = normaliseGrade(store.grade);
    const qty = base.table.find((row) => grade >= row.fromGrade && grade <= row.toGrade)?.qty ?? 0;
    steps.push(say.grade(grade, qty));
    let raw = qty;
    if (multiplierSteps.length > 0 && qty > 0) {
      raw = multipliedCartons(qty, units);
      const exact = (qty * units) / multiplierUnit;
      const shown = exact === raw ? `${raw}` : `${formatFigure(exact)} → ${raw}`;
      steps.push(`${multiplierSteps.join(' ')} → ${shown}`);
    }
    if (cap !== undefined && raw >= cap) {
      steps.push(say.cap(cap));
      raw = cap;
    }
    if (outcome.scale < 1 && raw > 0) steps.push(scaledStep(raw, outcome.scale, quota, locale));
    return steps.join(say.separator);
  }

  // Proportional.
  const cartons = wholeCartons(store.recentQty);
  steps.push(say.recent(cartons));
  const weighted = (cartons * units) / multiplierUnit;
  if (multiplierSteps.length > 0 && cartons > 0) steps.push(`${multiplierSteps.join(' ')} → ${formatFigure(weighted)}`);
  if (cartons === 0) return `${steps[0]} → ${quota}`;
  const share = weighted * outcome.scale;
  if (cap !== undefined && share >= cap - 1e-9) {
    steps.push(say.share(formatFigure(outcome.scale), formatFigure(share)));
    steps.push(say.cap(cap));
    return steps.join(say.separator);
  }
  steps.push(scaledStep(weighted, outcome.scale, quota, locale));
  return steps.join(say.separator);
}

function scaledStep(demand: number, scale: number, quota: number, locale: 'zh-CN' | 'en'): string {
  const say = words[locale];
  const share = demand * scale;
  const shareText = formatFigure(share);
  const gotExtra = quota > Math.floor(share + 1e-9);
  return `${say.share(formatFigure(scale), shareText)}${shareText === String(quota) ? '' : ` → ${quota}`}${gotExtra ? say.extra : ''}`;
}
