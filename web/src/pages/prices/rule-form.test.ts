import { describe, expect, it } from 'vitest';
import { checkRule, type RuleDraft } from './rule-form.ts';

const valid: RuleDraft = {
  yellowFloor: 95,
  yellowCeiling: 105,
  redFloor: 90,
  redCeiling: 110,
  dropPoints: 5,
  minObservations: 5,
};

describe('a warning rule as typed', () => {
  it.each<[string, Partial<RuleDraft>, string[]]>([
    ['the default', {}, []],
    ['no drop rule', { dropPoints: null }, []],
    ['equal yellow bands', { yellowFloor: 100, yellowCeiling: 100 }, ['yellowCeiling:floorNotBelowCeiling']],
    ['a yellow floor above its ceiling', { yellowFloor: 106 }, ['yellowCeiling:floorNotBelowCeiling']],
    ['a red floor above its ceiling', { redFloor: 120 }, ['redCeiling:floorNotBelowCeiling']],
    ['a red band inside the yellow one', { redFloor: 96 }, ['redFloor:redInsideYellow']],
    ['a blank band', { redCeiling: null }, ['redCeiling:required']],
    ['a band beyond 300', { redCeiling: 400 }, ['redCeiling:outOfRange']],
    ['a drop of 0', { dropPoints: 0 }, ['dropPoints:dropInvalid']],
    ['a fractional minimum', { minObservations: 2.5 }, ['minObservations:minInvalid']],
    ['no minimum', { minObservations: null }, ['minObservations:minInvalid']],
  ])('%s', (_, patch, expected) => {
    expect(checkRule({ ...valid, ...patch }).map((issue) => `${issue.field}:${issue.key}`)).toEqual(expected);
  });
});
