import type { LocaleMessages } from '../../shared/i18n/locale.ts';

const zhCN = {
  menu: {
    customerFields: '自定义字段',
  },
  customerFields: {
    title: '自定义字段',
    help: '为客户档案增加本单位需要的字段。字段会出现在客户表单、列表列和筛选、导入模板和导出文件中（列名即字段名称）。停用的字段会被隐藏，已填的数据保留。',
    create: '新建字段',
    createTitle: '新建自定义字段',
    editTitle: '编辑字段“{{label}}”',
    created: '字段已创建',
    updated: '字段已保存',
    label: '字段名称',
    labelHelp: '中文名称，也是导入导出的列名，最多 {{max}} 个字',
    labelRequired: '请输入字段名称',
    labelTooLong: '字段名称最多 {{max}} 个字',
    key: '字段标识',
    keyHelp: '小写字母开头，只含小写字母、数字和下划线，最多 30 个字符；创建后不能修改',
    keyRequired: '请输入字段标识',
    keyPattern: '须以小写字母开头，只含小写字母、数字和下划线，最多 30 个字符',
    kind: '类型',
    kindFixed: '类型创建后不能修改',
    kinds: {
      text: '文本',
      number: '数字',
      date: '日期',
      select: '单选',
      multiselect: '多选',
    },
    options: '选项',
    optionsHelp: '输入一个选项后按回车；最多 {{max}} 个',
    optionsRequired: '单选和多选字段至少需要一个选项',
    optionsTooMany: '最多 {{max}} 个选项',
    optionInvalid: '选项“{{option}}”无效：不能为空、不超过 {{max}} 个字，且不能含顿号、逗号或分号',
    optionDuplicate: '选项“{{option}}”重复',
    required: '必填',
    requiredHelp: '新建客户、导入和修改自定义字段时必须填写',
    active: '启用',
    inactive: '已停用',
    position: '顺序',
    moveUp: '上移',
    moveDown: '下移',
    moved: '顺序已调整',
    yes: '是',
    no: '否',
    empty: '还没有自定义字段',
    noOptions: '—',
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const customerFieldsMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
