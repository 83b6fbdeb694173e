import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { applyFieldErrors } from '../../../shared/form-errors.ts';
import { childKindsOf } from '../../../shared/org-tree.ts';
import { createOrgUnit, type OrgUnit, type OrgUnitKind, orgUnitsQueryKey, updateOrgUnit } from '../org-units.api.ts';

type OrgUnitFormValues = { kind: OrgUnitKind; name: string; code: string };

// Either a new unit under `parent`, or an edit of `unit` (name and code only).
export type OrgUnitEdit = { mode: 'create'; parent: OrgUnit } | { mode: 'edit'; unit: OrgUnit };

export function OrgUnitFormModal({
  edit,
  onClose,
  onCreated,
}: {
  edit: OrgUnitEdit | null;
  onClose: () => void;
  onCreated?: (unit: OrgUnit) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrgUnitFormValues>();

  useEffect(() => {
    if (!edit) return;
    form.resetFields();
    if (edit.mode === 'edit') form.setFieldsValue({ kind: edit.unit.kind, name: edit.unit.name, code: edit.unit.code });
    else form.setFieldsValue({ kind: childKindsOf[edit.parent.kind][0] });
  }, [edit, form]);

  const save = useMutation({
    mutationFn: async (values: OrgUnitFormValues) => {
      const name = values.name.trim();
      const code = values.code.trim();
      if (edit?.mode === 'create') {
        // The form offers only the kinds a unit may have under its parent; a city company is
        // made once, by setup, and the API creates branches and departments only.
        if (values.kind === 'city') throw new Error('A city company is created by setup');
        return createOrgUnit({ parentId: edit.parent.id, kind: values.kind, name, code });
      }
      if (edit?.mode === 'edit') {
        const changes = {
          ...(name !== edit.unit.name ? { name } : {}),
          ...(code !== edit.unit.code ? { code } : {}),
        };
        return Object.keys(changes).length > 0 ? updateOrgUnit(edit.unit.id, changes) : edit.unit;
      }
      throw new Error('No unit to save');
    },
    onSuccess: (unit) => {
      message.success(edit?.mode === 'create' ? t('orgUnits.created') : t('orgUnits.updated'));
      if (edit?.mode === 'create') onCreated?.(unit);
      void queryClient.invalidateQueries({ queryKey: orgUnitsQueryKey });
      // User rows show unit names.
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, ['kind', 'name', 'code'])) message.error(describeError(error, t));
    },
  });

  const title =
    edit?.mode === 'create'
      ? t('orgUnits.createChildTitle', { name: edit.parent.name })
      : edit?.mode === 'edit'
        ? t('orgUnits.editTitle', { name: edit.unit.name })
        : null;

  return (
    <Modal
      open={edit !== null}
      title={title}
      okText={edit?.mode === 'create' ? t('common.create') : t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      forceRender
    >
      <Form<OrgUnitFormValues>
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="kind"
          label={t('orgUnits.kind')}
          rules={[{ required: true, message: t('orgUnits.kindRequired') }]}
        >
          <Select
            disabled={edit?.mode !== 'create'}
            options={(edit?.mode === 'create' ? childKindsOf[edit.parent.kind] : edit ? [edit.unit.kind] : []).map(
              (kind) => ({
                value: kind,
                label: t(`orgUnits.kinds.${kind}`),
              }),
            )}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('orgUnits.name')}
          rules={[{ required: true, whitespace: true, message: t('orgUnits.nameRequired') }]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('orgUnits.code')}
          rules={[
            { required: true, whitespace: true, message: t('orgUnits.codeRequired') },
            { pattern: /^\s*[A-Za-z0-9_-]+\s*$/, message: t('orgUnits.codePattern') },
          ]}
          extra={t('orgUnits.codeHelp')}
        >
          <Input autoComplete="off" maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
