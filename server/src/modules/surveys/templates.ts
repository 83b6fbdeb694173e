import type { NeedArea, QuestionnaireKind } from './surveys.schema.ts';

// The seeded questionnaires: (a) the annual needs questionnaire (需求调查) — one multiple-choice
// question whose choices are the tenant's need items, and a "most urgent" ranking of the chosen ones;
// (b) the SERVQUAL satisfaction survey (满意度调查) — 22 items in five dimensions, each asked as
// expectation and perception on a 1–5 (or 1–7) scale, plus overall satisfaction and the NPS question.
// Texts are { default: 中文, en: English } (SurveyJS localisable strings).

export type DefaultNeedItem = {
  code: string;
  area: NeedArea;
  labelZh: string;
  labelEn: string;
  department: string;
  // The default service menu's item that answers it (visits' defaultServiceMenu code).
  serviceCode: string | null;
};

// 需求项 with the department responsible (市场部, 客户服务部, 专卖管理, 物流中心).
export const defaultNeedItems: readonly DefaultNeedItem[] = [
  {
    code: 'brand_info',
    area: 'brand',
    labelZh: '品牌与新品信息',
    labelEn: 'Brand and new-product information',
    department: '市场部',
    serviceCode: 'B10',
  },
  {
    code: 'brand_training',
    area: 'brand',
    labelZh: '卖点与品牌知识培训',
    labelEn: 'Selling points and brand training',
    department: '市场部',
    serviceCode: 'B02',
  },
  {
    code: 'sales_analysis',
    area: 'business',
    labelZh: '销售数据分析',
    labelEn: 'Sales data analysis',
    department: '市场部',
    serviceCode: 'G01',
  },
  {
    code: 'business_guidance',
    area: 'business',
    labelZh: '经营策略指导',
    labelEn: 'Business strategy guidance',
    department: '市场部',
    serviceCode: 'G02',
  },
  {
    code: 'display',
    area: 'image',
    labelZh: '陈列指导',
    labelEn: 'Display guidance',
    department: '市场部',
    serviceCode: 'B03',
  },
  {
    code: 'store_design',
    area: 'image',
    labelZh: '店面形象提升',
    labelEn: 'Store image upgrade',
    department: '市场部',
    serviceCode: 'I01',
  },
  {
    code: 'fixtures',
    area: 'image',
    labelZh: '陈列柜与价签设施',
    labelEn: 'Display cabinets and price tags',
    department: '市场部',
    serviceCode: 'I03',
  },
  {
    code: 'market_info',
    area: 'information',
    labelZh: '货源与市场行情信息',
    labelEn: 'Supply and market information',
    department: '市场部',
    serviceCode: 'N01',
  },
  {
    code: 'policy_info',
    area: 'information',
    labelZh: '政策法规宣传',
    labelEn: 'Laws and policies',
    department: '专卖管理',
    serviceCode: 'N02',
  },
  {
    code: 'counterfeit',
    area: 'information',
    labelZh: '真假烟鉴别',
    labelEn: 'Spotting counterfeits',
    department: '专卖管理',
    serviceCode: 'N03',
  },
  {
    code: 'online_ordering',
    area: 'convenience',
    labelZh: '网上订货辅导',
    labelEn: 'Online-ordering help',
    department: '客户服务部',
    serviceCode: 'C01',
  },
  {
    code: 'settlement',
    area: 'convenience',
    labelZh: '结算/刷卡服务',
    labelEn: 'Settlement and card payment',
    department: '客户服务部',
    serviceCode: 'C02',
  },
  {
    code: 'staff_training',
    area: 'convenience',
    labelZh: '店员培训',
    labelEn: 'Shop-assistant training',
    department: '客户服务部',
    serviceCode: 'C03',
  },
  {
    code: 'delivery',
    area: 'supply',
    labelZh: '送货时间与质量',
    labelEn: 'Delivery time and quality',
    department: '物流中心',
    serviceCode: null,
  },
  {
    code: 'supply_stability',
    area: 'supply',
    labelZh: '货源供应稳定',
    labelEn: 'Steady supply',
    department: '市场部',
    serviceCode: null,
  },
  {
    code: 'scarce_brands',
    area: 'supply',
    labelZh: '紧俏品牌投放',
    labelEn: 'Scarce brands allocated fairly',
    department: '市场部',
    serviceCode: null,
  },
];

export type NeedItemForTemplate = { code: string; labelZh: string; labelEn: string; area: string; active: boolean };

const areaLabels: Record<string, { zh: string; en: string }> = {
  brand: { zh: '品牌信息', en: 'Brand information' },
  business: { zh: '经营指导', en: 'Business guidance' },
  image: { zh: '店面形象', en: 'Store image' },
  information: { zh: '信息服务', en: 'Information' },
  convenience: { zh: '便利服务', en: 'Convenience' },
  supply: { zh: '货源供应', en: 'Supply' },
};

const text = (zh: string, en: string) => ({ default: zh, en });

// The needs questionnaire from the tenant's active need items, in their order.
export function needsTemplate(items: readonly NeedItemForTemplate[]): Record<string, unknown> {
  const active = items.filter((candidate) => candidate.active);
  return {
    title: text('年度客户服务需求调查', 'Annual customer service needs survey'),
    description: text(
      '请选出贵店希望我们今年重点提供的服务，并按紧迫程度排序。',
      'Choose the services your store most wants from us this year, then order them by urgency.',
    ),
    pages: [
      {
        name: 'needs',
        elements: [
          {
            type: 'checkbox',
            name: 'needs',
            kewoRole: 'needs',
            title: text('贵店最需要哪些服务？（可多选）', 'Which services does your store need most? (choose any)'),
            isRequired: true,
            colCount: 1,
            choices: active.map((candidate) => ({
              value: candidate.code,
              text: text(
                `${candidate.labelZh}（${areaLabels[candidate.area]?.zh ?? candidate.area}）`,
                `${candidate.labelEn} (${areaLabels[candidate.area]?.en ?? candidate.area})`,
              ),
            })),
          },
        ],
      },
      {
        name: 'urgency',
        elements: [
          {
            type: 'ranking',
            name: 'urgency',
            kewoRole: 'urgency',
            title: text('请把所选服务按紧迫程度排序（最紧迫的在最上）', 'Order the chosen services, most urgent first'),
            choicesFromQuestion: 'needs',
            choicesFromQuestionMode: 'selected',
            visibleIf: '{needs.length} > 1',
          },
          {
            type: 'comment',
            name: 'suggestions',
            title: text('其他需求或建议', 'Other needs or suggestions'),
            maxLength: 500,
          },
        ],
      },
    ],
  };
}

export type ServqualItem = { id: string; dimension: string; zh: string; en: string };

// SERVQUAL's 22 items (Parasuraman, Zeithaml & Berry), worded for a tobacco company serving its retailers.
export const servqualItems: readonly ServqualItem[] = [
  {
    id: 'T1',
    dimension: 'tangibles',
    zh: '配送车辆与设备整洁现代',
    en: 'Delivery vehicles and equipment are modern and clean',
  },
  {
    id: 'T2',
    dimension: 'tangibles',
    zh: '服务网点与订货平台界面美观易用',
    en: 'Service points and the ordering platform look good and are easy to use',
  },
  {
    id: 'T3',
    dimension: 'tangibles',
    zh: '客户经理与送货员着装整洁规范',
    en: 'Account managers and drivers are neat and in uniform',
  },
  {
    id: 'T4',
    dimension: 'tangibles',
    zh: '宣传资料与陈列物料清晰美观',
    en: 'Leaflets and display materials are clear and attractive',
  },
  { id: 'R1', dimension: 'reliability', zh: '承诺的服务能按时做到', en: 'What is promised is done on time' },
  {
    id: 'R2',
    dimension: 'reliability',
    zh: '遇到问题时真心帮助解决',
    en: 'When you have a problem, they sincerely help solve it',
  },
  { id: 'R3', dimension: 'reliability', zh: '第一次就把服务做好', en: 'The service is right the first time' },
  { id: 'R4', dimension: 'reliability', zh: '在承诺的时间送达货物', en: 'Goods arrive at the promised time' },
  {
    id: 'R5',
    dimension: 'reliability',
    zh: '订单、结算记录准确无误',
    en: 'Orders and settlements are recorded without errors',
  },
  {
    id: 'P1',
    dimension: 'responsiveness',
    zh: '明确告知服务何时完成',
    en: 'You are told exactly when a service will be done',
  },
  { id: 'P2', dimension: 'responsiveness', zh: '及时提供服务', en: 'Service is prompt' },
  { id: 'P3', dimension: 'responsiveness', zh: '总是乐于帮助零售户', en: 'Staff are always willing to help' },
  {
    id: 'P4',
    dimension: 'responsiveness',
    zh: '再忙也会及时回应诉求',
    en: 'Requests are answered even when staff are busy',
  },
  { id: 'A1', dimension: 'assurance', zh: '员工的行为让人信任', en: 'Staff behaviour instils confidence' },
  { id: 'A2', dimension: 'assurance', zh: '与公司打交道让人放心', en: 'You feel safe dealing with the company' },
  { id: 'A3', dimension: 'assurance', zh: '员工始终礼貌待人', en: 'Staff are consistently courteous' },
  {
    id: 'A4',
    dimension: 'assurance',
    zh: '员工具备解答问题的专业知识',
    en: 'Staff have the knowledge to answer questions',
  },
  { id: 'E1', dimension: 'empathy', zh: '给予每户个别关注', en: 'Each store gets individual attention' },
  { id: 'E2', dimension: 'empathy', zh: '服务时间方便零售户', en: 'Service hours suit retailers' },
  {
    id: 'E3',
    dimension: 'empathy',
    zh: '客户经理了解本店的具体需要',
    en: 'The account manager knows this store’s needs',
  },
  { id: 'E4', dimension: 'empathy', zh: '把零售户的利益放在心上', en: 'They have the retailer’s interests at heart' },
  { id: 'E5', dimension: 'empathy', zh: '理解零售户经营中的难处', en: 'They understand retailers’ difficulties' },
];

const dimensionLabels: Record<string, { zh: string; en: string }> = {
  tangibles: { zh: '有形性', en: 'Tangibles' },
  reliability: { zh: '可靠性', en: 'Reliability' },
  responsiveness: { zh: '响应性', en: 'Responsiveness' },
  assurance: { zh: '保证性', en: 'Assurance' },
  empathy: { zh: '移情性', en: 'Empathy' },
};

// The SERVQUAL satisfaction survey: a page per dimension, each item's expectation then perception
// (names "<item>_e", "<item>_p"), then overall satisfaction (1–5) and NPS (0–10).
export function satisfactionTemplate(scale: 5 | 7 = 5): Record<string, unknown> {
  const dimensions = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];
  const rating = (name: string, role: 'expectation' | 'perception', item: ServqualItem) => ({
    type: 'rating',
    name,
    kewoRole: role,
    servqual: item.dimension,
    servqualItem: item.id,
    isRequired: true,
    rateMin: 1,
    rateMax: scale,
    minRateDescription: text('非常不同意', 'Strongly disagree'),
    maxRateDescription: text('非常同意', 'Strongly agree'),
    title:
      role === 'expectation'
        ? text(`【期望】优秀的烟草公司应当：${item.zh}`, `[Expectation] An excellent tobacco company: ${item.en}`)
        : text(`【感知】我们公司实际：${item.zh}`, `[Perception] Our company actually: ${item.en}`),
  });
  return {
    title: text('零售客户满意度调查', 'Retailer satisfaction survey'),
    description: text(
      `每项请分别评价“期望”和“实际感知”，1 分为非常不同意，${scale} 分为非常同意。`,
      `Rate each item twice — what you expect, and what you experience: 1 strongly disagree … ${scale} strongly agree.`,
    ),
    pages: [
      ...dimensions.map((dimension) => ({
        name: dimension,
        title: text(dimensionLabels[dimension]?.zh ?? dimension, dimensionLabels[dimension]?.en ?? dimension),
        elements: servqualItems
          .filter((item) => item.dimension === dimension)
          .flatMap((item) => [rating(`${item.id}_e`, 'expectation', item), rating(`${item.id}_p`, 'perception', item)]),
      })),
      {
        name: 'overall',
        title: text('总体评价', 'Overall'),
        elements: [
          {
            type: 'rating',
            name: 'overall',
            kewoRole: 'overall',
            isRequired: true,
            rateMin: 1,
            rateMax: 5,
            title: text('总体而言，您对我们的服务满意吗？', 'Overall, how satisfied are you with our service?'),
            minRateDescription: text('非常不满意', 'Very dissatisfied'),
            maxRateDescription: text('非常满意', 'Very satisfied'),
          },
          {
            type: 'rating',
            name: 'nps',
            kewoRole: 'nps',
            isRequired: true,
            rateMin: 0,
            rateMax: 10,
            rateCount: 11,
            title: text(
              '您有多大可能向其他零售户推荐通过我们订货？（0–10）',
              'How likely are you to recommend ordering through us to another retailer? (0–10)',
            ),
            minRateDescription: text('完全不可能', 'Not at all likely'),
            maxRateDescription: text('非常可能', 'Extremely likely'),
          },
          { type: 'comment', name: 'comments', title: text('意见与建议', 'Comments and suggestions'), maxLength: 500 },
        ],
      },
    ],
  };
}

export const templateKinds = ['needs', 'satisfaction', 'satisfaction7'] as const;
export type TemplateKind = (typeof templateKinds)[number];

export function templatesOf(items: readonly NeedItemForTemplate[]): Array<{
  kind: QuestionnaireKind;
  templateKind: TemplateKind;
  title: string;
  definition: Record<string, unknown>;
}> {
  return [
    { kind: 'needs', templateKind: 'needs', title: '年度客户服务需求调查', definition: needsTemplate(items) },
    {
      kind: 'satisfaction',
      templateKind: 'satisfaction',
      title: '零售客户满意度调查（SERVQUAL，5 级）',
      definition: satisfactionTemplate(5),
    },
    {
      kind: 'satisfaction',
      templateKind: 'satisfaction7',
      title: '零售客户满意度调查（SERVQUAL，7 级）',
      definition: satisfactionTemplate(7),
    },
  ];
}
