import type { KewoRole, ServqualDimension } from '../../shared/surveys/survey-properties.ts';
import type { SurveyJson, SurveyPage, SurveyQuestion } from './surveys.api.ts';

// The antd editor's view of a SurveyJS questionnaire: its questions in order, each with the
// fields the editor offers (title, type, choices, required, the scale, Kewo's tags), and every
// other property kept as it was, so a questionnaire pasted as JSON survives an edit.

export const questionTypes = ['checkbox', 'radiogroup', 'rating', 'ranking', 'comment', 'boolean'] as const;
export type QuestionType = (typeof questionTypes)[number];
export type QuestionRole = KewoRole | 'none';

export type Choice = { value: string; text: string };

export type QuestionDraft = {
  key: string;
  page: number;
  name: string;
  title: string;
  // One of questionTypes, or a type the editor leaves as it is (html, panel, …).
  type: string;
  isRequired: boolean;
  choices: Choice[];
  rateMin?: number;
  rateMax?: number;
  role: QuestionRole;
  servqual?: ServqualDimension;
  servqualItem?: string;
  // The question's other properties (and its original JSON for what the editor does not show).
  original: SurveyQuestion;
};

export const isEditableType = (type: string): type is QuestionType =>
  (questionTypes as readonly string[]).includes(type);
export const hasChoices = (type: string) => type === 'checkbox' || type === 'radiogroup' || type === 'ranking';

// A SurveyJS text may be a string or localised ({default, 'zh-cn', en}).
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object') {
    const texts = value as Record<string, unknown>;
    const text = texts['zh-cn'] ?? texts.default ?? Object.values(texts)[0];
    return typeof text === 'string' ? text : '';
  }
  return '';
}

function choiceOf(choice: unknown): Choice {
  if (choice && typeof choice === 'object') {
    const { value, text } = choice as { value?: unknown; text?: unknown };
    const code = value === undefined || value === null ? '' : String(value);
    return { value: code, text: textOf(text) || code };
  }
  return { value: String(choice ?? ''), text: String(choice ?? '') };
}

const roleOf = (value: unknown): QuestionRole =>
  typeof value === 'string' && ['needs', 'urgency', 'expectation', 'perception', 'overall', 'nps'].includes(value)
    ? (value as KewoRole)
    : 'none';

function pagesOf(definition: SurveyJson): { elements?: SurveyQuestion[] }[] {
  if (Array.isArray(definition.pages)) return definition.pages;
  return [{ elements: definition.elements ?? [] }];
}

let nextKey = 0;
const newKey = () => `q-${++nextKey}`;

export function draftsOf(definition: SurveyJson): QuestionDraft[] {
  return pagesOf(definition).flatMap((page, pageIndex) =>
    (page.elements ?? []).map((question) => ({
      key: newKey(),
      page: pageIndex,
      name: String(question.name ?? ''),
      title: textOf(question.title),
      type: String(question.type ?? ''),
      isRequired: question.isRequired === true,
      choices: Array.isArray(question.choices) ? question.choices.map(choiceOf) : [],
      rateMin: typeof question.rateMin === 'number' ? question.rateMin : undefined,
      rateMax: typeof question.rateMax === 'number' ? question.rateMax : undefined,
      role: roleOf(question.kewoRole),
      servqual: typeof question.servqual === 'string' ? (question.servqual as ServqualDimension) : undefined,
      servqualItem: typeof question.servqualItem === 'string' ? question.servqualItem : undefined,
      original: question,
    })),
  );
}

const editedKeys = [
  'name',
  'title',
  'type',
  'isRequired',
  'choices',
  'rateMin',
  'rateMax',
  'kewoRole',
  'servqual',
  'servqualItem',
] as const;

function questionOf(draft: QuestionDraft): SurveyQuestion {
  const kept = Object.fromEntries(
    Object.entries(draft.original).filter(([key]) => !(editedKeys as readonly string[]).includes(key)),
  );
  // An unchanged (possibly localised) title is kept as it was.
  const title = textOf(draft.original.title) === draft.title ? draft.original.title : draft.title;
  const question: SurveyQuestion = { type: draft.type, name: draft.name, ...(title ? { title } : {}), ...kept };
  if (draft.isRequired) question.isRequired = true;
  if (hasChoices(draft.type) && draft.choices.length > 0)
    question.choices = draft.choices.map((choice) =>
      choice.text && choice.text !== choice.value ? { value: choice.value, text: choice.text } : choice.value,
    );
  if (draft.type === 'rating') {
    if (draft.rateMin !== undefined) question.rateMin = draft.rateMin;
    if (draft.rateMax !== undefined) question.rateMax = draft.rateMax;
  }
  if (draft.role !== 'none') question.kewoRole = draft.role;
  if ((draft.role === 'expectation' || draft.role === 'perception') && draft.servqual) {
    question.servqual = draft.servqual;
    if (draft.servqualItem) question.servqualItem = draft.servqualItem;
  }
  return question;
}

// The questionnaire with the editor's questions and pages (every other property kept). Without
// `pageDrafts`, the definition's own pages; a questionnaire of questions without pages stays so while
// it has one page.
export function definitionOf(definition: SurveyJson, drafts: QuestionDraft[], pageDrafts?: PageDraft[]): SurveyJson {
  const pages = pageDrafts ?? pageDraftsOf(definition);
  const pageCount = Math.max(pages.length, ...drafts.map((draft) => draft.page + 1), 1);
  const elementsOf = (index: number) => drafts.filter((draft) => draft.page === index).map(questionOf);
  if (!Array.isArray(definition.pages) && pageCount === 1) {
    const { elements: _elements, ...rest } = definition;
    return { ...rest, elements: elementsOf(0) };
  }
  const { elements: _elements, ...rest } = definition;
  return {
    ...rest,
    pages: Array.from({ length: pageCount }, (_, index) => pageOf(pages[index], index, elementsOf(index))),
  };
}

// ── Pages ──────────────────────────────────────────────────────────────────────────────────────

// A page as the editor shows it: its name (kept), its title, and its other properties.
export type PageDraft = { key: string; name: string; title: string; original: SurveyPage };

let nextPageKey = 0;
const newPageKey = () => `p-${++nextPageKey}`;

export function pageDraftsOf(definition: SurveyJson): PageDraft[] {
  const pages = Array.isArray(definition.pages) ? definition.pages : [{}];
  return pages.map((page, index) => ({
    key: newPageKey(),
    name: typeof page.name === 'string' && page.name !== '' ? page.name : `page${index + 1}`,
    title: textOf(page.title),
    original: page,
  }));
}

function pageOf(page: PageDraft | undefined, index: number, elements: SurveyQuestion[]): SurveyPage {
  if (!page) return { name: `page${index + 1}`, elements };
  const { elements: _elements, title: _title, name: _name, ...kept } = page.original;
  // An unchanged (possibly localised) title is kept as it was.
  const title = textOf(page.original.title) === page.title ? page.original.title : page.title;
  return { name: page.name, ...(title ? { title } : {}), ...kept, elements };
}

// A new page at the end, named page1, page2, … (the first free name).
export function addPage(pages: PageDraft[]): PageDraft[] {
  const names = new Set(pages.map((page) => page.name));
  let index = pages.length + 1;
  while (names.has(`page${index}`)) index += 1;
  return [...pages, { key: newPageKey(), name: `page${index}`, title: '', original: {} }];
}

export const renamePage = (pages: PageDraft[], index: number, title: string): PageDraft[] =>
  pages.map((page, at) => (at === index ? { ...page, title } : page));

// Questions in page order (the order the editor lists them and moves them in), each page's own
// order kept.
const byPage = (drafts: QuestionDraft[]) =>
  drafts
    .map((draft, position) => ({ draft, position }))
    .sort((a, b) => a.draft.page - b.draft.page || a.position - b.position)
    .map(({ draft }) => draft);

// A page removed: its questions join the page before it (the next one for the first page). The
// last page is never removed.
export function removePage(
  pages: PageDraft[],
  drafts: QuestionDraft[],
  index: number,
): { pages: PageDraft[]; drafts: QuestionDraft[] } {
  if (pages.length <= 1 || index < 0 || index >= pages.length) return { pages, drafts };
  const target = index === 0 ? 0 : index - 1;
  return {
    pages: pages.filter((_, at) => at !== index),
    drafts: byPage(
      drafts.map((draft) => {
        if (draft.page === index) return { ...draft, page: target };
        return draft.page > index ? { ...draft, page: draft.page - 1 } : draft;
      }),
    ),
  };
}

// A page moved one place up (-1) or down (1), with its questions.
export function movePage(
  pages: PageDraft[],
  drafts: QuestionDraft[],
  index: number,
  by: -1 | 1,
): { pages: PageDraft[]; drafts: QuestionDraft[] } {
  const other = index + by;
  if (index < 0 || index >= pages.length || other < 0 || other >= pages.length) return { pages, drafts };
  const moved = [...pages];
  [moved[index], moved[other]] = [moved[other] as PageDraft, moved[index] as PageDraft];
  const swap = (page: number) => (page === index ? other : page === other ? index : page);
  return { pages: moved, drafts: byPage(drafts.map((draft) => ({ ...draft, page: swap(draft.page) }))) };
}

// A new question at the end of page `page`.
export function addQuestionTo(drafts: QuestionDraft[], page: number, title = ''): QuestionDraft[] {
  const question = { ...newQuestion(drafts, title), page };
  const after = drafts.findLastIndex((draft) => draft.page <= page);
  return [...drafts.slice(0, after + 1), question, ...drafts.slice(after + 1)];
}

// A new question at the end of the last page, named q1, q2, … (the first free name).
export function newQuestion(drafts: QuestionDraft[], title = ''): QuestionDraft {
  const names = new Set(drafts.map((draft) => draft.name));
  let index = drafts.length + 1;
  while (names.has(`q${index}`)) index += 1;
  const page = drafts.length > 0 ? Math.max(...drafts.map((draft) => draft.page)) : 0;
  return {
    key: newKey(),
    page,
    name: `q${index}`,
    title,
    type: 'radiogroup',
    isRequired: false,
    choices: [],
    role: 'none',
    original: { name: `q${index}`, type: 'radiogroup' },
  };
}

// What choosing a role implies: the scale it is read on, and the urgency ranking's choices taken
// from the needs question (the ones the store chose).
export function withRole(draft: QuestionDraft, role: QuestionRole, drafts: QuestionDraft[]): QuestionDraft {
  const next: QuestionDraft = { ...draft, role };
  if (role === 'nps') Object.assign(next, { type: 'rating', rateMin: 0, rateMax: 10 });
  if (role === 'overall') Object.assign(next, { type: 'rating', rateMin: 1, rateMax: 5 });
  if (role === 'expectation' || role === 'perception')
    Object.assign(next, {
      type: 'rating',
      rateMin: 1,
      rateMax: draft.rateMax === 5 || draft.rateMax === 7 ? draft.rateMax : 7,
    });
  if (role === 'needs') next.type = 'checkbox';
  if (role === 'urgency') {
    next.type = 'ranking';
    const needs = drafts.find((other) => other.role === 'needs' && other.key !== draft.key);
    if (needs)
      next.original = {
        ...draft.original,
        choicesFromQuestion: needs.name,
        choicesFromQuestionMode: 'selected',
        visibleIf: `{${needs.name}.length} > 1`,
      };
  }
  if (role !== 'expectation' && role !== 'perception') {
    next.servqual = undefined;
    next.servqualItem = undefined;
  }
  return next;
}

export type QuestionIssue =
  | { key: 'titleMissing'; index: number }
  | { key: 'nameDuplicate'; name: string }
  | { key: 'choicesMissing'; index: number }
  | { key: 'dimensionMissing'; index: number }
  | { key: 'scaleWrong'; index: number };

// What the editor checks before saving (the server checks the JSON again with the form library).
export function questionIssues(drafts: QuestionDraft[]): QuestionIssue[] {
  const issues: QuestionIssue[] = [];
  const seen = new Set<string>();
  drafts.forEach((draft, position) => {
    const index = position + 1;
    if (isEditableType(draft.type) && draft.title.trim() === '') issues.push({ key: 'titleMissing', index });
    if (seen.has(draft.name)) issues.push({ key: 'nameDuplicate', name: draft.name });
    seen.add(draft.name);
    if (hasChoices(draft.type) && draft.choices.length === 0 && !draft.original.choicesFromQuestion)
      issues.push({ key: 'choicesMissing', index });
    const isServqual = draft.role === 'expectation' || draft.role === 'perception';
    if (isServqual && (!draft.servqual || !draft.servqualItem?.trim())) issues.push({ key: 'dimensionMissing', index });
    const scaleIs = (min: number, max: readonly number[]) =>
      draft.type === 'rating' && draft.rateMin === min && draft.rateMax !== undefined && max.includes(draft.rateMax);
    const isScaleRight =
      (!isServqual || scaleIs(1, [5, 7])) &&
      (draft.role !== 'nps' || scaleIs(0, [10])) &&
      (draft.role !== 'overall' || scaleIs(1, [5]));
    if (!isScaleRight) issues.push({ key: 'scaleWrong', index });
  });
  return issues;
}
