import { Form, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cityOptions } from './city-options.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';

type City = { code: string; name: string; province: string };

// The fields of a new city company and its first administrator: the setup page's and 市公司's.
// Field names follow the server's contract (cityCode, cityName, displayName, username, password).
export function CompanyAdminFields({
  cities,
  afterCompany,
  passwordLabel,
  autoFocus = false,
}: {
  cities: readonly City[];
  // Fields about the company that a form adds after its name (市公司 asks for its code).
  afterCompany?: ReactNode;
  passwordLabel: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <>
      <Form.Item
        name="cityCode"
        label={t('setup.cityCode')}
        extra={t('setup.cityCodeHelp')}
        rules={[{ required: true, message: t('setup.cityCodeRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('setup.cityCodePlaceholder')}
          options={cityOptions(cities)}
          onChange={(code: string) => {
            // Suggest the company's name from the city, unless the user has typed one.
            const city = cities.find((candidate) => candidate.code === code);
            if (city && !form.isFieldTouched('cityName')) {
              form.setFieldValue('cityName', t('setup.cityNameSuggestion', { city: city.name }));
            }
          }}
          autoFocus={autoFocus}
        />
      </Form.Item>
      <Form.Item
        name="cityName"
        label={t('setup.cityName')}
        rules={[{ required: true, whitespace: true, message: t('setup.cityNameRequired') }]}
      >
        <Input placeholder={t('setup.cityNamePlaceholder')} />
      </Form.Item>
      {afterCompany}
      <Form.Item
        name="displayName"
        label={t('setup.displayName')}
        rules={[{ required: true, whitespace: true, message: t('setup.displayNameRequired') }]}
      >
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="username"
        label={t('setup.username')}
        rules={[{ required: true, whitespace: true, message: t('setup.usernameRequired') }]}
      >
        <Input autoComplete="username" />
      </Form.Item>
      <NewPasswordFields
        name="password"
        label={passwordLabel}
        confirmName="passwordConfirm"
        confirmLabel={t('setup.passwordConfirm')}
        mismatchMessage={t('setup.passwordMismatch')}
      />
    </>
  );
}
