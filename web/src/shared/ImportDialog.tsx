import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from './auth/ActionButton.tsx';
import type { Operation } from './auth/use-can.ts';
import { describeError } from './error-message.ts';
import { type ImportRowError, importRowErrorsOf } from './spreadsheet-import.ts';
import { useFormat } from './use-locale.ts';

// The page's own words for one import.
export type ImportDialogTexts = {
  title: string;
  help: ReactNode;
  choose: string;
  start: string;
  // The error alert above the table, given the count already formatted.
  errorsTitle: (count: string) => string;
  errorRow: string;
  errorColumn: string;
  errorValue: string;
  errorMessage: string;
  emptyValue: string;
};

// An all-or-nothing spreadsheet import: choose one file, start, then the counts (`doneText`) or
// every bad cell in a table (nothing was written). `upload` is the page's mutation, so the page
// decides what to refresh; `startAction` shows the start button only to a user the server allows.
export function ImportDialog<Result>({
  isOpen,
  onClose,
  texts,
  accept,
  template,
  upload,
  doneText,
  startAction,
}: {
  isOpen: boolean;
  onClose: () => void;
  texts: ImportDialogTexts;
  accept: string;
  template?: { href: string; label: string };
  upload: UseMutationResult<Result, Error, File>;
  doneText: (result: Result) => string;
  startAction?: Operation;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const rowErrors = importRowErrorsOf(upload.error);
  const close = () => {
    upload.reset();
    setFile(null);
    onClose();
  };
  const startProps = {
    type: 'primary' as const,
    icon: <UploadOutlined />,
    disabled: !file,
    loading: upload.isPending,
    onClick: () => file && upload.mutate(file),
    children: texts.start,
  };
  const buttons = (
    <Flex gap={8} justify="flex-end">
      <Button onClick={close}>{t('common.cancel')}</Button>
      {startAction ? <ActionButton action={startAction} {...startProps} /> : <Button {...startProps} />}
    </Flex>
  );

  return (
    <Modal
      open={isOpen}
      title={texts.title}
      onCancel={close}
      width={760}
      footer={
        template ? (
          <Flex justify="space-between">
            <Button icon={<DownloadOutlined />} href={template.href} download>
              {template.label}
            </Button>
            {buttons}
          </Flex>
        ) : (
          buttons
        )
      }
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {texts.help}
        </Typography.Paragraph>
        <Upload
          accept={accept}
          maxCount={1}
          fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
          beforeUpload={(chosen) => {
            upload.reset();
            setFile(chosen);
            return Upload.LIST_IGNORE;
          }}
          onRemove={() => {
            setFile(null);
            upload.reset();
          }}
        >
          <Button icon={<UploadOutlined />}>{texts.choose}</Button>
        </Upload>
        {upload.data ? <Alert type="success" showIcon title={doneText(upload.data)} /> : null}
        {rowErrors ? (
          <>
            <Alert type="error" showIcon title={texts.errorsTitle(format.number(rowErrors.errorCount))} />
            <Table<ImportRowError & { key: string }>
              size="small"
              rowKey="key"
              dataSource={rowErrors.errors.map((error, index) => ({ ...error, key: `${error.row}-${index}` }))}
              pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: texts.errorRow, dataIndex: 'row', width: 70 },
                { title: texts.errorColumn, dataIndex: 'column', width: 150 },
                {
                  title: texts.errorValue,
                  dataIndex: 'value',
                  width: 140,
                  render: (value: string) =>
                    value === '' ? <Typography.Text type="secondary">{texts.emptyValue}</Typography.Text> : value,
                },
                { title: texts.errorMessage, dataIndex: 'message' },
              ]}
            />
          </>
        ) : null}
        {upload.error && !rowErrors ? <Alert type="error" showIcon title={describeError(upload.error, t)} /> : null}
      </Flex>
    </Modal>
  );
}
