import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ImportDialog } from '../../../shared/ImportDialog.tsx';
import { useFormat } from '../../../shared/use-locale.ts';
import { assetKeys, assetTemplateUrl, uploadAssetImport } from '../assets.api.ts';

// 导入资产: the template, one file, then the counts or every bad cell (nothing half-written).
export function AssetImportModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadAssetImport(chosen),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: assetKeys.all }),
  });
  return (
    <ImportDialog
      isOpen={isOpen}
      onClose={onClose}
      accept=".xlsx,.csv"
      template={{ href: assetTemplateUrl, label: t('assets.importDialog.downloadTemplate') }}
      upload={upload}
      startAction="POST /api/v1/assets/import"
      texts={{
        title: t('assets.importDialog.title'),
        help: t('assets.importDialog.help'),
        choose: t('assets.importDialog.choose'),
        start: t('assets.importDialog.start'),
        errorsTitle: (count) => t('assets.importDialog.errorsTitle', { count }),
        errorRow: t('assets.importDialog.errorRow'),
        errorColumn: t('assets.importDialog.errorColumn'),
        errorValue: t('assets.importDialog.errorValue'),
        errorMessage: t('assets.importDialog.errorMessage'),
        emptyValue: t('assets.importDialog.emptyValue'),
      }}
      doneText={(result) =>
        t('assets.importDialog.done', {
          rows: format.number(result.rows),
          created: format.number(result.created),
          issued: format.number(result.issued),
        })
      }
    />
  );
}
