import type { z } from 'zod';
import { DomainError, type ErrorDetails } from '../../platform/errors/domain-error.ts';
import type { ErrorCode } from '../../platform/errors/error-catalogue.ts';
import {
  mapSheetHeader,
  type SheetColumn as PlatformSheetColumn,
} from '../../platform/spreadsheets/sheet-columns.rules.ts';
import type { RowProblem } from '../../platform/spreadsheets/sheet-import.ts';
import {
  type CustomFieldDefinition,
  type CustomFieldValue,
  formatCustomFieldCell,
  parseCustomFieldCell,
} from './custom-field.rules.ts';
import { checkLicenceNo } from './customer.rules.ts';
import {
  customerFormatLabels,
  customerStatusLabels,
  orderChannelLabels,
  urbanRuralLabels,
} from './customer-reference.ts';
import { newCustomerSchema } from './customers.contract.ts';
import type { CustomerFormat, CustomerStatus, OrderChannel, UrbanRural } from './customers.schema.ts';

// 客户档案导入/导出: the spreadsheet columns of the template, the import and the export, in one table.
// A header names a column; the import finds columns by header (any order) and ignores headers it
// does not know, so an export (with its read-only columns) imports as it is.

export type SheetColumnKey =
  | 'licenceNo'
  | 'name'
  | 'owner'
  | 'phone'
  | 'address'
  | 'district'
  | 'urbanRural'
  | 'format'
  | 'managerUsername'
  | 'orderDay'
  | 'orderChannel'
  | 'longitude'
  | 'latitude'
  | 'licenceValidUntil'
  | 'tags'
  | 'status'
  | 'managerName'
  | 'branchName';

export type SheetColumn = PlatformSheetColumn<SheetColumnKey> & {
  // Written by the export for the reader; the import ignores it.
  readOnly: boolean;
};

const column = (key: SheetColumnKey, header: string, required: boolean, hint: string, readOnly = false) => ({
  key,
  header,
  required,
  readOnly,
  hint,
});

const formatList = Object.values(customerFormatLabels).join('、');
const channelList = Object.values(orderChannelLabels).join('、');

export const customerSheetColumns: readonly SheetColumn[] = [
  column('licenceNo', '专卖许可证号', true, '12 位数字，前 6 位为门店所在区县的行政区划代码；不可重复'),
  column('name', '店名', true, '最多 60 个字'),
  column('owner', '负责人', true, '最多 30 个字'),
  column('phone', '联系电话', true, '手机号（13905961234）或座机（0596-2345678）'),
  column('address', '经营地址', true, '最多 200 个字'),
  column('district', '区县', false, '可不填（由许可证号前 6 位确定）；填写时须与许可证号一致，可填名称或代码'),
  column('urbanRural', '城乡', true, Object.values(urbanRuralLabels).join(' 或 ')),
  column('format', '业态', true, formatList),
  column('managerUsername', '客户经理账号', true, '客户经理的登录账号（如 manager01），须在您的数据范围内'),
  column('orderDay', '订货日', true, '周一 至 周日（也可填 1–7）'),
  column('orderChannel', '订货方式', true, channelList),
  column('longitude', '经度', false, '可不填；-180 至 180，如 117.6472'),
  column('latitude', '纬度', false, '可不填；-90 至 90，如 24.5130'),
  column('licenceValidUntil', '许可证有效期至', false, '可不填；日期，如 2028-06-30'),
  column('tags', '标签', false, '可不填；多个标签用顿号、逗号或分号分隔，每个最多 20 字，最多 20 个'),
  column(
    'status',
    '状态',
    false,
    '可不填（新建为 正常，更新时保持不变）；导入不能变更状态，变更状态请在客户详情中操作并填写原因',
  ),
  column('managerName', '客户经理姓名', false, '导出时附带，仅供查看，导入时忽略', true),
  column('branchName', '所属分公司', false, '导出时附带，仅供查看，导入时忽略', true),
];

export const requiredSheetColumns = customerSheetColumns.filter((entry) => entry.required);

export const orderDayLabels = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

// ---- Header ----

export type HeaderMap = {
  // Column index (0-based) of each known, importable column found.
  indexOf: Partial<Record<SheetColumnKey, number>>;
  // Column index of each custom field found, by its key.
  customIndexOf: Record<string, number>;
  missing: string[];
  duplicated: string[];
};

// A custom field's column among the import's columns: keyed apart from the fixed ones.
const customPrefix = 'custom:';
const customColumnKey = (key: string) => `${customPrefix}${key}`;

// The columns an import reads: the importable fixed ones, then the active custom fields by label
// (a required field is a required column).
export function importColumns(customFields: readonly Pick<CustomFieldDefinition, 'key' | 'label' | 'required'>[] = []) {
  return [
    ...customerSheetColumns.filter((entry) => !entry.readOnly),
    ...customFields.map((field) => ({
      key: customColumnKey(field.key),
      header: field.label,
      required: field.required,
    })),
  ];
}

// Finds the columns by their headers. Custom fields (the active ones) are found by their label; a
// required one is a required column.
export function mapHeader(
  headers: readonly string[],
  customFields: readonly Pick<CustomFieldDefinition, 'key' | 'label' | 'required'>[] = [],
) {
  const found = mapSheetHeader(importColumns(customFields), headers);
  const indexOf: HeaderMap['indexOf'] = {};
  const customIndexOf: Record<string, number> = {};
  for (const field of customFields) {
    const index = found.indexOf[customColumnKey(field.key)];
    if (index !== undefined) customIndexOf[field.key] = index;
  }
  for (const entry of customerSheetColumns) {
    const index = found.indexOf[entry.key];
    if (index !== undefined) indexOf[entry.key] = index;
  }
  return { indexOf, customIndexOf, missing: found.missing, duplicated: found.duplicated } satisfies HeaderMap;
}

// A read row's cells split into the fixed columns' and the custom fields' (by field key).
export function splitCustomCells(cells: Readonly<Record<string, string | undefined>>) {
  const values: Partial<Record<SheetColumnKey, string>> = {};
  const custom: Record<string, string> = {};
  for (const [key, text] of Object.entries(cells)) {
    if (text === undefined) continue;
    if (key.startsWith(customPrefix)) custom[key.slice(customPrefix.length)] = text;
    else values[key as SheetColumnKey] = text;
  }
  return { values, custom };
}

// ---- Rows ----

export type ParsedCustomerRow = {
  licenceNo: string;
  districtCode: string;
  name: string;
  owner: string;
  phone: string;
  address: string;
  urbanRural: UrbanRural;
  format: CustomerFormat;
  managerUsername: string;
  orderDay: number;
  orderChannel: OrderChannel;
  latitude: number | null;
  longitude: number | null;
  licenceValidUntil: string | null;
  tags: string[];
  // Undefined when the cell is empty (keep the status; a new store starts 正常).
  status: CustomerStatus | undefined;
};

export type SheetReference = {
  // District code → name, the tenant's districts.
  districts: ReadonlyMap<string, string>;
};

const fromLabel = <Code extends string>(labels: Record<Code, string>) =>
  new Map<string, Code>(
    (Object.entries(labels) as [Code, string][]).flatMap(([code, label]) => [
      [label, code],
      [code, code],
    ]),
  );
const formatsByLabel = fromLabel(customerFormatLabels);
// What people type for 食杂店, 烟酒商店 etc. without the suffix.
formatsByLabel.set('食杂', 'grocery');
formatsByLabel.set('便利', 'convenience');
formatsByLabel.set('烟酒', 'tobacco_liquor');
formatsByLabel.set('烟酒店', 'tobacco_liquor');
formatsByLabel.set('娱乐', 'entertainment');
const statusesByLabel = fromLabel(customerStatusLabels);
const urbanRuralByLabel = fromLabel(urbanRuralLabels);
urbanRuralByLabel.set('城', 'urban');
urbanRuralByLabel.set('乡', 'rural');
urbanRuralByLabel.set('城市', 'urban');
urbanRuralByLabel.set('农村', 'rural');
const channelsByLabel = fromLabel(orderChannelLabels);
channelsByLabel.set('网上订货', 'online');
channelsByLabel.set('电话订货', 'phone');
channelsByLabel.set('上门订货', 'visit');

export function parseOrderDay(text: string): number | undefined {
  if (/^[1-7]$/.test(text)) return Number(text);
  const match = /^(?:周|星期|礼拜)([一二三四五六日天])$/.exec(text);
  if (!match) return undefined;
  return '一二三四五六日'.indexOf(match[1] === '天' ? '日' : match[1]) + 1;
}

// Excel stores a date typed as 2028/6/30 as a date (exceljs: a Date), a text cell as text.
export function parseSheetDate(text: string): string | undefined {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

export function parseSheetNumber(text: string): number | undefined {
  const plain = text.replace(/[,，\s]/g, '');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain) ? Number(plain) : undefined;
}

export function splitTags(text: string): string[] {
  const tags = text
    .split(/[、,，;；]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)];
}

const headerOf = (key: SheetColumnKey) => customerSheetColumns.find((entry) => entry.key === key)?.header ?? key;

// The API's own schema (without the manager, which the sheet names by account) decides lengths and
// formats, so a row the import accepts is a row POST /customers would accept.
const rowSchema = newCustomerSchema.omit({ managerId: true });

// One data row: each cell read by its column's rule, then the whole checked by the API schema and
// the licence rule. Problems name the column (its Chinese header) and the cell's text; the row is
// returned only when it has none.
export function parseCustomerRow(
  cells: Partial<Record<SheetColumnKey, string>>,
  reference: SheetReference,
): { row: ParsedCustomerRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (key: SheetColumnKey, code: ErrorCode, details: ErrorDetails = {}) =>
    problems.push({ column: headerOf(key), value: cells[key] ?? '', code, details });
  const text = (key: SheetColumnKey) => cells[key] ?? '';

  for (const entry of requiredSheetColumns) {
    if (text(entry.key) === '') problem(entry.key, 'IMPORT_CELL_REQUIRED', { column: entry.header });
  }
  const lookup = <Code>(key: SheetColumnKey, labels: Map<string, Code>, allowed: string): Code | undefined => {
    const value = text(key);
    if (value === '') return undefined;
    const code = labels.get(value);
    if (code === undefined) problem(key, 'IMPORT_CELL_UNKNOWN', { column: headerOf(key), allowed });
    return code;
  };
  const urbanRural = lookup('urbanRural', urbanRuralByLabel, Object.values(urbanRuralLabels).join('、'));
  const format = lookup('format', formatsByLabel, formatList);
  const orderChannel = lookup('orderChannel', channelsByLabel, channelList);
  const status = lookup('status', statusesByLabel, Object.values(customerStatusLabels).join('、'));
  let orderDay: number | undefined;
  if (text('orderDay') !== '') {
    orderDay = parseOrderDay(text('orderDay'));
    if (orderDay === undefined) {
      problem('orderDay', 'IMPORT_CELL_INVALID', { column: headerOf('orderDay'), expected: '周一 … 周日 或 1–7' });
    }
  }
  const coordinate = (key: 'latitude' | 'longitude'): number | null => {
    if (text(key) === '') return null;
    const value = parseSheetNumber(text(key));
    if (value === undefined) problem(key, 'IMPORT_CELL_INVALID', { column: headerOf(key), expected: '117.6472' });
    return value ?? null;
  };
  const latitude = coordinate('latitude');
  const longitude = coordinate('longitude');
  let licenceValidUntil: string | null = null;
  if (text('licenceValidUntil') !== '') {
    licenceValidUntil = parseSheetDate(text('licenceValidUntil')) ?? null;
    if (licenceValidUntil === null) {
      problem('licenceValidUntil', 'IMPORT_CELL_INVALID', {
        column: headerOf('licenceValidUntil'),
        expected: '2028-06-30',
      });
    }
  }
  const tags = splitTags(text('tags'));

  // Lengths and formats exactly as the API checks them.
  const candidate = {
    licenceNo: text('licenceNo'),
    name: text('name'),
    owner: text('owner'),
    phone: text('phone'),
    address: text('address'),
    urbanRural: urbanRural ?? 'urban',
    format: format ?? 'other',
    orderDay: orderDay ?? 1,
    orderChannel: orderChannel ?? 'online',
    latitude,
    longitude,
    licenceValidUntil,
    tags,
  };
  const checked = rowSchema.safeParse(candidate);
  const reported = new Set(problems.map((entry) => entry.column));
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = issue.path[0] as SheetColumnKey;
      if (reported.has(headerOf(key))) continue;
      reported.add(headerOf(key));
      problem(key, ...describeZodIssue(issue, headerOf(key)));
    }
  }

  let districtCode = '';
  if (text('licenceNo') !== '' && !reported.has(headerOf('licenceNo'))) {
    try {
      districtCode = checkLicenceNo(text('licenceNo'), new Set(reference.districts.keys()));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problem('licenceNo', error.code, error.details);
    }
  }
  const district = text('district');
  if (
    districtCode &&
    district !== '' &&
    district !== districtCode &&
    district !== reference.districts.get(districtCode)
  ) {
    problem('district', 'IMPORT_DISTRICT_MISMATCH', {
      district,
      districtCode,
      districtName: reference.districts.get(districtCode) ?? '',
    });
  }
  if (problems.length > 0) return { problems };
  const data = checked.data as z.infer<typeof rowSchema>;
  return {
    row: {
      licenceNo: data.licenceNo,
      districtCode,
      name: data.name,
      owner: data.owner,
      phone: data.phone,
      address: data.address,
      urbanRural: data.urbanRural,
      format: data.format,
      managerUsername: text('managerUsername'),
      orderDay: data.orderDay,
      orderChannel: data.orderChannel,
      latitude: data.latitude ?? null,
      longitude: data.longitude ?? null,
      licenceValidUntil: data.licenceValidUntil ?? null,
      tags: data.tags,
      status,
    },
  };
}

function describeZodIssue(issue: z.core.$ZodIssue, header: string): [ErrorCode, ErrorDetails] {
  if (issue.code === 'too_big') {
    return issue.origin === 'array'
      ? ['IMPORT_CELL_TOO_MANY', { column: header, max: Number(issue.maximum) }]
      : issue.origin === 'string'
        ? ['IMPORT_CELL_TOO_LONG', { column: header, max: Number(issue.maximum) }]
        : ['IMPORT_CELL_OUT_OF_RANGE', { column: header, max: Number(issue.maximum) }];
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return ['IMPORT_CELL_REQUIRED', { column: header }];
  if (issue.code === 'too_small') return ['IMPORT_CELL_OUT_OF_RANGE', { column: header, max: '' }];
  const expected = header === '联系电话' ? '13905961234 或 0596-2345678' : header;
  return ['IMPORT_CELL_INVALID', { column: header, expected }];
}

// The custom-field cells of a row (the columns the file has, by field key): each read by the
// field's own rule; an empty cell clears the value, and a required field must not be empty.
export function parseCustomFieldCells(
  fields: readonly CustomFieldDefinition[],
  cells: Readonly<Record<string, string>>,
): { values: Record<string, CustomFieldValue | undefined>; problems: RowProblem[] } {
  const values: Record<string, CustomFieldValue | undefined> = {};
  const problems: RowProblem[] = [];
  for (const field of fields) {
    const text = cells[field.key];
    if (text === undefined) continue;
    const parsed = parseCustomFieldCell(field, text);
    if ('error' in parsed) {
      problems.push({ column: field.label, value: text, code: parsed.error.code, details: parsed.error.details });
    } else if (parsed.value === undefined && field.required) {
      problems.push({
        column: field.label,
        value: text,
        code: 'IMPORT_CELL_REQUIRED',
        details: { column: field.label },
      });
    } else {
      values[field.key] = parsed.value;
    }
  }
  return { values, problems };
}

// ---- Writing (template, export, error workbook) ----

export type SheetCustomer = {
  licenceNo: string;
  name: string;
  owner: string;
  phone: string;
  address: string;
  districtName: string;
  urbanRural: UrbanRural;
  format: CustomerFormat;
  managerUsername: string;
  managerName: string;
  branchName: string;
  orderDay: number;
  orderChannel: OrderChannel;
  latitude: number | null;
  longitude: number | null;
  licenceValidUntil: string | null;
  tags: string[];
  status: CustomerStatus;
  customFields: Readonly<Record<string, CustomFieldValue>>;
};

// The headers of an export: the importable columns, the active custom fields by label, then the
// read-only columns. The template has the first two parts.
export function sheetHeaders(fields: readonly Pick<CustomFieldDefinition, 'label'>[], options: { readOnly: boolean }) {
  return [
    ...customerSheetColumns.filter((entry) => !entry.readOnly).map((entry) => entry.header),
    ...fields.map((field) => field.label),
    ...(options.readOnly ? customerSheetColumns.filter((entry) => entry.readOnly).map((entry) => entry.header) : []),
  ];
}

// One customer as a sheet row, in the order of sheetHeaders(fields, { readOnly: true }).
// parseCustomerRow and parseCustomFieldCells read it back to the same values.
export function formatCustomerRow(
  customer: SheetCustomer,
  fields: readonly CustomFieldDefinition[] = [],
): (string | number)[] {
  const values: Record<SheetColumnKey, string | number> = {
    licenceNo: customer.licenceNo,
    name: customer.name,
    owner: customer.owner,
    phone: customer.phone,
    address: customer.address,
    district: customer.districtName,
    urbanRural: urbanRuralLabels[customer.urbanRural],
    format: customerFormatLabels[customer.format],
    managerUsername: customer.managerUsername,
    orderDay: orderDayLabels[customer.orderDay - 1] ?? String(customer.orderDay),
    orderChannel: orderChannelLabels[customer.orderChannel],
    longitude: customer.longitude ?? '',
    latitude: customer.latitude ?? '',
    licenceValidUntil: customer.licenceValidUntil ?? '',
    tags: customer.tags.join('、'),
    status: customerStatusLabels[customer.status],
    managerName: customer.managerName,
    branchName: customer.branchName,
  };
  return [
    ...customerSheetColumns.filter((entry) => !entry.readOnly).map((entry) => values[entry.key]),
    ...fields.map((field) => formatCustomFieldCell(field, customer.customFields[field.key])),
    ...customerSheetColumns.filter((entry) => entry.readOnly).map((entry) => values[entry.key]),
  ];
}

export { headerOf as sheetHeaderOf };
