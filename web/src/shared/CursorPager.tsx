import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Keyset paging as the API answers it (nextCursor): cursors[n] opens page n + 1, the first page
// has none. A new resetKey (other filters, another page size) starts again at page 1.
export function useCursorPaging<Cursor>(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (Cursor | undefined)[] }>({
    key: resetKey,
    cursors: [undefined],
  });
  const cursors = state.key === resetKey ? state.cursors : [undefined];
  const pageIndex = cursors.length - 1;
  return {
    cursor: cursors[pageIndex],
    pageIndex,
    previous: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
    next: (cursor: Cursor) => setState({ key: resetKey, cursors: [...cursors, cursor] }),
  };
}

export type CursorPaging<Cursor> = ReturnType<typeof useCursorPaging<Cursor>>;

// 第 N 页 · 上一页 · 下一页, then whatever the page adds (a page-size choice).
export function CursorPager<Cursor>({
  paging,
  nextCursor,
  isWaiting,
  children,
}: {
  paging: CursorPaging<Cursor>;
  nextCursor: Cursor | null;
  // While the next page is loading the old one is shown: no second click on 下一页.
  isWaiting: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="flex-end" align="center" gap={8} wrap style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">{t('common.pageNumber', { page: paging.pageIndex + 1 })}</Typography.Text>
      <Button icon={<LeftOutlined />} disabled={paging.pageIndex === 0} onClick={paging.previous}>
        {t('common.previousPage')}
      </Button>
      <Button
        disabled={nextCursor === null || isWaiting}
        onClick={() => nextCursor !== null && paging.next(nextCursor)}
      >
        {t('common.nextPage')} <RightOutlined />
      </Button>
      {children}
    </Flex>
  );
}
