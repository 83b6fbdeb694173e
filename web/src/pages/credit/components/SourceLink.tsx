import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInUser } from '../../../shared/auth/SignedInUser.tsx';
import { sourceText } from '../../../shared/credit.ts';

// The violation records are the inspectors' and the centres' page (module.tsx).
const violationReaders: readonly string[] = ['admin', 'marketing', 'inspector'];

// Where a ledger item's points come from and, where the console has a page for it, a link (a
// complaint ticket; the violation records for those who may open them).
export function SourceLink({ source }: { source: { kind: string; id: string } }) {
  const { t } = useTranslation();
  const { role } = useSignedInUser();
  const text = sourceText(t, source);
  if (source.kind === 'ticket' && source.id) return <Link to={`/tickets/${source.id}`}>{text}</Link>;
  if (source.kind === 'violation' && source.id && violationReaders.includes(role))
    return <Link to={`/credit/violations?id=${source.id}`}>{text}</Link>;
  return <Typography.Text>{text}</Typography.Text>;
}
