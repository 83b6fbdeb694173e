import { ArrowDownOutlined, ArrowUpOutlined, CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { kewoRoles } from '../../shared/surveys/survey-properties.ts';
import { SurveyPreview } from './components/SurveyPreview.tsx';
import {
  addPage,
  addQuestionTo,
  type Choice,
  definitionOf,
  draftsOf,
  hasChoices,
  isEditableType,
  movePage,
  type PageDraft,
  pageDraftsOf,
  type QuestionDraft,
  type QuestionIssue,
  type QuestionRole,
  questionIssues,
  questionTypes,
  removePage,
  renamePage,
  withRole,
} from './question-model.ts';
import {
  copyQuestionnaire,
  type Questionnaire,
  type SurveyJson,
  servqualDimensions,
  updateQuestionnaire,
  useNeedItems,
  useQuestionnaire,
  useSurveysMutation,
} from './surveys.api.ts';

function ChoicesEditor({
  choices,
  disabled,
  onChange,
}: {
  choices: Choice[];
  disabled: boolean;
  onChange: (choices: Choice[]) => void;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<Choice>) =>
    onChange(choices.map((choice, at) => (at === index ? { ...choice, ...patch } : choice)));
  return (
    <Flex vertical gap={4}>
      {choices.map((choice, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: choices are edited in place, by position
        <Flex key={index} gap={4}>
          <Input
            size="small"
            style={{ width: 160 }}
            value={choice.value}
            disabled={disabled}
            aria-label={t('surveys.editor.choiceValue')}
            placeholder={t('surveys.editor.choiceValue')}
            onChange={(event) => set(index, { value: event.target.value })}
          />
          <Input
            size="small"
            value={choice.text}
            disabled={disabled}
            aria-label={t('surveys.editor.choiceText')}
            placeholder={t('surveys.editor.choiceText')}
            onChange={(event) => set(index, { text: event.target.value })}
          />
          {disabled ? null : (
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('common.cancel')}
              onClick={() => onChange(choices.filter((_, at) => at !== index))}
            />
          )}
        </Flex>
      ))}
    </Flex>
  );
}

function QuestionCard({
  draft,
  index,
  count,
  drafts,
  disabled,
  onChange,
  onMove,
  onRemove,
}: {
  draft: QuestionDraft;
  index: number;
  count: number;
  drafts: QuestionDraft[];
  disabled: boolean;
  onChange: (draft: QuestionDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const needItems = useNeedItems();
  const editable = isEditableType(draft.type);
  const isServqual = draft.role === 'expectation' || draft.role === 'perception';
  const fillFromNeeds = () =>
    onChange({
      ...draft,
      choices: (needItems.data?.items ?? [])
        .filter((item) => item.active)
        .map((item) => ({ value: item.code, text: item.labelZh })),
    });
  return (
    <Card
      size="small"
      data-testid="question-card"
      title={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{index + 1}.</Typography.Text>
          <Input
            variant="borderless"
            value={draft.title}
            disabled={disabled || !editable}
            aria-label={t('surveys.editor.questionTitle')}
            placeholder={t('surveys.editor.questionTitle')}
            onChange={(event) => onChange({ ...draft, title: event.target.value })}
          />
        </Flex>
      }
      extra={
        disabled ? null : (
          <Space size={0}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              aria-label={t('surveys.editor.moveUp')}
              onClick={() => onMove(-1)}
            />
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={index === count - 1}
              aria-label={t('surveys.editor.moveDown')}
              onClick={() => onMove(1)}
            />
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('surveys.editor.removeQuestion')}
              onClick={onRemove}
            />
          </Space>
        )
      }
      style={{ marginBottom: 8 }}
    >
      <Flex gap={8} wrap align="center">
        <Select
          size="small"
          style={{ width: 120 }}
          aria-label={t('surveys.editor.type')}
          value={draft.type}
          disabled={disabled || !editable}
          onChange={(type: string) => onChange({ ...draft, type })}
          options={[
            ...questionTypes.map((type) => ({ value: type, label: t(`surveys.editor.types.${type}`) })),
            ...(editable ? [] : [{ value: draft.type, label: draft.type }]),
          ]}
        />
        <Checkbox
          checked={draft.isRequired}
          disabled={disabled}
          onChange={(event) => onChange({ ...draft, isRequired: event.target.checked })}
        >
          {t('surveys.editor.required')}
        </Checkbox>
        <Select<QuestionRole>
          size="small"
          style={{ width: 170 }}
          aria-label={t('surveys.editor.role')}
          value={draft.role}
          disabled={disabled}
          onChange={(role) => onChange(withRole(draft, role, drafts))}
          options={(['none', ...kewoRoles] as const).map((role) => ({
            value: role,
            label: t(`surveys.editor.roles.${role}`),
          }))}
        />
        {isServqual ? (
          <>
            <Select
              size="small"
              style={{ width: 110 }}
              aria-label={t('surveys.editor.dimension')}
              placeholder={t('surveys.editor.dimension')}
              value={draft.servqual}
              disabled={disabled}
              onChange={(servqual) => onChange({ ...draft, servqual })}
              options={servqualDimensions.map((dimension) => ({
                value: dimension,
                label: t(`surveys.dimensions.${dimension}`),
              }))}
            />
            <Input
              size="small"
              style={{ width: 90 }}
              aria-label={t('surveys.editor.servqualItem')}
              placeholder={t('surveys.editor.servqualItem')}
              title={t('surveys.editor.servqualItemHelp')}
              value={draft.servqualItem ?? ''}
              disabled={disabled}
              onChange={(event) => onChange({ ...draft, servqualItem: event.target.value })}
            />
          </>
        ) : null}
        {draft.type === 'rating' ? (
          <Space size={4}>
            <InputNumber<number>
              size="small"
              style={{ width: 64 }}
              aria-label={t('surveys.editor.rateMin')}
              value={draft.rateMin ?? 1}
              precision={0}
              disabled={disabled}
              onChange={(rateMin) => onChange({ ...draft, rateMin: rateMin ?? undefined })}
            />
            –
            <InputNumber<number>
              size="small"
              style={{ width: 64 }}
              aria-label={t('surveys.editor.rateMax')}
              value={draft.rateMax ?? 5}
              precision={0}
              disabled={disabled}
              onChange={(rateMax) => onChange({ ...draft, rateMax: rateMax ?? undefined })}
            />
          </Space>
        ) : null}
        <Typography.Text type="secondary" code>
          {draft.name}
        </Typography.Text>
      </Flex>
      {hasChoices(draft.type) ? (
        <div style={{ marginTop: 8 }}>
          {draft.original.choicesFromQuestion && draft.choices.length === 0 ? (
            <Typography.Text type="secondary">
              {t('surveys.editor.roles.urgency')} ←{' '}
              <Typography.Text code>{String(draft.original.choicesFromQuestion)}</Typography.Text>
            </Typography.Text>
          ) : (
            <ChoicesEditor
              choices={draft.choices}
              disabled={disabled}
              onChange={(choices) => onChange({ ...draft, choices })}
            />
          )}
          {disabled ? null : (
            <Space style={{ marginTop: 4 }}>
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  onChange({
                    ...draft,
                    choices: [...draft.choices, { value: `c${draft.choices.length + 1}`, text: '' }],
                  })
                }
              >
                {t('surveys.editor.addChoice')}
              </Button>
              {draft.role === 'needs' ? (
                <Button size="small" onClick={fillFromNeeds} loading={needItems.isPending}>
                  {t('surveys.editor.choicesFromNeeds')}
                </Button>
              ) : null}
            </Space>
          )}
        </div>
      ) : null}
    </Card>
  );
}

// One page of the questionnaire: its title, moved or removed (its questions join a neighbour), its
// questions, and a button adding one to it.
function PageSection({
  page,
  index,
  count,
  disabled,
  onRename,
  onMove,
  onRemove,
  onAddQuestion,
  children,
}: {
  page: PageDraft;
  index: number;
  count: number;
  disabled: boolean;
  onRename: (title: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onAddQuestion: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      type="inner"
      data-testid="page-section"
      style={{ marginBottom: 12, background: '#fafafa' }}
      title={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t('surveys.editor.pageNumber', { page: index + 1 })}
          </Typography.Text>
          <Input
            size="small"
            value={page.title}
            disabled={disabled}
            maxLength={200}
            aria-label={t('surveys.editor.pageTitle', { page: index + 1 })}
            placeholder={t('surveys.editor.pageTitlePlaceholder')}
            onChange={(event) => onRename(event.target.value)}
          />
        </Flex>
      }
      extra={
        disabled ? null : (
          <Space size={0}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              aria-label={t('surveys.editor.movePageUp')}
              onClick={() => onMove(-1)}
            />
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={index === count - 1}
              aria-label={t('surveys.editor.movePageDown')}
              onClick={() => onMove(1)}
            />
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              disabled={count <= 1}
              aria-label={t('surveys.editor.removePage')}
              title={t('surveys.editor.removePageHelp')}
              onClick={onRemove}
            />
          </Space>
        )
      }
    >
      {children}
      {disabled ? null : (
        <Button type="dashed" block size="small" icon={<PlusOutlined />} onClick={onAddQuestion}>
          {t('surveys.editor.addQuestion')}
        </Button>
      )}
    </Card>
  );
}

const issueText = (issue: QuestionIssue, t: TFunction) =>
  issue.key === 'nameDuplicate'
    ? t('surveys.editor.issues.nameDuplicate', { name: issue.name })
    : t(`surveys.editor.issues.${issue.key}`, { index: issue.index });

// The questionnaire being edited: the editor's questions over the definition it was loaded from.
function Editor({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [base, setBase] = useState<SurveyJson>(questionnaire.definition);
  const [drafts, setDrafts] = useState<QuestionDraft[]>(() => draftsOf(questionnaire.definition));
  const [pages, setPages] = useState<PageDraft[]>(() => pageDraftsOf(questionnaire.definition));
  const [title, setTitle] = useState(questionnaire.title);
  const [isDirty, setDirty] = useState(false);
  const [jsonText, setJsonText] = useState(() => JSON.stringify(questionnaire.definition, null, 2));
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const save = useSurveysMutation(updateQuestionnaire);
  const copy = useSurveysMutation(copyQuestionnaire);
  const locked = questionnaire.locked;

  const definition = useMemo(() => ({ ...definitionOf(base, drafts, pages), title }), [base, drafts, pages, title]);
  // The preview follows the edits a moment later (a new form model per change).
  const [previewed, setPreviewed] = useState({ definition, version: 0 });
  useEffect(() => {
    const timer = setTimeout(() => setPreviewed((current) => ({ definition, version: current.version + 1 })), 400);
    return () => clearTimeout(timer);
  }, [definition]);

  const issues = checked ? questionIssues(drafts) : [];
  const change = (next: QuestionDraft[]) => {
    setDrafts(next);
    setDirty(true);
  };
  const changePages = (next: { pages: PageDraft[]; drafts: QuestionDraft[] }) => {
    setPages(next.pages);
    change(next.drafts);
  };

  const loaded = (saved: Questionnaire) => {
    setBase(saved.definition);
    setDrafts(draftsOf(saved.definition));
    setPages(pageDraftsOf(saved.definition));
    setTitle(saved.title);
    setJsonText(JSON.stringify(saved.definition, null, 2));
    setDirty(false);
  };

  const submit = async () => {
    setChecked(true);
    if (questionIssues(drafts).length > 0) return;
    const saved = await save.mutateAsync({ id: questionnaire.id, patch: { title, definition } }).catch(() => null);
    if (!saved) return;
    message.success(t('surveys.editor.saved'));
    loaded(saved);
  };

  // 粘贴 JSON: read here (a syntax error is said at once), checked by the server when saved.
  const submitJson = async () => {
    let parsed: SurveyJson;
    try {
      parsed = JSON.parse(jsonText) as SurveyJson;
    } catch (error) {
      setJsonProblem(t('surveys.editor.jsonInvalid', { message: (error as Error).message }));
      return;
    }
    setJsonProblem(null);
    const saved = await save.mutateAsync({ id: questionnaire.id, patch: { definition: parsed } }).catch(() => null);
    if (!saved) return;
    message.success(t('surveys.editor.saved'));
    loaded(saved);
  };

  const runCopy = async () => {
    const copied = await copy.mutateAsync(questionnaire.id).catch(() => null);
    if (!copied) return;
    message.success(t('surveys.editor.copied', { version: copied.version }));
    navigate(`/surveys/questionnaires/${copied.id}`);
  };

  const move = (index: number, by: -1 | 1) => {
    const next = [...drafts];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    const target = index + by;
    // A question moved past a page's edge joins that page.
    const neighbour = next[Math.min(Math.max(target, 0), next.length - 1)];
    next.splice(target, 0, neighbour ? { ...moved, page: neighbour.page } : moved);
    change(next);
  };

  return (
    <PageContainer
      title={
        <Space wrap>
          <Link to="/surveys/questionnaires">{t('surveys.editor.back')}</Link>
          <span>·</span>
          {locked ? (
            title
          ) : (
            <Input
              value={title}
              maxLength={200}
              aria-label={t('surveys.questionnaires.name')}
              style={{ width: 360 }}
              onChange={(event) => {
                setTitle(event.target.value);
                setDirty(true);
              }}
            />
          )}
          <Tag>{t(`surveys.kinds.${questionnaire.kind}`)}</Tag>
          <Tag>{t('surveys.questionnaires.versionValue', { version: questionnaire.version })}</Tag>
          {isDirty ? <Tag color="orange">{t('surveys.editor.unsaved')}</Tag> : null}
        </Space>
      }
      extra={
        locked ? (
          <ActionButton
            action="POST /api/v1/surveys/questionnaires/:id/copy"
            type="primary"
            icon={<CopyOutlined />}
            loading={copy.isPending}
            onClick={runCopy}
          >
            {t('surveys.editor.copy')}
          </ActionButton>
        ) : (
          <ActionButton
            action="PATCH /api/v1/surveys/questionnaires/:id"
            type="primary"
            loading={save.isPending}
            onClick={submit}
          >
            {t('surveys.editor.save')}
          </ActionButton>
        )
      }
    >
      {locked ? (
        <Alert type="info" showIcon title={t('surveys.editor.lockedNotice')} style={{ marginBottom: 16 }} />
      ) : null}
      {save.error ? (
        <Alert
          type="error"
          showIcon
          title={describeError(save.error, t)}
          style={{ marginBottom: 16 }}
          data-testid="questionnaire-problem"
        />
      ) : null}
      {copy.error ? (
        <Alert type="error" showIcon title={describeError(copy.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      {issues.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <Flex vertical>
              {issues.map((issue) => (
                <span key={JSON.stringify(issue)}>{issueText(issue, t)}</span>
              ))}
            </Flex>
          }
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <Tabs
            items={[
              {
                key: 'questions',
                label: `${t('surveys.editor.tabQuestions')} (${t('surveys.editor.questionCount', { count: drafts.length })})`,
                children: (
                  <div>
                    {pages.map((page, pageIndex) => (
                      <PageSection
                        key={page.key}
                        page={page}
                        index={pageIndex}
                        count={pages.length}
                        disabled={locked}
                        onRename={(pageTitle) => {
                          setPages(renamePage(pages, pageIndex, pageTitle));
                          setDirty(true);
                        }}
                        onMove={(by) => changePages(movePage(pages, drafts, pageIndex, by))}
                        onRemove={() => changePages(removePage(pages, drafts, pageIndex))}
                        onAddQuestion={() => change(addQuestionTo(drafts, pageIndex))}
                      >
                        {drafts.every((draft) => draft.page !== pageIndex) ? (
                          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.editor.pageEmpty')} />
                        ) : null}
                        {drafts.map((draft, index) =>
                          draft.page === pageIndex ? (
                            <QuestionCard
                              key={draft.key}
                              draft={draft}
                              index={index}
                              count={drafts.length}
                              drafts={drafts}
                              disabled={locked}
                              onChange={(next) => change(drafts.map((item) => (item.key === draft.key ? next : item)))}
                              onMove={(by) => move(index, by)}
                              onRemove={() => change(drafts.filter((item) => item.key !== draft.key))}
                            />
                          ) : null,
                        )}
                      </PageSection>
                    ))}
                    {locked ? null : (
                      <Button
                        type="dashed"
                        block
                        icon={<PlusOutlined />}
                        onClick={() => {
                          setPages(addPage(pages));
                          setDirty(true);
                        }}
                      >
                        {t('surveys.editor.addPage')}
                      </Button>
                    )}
                  </div>
                ),
              },
              {
                key: 'json',
                label: t('surveys.editor.tabJson'),
                children: (
                  <Flex vertical gap={8}>
                    <Typography.Text type="secondary">{t('surveys.editor.jsonHelp')}</Typography.Text>
                    {jsonProblem ? <Alert type="error" showIcon title={jsonProblem} /> : null}
                    <Input.TextArea
                      aria-label={t('surveys.editor.tabJson')}
                      value={jsonText}
                      disabled={locked}
                      onChange={(event) => setJsonText(event.target.value)}
                      autoSize={{ minRows: 16, maxRows: 36 }}
                      style={{ fontFamily: 'monospace', fontSize: 12 }}
                      spellCheck={false}
                    />
                    {locked ? null : (
                      <ActionButton
                        action="PATCH /api/v1/surveys/questionnaires/:id"
                        loading={save.isPending}
                        onClick={submitJson}
                        style={{ alignSelf: 'flex-start' }}
                      >
                        {t('surveys.editor.applyJson')}
                      </ActionButton>
                    )}
                  </Flex>
                ),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={11}>
          <Card size="small" title={t('surveys.editor.preview')} style={{ position: 'sticky', top: 16 }}>
            <div style={{ maxHeight: 'calc(100vh - 200px)', overflow: 'auto' }}>
              <SurveyPreview definition={previewed.definition} version={previewed.version} />
            </div>
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}

// 需求调研 › 问卷 › one questionnaire: the antd editor with the live preview beside it; a locked
// questionnaire (a wave using it has answers) is read-only and may be copied as a new version.
export function QuestionnaireEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const questionnaire = useQuestionnaire(id);
  if (questionnaire.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (questionnaire.error || !questionnaire.data)
    return (
      <Result
        status="warning"
        title={describeError(questionnaire.error, t) || t('surveys.notFound')}
        extra={<Link to="/surveys/questionnaires">{t('surveys.editor.back')}</Link>}
      />
    );
  return <Editor key={`${questionnaire.data.id}`} questionnaire={questionnaire.data} />;
}
