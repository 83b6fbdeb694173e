import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type Application, approveApplication, reviewApplication, terminalKeys } from '../terminals.api.ts';
import { PhotoStrip } from './TerminalTags.tsx';

// 分公司审核 (step 'review') or 营销中心审批 (step 'approval') of one application: its photos and
// notes, a note of one's own, then pass it on or reject it.
export function DecisionDialog({
  application,
  step,
  onClose,
}: {
  application: Application;
  step: 'review' | 'approval';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (approve: boolean) => {
      const input = { id: application.id, approve, ...(note.trim() ? { note: note.trim() } : {}) };
      return step === 'review' ? reviewApplication(input) : approveApplication(input);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: terminalKeys.all });
      onClose();
    },
  });

  return (
    <Modal
      open
      title={t(`terminals.applications.${step}Title`, { store: application.customerName })}
      onCancel={onClose}
      footer={[
        <Button key="reject" danger loading={decide.isPending} onClick={() => decide.mutate(false)}>
          {t('terminals.applications.reject')}
        </Button>,
        <Button key="approve" type="primary" loading={decide.isPending} onClick={() => decide.mutate(true)}>
          {t(step === 'review' ? 'terminals.applications.passOn' : 'terminals.applications.approve')}
        </Button>,
      ]}
    >
      {decide.error ? (
        <Alert type="error" showIcon title={describeError(decide.error, t)} style={{ marginBottom: 12 }} />
      ) : null}
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('terminals.columns.tier')}>{application.tierName}</Descriptions.Item>
        <Descriptions.Item label={t('terminals.columns.branch')}>{application.branchName}</Descriptions.Item>
        <Descriptions.Item label={t('terminals.columns.appliedAt')}>
          {format.dateTime(application.createdAt)} · {t(`terminals.sources.${application.source}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('terminals.columns.note')}>{application.note ?? '—'}</Descriptions.Item>
        {application.reviewNote ? (
          <Descriptions.Item label={t('terminals.applications.reviewNote')}>{application.reviewNote}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('terminals.columns.photos')}>
          <PhotoStrip photoIds={application.photoIds} />
        </Descriptions.Item>
      </Descriptions>
      <Input.TextArea
        rows={3}
        maxLength={500}
        showCount
        aria-label={t('terminals.applications.decisionNote')}
        placeholder={t('terminals.applications.decisionNote')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
    </Modal>
  );
}
