import { CameraOutlined, CloseOutlined, DownloadOutlined, LeftOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  beijingToday,
  type ContestPhoto,
  contestPhotoUrl,
  type PortalContest,
  portalContestState,
  sortPortalContests,
  uploadEntryPhoto,
  usePortalContests,
  useSubmitPortalEntry,
} from './contests.api.ts';
import './contests.css';

const stateColours = { open: 'processing', closed: 'orange', published: 'green' } as const;
const maxPhotos = 6;

function ContestsHead() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="portal-surveys-head">
      <Button
        type="text"
        icon={<LeftOutlined />}
        aria-label={t('contestsPortal.back')}
        onClick={() => navigate('/portal/mine')}
      />
      <h2>{t('contestsPortal.title')}</h2>
    </div>
  );
}

// 陈列创意大赛 (我的 › 陈列大赛): the contests taking entries — the rules, the criteria and an entry
// with photos taken on the phone — then those being judged, then the published ones with the
// winners and the booklet to download. Phone-first, one column.
export function ContestsPage() {
  const { t } = useTranslation();
  const contests = usePortalContests();
  if (contests.isPending) return <FullPageSpin />;
  if (contests.error) return <FullPageError error={contests.error} onRetry={() => void contests.refetch()} />;
  const today = beijingToday(new Date());
  const items = sortPortalContests(contests.data.items, today);

  return (
    <div className="portal-page">
      <ContestsHead />
      {items.length === 0 ? (
        <section className="portal-card">
          <Empty description={t('contestsPortal.empty')} />
        </section>
      ) : (
        items.map((contest) => <ContestCard key={contest.id} contest={contest} today={today} />)
      )}
    </div>
  );
}

function ContestCard({ contest, today }: { contest: PortalContest; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [isEntering, setEntering] = useState(false);
  const state = portalContestState(contest, today);

  return (
    <section className="portal-card portal-contest-card" data-testid="portal-contest">
      <div className="portal-contest-head">
        <h3>{contest.title}</h3>
        <Tag color={stateColours[state]}>{t(`contestsPortal.${state}`)}</Tag>
      </div>
      <p className="portal-muted">
        {t('contestsPortal.period', { from: format.day(contest.startsOn), to: format.day(contest.endsOn) })}
        {state === 'open' ? ` · ${t('contestsPortal.deadline', { date: format.day(contest.entryDeadline) })}` : ''}
      </p>
      {state !== 'published' ? (
        <>
          <p className="portal-contest-rules">{contest.rules}</p>
          <p className="portal-muted">
            {t('contestsPortal.criteria', {
              list: contest.criteria
                .map((criterion) =>
                  t('contestsPortal.criterion', { label: criterion.label, weight: format.number(criterion.weight) }),
                )
                .join(format.locale === 'en' ? ', ' : '、'),
            })}
          </p>
        </>
      ) : null}
      {contest.myEntry ? (
        <p>
          <Tag color="blue">{t('contestsPortal.myEntry', { title: contest.myEntry.title })}</Tag>
          {contest.myEntry.rank !== null ? (
            <Tag color="gold">{t('contestsPortal.myRank', { rank: format.number(contest.myEntry.rank) })}</Tag>
          ) : null}
        </p>
      ) : null}
      {contest.canEnter && !isEntering ? (
        <Button type="primary" size="large" block className="portal-big-button" onClick={() => setEntering(true)}>
          {t('contestsPortal.enter')}
        </Button>
      ) : null}
      {contest.canEnter && isEntering ? <EntryForm contestId={contest.id} onDone={() => setEntering(false)} /> : null}
      {contest.winners.length > 0 ? (
        <>
          <h4>
            <TrophyOutlined /> {t('contestsPortal.winners')}
          </h4>
          <ol className="portal-contest-winners">
            {contest.winners.map((winner) => (
              <li key={winner.rank}>
                {t('contestsPortal.winner', {
                  rank: format.number(winner.rank),
                  customer: winner.customerName,
                  title: winner.title,
                  score: format.number(winner.score, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
                })}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {contest.bookletUrl ? (
        <Button
          size="large"
          block
          icon={<DownloadOutlined />}
          href={contest.bookletUrl}
          download
          data-testid="portal-booklet-link"
        >
          {t('contestsPortal.booklet')}
        </Button>
      ) : null}
    </section>
  );
}

type Values = { title?: string; description?: string };

// The entry: a title, a few words, and 1–6 photos, each uploaded as soon as it is taken or chosen.
function EntryForm({ contestId, onDone }: { contestId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<ContestPhoto[]>([]);
  const [uploading, setUploading] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [photoMissing, setPhotoMissing] = useState(false);
  const submit = useSubmitPortalEntry();

  const addFiles = async (files: FileList | null) => {
    const chosen = [...(files ?? [])].slice(0, maxPhotos - photos.length);
    setFailure(null);
    setUploading((count) => count + chosen.length);
    for (const file of chosen) {
      try {
        const photo = await uploadEntryPhoto(file);
        setPhotos((current) => [...current, photo]);
        setPhotoMissing(false);
      } catch (error) {
        setFailure(error);
      } finally {
        setUploading((count) => count - 1);
      }
    }
  };

  const finish = async (values: Values) => {
    if (photos.length === 0) {
      setPhotoMissing(true);
      return;
    }
    setFailure(null);
    try {
      await submit.mutateAsync({
        contestId,
        input: {
          title: (values.title ?? '').trim(),
          description: values.description?.trim() ? values.description.trim() : null,
          photoIds: photos.map((photo) => photo.id),
        },
      });
      message.success(t('contestsPortal.submitted'));
      onDone();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={finish}
      onFinishFailed={() => setPhotoMissing(photos.length === 0)}
      data-testid="portal-contest-entry"
    >
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 12 }} /> : null}
      <Form.Item
        name="title"
        label={t('contestsPortal.entryTitle')}
        rules={[{ required: true, whitespace: true, message: t('contestsPortal.titleRequired') }]}
      >
        <Input size="large" maxLength={100} placeholder={t('contestsPortal.entryTitlePlaceholder')} />
      </Form.Item>
      <Form.Item name="description" label={t('contestsPortal.description')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item
        label={t('contestsPortal.photos')}
        required
        validateStatus={photoMissing ? 'error' : undefined}
        help={photoMissing ? t('contestsPortal.photoRequired') : undefined}
      >
        <div className="portal-contest-photos">
          {photos.map((photo) => (
            <div className="portal-contest-photo" key={photo.id}>
              <img src={contestPhotoUrl(photo.id)} alt="" />
              <Button
                size="small"
                shape="circle"
                icon={<CloseOutlined />}
                aria-label={t('contestsPortal.removePhoto')}
                onClick={() => setPhotos((current) => current.filter((item) => item.id !== photo.id))}
              />
            </div>
          ))}
          {uploading > 0 ? (
            <div className="portal-contest-add">
              <Spin size="small" />
              {t('contestsPortal.uploading')}
            </div>
          ) : null}
          {photos.length + uploading < maxPhotos ? (
            <label className="portal-contest-add">
              <CameraOutlined style={{ fontSize: 22 }} />
              {t('contestsPortal.addPhoto')}
              <input
                type="file"
                accept="image/jpeg,image/png"
                multiple
                // Inline: antd's form styles show a file input (.ant-form input[type='file']).
                style={{ display: 'none' }}
                data-testid="portal-contest-photo-input"
                onChange={(event) => {
                  void addFiles(event.target.files);
                  event.target.value = '';
                }}
              />
            </label>
          ) : null}
        </div>
      </Form.Item>
      <Button
        type="primary"
        size="large"
        block
        htmlType="submit"
        className="portal-big-button"
        loading={submit.isPending}
        disabled={uploading > 0}
      >
        {t('contestsPortal.submit')}
      </Button>
      <Button size="large" block type="text" onClick={onDone}>
        {t('contestsPortal.cancel')}
      </Button>
    </Form>
  );
}
