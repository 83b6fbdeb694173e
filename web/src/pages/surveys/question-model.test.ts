import { describe, expect, it } from 'vitest';
import {
  addPage,
  addQuestionTo,
  definitionOf,
  draftsOf,
  movePage,
  newQuestion,
  pageDraftsOf,
  type QuestionDraft,
  questionIssues,
  removePage,
  renamePage,
  textOf,
  withRole,
} from './question-model.ts';
import { needsDefinition, satisfactionDefinition } from './surveys-test-fixtures.tsx';

describe(draftsOf.name, () => {
  it('reads every question of every page with its tags, and writes the same questionnaire back', () => {
    const drafts = draftsOf(satisfactionDefinition);
    expect(drafts.map((draft) => [draft.page, draft.name, draft.role, draft.servqual, draft.servqualItem])).toEqual([
      [0, 'R1_e', 'expectation', 'reliability', 'R1'],
      [0, 'R1_p', 'perception', 'reliability', 'R1'],
      [1, 'overall', 'overall', undefined, undefined],
      [1, 'nps', 'nps', undefined, undefined],
    ]);
    expect(definitionOf(satisfactionDefinition, drafts)).toEqual(satisfactionDefinition);
  });

  it('keeps what it does not edit (choicesFromQuestion, a localised title) and writes choices as codes with text', () => {
    const localised = {
      elements: [
        { type: 'comment', name: 'note', title: { default: 'Other needs', 'zh-cn': '其他需求' }, maxLength: 200 },
      ],
    };
    const drafts = draftsOf(localised);
    expect(drafts[0]?.title).toBe('其他需求');
    expect(definitionOf(localised, drafts)).toEqual(localised);
    expect(definitionOf(needsDefinition, draftsOf(needsDefinition))).toEqual(needsDefinition);
  });
});

describe(textOf.name, () => {
  it.each<[unknown, string]>([
    ['满意', '满意'],
    [{ default: 'Satisfied', 'zh-cn': '满意' }, '满意'],
    [{ default: 'Satisfied' }, 'Satisfied'],
    [7, '7'],
    [undefined, ''],
  ])('%j → %s', (value, text) => expect(textOf(value)).toBe(text));
});

describe(withRole.name, () => {
  const base = (overrides: Partial<QuestionDraft> = {}): QuestionDraft => ({
    ...newQuestion([]),
    title: '题',
    ...overrides,
  });

  it.each<[QuestionDraft['role'], string, number | undefined, number | undefined]>([
    ['nps', 'rating', 0, 10],
    ['overall', 'rating', 1, 5],
    ['expectation', 'rating', 1, 7],
    ['perception', 'rating', 1, 7],
    ['needs', 'checkbox', undefined, undefined],
    ['urgency', 'ranking', undefined, undefined],
  ])('%s makes a %s question on %s–%s', (role, type, rateMin, rateMax) => {
    const draft = withRole(base(), role, []);
    expect([draft.type, draft.rateMin, draft.rateMax]).toEqual([type, rateMin, rateMax]);
  });

  it('takes the urgency ranking’s choices from the needs question, as chosen', () => {
    const needs = { ...base({ name: 'needs' }), role: 'needs' as const };
    const ranking = withRole(base({ name: 'rank' }), 'urgency', [needs]);
    expect(ranking.original).toMatchObject({ choicesFromQuestion: 'needs', choicesFromQuestionMode: 'selected' });
  });

  it('drops the SERVQUAL tags when the question stops being SERVQUAL', () => {
    const servqual = base({ role: 'perception', servqual: 'empathy', servqualItem: 'E1', type: 'rating' });
    expect(withRole(servqual, 'overall', [])).toMatchObject({ servqual: undefined, servqualItem: undefined });
  });
});

describe(questionIssues.name, () => {
  const draft = (overrides: Partial<QuestionDraft>): QuestionDraft => ({
    ...newQuestion([]),
    title: '题',
    ...overrides,
  });

  it.each<[string, Partial<QuestionDraft>[], string[]]>([
    ['a complete questionnaire', [{ name: 'a', type: 'comment' }], []],
    ['no title', [{ name: 'a', type: 'comment', title: ' ' }], ['titleMissing']],
    [
      'a name twice',
      [
        { name: 'a', type: 'comment' },
        { name: 'a', type: 'boolean' },
      ],
      ['nameDuplicate'],
    ],
    ['a choice question without choices', [{ name: 'a', type: 'radiogroup' }], ['choicesMissing']],
    [
      'a SERVQUAL rating without its item',
      [{ name: 'a', type: 'rating', role: 'perception', servqual: 'empathy', rateMin: 1, rateMax: 7 }],
      ['dimensionMissing'],
    ],
    ['an NPS on 1–5', [{ name: 'a', type: 'rating', role: 'nps', rateMin: 1, rateMax: 5 }], ['scaleWrong']],
    [
      'a SERVQUAL on 1–6',
      [
        {
          name: 'a',
          type: 'rating',
          role: 'expectation',
          servqual: 'empathy',
          servqualItem: 'E1',
          rateMin: 1,
          rateMax: 6,
        },
      ],
      ['scaleWrong'],
    ],
  ])('%s → %j', (_, drafts, keys) => {
    expect(questionIssues(drafts.map(draft)).map((issue) => issue.key)).toEqual(keys);
  });
});

describe(newQuestion.name, () => {
  it('names a new question after the first free qN and puts it on the last page', () => {
    const drafts = draftsOf(satisfactionDefinition);
    const added = newQuestion(drafts);
    expect([added.name, added.page]).toEqual(['q5', 1]);
    expect(newQuestion([...drafts, { ...added }]).name).toBe('q6');
  });
});

describe('pages', () => {
  const pageNames = (definition: { pages?: { name?: string; elements?: { name: string }[] }[] }) =>
    (definition.pages ?? []).map((page) => [page.name, (page.elements ?? []).map((question) => question.name)]);

  it('adds a page (the first free name), renames it, and puts a question on it', () => {
    const drafts = draftsOf(satisfactionDefinition);
    const pages = renamePage(addPage(pageDraftsOf(satisfactionDefinition)), 2, '开放题');
    const withQuestion = addQuestionTo(drafts, 2, '还有什么建议？');
    const definition = definitionOf(satisfactionDefinition, withQuestion, pages);
    expect(pageNames(definition)).toEqual([
      ['servqual', ['R1_e', 'R1_p']],
      ['overall', ['overall', 'nps']],
      ['page3', ['q5']],
    ]);
    expect(definition.pages?.[2]).toMatchObject({ name: 'page3', title: '开放题' });
    // A question added to the first page comes after that page's questions, not at the end.
    expect(addQuestionTo(drafts, 0).map((draft) => draft.page)).toEqual([0, 0, 0, 1, 1]);
  });

  it('moves a page with its questions', () => {
    const moved = movePage(pageDraftsOf(satisfactionDefinition), draftsOf(satisfactionDefinition), 1, -1);
    expect(pageNames(definitionOf(satisfactionDefinition, moved.drafts, moved.pages))).toEqual([
      ['overall', ['overall', 'nps']],
      ['servqual', ['R1_e', 'R1_p']],
    ]);
    expect(moved.drafts.map((draft) => draft.name)).toEqual(['overall', 'nps', 'R1_e', 'R1_p']);
    // Past either end: unchanged.
    const pages = pageDraftsOf(satisfactionDefinition);
    expect(movePage(pages, [], 0, -1).pages).toBe(pages);
    expect(movePage(pages, [], 1, 1).pages).toBe(pages);
  });

  it.each<[number, [string, string[]][]]>([
    // The second page's questions join the first; the first page's join the next.
    [1, [['servqual', ['R1_e', 'R1_p', 'overall', 'nps']]]],
    [0, [['overall', ['R1_e', 'R1_p', 'overall', 'nps']]]],
  ])('removes page %d, keeping its questions', (index, expected) => {
    const removed = removePage(pageDraftsOf(satisfactionDefinition), draftsOf(satisfactionDefinition), index);
    expect(pageNames(definitionOf(satisfactionDefinition, removed.drafts, removed.pages))).toEqual(expected);
  });

  it('never removes the last page; a questionnaire without pages stays so until it has two', () => {
    const flat = { elements: [{ type: 'comment', name: 'note', title: '其他' }] };
    const pages = pageDraftsOf(flat);
    expect(removePage(pages, draftsOf(flat), 0).pages).toBe(pages);
    expect(definitionOf(flat, draftsOf(flat), pages)).toEqual(flat);
    const two = definitionOf(flat, draftsOf(flat), addPage(pages));
    expect(two.elements).toBeUndefined();
    expect(pageNames(two)).toEqual([
      ['page1', ['note']],
      ['page2', []],
    ]);
  });

  it('keeps a localised page title that was not edited', () => {
    const localised = { pages: [{ name: 'p', title: { default: 'Needs', 'zh-cn': '需求' }, elements: [] }] };
    const pages = pageDraftsOf(localised);
    expect(pages[0]?.title).toBe('需求');
    expect(definitionOf(localised, [], pages)).toEqual(localised);
    expect(definitionOf(localised, [], renamePage(pages, 0, '服务需求')).pages?.[0]?.title).toBe('服务需求');
  });
});
