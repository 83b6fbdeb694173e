import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import {
  importErrorsOf,
  type ProductImportError,
  productsQueryKey,
  productTemplateUrl,
  uploadProductImport,
} from '../products.api.ts';

// 导入卷烟规格: template, one file, then the counts or every bad cell (nothing half-written).
export function ProductImportModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadProductImport(chosen),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: productsQueryKey }),
  });
  const rowErrors = importErrorsOf(upload.error);
  const close = () => {
    upload.reset();
    setFile(null);
    onClose();
  };

  return (
    <Modal
      open={isOpen}
      title={t('products.importDialog.title')}
      onCancel={close}
      width={760}
      footer={
        <Flex justify="space-between">
          <Button icon={<DownloadOutlined />} href={productTemplateUrl} download>
            {t('products.importDialog.downloadTemplate')}
          </Button>
          <Flex gap={8}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file)}
            >
              {t('products.importDialog.start')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('products.importDialog.help')}
        </Typography.Paragraph>
        <Upload
          accept=".xlsx,.csv"
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
          <Button icon={<UploadOutlined />}>{t('products.importDialog.choose')}</Button>
        </Upload>
        {upload.data ? (
          <Alert
            type="success"
            showIcon
            title={t('products.importDialog.done', {
              rows: format.number(upload.data.rows),
              created: format.number(upload.data.created),
              updated: format.number(upload.data.updated),
              unchanged: format.number(upload.data.unchanged),
            })}
          />
        ) : null}
        {rowErrors ? (
          <>
            <Alert
              type="error"
              showIcon
              title={t('products.importDialog.errorsTitle', { count: format.number(rowErrors.errorCount) })}
            />
            <Table<ProductImportError & { key: string }>
              size="small"
              rowKey="key"
              dataSource={rowErrors.errors.map((error, index) => ({ ...error, key: `${error.row}-${index}` }))}
              pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('products.importDialog.errorRow'), dataIndex: 'row', width: 70 },
                { title: t('products.importDialog.errorColumn'), dataIndex: 'column', width: 150 },
                {
                  title: t('products.importDialog.errorValue'),
                  dataIndex: 'value',
                  width: 140,
                  render: (value: string) =>
                    value === '' ? (
                      <Typography.Text type="secondary">{t('products.importDialog.emptyValue')}</Typography.Text>
                    ) : (
                      value
                    ),
                },
                { title: t('products.importDialog.errorMessage'), dataIndex: 'message' },
              ]}
            />
          </>
        ) : null}
        {upload.error && !rowErrors ? <Alert type="error" showIcon title={describeError(upload.error, t)} /> : null}
      </Flex>
    </Modal>
  );
}
