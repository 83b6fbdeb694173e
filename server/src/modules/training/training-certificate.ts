import { AlignmentType, Paragraph, TextRun } from 'docx';
import { headingFont, paragraph, writeWordDocument } from '../../platform/documents/word-document.ts';
import type { SessionKind } from './training.schema.ts';

// 结业证书: one attendee's certificate of a session as a Word document (the house style of
// platform/documents): the store, the session, its kind, trainer, date and hours, the post-test's
// score, and a number to look it up by. Pure: figures in, bytes out.

export const sessionKindLabels: Record<SessionKind, string> = {
  brand_classroom: '品牌培育大课堂',
  business_skills: '经营技能',
  law_integrity: '法规与诚信经营',
  service: '服务',
};

export type CertificateFigures = {
  tenantName: string;
  storeName: string;
  title: string;
  kind: SessionKind;
  trainerName: string;
  heldOn: string;
  hours: number;
  score: number | null;
  number: string;
};

function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year} 年 ${month} 月 ${day} 日`;
}

const centred = (text: string, options: { size?: number; bold?: boolean; spacingAfter?: number } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: options.spacingAfter ?? 240 },
    children: [new TextRun({ text, size: options.size, bold: options.bold, font: headingFont })],
  });

export async function writeCertificate(figures: CertificateFigures): Promise<Buffer> {
  const score = figures.score === null ? '' : `，课后测试成绩 ${figures.score} 分`;
  return writeWordDocument({
    title: `结业证书 — ${figures.title}`,
    description: `${figures.storeName} ${figures.title}`,
    children: [
      centred(figures.tenantName, { size: 28, spacingAfter: 480 }),
      centred('结 业 证 书', { size: 56, bold: true, spacingAfter: 720 }),
      paragraph(`${figures.storeName}：`, { size: 28, bold: true }),
      paragraph(
        `于 ${formatDate(figures.heldOn)} 参加“${figures.title}”（${sessionKindLabels[figures.kind]}）培训，` +
          `学时 ${figures.hours} 小时，讲师 ${figures.trainerName}${score}，经考核合格，特发此证。`,
        { size: 28 },
      ),
      new Paragraph({ spacing: { after: 960 }, children: [] }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: figures.tenantName, size: 24 })],
      }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: formatDate(figures.heldOn), size: 24 })],
      }),
      paragraph(`证书编号：${figures.number}`, { size: 18, color: '666666' }),
    ],
  });
}
