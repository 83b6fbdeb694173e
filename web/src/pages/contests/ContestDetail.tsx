import { DownloadOutlined, LeftOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Image, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { ContestStatusTag } from './components/ContestStatusTag.tsx';
import { EntryDialog } from './components/EntryDialog.tsx';
import { RankingTable } from './components/RankingTable.tsx';
import { ScoreDialog } from './components/ScoreDialog.tsx';
import {
  bookletUrl,
  type Contest,
  canSeeRanking,
  contestPhotoUrl,
  type Entry,
  judgeTotal,
  publishContest,
  useContest,
  useContestMutation,
  useEntries,
} from './contests.api.ts';

// A contest: its rules, criteria and judges; the entries (a judge scores them here, seeing only
// their own scores); the ranking for those the server shows it to; publishing and the booklet.
export function ContestDetailPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = /^\d{1,10}$/.test(params.id ?? '') ? Number(params.id) : 0;
  const contest = useContest(id);
  // The entries this user may see (a manager's: their stores'), counted on the tab.
  const entries = useEntries(contest.data ? id : 0);
  const can = useCan();
  const { modal, message } = App.useApp();
  const publish = useContestMutation(publishContest);
  const [isEntering, setEntering] = useState(false);

  if (contest.isPending) return <Spin />;
  if (contest.error)
    return <Alert type="error" showIcon title={describeError(contest.error, t)} data-testid="contest-problem" />;
  const data = contest.data;
  const isOpen = data.status === 'open';
  const showsRanking = canSeeRanking(data, can('POST /api/v1/contests/:id/publish'));

  const confirmPublish = () =>
    modal.confirm({
      title: t('contests.detail.publish'),
      content: t('contests.detail.publishConfirm'),
      onOk: async () => {
        try {
          await publish.mutateAsync(data.id);
          message.success(t('contests.detail.published'));
        } catch (error) {
          message.error(describeError(error, t));
        }
      },
    });

  return (
    <PageContainer
      title={
        <Flex align="center" gap={8} wrap>
          <Link to="/contests" aria-label={t('contests.detail.back')}>
            <LeftOutlined />
          </Link>
          {data.title}
          <ContestStatusTag status={data.status} />
        </Flex>
      }
      extra={
        <>
          {isOpen ? (
            <ActionButton
              action="POST /api/v1/contests/:id/entries"
              icon={<PlusOutlined />}
              onClick={() => setEntering(true)}
            >
              {t('contests.entries.newEntry')}
            </ActionButton>
          ) : null}
          {isOpen ? (
            <ActionButton
              action="POST /api/v1/contests/:id/publish"
              type="primary"
              icon={<SendOutlined />}
              loading={publish.isPending}
              onClick={confirmPublish}
            >
              {t('contests.detail.publish')}
            </ActionButton>
          ) : (
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={bookletUrl(data.id)}
              download
              data-testid="booklet-link"
            >
              {t('contests.detail.booklet')}
            </Button>
          )}
        </>
      }
    >
      <ContestSummary contest={data} />
      {data.isJudge ? (
        <Alert type="info" showIcon title={t('contests.detail.youJudge')} style={{ marginBottom: 16 }} />
      ) : null}
      <Tabs
        items={[
          {
            key: 'entries',
            label: t('contests.detail.tabs.entries', { count: entries.data?.items.length ?? data.entryCount }),
            children: <EntryList contest={data} />,
          },
          ...(showsRanking
            ? [{ key: 'ranking', label: t('contests.detail.tabs.ranking'), children: <RankingTable contest={data} /> }]
            : []),
        ]}
      />
      {isEntering ? <EntryDialog contestId={data.id} onClose={() => setEntering(false)} /> : null}
    </PageContainer>
  );
}

function ContestSummary({ contest }: { contest: Contest }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('contests.detail.period')}>
          {format.dateRange(contest.startsOn, contest.endsOn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('contests.detail.deadline')}>{format.day(contest.entryDeadline)}</Descriptions.Item>
        <Descriptions.Item label={t('contests.detail.winnerCount')}>
          {t('contests.detail.winners', { count: contest.winnerCount })}
        </Descriptions.Item>
        <Descriptions.Item label={t('contests.detail.criteria')} span={2}>
          {contest.criteria
            .map((criterion) =>
              t('contests.detail.criterion', {
                label: criterion.label,
                weight: format.number(criterion.weight),
                maxScore: format.number(criterion.maxScore),
              }),
            )
            .join(format.locale === 'en' ? '; ' : '；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('contests.detail.judges')}>
          {contest.judges.map((judge) => judge.displayName).join(format.locale === 'en' ? ', ' : '、')}
        </Descriptions.Item>
        {contest.publishedAt ? (
          <Descriptions.Item label={t('contests.detail.publishedAt')}>
            {format.dateTime(contest.publishedAt)}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('contests.detail.rules')} span={3}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {contest.rules}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function EntryList({ contest }: { contest: Contest }) {
  const { t } = useTranslation();
  const entries = useEntries(contest.id);
  const [scoring, setScoring] = useState<Entry | null>(null);
  if (entries.isPending) return <Spin />;
  if (entries.error) return <Alert type="error" showIcon title={describeError(entries.error, t)} />;
  if (entries.data.items.length === 0) return <Empty description={t('contests.entries.empty')} />;
  return (
    <>
      <Flex wrap gap={16}>
        {entries.data.items.map((entry) => (
          <EntryCard key={entry.id} contest={contest} entry={entry} onScore={() => setScoring(entry)} />
        ))}
      </Flex>
      {scoring ? <ScoreDialog contest={contest} entry={scoring} onClose={() => setScoring(null)} /> : null}
    </>
  );
}

function EntryCard({ contest, entry, onScore }: { contest: Contest; entry: Entry; onScore: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = entry.myScore ? judgeTotal(contest.criteria, entry.myScore.scores) : null;
  return (
    <Card size="small" style={{ width: 320 }} data-testid="contest-entry" title={entry.title}>
      <Image.PreviewGroup>
        <Flex gap={4} wrap style={{ marginBottom: 8 }}>
          {entry.photoIds.map((photoId, index) => (
            <Image
              key={photoId}
              width={entry.photoIds.length === 1 ? 294 : 94}
              height={entry.photoIds.length === 1 ? 180 : 70}
              style={{ objectFit: 'cover' }}
              src={contestPhotoUrl(photoId)}
              alt={t('contests.entries.photo', { index: index + 1 })}
            />
          ))}
        </Flex>
      </Image.PreviewGroup>
      <Typography.Text strong>{entry.customerName}</Typography.Text>
      <Typography.Text type="secondary"> · {entry.branchName}</Typography.Text>
      {entry.description ? (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
          {entry.description}
        </Typography.Paragraph>
      ) : null}
      <div>
        <Typography.Text type="secondary">
          {t('contests.entries.submittedAt', { time: format.dateTime(entry.submittedAt) })}
        </Typography.Text>
      </div>
      {contest.isJudge ? (
        <Flex align="center" gap={8} wrap style={{ marginTop: 8 }}>
          {entry.myScore && total !== null ? (
            <Flex vertical>
              <Tag color="green">
                {t('contests.entries.myScore', { total: format.number(total, { maximumFractionDigits: 2 }) })}
              </Tag>
              {entry.myScore.comment ? (
                <Typography.Text type="secondary">
                  {t('contests.entries.myComment', { comment: entry.myScore.comment })}
                </Typography.Text>
              ) : null}
            </Flex>
          ) : entry.canScore ? (
            <>
              <Tag color="orange">{t('contests.entries.notScored')}</Tag>
              <ActionButton
                action="POST /api/v1/contests/:id/entries/:entryId/scores"
                type="primary"
                size="small"
                onClick={onScore}
              >
                {t('contests.entries.score')}
              </ActionButton>
            </>
          ) : contest.status === 'open' ? (
            <Tag>{t('contests.entries.ownBranch')}</Tag>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
