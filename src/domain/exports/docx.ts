/**
 * A notes document (see notes-document.ts) as a Word document (.docx). It uses Word's own
 * heading and list styles, so the navigation pane, outlines and screen readers know its
 * structure, and its page header and "Page N of M" footer are Word fields. The `docx` package
 * is large: this module is only ever loaded with import(), when someone asks for the file.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopPosition,
  TabStopType,
  TextRun,
  type IRunOptions,
} from 'docx';
import { madeLine, oneLine, runningHeader, type Block, type Item, type NotesDocument } from './notes-document';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const MUTED = '595959';
const BULLETS = 'bullets';
const NUMBERS = 'numbers';
/** Left indent of each list level, in twentieths of a point. */
const indent = (level: number) => ({ left: 720 * (level + 1), hanging: 360 });

/** Text as runs, one a line, each after the first starting on a new line. */
function lines(text: string, style: Omit<IRunOptions, 'text' | 'break' | 'children'> = {}): TextRun[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

function itemParagraphs({ strong, text, aside, details = [] }: Item, numbering: { reference: string; instance: number }): Paragraph[] {
  const head = new Paragraph({
    numbering: { ...numbering, level: 0 },
    children: [
      ...(strong ? [new TextRun({ text: `${strong}: `, bold: true })] : []),
      ...lines(text),
      ...(aside ? lines(` (${aside})`, { color: MUTED }) : []),
    ],
  });
  const sub = details.map((d) => new Paragraph({ numbering: { ...numbering, level: 1 }, children: lines(`${d.label}: ${d.text}`) }));
  return [head, ...sub];
}

function blockParagraphs(block: Block, list: number): Paragraph[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level - 1], keepNext: true, children: lines(oneLine(block.text)) })];
    case 'facts':
      return block.items.map((f) => new Paragraph({ children: [new TextRun({ text: `${f.label}: `, bold: true }), ...lines(f.value)] }));
    case 'text':
      return [
        ...(block.label ? [new Paragraph({ keepNext: true, children: [new TextRun({ text: block.label, bold: true })] })] : []),
        new Paragraph({ children: lines(block.text) }),
      ];
    case 'note':
      return [new Paragraph({ children: lines(block.text, { color: MUTED, italics: true }) })];
    case 'list':
      // Each list is its own instance, so every numbered list starts again at 1.
      return block.items.flatMap((item) => itemParagraphs(item, { reference: block.ordered ? NUMBERS : BULLETS, instance: list }));
  }
}

const bulletLevels = ['•', '◦'].map((text, level) => ({
  level,
  format: LevelFormat.BULLET,
  text,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: indent(level) } },
}));

export async function toDocx(doc: NotesDocument): Promise<Uint8Array<ArrayBuffer>> {
  const header = runningHeader(doc);
  const made = madeLine(doc);
  let lists = 0;
  const body = doc.blocks.flatMap((block) => blockParagraphs(block, block.type === 'list' ? ++lists : 0));
  if (made) body.push(new Paragraph({ spacing: { before: 240 }, children: lines(made, { color: MUTED, italics: true }) }));

  const small = { size: 18, color: MUTED };
  const file = new Document({
    title: doc.title,
    creator: doc.madeBy?.trim() || 'Power Shifting',
    description: `${header.left}: ${header.right}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120 } } } } },
    numbering: {
      config: [
        { reference: BULLETS, levels: bulletLevels },
        {
          reference: NUMBERS,
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: indent(0) } } },
            bulletLevels[1]!,
          ],
        },
      ],
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
                children: [new TextRun({ ...small, text: header.left }), new TextRun({ ...small, children: [new Tab(), header.right] })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ ...small, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
