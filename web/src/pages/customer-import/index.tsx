import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Radio, Steps, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { ImportErrors } from './components/ImportErrors.tsx';
import { ImportSummary } from './components/ImportSummary.tsx';
import {
  type ImportMode,
  importModes,
  importTemplateUrl,
  type UploadProgress,
  uploadCustomerImport,
} from './customer-import.api.ts';
import { checkImportFile, classifyImportFailure, formatFileSize, importFileLimits } from './import-file.ts';

// 导入客户档案: template → mode → file → the outcome (counts, or every bad cell; never half-written).
export function CustomerImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [mode, setMode] = useState<ImportMode>('create');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const maxSize = formatFileSize(importFileLimits.maxBytes, format.number);

  const upload = useMutation({
    mutationFn: ({ chosen, chosenMode }: { chosen: File; chosenMode: ImportMode }) =>
      uploadCustomerImport(chosen, chosenMode, setProgress),
    onSettled: () => setProgress(null),
  });
  const failure = upload.error ? classifyImportFailure(upload.error) : null;

  const chooseFile = (chosen: File) => {
    upload.reset();
    const problem = checkImportFile(chosen);
    if (problem === null) {
      setFile(chosen);
      setFileProblem(null);
      return;
    }
    setFile(null);
    if (problem.problem === 'type') setFileProblem(t('customerImport.fileWrongType', { name: chosen.name }));
    else if (problem.problem === 'empty') setFileProblem(t('customerImport.fileEmpty', { name: chosen.name }));
    else {
      setFileProblem(
        t('customerImport.fileTooLarge', {
          name: chosen.name,
          size: formatFileSize(problem.size, format.number),
          maxSize,
        }),
      );
    }
  };

  const startOver = () => {
    upload.reset();
    setFile(null);
    setFileProblem(null);
  };

  const fileList: UploadFile[] = file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : [];
  const isBusy = upload.isPending;

  if (upload.data) {
    return (
      <PageContainer title={t('customerImport.title')}>
        <Card>
          <ImportSummary result={upload.data} onImportAnother={startOver} />
        </Card>
      </PageContainer>
    );
  }

  return (
    <PageContainer
      title={t('customerImport.title')}
      extra={
        <Link to="/customers">
          <Button>{t('customerImport.backToList')}</Button>
        </Link>
      }
    >
      <Flex vertical gap={16}>
        <Card>
          <Steps
            orientation="vertical"
            current={file ? 2 : 0}
            items={[
              {
                title: t('customerImport.stepTemplate'),
                content: (
                  <Flex vertical gap={8} align="flex-start" style={{ paddingBottom: 16 }}>
                    <Typography.Text type="secondary">{t('customerImport.stepTemplateHelp')}</Typography.Text>
                    <Button icon={<DownloadOutlined />} href={importTemplateUrl} download>
                      {t('customerImport.downloadTemplate')}
                    </Button>
                  </Flex>
                ),
              },
              {
                title: t('customerImport.stepMode'),
                content: (
                  <Radio.Group
                    value={mode}
                    disabled={isBusy}
                    onChange={(event) => setMode(event.target.value as ImportMode)}
                    style={{ paddingBottom: 16 }}
                  >
                    <Flex vertical gap={8}>
                      {importModes.map((value) => (
                        <Radio key={value} value={value}>
                          <Typography.Text strong>
                            {value === 'create' ? t('customerImport.modeCreate') : t('customerImport.modeUpsert')}
                          </Typography.Text>
                          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                            {value === 'create'
                              ? t('customerImport.modeCreateHelp')
                              : t('customerImport.modeUpsertHelp')}
                          </Typography.Text>
                        </Radio>
                      ))}
                    </Flex>
                  </Radio.Group>
                ),
              },
              {
                title: t('customerImport.stepFile'),
                content: (
                  <Flex vertical gap={12} style={{ maxWidth: 640 }}>
                    <Upload.Dragger
                      accept={importFileLimits.extensions.join(',')}
                      maxCount={1}
                      multiple={false}
                      disabled={isBusy}
                      fileList={fileList}
                      beforeUpload={(chosen) => {
                        chooseFile(chosen);
                        return Upload.LIST_IGNORE;
                      }}
                      onRemove={() => {
                        setFile(null);
                        upload.reset();
                      }}
                    >
                      <p className="ant-upload-drag-icon">
                        <InboxOutlined />
                      </p>
                      <p className="ant-upload-text">{t('customerImport.dropHint')}</p>
                      <p className="ant-upload-hint">{t('customerImport.dropHelp', { maxSize })}</p>
                    </Upload.Dragger>
                    {fileProblem ? <Alert type="error" showIcon title={fileProblem} /> : null}
                    {progress ? (
                      <Flex vertical gap={4} data-testid="import-progress">
                        <Progress
                          percent={progress.phase === 'uploading' ? progress.percent : 100}
                          status="active"
                          showInfo={false}
                        />
                        <Typography.Text type="secondary">
                          {progress.phase === 'uploading'
                            ? t('customerImport.uploading', { percent: progress.percent })
                            : t('customerImport.processing')}
                        </Typography.Text>
                      </Flex>
                    ) : null}
                    <div>
                      <Button
                        data-action="POST /api/v1/customers/import"
                        type="primary"
                        icon={<UploadOutlined />}
                        loading={isBusy}
                        disabled={!file}
                        title={file ? undefined : t('customerImport.chooseFileFirst')}
                        onClick={() => file && upload.mutate({ chosen: file, chosenMode: mode })}
                      >
                        {t('customerImport.start')}
                      </Button>
                    </div>
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
        {failure?.kind === 'rows' ? (
          <Card>
            <ImportErrors
              errorCount={failure.errorCount}
              errors={failure.errors}
              errorWorkbookUrl={failure.errorWorkbookUrl}
            />
          </Card>
        ) : null}
        {failure?.kind === 'file' ? (
          <Alert
            type="error"
            showIcon
            title={t('customerImport.failedTitle')}
            description={describeError(failure.error, t)}
          />
        ) : null}
      </Flex>
    </PageContainer>
  );
}
