import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select, Switch, TreeSelect } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { applyFieldErrors } from '../../../shared/form-errors.ts';
import type { OrgTreeSelectNode } from '../../../shared/org-tree.ts';
import { minimumPasswordLength, newPasswordRules } from '../../../shared/password-rules.ts';
import { staffRoles } from '../../../shared/roles.ts';
import { changedFields, defaultScopeKind, type UserFormValues, userFormFields, valuesOf } from '../user-form.ts';
import { type CreateUserRequest, createUser, type UserRow, updateUser, usersQueryKey } from '../users.api.ts';

export function UserFormModal({
  user,
  isOpen,
  orgTree,
  onClose,
}: {
  // null: create a new user
  user: UserRow | null;
  isOpen: boolean;
  orgTree: OrgTreeSelectNode[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserFormValues>();
  const role = Form.useWatch('role', form);
  const isCreating = user === null;

  useEffect(() => {
    if (!isOpen) return;
    form.resetFields();
    if (user) form.setFieldsValue(valuesOf(user));
    else form.setFieldsValue({ role: 'manager', scopeKind: 'own', disabled: false });
  }, [isOpen, user, form]);

  const save = useMutation({
    mutationFn: async (values: UserFormValues) => {
      if (isCreating) {
        // The form requires a unit, so null never gets here.
        if (values.orgUnitId === null) throw new Error('orgUnitId is required');
        const request: CreateUserRequest = {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          role: values.role,
          orgUnitId: values.orgUnitId,
          scopeKind: values.scopeKind,
          password: values.password,
        };
        return createUser(request);
      }
      const changes = changedFields(valuesOf(user), values);
      return Object.keys(changes).length > 0 ? updateUser(user.id, changes) : user;
    },
    onSuccess: () => {
      message.success(isCreating ? t('users.created') : t('users.updated'));
      void queryClient.invalidateQueries({ queryKey: usersQueryKey });
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, userFormFields)) message.error(describeError(error, t));
    },
  });

  return (
    <Modal
      open={isOpen}
      title={isCreating ? t('users.create') : t('users.editTitle', { name: user.displayName })}
      okText={isCreating ? t('common.create') : t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      forceRender
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => save.mutate(values)}
        onValuesChange={(changed: Partial<UserFormValues>) => {
          if (changed.role) form.setFieldValue('scopeKind', defaultScopeKind(changed.role));
        }}
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={
            isCreating
              ? [
                  { required: true, whitespace: true, message: t('users.usernameRequired') },
                  { min: 3, max: 32, message: t('users.usernameLength') },
                  { pattern: /^[A-Za-z][A-Za-z0-9._-]*$/, message: t('users.usernamePattern') },
                ]
              : []
          }
        >
          <Input disabled={!isCreating} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
          <Select options={staffRoles.map((value) => ({ value, label: t(`roles.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('users.orgUnit')}
          rules={[{ required: true, message: t('users.orgUnitRequired') }]}
        >
          <TreeSelect treeData={orgTree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item
          name="scopeKind"
          label={t('users.scopeKind')}
          rules={[{ required: true }]}
          extra={role === 'manager' ? undefined : t('users.scopeOwnHelp')}
        >
          <Radio.Group
            options={[
              { value: 'org', label: t('users.scopeOrg') },
              { value: 'own', label: t('users.scopeOwn'), disabled: role !== 'manager' },
            ]}
          />
        </Form.Item>
        {isCreating ? (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            extra={t('users.initialPasswordExtra', { count: minimumPasswordLength })}
            rules={newPasswordRules(t)}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        ) : (
          <Form.Item name="disabled" label={t('users.disabledSwitch')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
