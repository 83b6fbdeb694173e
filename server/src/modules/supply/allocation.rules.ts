import {
  type AllocationStrategy,
  type CustomerClass,
  checkStrategy,
  customerClasses,
  maxGrade,
  minGrade,
  type ProductStrategy,
  regionFactorOf,
  type Segment,
} from './allocation-strategy.rules.ts';
import { type DemoType, segmentDemoTypes } from './segment.rules.ts';

// 货源投放: how one product's supply in one order cycle becomes a quota (可订量) per store.
//
// A store's raw demand is its base (档位 table, last 4 weeks' orders, or unlimited) times its class,
// credit and region multipliers (系数; 区域系数 = its district's × its branch's), then capped (限量). Stores outside the eligible set (限点) get 0.
// When the raw demands add up to more than the supply, every one is scaled by supply ÷ demand,
// floored, and the cartons left over go one each by largest remainder (最大余数法) with a stable
// tie-break: larger remainder, then larger raw demand, then smaller customerId. So quotas are whole
// cartons, never exceed the supply or a cap, and never depend on the order stores come in.
//
// Built for a province: 250,000 stores × 60 products. `prepareStores` turns the stores into typed
// columns once; each product is then a few passes over those columns, with no object per store.
//
// What a strategy may say, and its checks: allocation-strategy.rules.ts. Why a store got its quota,
// in words: quota-explanation.rules.ts, from the same arithmetic (the helpers exported below).

export type AllocationStore = {
  customerId: number;
  grade: number; // 1–30 (档位); stores without a grade get 1
  customerClass: CustomerClass | null; // null: not yet classified → multiplier 1
  demoType: DemoType | null; // 示范类型, for 限点 only
  creditLevel: string | null; // null until credit lands → multiplier 1
  format: string;
  branchId: number;
  districtCode: string;
  urbanRural: 'urban' | 'rural';
  recentQty: number; // this product: cartons ordered in the last 4 weeks (for proportional)
};

export type ProductAllocationInput = ProductStrategy & {
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

// Multipliers are applied in units of 1/10,000 so that every raw demand, and every sum of them, is an
// exact integer: sums then do not depend on the order of the stores (floating-point sums would).
export const multiplierUnit = 10_000;
const classIndexOfNull = 4;
const classSlots = classIndexOfNull + 1;
const demoTypeSlots = segmentDemoTypes.length + 1; // 0 = none

// The stores as typed columns, built once per cycle and shared by every product.
//
// A store's class and credit level make its "combo" (one multiplier per product); combo and grade make
// its "profile". A grade-table quota depends only on the profile, so each product computes one raw
// demand per profile (30 × combos of them) rather than per store.
export type PreparedStores = {
  kind: 'prepared-stores';
  count: number;
  customerIds: Float64Array;
  grades: Uint8Array;
  creditLevels: readonly (string | null)[]; // index 0 = none
  combos: number; // 5 class slots (4 classes + none) × credit levels
  comboIndexes: Uint16Array; // classIndex × creditLevels.length + creditIndex
  profiles: Int32Array; // grade × combos + combo
  // 限点's other keys, folded in two so that judging a store is three lookups whatever the segment:
  // its "kind" (format × urban/rural × 示范类型, by arithmetic) and its "place" (district × branch,
  // the pairs that occur, interned).
  formats: ReadonlyMap<string, number>;
  kindIndexes: Uint16Array; // (formatIndex × 2 + isRural) × demoTypeSlots + demoTypeIndex
  districtCodes: ReadonlyMap<string, number>;
  branchIds: ReadonlyMap<number, number>;
  placeIndexes: Uint32Array;
  placeDistricts: Uint16Array; // by place: its district index
  placeBranches: Uint32Array; // by place: its branch index
  recentQuantities: Int32Array;
  byCustomerId: Int32Array; // store indexes in customerId order: the last tie-break
  customerIdRanks: Int32Array; // each store's position in that order
  scratch: { eligible: Uint8Array; keys: Int32Array; isSplitMember: Uint8Array }; // isSplitMember by rank
};

export function normaliseGrade(grade: number): number {
  if (!Number.isFinite(grade) || grade < minGrade) return minGrade;
  if (grade > maxGrade) return maxGrade;
  return Math.floor(grade);
}

export function wholeCartons(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

// Interns values; remembers the last one, since neighbouring stores often share a format or district.
function createInterner<T extends string | number = string>() {
  const indexes = new Map<T, number>();
  let lastValue: T | undefined;
  let lastIndex = 0;
  return {
    indexes,
    indexOf(value: T): number {
      if (value === lastValue) return lastIndex;
      let index = indexes.get(value);
      if (index === undefined) {
        index = indexes.size;
        indexes.set(value, index);
      }
      lastValue = value;
      lastIndex = index;
      return index;
    },
  };
}

// Store indexes ordered by customerId (then index). Packs both into one double and sorts natively when
// they fit in 53 bits, which is the usual case and several times faster than a comparator.
function orderByCustomerId(customerIds: Float64Array): Int32Array {
  const count = customerIds.length;
  const order = new Int32Array(count);
  let ascending = true;
  for (let index = 1; ascending && index < count; index += 1) ascending = customerIds[index - 1] < customerIds[index];
  if (ascending) {
    for (let index = 0; index < count; index += 1) order[index] = index;
    return order;
  }
  const indexBits = 2 ** 21;
  let packable = count <= indexBits;
  for (let index = 0; packable && index < count; index += 1) {
    const id = customerIds[index];
    packable = Number.isInteger(id) && id >= 0 && id < 2 ** 32;
  }
  if (packable) {
    const packed = new Float64Array(count);
    for (let index = 0; index < count; index += 1) packed[index] = customerIds[index] * indexBits + index;
    packed.sort();
    for (let position = 0; position < count; position += 1) order[position] = packed[position] % indexBits;
    return order;
  }
  for (let index = 0; index < count; index += 1) order[index] = index;
  return order.sort((a, b) => customerIds[a] - customerIds[b] || a - b);
}

export function prepareStores(stores: readonly AllocationStore[]): PreparedStores {
  const count = stores.length;
  const customerIds = new Float64Array(count);
  const grades = new Uint8Array(count);
  const classIndexes = new Uint8Array(count);
  const creditIndexes = new Uint16Array(count);
  const kindIndexes = new Uint16Array(count);
  const placeIndexes = new Uint32Array(count);
  const recentQuantities = new Int32Array(count);
  const credits = createInterner();
  const formats = createInterner();
  const districtCodes = createInterner();
  const branchIds = createInterner<number>();
  const places = createInterner<number>();
  const placeDistricts: number[] = [];
  const placeBranches: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const store = stores[index];
    customerIds[index] = store.customerId;
    grades[index] = normaliseGrade(store.grade);
    const classIndex = store.customerClass === null ? -1 : customerClasses.indexOf(store.customerClass);
    classIndexes[index] = classIndex < 0 ? classIndexOfNull : classIndex;
    creditIndexes[index] = store.creditLevel === null ? 0 : credits.indexOf(store.creditLevel) + 1;
    const rural = store.urbanRural === 'rural' ? 1 : 0;
    const demoType = store.demoType === null ? 0 : segmentDemoTypes.indexOf(store.demoType) + 1;
    kindIndexes[index] = (formats.indexOf(store.format) * 2 + rural) * demoTypeSlots + demoType;
    const district = districtCodes.indexOf(store.districtCode);
    const branch = branchIds.indexOf(store.branchId);
    const place = places.indexOf(district * 2 ** 21 + branch);
    if (place === placeDistricts.length) {
      placeDistricts.push(district);
      placeBranches.push(branch);
    }
    placeIndexes[index] = place;
    recentQuantities[index] = wholeCartons(store.recentQty);
  }
  if (
    credits.indexes.size >= 65_535 ||
    formats.indexes.size * 2 * demoTypeSlots > 65_536 ||
    districtCodes.indexes.size > 65_535 ||
    branchIds.indexes.size > 2 ** 21
  ) {
    throw new RangeError('Too many distinct credit levels, formats, districts or branches for one allocation');
  }
  const byCustomerId = orderByCustomerId(customerIds);
  const customerIdRanks = new Int32Array(count);
  for (let position = 0; position < count; position += 1) customerIdRanks[byCustomerId[position]] = position;
  const creditLevels = [null, ...credits.indexes.keys()];
  const combos = classSlots * creditLevels.length;
  const comboIndexes = new Uint16Array(count);
  const profiles = new Int32Array(count);
  for (let index = 0; index < count; index += 1) {
    const combo = classIndexes[index] * creditLevels.length + creditIndexes[index];
    comboIndexes[index] = combo;
    profiles[index] = grades[index] * combos + combo;
  }
  return {
    kind: 'prepared-stores',
    count,
    customerIds,
    grades,
    creditLevels,
    combos,
    comboIndexes,
    profiles,
    formats: formats.indexes,
    kindIndexes,
    districtCodes: districtCodes.indexes,
    branchIds: branchIds.indexes,
    placeIndexes,
    placeDistricts: Uint16Array.from(placeDistricts),
    placeBranches: Uint32Array.from(placeBranches),
    recentQuantities,
    byCustomerId,
    customerIdRanks,
    scratch: { eligible: new Uint8Array(count), keys: new Int32Array(count), isSplitMember: new Uint8Array(count) },
  };
}

function isPrepared(stores: readonly AllocationStore[] | PreparedStores): stores is PreparedStores {
  return !Array.isArray(stores);
}

// A store's combined class × credit × region multiplier in 1/10,000 units (1.2 × 1.1 → 13,200;
// 1.2 × 1.1 × 0.8 → 10,560).
export function multiplierUnits(
  strategy: AllocationStrategy,
  customerClass: CustomerClass | null,
  credit: string | null,
  regionFactor = 1,
) {
  const classMultiplier = customerClass === null ? 1 : (strategy.classMultipliers?.[customerClass] ?? 1);
  const creditMultiplier = credit === null ? 1 : (strategy.creditMultipliers?.[credit] ?? 1);
  return Math.round(classMultiplier * creditMultiplier * regionFactor * multiplierUnit);
}

// A grade table's quantity × multiplier, rounded half up to whole cartons, before the cap.
export function multipliedCartons(qty: number, units: number): number {
  return units === multiplierUnit ? qty : Math.floor((qty * units + multiplierUnit / 2) / multiplierUnit);
}

// 区域系数 by place: the distinct region factors of a product ("slots"; slot 0 is 1) and each place's
// slot. A product without region multipliers has one slot, and its stores' keys stay their profiles.
type RegionSlots = { count: number; factors: number[]; slotOfPlace: Uint32Array };

function regionSlots(prepared: PreparedStores, strategy: AllocationStrategy): RegionSlots {
  const { placeDistricts, placeBranches } = prepared;
  const slotOfPlace = new Uint32Array(placeDistricts.length);
  const factors = [1];
  const regions = strategy.regionMultipliers;
  if (regions === undefined) return { count: 1, factors, slotOfPlace };
  const districtCodes = [...prepared.districtCodes.keys()]; // interned in index order
  const branchIds = [...prepared.branchIds.keys()];
  const slotOfFactor = new Map([[1, 0]]);
  for (let place = 0; place < slotOfPlace.length; place += 1) {
    const factor = regionFactorOf(regions, districtCodes[placeDistricts[place]], branchIds[placeBranches[place]]);
    let slot = slotOfFactor.get(factor);
    if (slot === undefined) {
      slot = factors.length;
      factors.push(factor);
      slotOfFactor.set(factor, slot);
    }
    slotOfPlace[place] = slot;
  }
  return { count: factors.length, factors, slotOfPlace };
}

// Multiplier units per combo and region slot (combo × slots + slot).
function multipliersByCombo(
  prepared: PreparedStores,
  strategy: AllocationStrategy,
  regions: RegionSlots,
): Float64Array {
  const credits = prepared.creditLevels.length;
  const slots = regions.count;
  const table = new Float64Array(prepared.combos * slots);
  for (let classIndex = 0; classIndex < classSlots; classIndex += 1) {
    const customerClass = classIndex === classIndexOfNull ? null : customerClasses[classIndex];
    for (let creditIndex = 0; creditIndex < credits; creditIndex += 1) {
      for (let slot = 0; slot < slots; slot += 1) {
        const units = multiplierUnits(
          strategy,
          customerClass,
          prepared.creditLevels[creditIndex],
          regions.factors[slot],
        );
        table[(classIndex * credits + creditIndex) * slots + slot] = units;
      }
    }
  }
  return table;
}

// Each store's profile × slots + its region slot (its profile when there is one slot).
function regionalProfiles(prepared: PreparedStores, regions: RegionSlots): Int32Array {
  if (regions.count === 1) return prepared.profiles;
  const { count, profiles, placeIndexes } = prepared;
  const { keys } = prepared.scratch;
  const slots = regions.count;
  const { slotOfPlace } = regions;
  for (let index = 0; index < count; index += 1)
    keys[index] = profiles[index] * slots + slotOfPlace[placeIndexes[index]];
  return keys;
}

// 限点 (a segment) as lookup tables: by profile (class and grade), kind (format, urban/rural, 示范类型)
// and place (district, branch). 1 = eligible.
type EligibilityTables = { byProfile: Uint8Array; byKind: Uint8Array; byPlace: Uint8Array };

function eligibilityTables(prepared: PreparedStores, eligibility: Segment | undefined): EligibilityTables {
  const { combos } = prepared;
  const credits = prepared.creditLevels.length;
  const classOk = new Uint8Array(classSlots).fill(eligibility?.classes ? 0 : 1);
  for (const name of eligibility?.classes ?? []) classOk[customerClasses.indexOf(name)] = 1;
  const byProfile = new Uint8Array((maxGrade + 1) * combos);
  for (let grade = eligibility?.gradeMin ?? minGrade; grade <= (eligibility?.gradeMax ?? maxGrade); grade += 1) {
    for (let combo = 0; combo < combos; combo += 1) {
      byProfile[grade * combos + combo] = classOk[Math.floor(combo / credits)];
    }
  }
  const lookup = <T extends string | number>(values: readonly T[] | undefined, indexes: ReadonlyMap<T, number>) => {
    const ok = new Uint8Array(indexes.size).fill(values ? 0 : 1);
    for (const value of values ?? []) {
      const index = indexes.get(value);
      if (index !== undefined) ok[index] = 1;
    }
    return ok;
  };
  const ruralOk = new Uint8Array(2).fill(eligibility?.urbanRural ? 0 : 1);
  for (const value of eligibility?.urbanRural ?? []) ruralOk[value === 'rural' ? 1 : 0] = 1;
  const demoTypeOk = new Uint8Array(demoTypeSlots).fill(eligibility?.demoTypes ? 0 : 1);
  for (const value of eligibility?.demoTypes ?? []) demoTypeOk[segmentDemoTypes.indexOf(value) + 1] = 1;
  const formatOk = lookup<string>(eligibility?.formats, prepared.formats);
  const byKind = new Uint8Array(prepared.formats.size * 2 * demoTypeSlots);
  for (let kind = 0; kind < byKind.length; kind += 1) {
    const demoType = kind % demoTypeSlots;
    const rural = Math.floor(kind / demoTypeSlots) % 2;
    byKind[kind] = formatOk[Math.floor(kind / demoTypeSlots / 2)] & ruralOk[rural] & demoTypeOk[demoType];
  }
  const districtOk = lookup(eligibility?.districtCodes, prepared.districtCodes);
  const branchOk = lookup(eligibility?.branchIds, prepared.branchIds);
  const { placeDistricts, placeBranches } = prepared;
  const byPlace = new Uint8Array(placeDistricts.length);
  for (let place = 0; place < byPlace.length; place += 1) {
    byPlace[place] = districtOk[placeDistricts[place]] & branchOk[placeBranches[place]];
  }
  return { byProfile, byKind, byPlace };
}

// The per-store pass shared by every strategy: marks eligibility, counts the eligible stores.
function markEligible(prepared: PreparedStores, tables: EligibilityTables): number {
  const { count, profiles, kindIndexes, placeIndexes } = prepared;
  const { byProfile, byKind, byPlace } = tables;
  const { eligible } = prepared.scratch;
  let eligibleCount = 0;
  for (let index = 0; index < count; index += 1) {
    const ok = byProfile[profiles[index]] & byKind[kindIndexes[index]] & byPlace[placeIndexes[index]];
    eligible[index] = ok;
    eligibleCount += ok;
  }
  return eligibleCount;
}

// One product's quotas, aligned with the stores. Pass `prepareStores(stores)` when allocating several
// products over the same stores (a cycle): the columns are then built once. Refuses an invalid strategy
// (checkStrategy) before anything else.
export function allocateProduct(
  stores: readonly AllocationStore[] | PreparedStores,
  input: ProductAllocationInput,
): ProductAllocationOutcome {
  checkStrategy(input);
  const prepared = isPrepared(stores) ? stores : prepareStores(stores);
  const { count } = prepared;
  const { strategy, supply } = input;
  const quotas = new Int32Array(count);
  const { eligible } = prepared.scratch;
  const eligibleStores = markEligible(prepared, eligibilityTables(prepared, strategy.eligibility));
  const base = strategy.base;

  if (base.kind === 'unlimited' && strategy.cap === undefined) {
    for (let index = 0; index < count; index += 1) quotas[index] = -eligible[index];
    return { productId: input.productId, quotas, allocated: 0, supply, scale: 1, storesAtZero: 0, eligibleStores };
  }
  const { scale, allocated, storesWithCartons } =
    base.kind === 'proportional'
      ? allocateProportionally(prepared, input, quotas)
      : allocateByProfile(prepared, input, quotas);
  const storesAtZero = eligibleStores - storesWithCartons;
  return { productId: input.productId, quotas, allocated, supply, scale, storesAtZero, eligibleStores };
}

// What a strategy hands back besides the quotas: counted from the groups, not from another pass.
type Allocation = { scale: number; allocated: number; storesWithCartons: number };

// 按档位 (or a capped 不限量): a raw demand per profile (and region slot) — the grade table's quantity ×
// the combo's and region's multiplier, rounded, capped; or the cap itself — then, if they add up to more
// than the supply, scaled by largest remainder.
function allocateByProfile(prepared: PreparedStores, input: ProductAllocationInput, quotas: Int32Array): Allocation {
  const { count, customerIdRanks } = prepared;
  const { eligible, isSplitMember } = prepared.scratch;
  const { strategy, supply } = input;
  const cap = strategy.cap ?? Number.POSITIVE_INFINITY;
  const byGrade = new Int32Array(maxGrade + 1);
  if (strategy.base.kind === 'grade_table') {
    for (const row of strategy.base.table) {
      for (let grade = row.fromGrade; grade <= row.toGrade; grade += 1) byGrade[grade] = row.qty;
    }
  }
  const regions = regionSlots(prepared, strategy);
  const multipliers = multipliersByCombo(prepared, strategy, regions);
  // Profiles with their region slot: combos × slots "combos" per grade.
  const combos = prepared.combos * regions.count;
  const profiles = regionalProfiles(prepared, regions);
  const profileCount = (maxGrade + 1) * combos;
  const rawByProfile = new Float64Array(profileCount);
  for (let grade = minGrade; grade <= maxGrade; grade += 1) {
    for (let combo = 0; combo < combos; combo += 1) {
      const raw = strategy.base.kind === 'unlimited' ? cap : multipliedCartons(byGrade[grade], multipliers[combo]);
      rawByProfile[grade * combos + combo] = Math.min(raw, cap);
    }
  }
  const storesByProfile = new Float64Array(profileCount);
  let total = 0;
  for (let index = 0; index < count; index += 1) {
    const profile = profiles[index];
    const ok = eligible[index];
    const raw = rawByProfile[profile] * ok;
    quotas[index] = raw;
    storesByProfile[profile] += ok;
    total += raw;
  }
  if (supply === null || total <= supply) {
    let storesWithCartons = 0;
    for (let profile = 0; profile < profileCount; profile += 1) {
      if (rawByProfile[profile] > 0) storesWithCartons += storesByProfile[profile];
    }
    return { scale: 1, allocated: total, storesWithCartons };
  }

  const groups = valueGroups(storesByProfile, rawByProfile);
  const plan = planLargestRemainder(groups, groups.values.length, supply, total, 0);
  const quotaByProfile = new Float64Array(profileCount);
  const isSplitProfile = new Uint8Array(profileCount);
  for (let profile = 0; profile < profileCount; profile += 1) {
    const group = groups.groupOfKey[profile];
    if (group < 0) continue;
    quotaByProfile[profile] = plan.quotaOfGroup[group];
    isSplitProfile[profile] = group === plan.splitGroup ? 1 : 0;
  }
  for (let index = 0; index < count; index += 1) {
    const profile = profiles[index];
    const ok = eligible[index];
    quotas[index] = quotaByProfile[profile] * ok;
    if (ok & isSplitProfile[profile]) isSplitMember[customerIdRanks[index]] = 1;
  }
  giveSplitCartons(prepared, plan.splitCartons, quotas);
  return { scale: supply / total, allocated: plan.allocated, storesWithCartons: plan.storesWithCartons };
}

// 按比例投放: the whole supply in proportion to last-4-weeks cartons × multipliers. A store's weight
// depends only on (its cartons, its combo), its key here. Caps are filled like water: the stores whose
// share would pass the cap get the cap, and what they leave goes to the rest in proportion, until no
// share passes it. The scale reported is the factor applied to recentQty × multipliers.
function allocateProportionally(
  prepared: PreparedStores,
  input: ProductAllocationInput,
  quotas: Int32Array,
): Allocation {
  const { count, comboIndexes, placeIndexes, customerIdRanks } = prepared;
  const { eligible, keys, isSplitMember } = prepared.scratch;
  const { strategy } = input;
  const supply = input.supply ?? 0;
  const recent = input.recentQuantities;
  if (recent !== undefined && recent.length !== count) {
    throw new RangeError(`recentQuantities has ${recent.length} entries for ${count} stores`);
  }
  // First pass: each eligible store's cartons (in `keys` for now) and the largest.
  let maxCartons = 0;
  for (let index = 0; index < count; index += 1) {
    const cartons = eligible[index]
      ? recent === undefined
        ? prepared.recentQuantities[index]
        : wholeCartons(recent[index])
      : 0;
    keys[index] = cartons;
    if (cartons > maxCartons) maxCartons = cartons;
  }
  // Second pass: keys are cartons × combos + combo (a combo here: class, credit and region slot) when
  // that space is small; otherwise numbered.
  const regions = regionSlots(prepared, strategy);
  const slots = regions.count;
  const { slotOfPlace } = regions;
  const combos = prepared.combos * slots;
  const direct = (maxCartons + 1) * combos <= 1 << 20;
  const keySpace = direct ? (maxCartons + 1) * combos : count;
  const storesByKey = new Float64Array(keySpace);
  const weightByKey = new Float64Array(keySpace);
  const multipliers = multipliersByCombo(prepared, strategy, regions);
  const numbered = new Map<number, number>();
  let totalWeight = 0;
  for (let index = 0; index < count; index += 1) {
    const cartons = keys[index];
    if (cartons === 0) {
      keys[index] = -1;
      continue;
    }
    const combo = slots === 1 ? comboIndexes[index] : comboIndexes[index] * slots + slotOfPlace[placeIndexes[index]];
    let key = cartons * combos + combo;
    if (!direct) {
      const pair = key;
      key = numbered.get(pair) ?? numbered.size;
      if (key === numbered.size) numbered.set(pair, key);
    }
    const weight = cartons * multipliers[combo];
    keys[index] = key;
    weightByKey[key] = weight;
    storesByKey[key] += 1;
    totalWeight += weight;
  }
  if (totalWeight === 0) return { scale: 1, allocated: 0, storesWithCartons: 0 };

  const cap = strategy.cap ?? Number.POSITIVE_INFINITY;
  const groups = valueGroups(storesByKey, weightByKey);
  // From the heaviest weight down: a group whose share reaches the cap is capped, which only raises
  // the share of the lighter ones; the first group below the cap ends it.
  let remainingSupply = supply;
  let remainingWeight = totalWeight;
  let factor = (supply * multiplierUnit) / totalWeight;
  let uncapped = groups.values.length;
  while (uncapped > 0 && reachesCap(groups.values[uncapped - 1], remainingSupply, remainingWeight, cap)) {
    uncapped -= 1;
    factor = (remainingSupply * multiplierUnit) / remainingWeight;
    remainingSupply -= cap * groups.counts[uncapped];
    remainingWeight -= groups.values[uncapped] * groups.counts[uncapped];
  }
  if (remainingWeight > 0) factor = (remainingSupply * multiplierUnit) / remainingWeight;
  const plan = planLargestRemainder(groups, uncapped, remainingSupply, remainingWeight, cap);
  const { groupOfKey } = groups;
  const { quotaOfGroup, splitGroup } = plan;
  for (let index = 0; index < count; index += 1) {
    const key = keys[index];
    if (key < 0) continue;
    const group = groupOfKey[key];
    quotas[index] = quotaOfGroup[group];
    if (group === splitGroup && group >= 0) isSplitMember[customerIdRanks[index]] = 1;
  }
  giveSplitCartons(prepared, plan.splitCartons, quotas);
  return { scale: factor, allocated: plan.allocated, storesWithCartons: plan.storesWithCartons };
}

// weight × supply ÷ totalWeight ≥ cap, exactly.
function reachesCap(weight: number, supply: number, totalWeight: number, cap: number): boolean {
  if (cap === Number.POSITIVE_INFINITY) return false;
  const left = weight * supply;
  const right = cap * totalWeight;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
  return BigInt(weight) * BigInt(supply) >= BigInt(cap) * BigInt(totalWeight);
}

// The distinct positive values (raw demands or weights, whole numbers) among keys that have stores,
// ascending, with their store counts; groupOfKey maps each key to its group (−1 for none).
type ValueGroups = { values: Float64Array; counts: Float64Array; groupOfKey: Int32Array };

function valueGroups(storesByKey: Float64Array, valueByKey: Float64Array): ValueGroups {
  const used: number[] = [];
  for (let key = 0; key < storesByKey.length; key += 1) {
    if (storesByKey[key] > 0 && valueByKey[key] > 0) used.push(key);
  }
  used.sort((a, b) => valueByKey[a] - valueByKey[b]);
  const groupOfKey = new Int32Array(storesByKey.length).fill(-1);
  const values: number[] = [];
  const counts: number[] = [];
  for (const key of used) {
    const value = valueByKey[key];
    if (values.length === 0 || values[values.length - 1] !== value) {
      values.push(value);
      counts.push(0);
    }
    counts[counts.length - 1] += storesByKey[key];
    groupOfKey[key] = values.length - 1;
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts), groupOfKey };
}

type RemainderPlan = {
  quotaOfGroup: Float64Array; // every store of a group gets this…
  splitGroup: number; // …and the first splitCartons stores of this group, by customerId, one more
  splitCartons: number;
  allocated: number;
  storesWithCartons: number;
};

// Largest remainder over groups rather than stores: each store of the first `uncapped` groups gets
// floor(value × supply ÷ total), then the cartons left over go one each. A store's share depends only
// on its value and the two totals, so a group has one floor and one remainder: groups are ordered by
// remainder, then value (the larger raw demand), and only the last group reached is split, by
// customerId. Groups from `uncapped` on get `capQuota`.
function planLargestRemainder(
  groups: ValueGroups,
  uncapped: number,
  supply: number,
  total: number,
  capQuota: number,
): RemainderPlan {
  const groupCount = groups.values.length;
  const quotaOfGroup = new Float64Array(groupCount);
  const remainders = new Float64Array(groupCount);
  let leftover = supply;
  for (let group = 0; group < uncapped; group += 1) {
    const [quotient, remainder] = divide(groups.values[group], supply, total);
    quotaOfGroup[group] = quotient;
    remainders[group] = remainder;
    leftover -= quotient * groups.counts[group];
  }
  for (let group = uncapped; group < groupCount; group += 1) quotaOfGroup[group] = capQuota;
  const order = Array.from({ length: uncapped }, (_, group) => group).sort(
    (a, b) => remainders[b] - remainders[a] || groups.values[b] - groups.values[a],
  );
  let splitGroup = -1;
  let splitCartons = 0;
  for (const group of order) {
    if (leftover <= 0 || remainders[group] === 0) break;
    if (groups.counts[group] <= leftover) {
      quotaOfGroup[group] += 1;
      leftover -= groups.counts[group];
    } else {
      splitGroup = group;
      splitCartons = leftover;
      leftover = 0;
    }
  }
  let allocated = splitCartons;
  let storesWithCartons = splitGroup >= 0 && quotaOfGroup[splitGroup] === 0 ? splitCartons : 0;
  for (let group = 0; group < groupCount; group += 1) {
    allocated += quotaOfGroup[group] * groups.counts[group];
    if (quotaOfGroup[group] > 0) storesWithCartons += groups.counts[group];
  }
  return { quotaOfGroup, splitGroup, splitCartons, allocated, storesWithCartons };
}

// The split group's stores were marked by customerId rank; the first `cartons` of them get one more.
function giveSplitCartons(prepared: PreparedStores, cartons: number, quotas: Int32Array): void {
  if (cartons === 0) return;
  const { isSplitMember } = prepared.scratch;
  const { byCustomerId } = prepared;
  for (let rank = 0, given = 0; given < cartons; rank += 1) {
    if (isSplitMember[rank]) {
      quotas[byCustomerId[rank]] += 1;
      given += 1;
    }
  }
  isSplitMember.fill(0);
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
