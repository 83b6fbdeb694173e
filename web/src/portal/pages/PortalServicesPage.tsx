import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  newRequestBody,
  portalMenuSchema,
  serviceRequestListSchema,
} from '../../../../server/src/modules/visits/visits.contract.ts';
import { api } from '../../shared/api-client.ts';
import { describeError } from '../../shared/error-message.ts';
import { useBuiltInName } from '../../shared/i18n/built-in-names.ts';
import { useFormat } from '../../shared/use-locale.ts';
import type { Body, Wire } from '../../shared/wire.ts';

// The service menu contract, as the server declares it (visits.contract.ts).
type Menu = Wire<typeof portalMenuSchema>;
type Requests = Wire<typeof serviceRequestListSchema>;

// 我的服务: the menu my class entitles me to, a request per item, and my requests.
export function PortalServicesPage() {
  const { t } = useTranslation();
  const builtIn = useBuiltInName();
  const format = useFormat();
  const { message } = App.useApp();
  const client = useQueryClient();
  const menu = useQuery({ queryKey: ['portal', 'services'], queryFn: () => api.get<Menu>('/portal/services') });
  const requests = useQuery({
    queryKey: ['portal', 'services', 'requests'],
    queryFn: () => api.get<Requests>('/portal/services/requests'),
  });
  const ask = useMutation({
    mutationFn: (itemId: number) =>
      api.post('/portal/services/requests', { itemId } satisfies Body<typeof newRequestBody>),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal', 'services', 'requests'] }),
  });
  const open = new Set(
    (requests.data?.items ?? []).filter((request) => request.status === 'open').map((request) => request.itemId),
  );
  const categories = [...new Set((menu.data?.items ?? []).map((item) => item.category))];

  return (
    <div className="portal-page">
      <section className="portal-card">
        <h3>{t('portal.services.title')}</h3>
        <p className="portal-muted" data-testid="portal-class">
          {menu.data
            ? menu.data.classCode
              ? t('portal.services.myClass', {
                  class: t(`visits.classes.${menu.data.classCode}` as 'visits.classes.ordinary'),
                })
              : t('portal.services.unclassified')
            : ''}
        </p>
      </section>
      {categories.map((category) => (
        <section key={category} className="portal-card portal-list">
          <h3>{t(`services.categories.${category}` as 'services.categories.brand')}</h3>
          {(menu.data?.items ?? [])
            .filter((item) => item.category === category)
            .map((item) => (
              <div key={item.id} className="portal-list-row" data-testid="portal-service-item">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div>{builtIn(item.name)}</div>
                  <div className="portal-muted" style={{ fontSize: 12 }}>
                    {builtIn(item.standard)} · {builtIn(item.frequency)}
                  </div>
                </div>
                {open.has(item.id) ? (
                  <Tag color="blue" className="portal-row-action">
                    {t('portal.services.requested')}
                  </Tag>
                ) : (
                  <Button
                    className="portal-row-action"
                    size="small"
                    loading={ask.isPending && ask.variables === item.id}
                    onClick={async () => {
                      try {
                        await ask.mutateAsync(item.id);
                        message.success(t('portal.services.sent'));
                      } catch (error) {
                        message.error(describeError(error, t));
                      }
                    }}
                  >
                    {t('portal.services.request')}
                  </Button>
                )}
              </div>
            ))}
        </section>
      ))}
      <section className="portal-card portal-list">
        <h3>{t('portal.services.myRequests')}</h3>
        {(requests.data?.items ?? []).length === 0 ? <p className="portal-muted">{t('portal.services.none')}</p> : null}
        {(requests.data?.items ?? []).map((request) => (
          <div key={request.id} className="portal-list-row" data-testid="portal-request">
            <span>{builtIn(request.itemName)}</span>
            <span className="portal-muted">
              {format.date(request.requestedAt)} ·{' '}
              {t(`portal.services.status.${request.status}` as 'portal.services.status.open')}
            </span>
          </div>
        ))}
      </section>
    </div>
  );
}
