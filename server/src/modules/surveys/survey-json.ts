import { type Question, Serializer, Model as SurveyModel } from 'survey-core';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AnswerFactKind } from './surveys.schema.ts';

// Questionnaires are SurveyJS JSON; the server loads them with survey-core (no DOM needed) to check
// a definition can be loaded, to check a response against its questionnaire (required answers,
// rating ranges, known choices), and to flatten the tagged answers into survey_answer_facts.
// The tags (kewoRole, servqual, servqualItem) are custom question properties, registered once here
// and once on the web (web/src/shared/surveys/survey-properties.ts) with the same names.

export const kewoRoles = ['needs', 'urgency', 'expectation', 'perception', 'overall', 'nps'] as const;
export type KewoRole = (typeof kewoRoles)[number];
export const servqualDimensions = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;
export type ServqualDimension = (typeof servqualDimensions)[number];

let registered = false;
export function registerKewoProperties(): void {
  if (registered) return;
  registered = true;
  if (!Serializer.findProperty('question', 'kewoRole'))
    Serializer.addProperty('question', { name: 'kewoRole', choices: [...kewoRoles] });
  if (!Serializer.findProperty('question', 'servqual'))
    Serializer.addProperty('question', { name: 'servqual', choices: [...servqualDimensions] });
  if (!Serializer.findProperty('question', 'servqualItem'))
    Serializer.addProperty('question', { name: 'servqualItem' });
}

type QuestionLike = Question & Record<string, unknown>;

const choiceTypes = new Set(['checkbox', 'radiogroup', 'dropdown', 'tagbox', 'ranking', 'imagepicker']);

function fail(reason: string): never {
  throw new DomainError('SURVEY_JSON_INVALID', { reason }, 'definition');
}

// Loads a definition, refusing what the form library cannot load or what breaks the tags' rules.
export function loadQuestionnaire(definition: unknown): SurveyModel {
  registerKewoProperties();
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition))
    fail('须为 JSON 对象 / must be a JSON object');
  let model: SurveyModel;
  try {
    model = new SurveyModel(definition);
  } catch (error) {
    fail(String((error as Error).message ?? error));
  }
  const jsonErrors = model.jsonErrors ?? [];
  if (jsonErrors.length > 0) fail(jsonErrors.map((error) => error.message).join('; '));
  const questions = model.getAllQuestions(false, false, true) as QuestionLike[];
  if (questions.length === 0) fail('没有题目 / no question');
  const names = new Set<string>();
  const items = new Map<string, { expectation?: string; perception?: string; dimension?: string }>();
  let needs = 0;
  for (const question of questions) {
    if (names.has(question.name)) fail(`题目名称重复 / duplicate question name: ${question.name}`);
    names.add(question.name);
    const role = question.kewoRole as KewoRole | undefined;
    const type = question.getType();
    if (role === 'needs') {
      needs += 1;
      if (type !== 'checkbox') fail(`needs 须为多选题 / the needs question must be a checkbox: ${question.name}`);
    }
    if (role === 'urgency' && type !== 'ranking')
      fail(`urgency 须为排序题 / the urgency question must be a ranking: ${question.name}`);
    if (role === 'expectation' || role === 'perception' || role === 'overall' || role === 'nps') {
      if (type !== 'rating') fail(`${role} 须为评分题 / must be a rating: ${question.name}`);
      const values = ratingValues(question);
      if (role === 'nps' && (values[0] !== 0 || values.at(-1) !== 10))
        fail(`NPS 题须为 0–10 分 / the NPS question must rate 0–10: ${question.name}`);
      if ((role === 'expectation' || role === 'perception' || role === 'overall') && values[0] !== 1)
        fail(`${role} 须从 1 分开始 / must start at 1: ${question.name}`);
    }
    if (role === 'expectation' || role === 'perception') {
      const item = question.servqualItem as string | undefined;
      const dimension = question.servqual as string | undefined;
      if (!item || !dimension || !(servqualDimensions as readonly string[]).includes(dimension))
        fail(`SERVQUAL 题须有 servqual 维度和 servqualItem / needs servqual and servqualItem: ${question.name}`);
      const pair = items.get(item) ?? {};
      if (pair[role]) fail(`SERVQUAL 题项 ${item} 的 ${role} 重复 / duplicate ${role} of item ${item}`);
      if (pair.dimension && pair.dimension !== dimension) fail(`SERVQUAL 题项 ${item} 维度不一致 / dimension mismatch`);
      items.set(item, { ...pair, [role]: question.name, dimension });
    }
  }
  if (needs > 1) fail('只能有一道需求多选题 / only one needs question');
  return model;
}

function ratingValues(question: QuestionLike): number[] {
  const values = ((question as unknown as { visibleRateValues: Array<{ value: unknown }> }).visibleRateValues ?? [])
    .map((item) => Number(item.value))
    .filter((value) => Number.isFinite(value));
  return values.sort((a, b) => a - b);
}

function choiceValues(question: QuestionLike): Set<string> {
  const q = question as unknown as {
    choices?: Array<{ value: unknown }>;
    visibleChoices?: Array<{ value: unknown }>;
    showOtherItem?: boolean;
    showNoneItem?: boolean;
    hasOther?: boolean;
    hasNone?: boolean;
  };
  const values = new Set<string>();
  for (const choice of [...(q.choices ?? []), ...(q.visibleChoices ?? [])]) values.add(String(choice.value));
  if (q.showOtherItem || q.hasOther) values.add('other');
  if (q.showNoneItem || q.hasNone) values.add('none');
  return values;
}

function problemOf(question: QuestionLike, value: unknown): string | undefined {
  const type = question.getType();
  const title = question.name;
  if (type === 'rating') {
    const number = Number(value);
    const values = ratingValues(question);
    if (typeof value === 'boolean' || !Number.isFinite(number) || !values.includes(number))
      return `“${title}” 评分须在 ${values[0]}–${values.at(-1)} 之间 / rating out of range (${String(value)})`;
    return undefined;
  }
  if (choiceTypes.has(type)) {
    const allowed = choiceValues(question);
    const many = type === 'checkbox' || type === 'tagbox' || type === 'ranking';
    if (many && !Array.isArray(value)) return `“${title}” 须为数组 / must be an array`;
    const list = many ? (value as unknown[]) : [value];
    const unknown = list.filter((item) => !allowed.has(String(item)));
    if (unknown.length > 0) return `“${title}” 含未知选项 / unknown choice: ${unknown.map(String).join(', ')}`;
    if (many && new Set(list.map(String)).size !== list.length) return `“${title}” 选项重复 / duplicate choice`;
  }
  return undefined;
}

// Checks a response against its questionnaire: only its questions (and their "-Comment" keys),
// each visible required one answered, ratings in range, choices among the question's own.
export function checkResponse(definition: unknown, data: unknown): Record<string, unknown> {
  const model = loadQuestionnaire(definition);
  const bad = (reason: string): never => {
    throw new DomainError('SURVEY_RESPONSE_INVALID', { reason }, 'data');
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) bad('须为 JSON 对象 / must be an object');
  const answers = data as Record<string, unknown>;
  const questions = new Map(
    (model.getAllQuestions(false, false, true) as QuestionLike[]).map((question) => [question.name, question]),
  );
  for (const key of Object.keys(answers)) {
    const name = key.endsWith('-Comment') ? key.slice(0, -'-Comment'.length) : key;
    if (!questions.has(name)) bad(`问卷中没有题目 “${key}” / no such question`);
  }
  model.data = answers;
  for (const question of questions.values()) {
    const value = answers[question.name];
    if (value === undefined || value === null || value === '') continue;
    const problem = problemOf(question, value);
    if (problem) bad(problem);
  }
  if (!model.validate(false, false)) {
    const missing = (model.getAllQuestions(true) as QuestionLike[])
      .filter((question) => question.errors.length > 0)
      .map((question) => `“${question.title || question.name}”`);
    bad(`必答题未答 / required: ${missing.slice(0, 5).join('、')}`);
  }
  return answers;
}

export type AnswerFact = {
  kind: AnswerFactKind;
  item: string;
  dimension: string | null;
  value: number;
  scaleMax: number | null;
};

// How a questionnaire's tagged questions become facts: read once per questionnaire.
export type FactPlan = Array<{
  name: string;
  role: KewoRole;
  item: string;
  dimension: string | null;
  scaleMax: number | null;
}>;

export function factPlanOf(model: SurveyModel): FactPlan {
  const plan: FactPlan = [];
  for (const question of model.getAllQuestions(false, false, true) as QuestionLike[]) {
    const role = question.kewoRole as KewoRole | undefined;
    if (!role || !(kewoRoles as readonly string[]).includes(role)) continue;
    const rated = role !== 'needs' && role !== 'urgency';
    plan.push({
      name: question.name,
      role,
      item: role === 'expectation' || role === 'perception' ? String(question.servqualItem ?? '') : '',
      dimension: role === 'expectation' || role === 'perception' ? String(question.servqual ?? '') : null,
      scaleMax: rated ? (ratingValues(question).at(-1) ?? null) : null,
    });
  }
  return plan;
}

// The tagged answers of a (checked) response as facts: a chosen need (value 1) per code, its rank
// in the urgency question (1 = most urgent), each SERVQUAL rating, the overall rating and NPS.
export function factsOf(source: SurveyModel | FactPlan, data: Record<string, unknown>): AnswerFact[] {
  const plan = Array.isArray(source) ? source : factPlanOf(source);
  const facts: AnswerFact[] = [];
  for (const question of plan) {
    const value = data[question.name];
    if (value === undefined || value === null) continue;
    if (question.role === 'needs') {
      if (Array.isArray(value))
        for (const code of value)
          if (code !== 'other' && code !== 'none')
            facts.push({ kind: 'need', item: String(code), dimension: null, value: 1, scaleMax: null });
    } else if (question.role === 'urgency') {
      if (Array.isArray(value))
        value.forEach((code, index) => {
          facts.push({ kind: 'urgency', item: String(code), dimension: null, value: index + 1, scaleMax: null });
        });
    } else if (typeof value === 'number' || typeof value === 'string') {
      const number = Number(value);
      if (!Number.isFinite(number)) continue;
      facts.push({
        kind: question.role,
        item: question.item,
        dimension: question.dimension,
        value: number,
        scaleMax: question.scaleMax,
      });
    }
  }
  return facts;
}

// A response in words (the 360° view): each answered question's title and its answer as text.
export function answersInWords(
  definition: unknown,
  data: Record<string, unknown>,
): Array<{ title: string; value: string }> {
  let model: SurveyModel;
  try {
    model = loadQuestionnaire(definition);
  } catch {
    return Object.entries(data).map(([title, value]) => ({ title, value: JSON.stringify(value) }));
  }
  const answers: Array<{ title: string; value: string }> = [];
  for (const question of model.getAllQuestions(false, false, true) as QuestionLike[]) {
    const value = data[question.name];
    if (value === undefined || value === null) continue;
    const q = question as unknown as { choices?: Array<{ value: unknown; text: string }> };
    const labelOf = (item: unknown) =>
      q.choices?.find((choice) => String(choice.value) === String(item))?.text ?? String(item);
    const text = Array.isArray(value)
      ? value.map(labelOf).join('、')
      : choiceTypes.has(question.getType())
        ? labelOf(value)
        : String(value);
    answers.push({ title: question.title || question.name, value: text });
  }
  return answers;
}
