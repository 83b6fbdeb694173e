import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The products module: the product catalogue and its spreadsheets.
// Each code's HTTP status and message in each language; placeholders like {field} are filled from
// DomainError.details. The module's manifest (index.ts) hands the list to server/src/modules.ts.
export const productErrors = {
  // ---- Products (卷烟规格) ----
  PRODUCT_CODE_INVALID: {
    status: 400,
    'zh-CN': '卷烟编码“{code}”无效：应为 4 至 20 位数字或字母，如条码 6901028075862 或卷烟代码 53010101。',
    en: 'The product code "{code}" is not valid: 4 to 20 digits or letters, e.g. the bar code 6901028075862 or the code 53010101.',
  },
  PRODUCT_BARCODE_CHECK_DIGIT: {
    status: 400,
    'zh-CN': '条码“{code}”的校验位不正确（应为 {expected}），请核对是否输错。',
    en: 'The bar code "{code}" has a wrong check digit (expected {expected}); check it for a typo.',
  },
  PRODUCT_CODE_TAKEN: {
    status: 409,
    'zh-CN': '卷烟编码“{code}”已被使用。',
    en: 'The product code "{code}" is already in use.',
  },
  PRODUCT_PRICE_INVALID: {
    status: 400,
    'zh-CN': '价格须大于 0、不超过 {max} 元/条，且最多两位小数。',
    en: 'A price must be above 0 and at most {max} yuan a carton, with at most two decimals.',
  },
  PRODUCT_RETAIL_NOT_ABOVE_WHOLESALE: {
    status: 400,
    'zh-CN': '建议零售价（{retailPrice} 元/条）须高于批发价（{wholesalePrice} 元/条）。',
    en: 'The suggested retail price ({retailPrice} yuan a carton) must be above the wholesale price ({wholesalePrice}).',
  },
  PRODUCT_RETAIL_MARKUP_TOO_HIGH: {
    status: 400,
    'zh-CN':
      '建议零售价（{retailPrice} 元/条）比批发价（{wholesalePrice} 元/条）高出 {percent}% 以上，请核对是否按“包”而非“条”填写。',
    en: 'The suggested retail price ({retailPrice} yuan a carton) is more than {percent}% above the wholesale price ({wholesalePrice}); check that both are per carton, not per pack.',
  },
  PRODUCT_IMPORT_ROWS_INVALID: {
    status: 422,
    'zh-CN': '导入文件中有 {errorCount} 处错误，未导入任何数据。请按错误列表修改后重新导入。',
    en: 'The file has {errorCount} errors; nothing was imported. Fix the rows listed and import again.',
  },
  PRODUCT_IMPORT_FILE_EMPTY: {
    status: 400,
    'zh-CN': '“{fileName}”中没有数据行：第 1 行应为表头，从第 2 行起每行一个卷烟规格。',
    en: '"{fileName}" holds no data rows: row 1 is the header, each following row one product.',
  },
  PRODUCT_IMPORT_DUPLICATE_IN_FILE: {
    status: 400,
    'zh-CN': '卷烟编码“{code}”在文件中重复（第 {firstRow} 行已有）。',
    en: 'The product code "{code}" appears twice in the file (first on row {firstRow}).',
  },
  PRODUCT_IMPORT_CONFLICT: {
    status: 409,
    'zh-CN': '导入期间卷烟规格被同时修改（{code}），未导入任何数据，请重试。',
    en: 'Products changed while importing ({code}); nothing was imported. Please try again.',
  },
} as const satisfies ErrorEntries;

// Adds these codes to ErrorCode, so that DomainError takes them and a misspelt code does not compile.
declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    products: typeof productErrors;
  }
}
