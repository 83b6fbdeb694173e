import sanitizeHtml from 'sanitize-html';

// An article's rich text, made safe on the server before it is stored (and so before any store's
// phone shows it): an allow-list of text tags (sanitize-html, MIT, on htmlparser2); no script, no
// style, no event handler or other attribute beyond a link's href and an image's src/alt; links
// only http(s) and mailto, opened apart; images only our own stored files
// (/api/v1/article-files/<id>) — any other image (another site, data:, protocol-relative) is dropped,
// so an article loads nothing from outside. Pure.

export const articleImagePath = /^\/api\/v1\/article-files\/([1-9]\d{0,9})$/;

const allowedTags = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
  'img',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

export type SanitisedHtml = { html: string; imageFileIds: number[]; text: string };

export function sanitiseArticleHtml(input: string): SanitisedHtml {
  const imageFileIds: number[] = [];
  const html = sanitizeHtml(input, {
    allowedTags,
    allowedAttributes: { a: ['href', 'rel', 'target'], img: ['src', 'alt'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    allowedStyles: {},
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'xmp'],
    transformTags: {
      a: (tagName, attribs) => {
        const safe: Record<string, string> = {};
        if (attribs.href) Object.assign(safe, { href: attribs.href, rel: 'noopener noreferrer', target: '_blank' });
        return { tagName, attribs: safe };
      },
    },
    exclusiveFilter: (frame) => {
      if (frame.tag !== 'img') return false;
      const match = articleImagePath.exec(frame.attribs.src ?? '');
      if (!match) return true;
      imageFileIds.push(Number(match[1]));
      return false;
    },
  });
  // The plain text, for the summary and the search.
  const text = sanitizeHtml(html.replace(/<\/(p|h[234]|li|tr|blockquote)>|<br \/>/g, '$& '), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return { html, imageFileIds: [...new Set(imageFileIds)], text };
}
