import {
  AlignmentType,
  Document,
  type FileChild,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';

// Kewo's Word documents (the `docx` library): the surveys' annual report and the display contest's
// booklet look alike — A4 with 2.54 cm margins, 宋体 body and 黑体 headings (Arial for Latin
// text), dark-blue headings, the page number centred in the footer. A module brings its title and
// its content; this is the house style, once.

export const bodyFont = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '宋体', cs: 'Arial' };
export const headingFont = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' };
// The page's text width (A4, 2.54 cm margins) in pixels at 96 dpi, for images.
export const textWidthPx = 604;

// A body paragraph at 1.5 lines.
export const paragraph = (text: string, options: { bold?: boolean; size?: number; color?: string } = {}) =>
  new Paragraph({
    spacing: { after: 120, line: 360, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, ...options })],
  });

export async function writeWordDocument(content: {
  title: string;
  description: string;
  children: FileChild[];
}): Promise<Buffer> {
  const document = new Document({
    creator: 'Kewo 客我',
    title: content.title,
    description: content.description,
    styles: {
      default: {
        document: { run: { font: bodyFont, size: 21 } },
        title: { run: { font: headingFont } },
        heading1: {
          run: { font: headingFont, size: 32, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 240, after: 240 } },
        },
        heading2: {
          run: { font: headingFont, size: 26, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页'], size: 18 })],
              }),
            ],
          }),
        },
        children: content.children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
