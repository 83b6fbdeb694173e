import {
  BoldOutlined,
  ClearOutlined,
  FontSizeOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  PictureOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { App, Button, Flex, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message.ts';
import { uploadImage } from './information.api.ts';
import './information.css';

// The article body's editor: the browser's own rich-text editing (contentEditable) with a small
// toolbar — bold, italic, a heading, lists, a link, an image uploaded to our files — so no editor
// library is shipped (it comes with the editor page only). Whatever is typed or pasted, the server
// sanitises the HTML before it is stored (article-html.ts): this is a convenience, not a guard.
export function RichTextEditor({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const area = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // The first value is written once; afterwards the element is the source (a re-render must not
  // move the caret).
  useEffect(() => {
    if (area.current && value !== undefined && area.current.innerHTML === '' && value !== '') {
      area.current.innerHTML = value;
    }
  }, [value]);

  const emit = () => onChange?.(area.current?.innerHTML ?? '');
  const run = (command: string, argument?: string) => {
    area.current?.focus();
    document.execCommand(command, false, argument);
    emit();
  };
  const tools = [
    { key: 'bold', icon: <BoldOutlined />, act: () => run('bold') },
    { key: 'italic', icon: <ItalicOutlined />, act: () => run('italic') },
    { key: 'heading', icon: <FontSizeOutlined />, act: () => run('formatBlock', '<h3>') },
    { key: 'bullets', icon: <UnorderedListOutlined />, act: () => run('insertUnorderedList') },
    { key: 'numbers', icon: <OrderedListOutlined />, act: () => run('insertOrderedList') },
    {
      key: 'link',
      icon: <LinkOutlined />,
      act: () => {
        const href = window.prompt(t('information.editor.toolbar.linkPrompt'), 'https://');
        if (href && /^https?:\/\/\S+$/.test(href)) run('createLink', href);
      },
    },
    { key: 'image', icon: <PictureOutlined />, act: () => fileInput.current?.click() },
    { key: 'clear', icon: <ClearOutlined />, act: () => run('removeFormat') },
  ] as const;

  return (
    <div className="article-editor">
      <Flex className="article-editor-toolbar" gap={4} wrap>
        {tools.map((tool) => (
          <Tooltip key={tool.key} title={t(`information.editor.toolbar.${tool.key}`)}>
            <Button
              size="small"
              type="text"
              icon={tool.icon}
              aria-label={t(`information.editor.toolbar.${tool.key}`)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={tool.act}
            />
          </Tooltip>
        ))}
      </Flex>
      {/* biome-ignore lint/a11y/useSemanticElements: rich text needs contentEditable; a textarea holds plain text */}
      <div
        id={id}
        ref={area}
        className="article-editor-area article-body"
        contentEditable
        role="textbox"
        aria-multiline="true"
        tabIndex={0}
        suppressContentEditableWarning
        onInput={emit}
        onBlur={emit}
      />
      <input
        ref={fileInput}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        style={{ display: 'none' }}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          try {
            const uploaded = await uploadImage(file);
            run('insertImage', uploaded.url);
          } catch (error) {
            message.error(describeError(error, t));
          }
        }}
      />
    </div>
  );
}
