import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ImportDialog } from '../../../shared/ImportDialog.tsx';
import { useFormat } from '../../../shared/use-locale.ts';
import { productsQueryKey, productTemplateUrl, uploadProductImport } from '../products.api.ts';

// 导入卷烟规格: template, one file, then the counts or every bad cell (nothing half-written).
export function ProductImportModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadProductImport(chosen),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: productsQueryKey }),
  });
  return (
    <ImportDialog
      isOpen={isOpen}
      onClose={onClose}
      accept=".xlsx,.csv"
      template={{ href: productTemplateUrl, label: t('products.importDialog.downloadTemplate') }}
      upload={upload}
      texts={{
        title: t('products.importDialog.title'),
        help: t('products.importDialog.help'),
        choose: t('products.importDialog.choose'),
        start: t('products.importDialog.start'),
        errorsTitle: (count) => t('products.importDialog.errorsTitle', { count }),
        errorRow: t('products.importDialog.errorRow'),
        errorColumn: t('products.importDialog.errorColumn'),
        errorValue: t('products.importDialog.errorValue'),
        errorMessage: t('products.importDialog.errorMessage'),
        emptyValue: t('products.importDialog.emptyValue'),
      }}
      doneText={(result) =>
        t('products.importDialog.done', {
          rows: format.number(result.rows),
          created: format.number(result.created),
          updated: format.number(result.updated),
          unchanged: format.number(result.unchanged),
        })
      }
    />
  );
}
