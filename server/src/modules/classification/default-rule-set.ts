import type { RuleSetDefinition } from './classification.rules.ts';

// The default rule set (客户分类办法): purchases weigh most, then the structure of what a store
// buys, its growth and its information cooperation; image, credit and violations are weighed but
// neutral until their data exists. Thresholds tuned so that the demo city reproduces the seed
// city's shares (示范 12.01 %, 成长 57.2 %, 普通 30.34 %; sub-types 2.99 / 2.58 / 0.58 %).
// 终端示范型 reads the terminal image score from the last 13 weeks' visits (a store without visits
// scores neutral 50 and does not qualify).
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
    { class: 'demonstration', from: 76.5, to: 100 },
    { class: 'growth', from: 40.5, to: 76.5 },
    { class: 'ordinary', from: 0, to: 40.5 },
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
    { demoType: 'terminal', conditions: [{ indicator: 'image', min: 85 }] },
  ],
};

export const defaultRuleSetName = '客户分类办法（默认）';
