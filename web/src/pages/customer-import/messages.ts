import type { LocaleMessages } from '../../shared/i18n/locale.ts';

const zhCN = {
  menu: {
    customerImport: '导入客户',
  },
  customerImport: {
    title: '导入客户档案',
    backToList: '返回客户列表',
    stepTemplate: '下载模板',
    stepTemplateHelp: '模板的表头就是系统认识的列（含启用中的自定义字段），“填写说明”工作表列出各列的要求。',
    downloadTemplate: '下载导入模板',
    stepMode: '选择导入方式',
    modeCreate: '新增',
    modeCreateHelp: '只新增客户：许可证号已存在的行会报错，已有客户不会被改动。',
    modeUpsert: '新增或更新',
    modeUpsertHelp: '许可证号不存在的新增，已存在的按表格内容更新；内容相同的行计为“未变化”。',
    stepFile: '上传文件',
    dropHint: '点击或将文件拖到此处',
    dropHelp: '支持 .xlsx 和 .csv，一次一个文件，不超过 {{maxSize}}。',
    fileWrongType: '“{{name}}”不是 .xlsx 或 .csv 文件，请使用下载的模板填写后上传。',
    fileTooLarge: '“{{name}}”有 {{size}}，超过了 {{maxSize}} 的上限，请分成几个文件导入。',
    fileEmpty: '“{{name}}”是空文件。',
    start: '开始导入',
    chooseFileFirst: '请先选择要导入的文件',
    uploading: '正在上传 {{percent}}%',
    processing: '文件已上传，正在校验并写入…',
    successTitle: '导入成功',
    successSubtitle: '共处理 {{rows}} 行。',
    rows: '处理行数',
    created: '新增',
    updated: '更新',
    unchanged: '未变化',
    importAnother: '继续导入',
    errorsTitle: '发现 {{count}} 处错误，本次未写入任何数据',
    errorsHelp: '请按下表或错误工作簿修改后重新上传。错误工作簿中每个有问题的单元格都已标出原因。',
    errorsTruncated: '表格列出前 {{shown}} 处，全部 {{count}} 处见错误工作簿。',
    downloadErrors: '下载错误工作簿',
    errorRow: '行号',
    errorColumn: '列',
    errorValue: '填写内容',
    errorMessage: '原因',
    emptyValue: '（空）',
    failedTitle: '文件无法导入',
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const customerImportMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
