import { useTranslation } from 'react-i18next';
import { defaultLocale } from './i18n/locale.ts';

export type AuditLabeller = {
  action: (code: string) => string;
  entity: (code: string) => string;
  // A person by their name; someone acting outside a request (no user id) by what they are.
  actor: (name: string, actorId: number | null) => string;
  // The changed object's id, or null for a change to a whole set (recorded without one; the
  // trail's older rows say '0').
  objectId: (entityId: string) => string | null;
};

const labelOf = (labels: Record<string, string>, code: string) =>
  Object.hasOwn(labels, code) ? labels[code] : undefined;

// The audit trail's codes in the active language (shared/i18n/audit-labels.ts). A code no
// catalogue declares (a row older than its declaration) shows as recorded.
export function useAuditLabels(): AuditLabeller {
  const { t, i18n } = useTranslation();
  // Read as stored: t() would take the ':' of `transition:resolved` for a namespace separator.
  const labelsOf = (group: 'actions' | 'entities' | 'systemActors'): Record<string, string> =>
    i18n.getResource(i18n.resolvedLanguage ?? defaultLocale, 'translation', `audit.${group}`) ?? {};
  const actions = labelsOf('actions');
  const entities = labelsOf('entities');
  const systemActors = labelsOf('systemActors');
  return {
    action: (code) => labelOf(actions, code) ?? code,
    entity: (code) => labelOf(entities, code) ?? code,
    actor: (name, actorId) => {
      if (actorId !== null) return name;
      // `gateway:sms`: the gateway, on its sms channel.
      const [base = '', ...rest] = name.split(':');
      const label = labelOf(systemActors, base);
      if (!label) return name || t('audit.system');
      return rest.length > 0 ? `${label}（${rest.join(':')}）` : label;
    },
    objectId: (entityId) => (entityId === '' || entityId === '0' ? null : entityId),
  };
}
