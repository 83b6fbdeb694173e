import { Checkbox, Col, Flex, Form, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerClasses, customerFormats, demoTypes, urbanRuralKinds } from './customer-codes.ts';
import { useCustomerReference } from './customer-reference.ts';

// The grades a segment may name (supply's segmentSchema: 1–30).
export const minSegmentGrade = 1;
export const maxSegmentGrade = 30;

// 客户范围 as fields of an antd Form: the segment vocabulary (supply's segmentSchema — classes,
// demonstration types, formats, branches, districts, urban/rural, a grade range) under the form
// path `name` (default `segment`). A brand programme's target stores and a survey wave's target
// use it; an empty condition does not narrow.
export function SegmentFields({ name = 'segment' }: { name?: string }) {
  const { t } = useTranslation();
  const reference = useCustomerReference();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('segment.help')}</Typography.Paragraph>
      <Form.Item name={[name, 'classes']} label={t('segment.classes')}>
        <Checkbox.Group options={customerClasses.map((value) => ({ value, label: t(`customers.classes.${value}`) }))} />
      </Form.Item>
      <Form.Item name={[name, 'demoTypes']} label={t('segment.demoTypes')}>
        <Checkbox.Group options={demoTypes.map((value) => ({ value, label: t(`customers.demoTypes.${value}`) }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'formats']} label={t('segment.formats')}>
            <Select
              mode="multiple"
              allowClear
              options={customerFormats.map((value) => ({ value, label: t(`customers.formats.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'branchIds']} label={t('segment.branches')}>
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              options={(reference.data?.branches ?? []).map((branch) => ({ value: branch.id, label: branch.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'districtCodes']} label={t('segment.districts')}>
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              options={(reference.data?.districts ?? []).map((district) => ({
                value: district.code,
                label: district.name,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'urbanRural']} label={t('segment.urbanRural')}>
            <Checkbox.Group
              options={urbanRuralKinds.map((value) => ({ value, label: t(`customers.urbanRuralKinds.${value}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8} align="flex-start">
        <Form.Item name={[name, 'gradeMin']} label={t('segment.gradeMin')}>
          <InputNumber<number>
            min={minSegmentGrade}
            max={maxSegmentGrade}
            precision={0}
            placeholder={String(minSegmentGrade)}
          />
        </Form.Item>
        <Form.Item name={[name, 'gradeMax']} label={t('segment.gradeMax')}>
          <InputNumber<number>
            min={minSegmentGrade}
            max={maxSegmentGrade}
            precision={0}
            placeholder={String(maxSegmentGrade)}
          />
        </Form.Item>
      </Flex>
    </>
  );
}
