import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/use-locale.ts';
import { formatYuan } from '../prices-format.ts';

// The question a pack price far from the suggested one asks before it is sent again with
// confirm: true (the server's 409 PRICE_CONFIRMATION_REQUIRED): in the person's words, not the API's.
export function useConfirmPrice() {
  const { t } = useTranslation();
  const format = useFormat();
  const { modal } = App.useApp();
  return (packPrice: number, suggestedPackPrice: number | null) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('prices.implausible.title'),
        content: t('prices.implausible.content', {
          price: formatYuan(packPrice, format.locale),
          suggested: formatYuan(suggestedPackPrice, format.locale),
          reason: t('prices.implausible.outOfRange'),
        }),
        okText: t('prices.implausible.confirm'),
        cancelText: t('prices.implausible.back'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
}
