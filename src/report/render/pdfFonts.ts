/**
 * The PDF's faces, as an official document sets them: a serif (宋体/仿宋-like) body and title — Noto Serif
 * SC, the TrueType files of `@expo-google-fonts/noto-serif-sc` — and 黑体-like headings — Noto Sans SC
 * (Noto Sans Hans), the OTF files `@embedpdf/fonts-sc` lists with their weights. Each file is 8–15 MB;
 * pdfkit embeds only the glyphs a document uses (a subset).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fonts as shippedFonts } from '@embedpdf/fonts-sc';

export const PDF_FONT_PACKAGE = '@embedpdf/fonts-sc';
export const PDF_SERIF_FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';

/** The path of the Noto Serif SC face of `weight` (the package keeps each weight in its own folder). */
export function serifFontPath(weight: 400 | 700): string {
  const folder = weight === 400 ? '400Regular' : '700Bold';
  return fileURLToPath(new URL(`./${folder}/NotoSerifSC_${folder}.ttf`, import.meta.resolve(`${PDF_SERIF_FONT_PACKAGE}/package.json`)));
}

interface ShippedFont {
  file: string;
  weight: number;
}

function isShippedFont(value: unknown): value is ShippedFont {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.file === 'string' && typeof v.weight === 'number';
}

/** The path of the face of `weight` (400 regular, 700 bold). */
export function fontPath(weight: 400 | 700): string {
  // The package's types refer to a package it does not install, so its list is checked here.
  const list: unknown = shippedFonts;
  const face = (Array.isArray(list) ? list : []).filter(isShippedFont).find((f) => f.weight === weight);
  if (!face) throw new Error(`${PDF_FONT_PACKAGE} ships no face of weight ${weight}`);
  return fileURLToPath(new URL(`../fonts/${face.file}`, import.meta.resolve(PDF_FONT_PACKAGE)));
}

/** A font parsed by fontkit, the font engine of pdfkit; pdfkit accepts one in place of the file's bytes. */
export type ParsedFont = object & { layout: (text: string) => unknown };

interface Fontkit {
  create(data: Uint8Array): ParsedFont;
}

// Parsing an 8 MB CFF font is most of the cost of a PDF; pdfkit subsets a parsed font afresh for each
// document, so one parsed font serves every document. fontkit is resolved from pdfkit, which depends on it.
const fontkit = createRequire(import.meta.resolve('pdfkit'))('fontkit') as Fontkit;
const cache = new Map<string, ParsedFont>();

export function parsedFont(weight: 400 | 700, family: 'sans' | 'serif' = 'sans'): ParsedFont {
  const key = `${family}${weight}`;
  let font = cache.get(key);
  if (!font) {
    font = fontkit.create(readFileSync(family === 'serif' ? serifFontPath(weight) : fontPath(weight)));
    cache.set(key, font);
  }
  return font;
}

/** The faces a report PDF uses, by role. */
export const PDF_FACES = { body: 'body', title: 'title', heading: 'heading' } as const;

/** What registerChineseFonts needs of a PDFKit document. */
interface FontRegistry {
  registerFont(name: string, src: Buffer): unknown;
}

/**
 * Register the faces on a PDFKit document: `body` (Noto Serif SC regular), `title` (Noto Serif SC bold,
 * standing in for 小标宋) and `heading` (Noto Sans SC bold, for 黑体); `regular` and `bold` as the body and
 * heading faces under their older names. pdfkit's types accept only a path or
 * bytes, but at run time it takes a parsed font too: hence the cast.
 */
export function registerChineseFonts(doc: FontRegistry): void {
  doc.registerFont(PDF_FACES.body, parsedFont(400, 'serif') as unknown as Buffer);
  doc.registerFont(PDF_FACES.title, parsedFont(700, 'serif') as unknown as Buffer);
  doc.registerFont(PDF_FACES.heading, parsedFont(700, 'sans') as unknown as Buffer);
  // the names other documents (the answer letters, src/requests/renderLetter.ts) set their text in
  doc.registerFont('regular', parsedFont(400, 'serif') as unknown as Buffer);
  doc.registerFont('bold', parsedFont(700, 'sans') as unknown as Buffer);
}
