import type { RuleSetDefinition } from './classification.rules.ts';

// The default rule set (客户分类办法): purchases weigh most, then the structure of what a store
// buys, its growth and its information cooperation; image, credit and violations are weighed but
// neutral until their data exists. Thresholds tuned so that the demo city reproduces the seed
// city's shares (示范 12.01 %, 成长 57.2 %, 普通 30.34 %; sub-types 2.99 / 2.58 / 0.58 %).
// 终端示范型 reads the terminal image score from the last 13 weeks' visits (a store without visits
// scores neutral 50 and does not qualify). Its bar is 90, an average of excellent visits: a store
// visited once a month has two to four visits in the window, depending on the day of the month,
// and at 85 one good visit in three (100, 100, 70) was enough, so the share swung with the date
// (3.8–5.3 % in the demo); at 90 it stays at 2.6–3.5 %.
export const defaultRuleSet: RuleSetDefinition = {
  weights: [
    { indicator: 'volume', weight: 25 },
    { indicator: 'amount', weight: 25 },
    { indicator: 'structure', weight: 20 },
    { indicator: 'growth', weight: 10 },
    { indicator: 'image', weight: 5 },
    { indicator: 'information', weight: 10 },
    { indicator: 'credit', weight: 5 },
    { indicator: 'violations', weight: 0 },
  ],
  thresholds: [
    { class: 'demonstration', from: 77, to: 100 },
    { class: 'growth', from: 41.5, to: 77 },
    { class: 'ordinary', from: 0, to: 41.5 },
  ],
  demoTypes: [
    {
      demoType: 'information',
      conditions: [
        { indicator: 'information', min: 100 },
        { indicator: 'growth', min: 70 },
      ],
    },
    { demoType: 'brand', conditions: [{ indicator: 'structure', min: 96 }] },
    { demoType: 'terminal', conditions: [{ indicator: 'image', min: 90 }] },
  ],
};

export const defaultRuleSetName = '客户分类办法（默认）';
