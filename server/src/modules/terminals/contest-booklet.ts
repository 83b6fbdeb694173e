import { AlignmentType, HeadingLevel, ImageRun, Paragraph, TextRun } from 'docx';
import { imageSizeOf } from '../../platform/documents/image-size.ts';
import { headingFont, paragraph, textWidthPx, writeWordDocument } from '../../platform/documents/word-document.ts';

// 陈列创意大赛 获奖作品集: the booklet of a published contest as a Word document (the `docx`
// library, as the surveys' annual report): a cover, the rules and criteria, the judges, then one
// page a winner — its rank, store, entry title, score, photos and the judges' comments (without
// their names: the judging was blind). Pure: figures and photo bytes in, bytes out.

export type BookletPhoto = { contentType: string; bytes: Buffer };

export type BookletWinner = {
  rank: number;
  customerName: string;
  branchName: string;
  title: string;
  description: string | null;
  score: number;
  photos: BookletPhoto[];
  comments: string[];
};

export type BookletFigures = {
  tenantName: string;
  title: string;
  startsOn: string;
  endsOn: string;
  rules: string;
  criteria: Array<{ label: string; weight: number; maxScore: number }>;
  judges: string[];
  entryCount: number;
  publishedOn: string;
  winners: BookletWinner[];
};

export const bookletTitle = '获奖作品集';

// Photos at most the page's text width and 360 px high, so two fit a page.
const photoHeightPx = 360;

function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function photoParagraph(photo: BookletPhoto): Paragraph | null {
  const size = imageSizeOf(photo.bytes);
  if (!size || size.width === 0 || size.height === 0) return null;
  const scale = Math.min(1, textWidthPx / size.width, photoHeightPx / size.height);
  const width = Math.max(1, Math.round(size.width * scale));
  const height = Math.max(1, Math.round(size.height * scale));
  const type = photo.contentType === 'image/png' ? 'png' : 'jpg';
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [new ImageRun({ type, data: photo.bytes, transformation: { width, height } })],
  });
}

function coverOf(figures: BookletFigures): Paragraph[] {
  const spacer = (lines: number) => Array.from({ length: lines }, () => new Paragraph({ children: [new TextRun('')] }));
  return [
    ...spacer(6),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: figures.tenantName, size: 36, font: headingFont })],
    }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: figures.title, size: 52, bold: true, font: headingFont })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 1200 },
      children: [new TextRun({ text: bookletTitle, size: 44, bold: true, font: headingFont })],
    }),
    ...spacer(6),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({ text: `大赛时间：${formatDate(figures.startsOn)} — ${formatDate(figures.endsOn)}`, size: 24 }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `结果发布：${formatDate(figures.publishedOn)}`, size: 24 })],
    }),
  ];
}

function aboutOf(figures: BookletFigures): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun('大赛说明')] }),
    ...figures.rules.split(/\r?\n/).map((line) => paragraph(line)),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('评分标准')] }),
    ...figures.criteria.map((criterion) =>
      paragraph(`· ${criterion.label}：权重 ${criterion.weight}，满分 ${criterion.maxScore} 分`),
    ),
    paragraph(
      `每位评委按各项得分占满分的比例加权计算总分（百分制）；作品得分为各评委总分的平均值。得分相同时，依次比较各评分项的平均得分率（权重高者优先，权重相同按列出顺序）、评分评委人数（多者在前）、投稿时间（早者在前），最后按作品编号。共收到参赛作品 ${figures.entryCount} 件。`,
    ),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('评委')] }),
    paragraph(figures.judges.join('、') || '—'),
  ];
}

function winnerOf(winner: BookletWinner): Paragraph[] {
  const photos = winner.photos.map(photoParagraph).filter((photo): photo is Paragraph => photo !== null);
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(`第 ${winner.rank} 名　${winner.customerName}`)],
    }),
    paragraph(`《${winner.title}》　${winner.branchName}　得分 ${winner.score.toFixed(2)}`, { bold: true }),
    ...(winner.description ? [paragraph(winner.description)] : []),
    ...photos,
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('评委点评')] }),
    ...(winner.comments.length > 0
      ? winner.comments.map((comment) => paragraph(`“${comment}”`, { color: '404040' }))
      : [paragraph('—')]),
  ];
}

export async function writeBookletDocument(figures: BookletFigures): Promise<Buffer> {
  return writeWordDocument({
    title: `${figures.title} ${bookletTitle}`,
    description: bookletTitle,
    children: [...coverOf(figures), ...aboutOf(figures), ...figures.winners.flatMap(winnerOf)],
  });
}
