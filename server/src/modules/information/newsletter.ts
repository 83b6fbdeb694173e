import { AlignmentType, HeadingLevel, ImageRun, Paragraph, TextRun } from 'docx';
import { imageSizeOf } from '../../platform/documents/image-size.ts';
import { headingFont, paragraph, textWidthPx, writeWordDocument } from '../../platform/documents/word-document.ts';

// 信息小报: a branch's (or the city's) articles of a month as a printable Word document, in the house
// style (platform/documents, as the surveys' annual report and the contest booklet): a masthead,
// then each article with its category, date, cover and text. Pure: figures in, bytes out.

export type NewsletterArticle = {
  title: string;
  category: string;
  publishedOn: string;
  bodyHtml: string;
  cover: { contentType: string; bytes: Buffer } | null;
};

export type NewsletterFigures = { tenantName: string; unitName: string; month: string; articles: NewsletterArticle[] };

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_all, name: string) => entities[name]);

// The blocks of (sanitised) article HTML as text: headings apart, list items with a bullet.
export function blocksOf(html: string): Array<{ kind: 'heading' | 'text'; text: string }> {
  const blocks: Array<{ kind: 'heading' | 'text'; text: string }> = [];
  const pattern = /<(h[234]|p|li|blockquote|tr)\b[^>]*>([\s\S]*?)<\/\1>/g;
  for (const match of html.matchAll(pattern)) {
    const text = decode(
      match[2]
        .replace(/<br \/>|<\/t[dh]>/g, ' ')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    if (text === '') continue;
    const tag = match[1];
    blocks.push({ kind: tag.startsWith('h') ? 'heading' : 'text', text: tag === 'li' ? `• ${text}` : text });
  }
  if (blocks.length === 0) {
    const text = decode(
      html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    if (text) blocks.push({ kind: 'text', text });
  }
  return blocks;
}

function coverOf(cover: NonNullable<NewsletterArticle['cover']>): Paragraph | null {
  const size = imageSizeOf(cover.bytes);
  if (!size || (cover.contentType !== 'image/png' && cover.contentType !== 'image/jpeg')) return null;
  const width = Math.min(textWidthPx, size.width);
  const height = Math.round((size.height * width) / size.width);
  const scale = Math.min(1, 280 / height);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [
      new ImageRun({
        type: cover.contentType === 'image/png' ? 'png' : 'jpg',
        data: cover.bytes,
        transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
      }),
    ],
  });
}

export function newsletterTitleOf(figures: NewsletterFigures): string {
  const [year, month] = figures.month.split('-').map(Number);
  return `${figures.unitName || figures.tenantName}信息小报（${year}年${month}月）`;
}

export async function writeNewsletterDocument(figures: NewsletterFigures): Promise<Buffer> {
  const title = newsletterTitleOf(figures);
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: title, size: 44, bold: true, font: headingFont, color: 'C00000' })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      border: { bottom: { style: 'single', size: 12, color: 'C00000', space: 4 } },
      children: [
        new TextRun({
          text: `${figures.tenantName} · 本期 ${figures.articles.length} 篇 · 营销信息、行业政策、新品介绍、真假识别、陈列指导`,
          size: 18,
          color: '595959',
        }),
      ],
    }),
  ];
  if (figures.articles.length === 0) children.push(paragraph('本月没有发布的资讯。'));
  for (const article of figures.articles) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(article.title)] }));
    children.push(paragraph(`【${article.category}】 ${article.publishedOn}`, { size: 18, color: '595959' }));
    const cover = article.cover ? coverOf(article.cover) : null;
    if (cover) children.push(cover);
    for (const block of blocksOf(article.bodyHtml)) {
      children.push(block.kind === 'heading' ? paragraph(block.text, { bold: true }) : paragraph(block.text));
    }
  }
  return writeWordDocument({ title, description: `信息小报 ${figures.month}`, children });
}
