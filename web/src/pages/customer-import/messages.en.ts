import type { customerImportMessages } from './messages.ts';

// English, a chunk of its own that loads when someone chooses it. Typed as the Chinese
// messages: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof customerImportMessages)['zh-CN'] = {
  menu: {
    customerImport: 'Import customers',
  },
  customerImport: {
    title: 'Import customers',
    backToList: 'Back to the customer list',
    stepTemplate: 'Download the template',
    stepTemplateHelp:
      'The template’s header row holds the columns the system reads (active custom fields included); its 填写说明 sheet explains each column.',
    downloadTemplate: 'Download the import template',
    stepMode: 'Choose the mode',
    modeCreate: 'Create',
    modeCreateHelp:
      'Adds new customers only: a row whose licence number already exists is an error; existing customers stay as they are.',
    modeUpsert: 'Create or update',
    modeUpsertHelp:
      'New licence numbers are added, existing ones are updated from the sheet; identical rows count as unchanged.',
    stepFile: 'Upload the file',
    dropHint: 'Click or drag a file here',
    dropHelp: '.xlsx or .csv, one file, at most {{maxSize}}.',
    fileWrongType: '"{{name}}" is not an .xlsx or .csv file. Fill in the downloaded template and upload that.',
    fileTooLarge: '"{{name}}" is {{size}}, more than the {{maxSize}} limit. Split it into several files.',
    fileEmpty: '"{{name}}" is empty.',
    start: 'Start import',
    chooseFileFirst: 'Choose a file to import first',
    uploading: 'Uploading {{percent}}%',
    processing: 'Uploaded; checking and saving…',
    successTitle: 'Import finished',
    successSubtitle: '{{rows}} rows processed.',
    rows: 'Rows',
    created: 'Created',
    updated: 'Updated',
    unchanged: 'Unchanged',
    importAnother: 'Import another file',
    errorsTitle: '{{count}} errors found; nothing was saved',
    errorsHelp:
      'Correct the rows listed below or in the error workbook and upload again. The error workbook marks each bad cell with its reason.',
    errorsTruncated: 'The table lists the first {{shown}}; the error workbook has all {{count}}.',
    downloadErrors: 'Download the error workbook',
    errorRow: 'Row',
    errorColumn: 'Column',
    errorValue: 'Value',
    errorMessage: 'Reason',
    emptyValue: '(empty)',
    failedTitle: 'The file cannot be imported',
  },
};
