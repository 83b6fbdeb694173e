import { CheckCircleOutlined, DownloadOutlined, LeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Input, Radio, Rate, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  type PortalSession,
  portalCertificateUrl,
  scannedCheckIn,
  splitPortalSessions,
  type TestResult,
  useCancelSignup,
  useCheckIn,
  usePortalSessions,
  usePortalTest,
  useRate,
  useSignUp,
  useTakeTest,
} from './training.api.ts';
import './training.css';

const kindColours = {
  brand_classroom: 'gold',
  business_skills: 'blue',
  law_integrity: 'purple',
  service: 'green',
} as const;

// 培训 (我的 › 培训报名与签到): my sessions (signed up or waitlisted) with check-in, the post-test, the
// rating and the certificate; then the sessions open to my store to sign up for. A scanned QR code
// opens this page with ?session=&code= and checks in at once. Phone-first, one column.
export function TrainingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const sessions = usePortalSessions();
  const scanned = scannedCheckIn(location.search);

  if (sessions.isPending) return <FullPageSpin />;
  if (sessions.error) return <FullPageError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const { mine, open } = splitPortalSessions(sessions.data.items);

  return (
    <div className="portal-page">
      <div className="portal-training-head">
        <Button
          type="text"
          icon={<LeftOutlined />}
          aria-label={t('trainingPortal.back')}
          onClick={() => navigate('/portal/mine')}
        />
        <h2>{t('trainingPortal.title')}</h2>
      </div>
      {mine.length > 0 ? <h3 className="portal-training-section">{t('trainingPortal.mine')}</h3> : null}
      {mine.map((session) => (
        <SessionCard
          key={session.id}
          session={session}
          scannedCode={scanned?.id === session.id ? scanned.code : undefined}
        />
      ))}
      <h3 className="portal-training-section">{t('trainingPortal.upcoming')}</h3>
      {open.length === 0 ? (
        <section className="portal-card">
          <Empty description={t('trainingPortal.empty')} />
        </section>
      ) : (
        open.map((session) => <SessionCard key={session.id} session={session} />)
      )}
    </div>
  );
}

function SessionCard({ session, scannedCode }: { session: PortalSession; scannedCode?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message, modal } = App.useApp();
  const signUp = useSignUp();
  const cancel = useCancelSignup();
  const [failure, setFailure] = useState<unknown>(null);
  const my = session.my;

  const doSignUp = async () => {
    setFailure(null);
    try {
      const result = await signUp.mutateAsync(session.id);
      if (result.status === 'confirmed') message.success(t('trainingPortal.signedUp'));
      else modal.info({ title: t('trainingPortal.waitlisted', { position: result.waitlistPosition ?? 1 }) });
    } catch (error) {
      setFailure(error);
    }
  };
  const doCancel = () =>
    modal.confirm({
      title: t('trainingPortal.cancelConfirm'),
      onOk: async () => {
        try {
          await cancel.mutateAsync(session.id);
          message.success(t('trainingPortal.cancelled'));
        } catch (error) {
          setFailure(error);
        }
      },
    });

  return (
    <section className="portal-card portal-training-card" data-testid="portal-training">
      <div className="portal-training-title">
        <h3>{session.title}</h3>
        <Tag color={kindColours[session.kind]}>{t(`training.kinds.${session.kind}`)}</Tag>
      </div>
      <p className="portal-muted">{format.dateTimeRange(session.startsAt, session.endsAt)}</p>
      <p className="portal-muted">
        {session.place} · {t('trainingPortal.trainer', { name: session.trainerName })}
      </p>
      {session.description ? <p>{session.description}</p> : null}
      {my ? (
        <p>
          <Tag color={my.status === 'confirmed' ? 'green' : my.status === 'waitlisted' ? 'orange' : undefined}>
            {t(`trainingPortal.statuses.${my.status}`, { position: my.waitlistPosition ?? '' })}
          </Tag>
          {my.checkedInAt ? (
            <Tag color="blue" icon={<CheckCircleOutlined />}>
              {t('trainingPortal.checkedIn', { time: format.dateTime(my.checkedInAt) })}
            </Tag>
          ) : null}
        </p>
      ) : (
        <p className="portal-muted">
          {session.seatsLeft > 0
            ? t('trainingPortal.seatsLeft', { count: session.seatsLeft })
            : t('trainingPortal.full')}
          {' · '}
          {t('trainingPortal.signupBy', { time: format.dateTime(session.signupDeadline) })}
        </p>
      )}
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 8 }} /> : null}
      {session.canCheckIn ? <CheckInForm id={session.id} scannedCode={scannedCode} /> : null}
      {session.canSignUp ? (
        <Button
          type="primary"
          size="large"
          block
          className="portal-big-button"
          loading={signUp.isPending}
          onClick={() => void doSignUp()}
        >
          {t('trainingPortal.signUp')}
        </Button>
      ) : null}
      {my?.checkedInAt && session.hasTest && my.testScore === null ? <TestForm id={session.id} /> : null}
      {my?.testScore !== null && my?.testScore !== undefined ? (
        <p>
          <Tag color={my.testPassed ? 'green' : 'red'}>
            {my.testPassed ? t('trainingPortal.testPassed') : t('trainingPortal.testFailed')} · {my.testScore}
          </Tag>
        </p>
      ) : null}
      {my?.checkedInAt && my.rating === null ? <RatingForm id={session.id} /> : null}
      {my?.rating ? <p className="portal-muted">{t('trainingPortal.myRating', { rating: my.rating })}</p> : null}
      {session.certificateUrl ? (
        <Button
          size="large"
          block
          icon={<DownloadOutlined />}
          href={portalCertificateUrl(session.id)}
          download
          data-testid="portal-certificate-link"
        >
          {t('trainingPortal.certificate')}
        </Button>
      ) : null}
      {session.canCancel ? (
        <Button size="large" block danger type="text" loading={cancel.isPending} onClick={doCancel}>
          {t('trainingPortal.cancel')}
        </Button>
      ) : null}
    </section>
  );
}

// The code typed, or the one a scanned QR code brought (sent once, at once).
function CheckInForm({ id, scannedCode }: { id: number; scannedCode?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const checkIn = useCheckIn();
  const [code, setCode] = useState(scannedCode ?? '');
  const [failure, setFailure] = useState<unknown>(null);
  const sent = useRef(false);

  const send = async (value: string) => {
    setFailure(null);
    try {
      await checkIn.mutateAsync({ id, code: value });
      message.success(t('trainingPortal.checkInDone'));
    } catch (error) {
      setFailure(error);
    }
  };
  useEffect(() => {
    if (scannedCode && !sent.current) {
      sent.current = true;
      void send(scannedCode);
    }
  });

  return (
    <div className="portal-training-check-in">
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 8 }} /> : null}
      <Space.Compact block>
        <Input
          size="large"
          inputMode="numeric"
          maxLength={6}
          aria-label={t('trainingPortal.checkInCode')}
          placeholder={t('trainingPortal.checkInPlaceholder')}
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
        />
        <Button
          size="large"
          type="primary"
          loading={checkIn.isPending}
          disabled={code.length !== 6}
          onClick={() => void send(code)}
        >
          {t('trainingPortal.checkInButton')}
        </Button>
      </Space.Compact>
    </div>
  );
}

function TestForm({ id }: { id: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const test = usePortalTest(id, open);
  const take = useTakeTest();
  const [answers, setAnswers] = useState<Record<number, number>>({});
  const [result, setResult] = useState<TestResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  if (!open)
    return (
      <Button size="large" block onClick={() => setOpen(true)} style={{ marginBottom: 8 }}>
        {t('trainingPortal.takeTest')}
      </Button>
    );
  if (test.isPending) return <FullPageSpin />;
  if (test.error) return <Alert type="error" showIcon title={describeError(test.error, t)} />;
  const questions = test.data.questions;
  const complete = questions.every((_, index) => answers[index] !== undefined);

  const submit = async () => {
    setFailure(null);
    try {
      setResult(await take.mutateAsync({ id, answers: questions.map((_, index) => answers[index]) }));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <div className="portal-training-test">
      <h4>{t('trainingPortal.test')}</h4>
      {questions.map((question, index) => (
        <fieldset key={question.text} className="portal-training-question">
          <legend>
            {index + 1}. {question.text}
          </legend>
          <Radio.Group
            value={answers[index]}
            onChange={(event) => setAnswers({ ...answers, [index]: event.target.value as number })}
            options={question.options.map((option, optionIndex) => ({ value: optionIndex, label: option }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        </fieldset>
      ))}
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} /> : null}
      {result ? (
        <Alert
          type={result.passed ? 'success' : 'warning'}
          showIcon
          title={t('trainingPortal.testResult', { score: result.score, right: result.right, total: result.total })}
        />
      ) : (
        <Button
          type="primary"
          size="large"
          block
          disabled={!complete}
          loading={take.isPending}
          onClick={() => void submit()}
        >
          {complete ? t('trainingPortal.submitTest') : t('trainingPortal.answerAll')}
        </Button>
      )}
    </div>
  );
}

function RatingForm({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rate = useRate();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async () => {
    setFailure(null);
    try {
      await rate.mutateAsync({ id, rating, comment: comment.trim() || null });
      message.success(t('trainingPortal.rated'));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <div className="portal-training-rating">
      <h4>{t('trainingPortal.rate')}</h4>
      <Rate value={rating} onChange={setRating} aria-label={t('trainingPortal.rate')} style={{ fontSize: 28 }} />
      <Input.TextArea
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 4 }}
        placeholder={t('trainingPortal.rateComment')}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        style={{ margin: '8px 0' }}
      />
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} /> : null}
      <Button size="large" block disabled={rating === 0} loading={rate.isPending} onClick={() => void submit()}>
        {t('trainingPortal.rateSubmit')}
      </Button>
    </div>
  );
}
