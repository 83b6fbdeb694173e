import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { SheetKind } from '../../platform/spreadsheets/sheet-reader.ts';
import {
  type DownloadContext,
  prepareSheetDownload,
  prepareTemplateDownload,
} from '../../platform/spreadsheets/sheet-writer.ts';
import { findCustomerFields } from './custom-fields.repository.ts';
import { findExportPage } from './customer-import.repository.ts';
import { customerSheetColumns, formatCustomerRow, sheetHeaders } from './customer-sheet.rules.ts';
import type { CustomerFilters } from './customers.repository.ts';
import { readCustomerFilters } from './customers.service.ts';

// 客户档案导出: the caller's filtered list (same q and filters as the list page, within the data
// scope), streamed page by page in licence order, with the import's headers: an export imports
// back (mode upsert) with nothing to change. The read-only columns (客户经理姓名, 所属分公司) help the
// reader and are ignored by the import.

const exportPageSize = 2_000;

export const customerSheetName = '客户档案';

// The export of the list's query (q, filters, cf.<key>, read as the list reads them and matched by
// the list's own condition): the query is checked and the first page read before anything is sent.
export async function prepareCustomerExport(
  context: AppContext,
  actor: Actor,
  query: Record<string, unknown>,
  kind: SheetKind,
  download: DownloadContext,
) {
  const filters = await readCustomerFilters(context.db, actor.tenantId, query);
  const fields = (await findCustomerFields(context.db, actor.tenantId)).filter((field) => field.active);
  return prepareSheetDownload(kind, {
    sheetName: customerSheetName,
    headers: sheetHeaders(fields, { readOnly: true }),
    pages: customerPages(context, actor, filters, fields),
    download,
  });
}

async function* customerPages(
  context: AppContext,
  actor: Actor,
  filters: CustomerFilters,
  fields: Awaited<ReturnType<typeof findCustomerFields>>,
) {
  let afterLicenceNo: string | undefined;
  for (;;) {
    const page = await findExportPage(context.db, actor.tenantId, actor.scope, filters, {
      afterLicenceNo,
      limit: exportPageSize,
    });
    yield page.map((customer) => formatCustomerRow(customer, fields));
    if (page.length < exportPageSize) return;
    afterLicenceNo = page[page.length - 1].licenceNo;
  }
}

// The import template: the importable headers (required ones in red) and a sheet of instructions.
export async function prepareImportTemplate(context: AppContext, actor: Actor, download: DownloadContext) {
  const fields = (await findCustomerFields(context.db, actor.tenantId)).filter((field) => field.active);
  return prepareTemplateDownload({
    sheetName: customerSheetName,
    columns: [
      ...customerSheetColumns.filter((column) => !column.readOnly),
      ...fields.map((field) => ({ header: field.label, required: field.required, hint: customFieldHint(field) })),
    ],
    about: [
      [
        '导入方式',
        '',
        'create：仅新建，许可证号已存在的行报错；upsert：不存在则新建，已存在则更新（只改有变化的字段）',
      ],
      ['全部或全不', '', '任何一行有错误时不导入任何数据，并提供标注了错误单元格的文件供下载修改'],
      ['文件', '', 'Excel 工作簿（.xlsx，读取第一个工作表）或 CSV（UTF-8 或 GBK），不超过 50 MB；第 1 行为表头'],
    ],
    download,
  });
}

const kindHints = {
  text: '自定义字段：文本，最多 200 字',
  number: '自定义字段：数字，如 123.5',
  date: '自定义字段：日期，如 2026-01-31',
  select: '自定义字段：单选，可填',
  multiselect: '自定义字段：多选，用顿号分隔，可填',
} as const;

function customFieldHint(field: { kind: keyof typeof kindHints; options: readonly string[] }): string {
  const options = field.options.length > 0 ? `：${field.options.join('、')}` : '';
  return `${kindHints[field.kind]}${options}`;
}
