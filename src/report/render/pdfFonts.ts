/**
 * The Noto Sans SC (Noto Sans Hans) faces that `@embedpdf/fonts-sc` ships as OTF files in its `fonts/`
 * folder, listed with their weights by the package's `fonts` export. Each is ≈8 MB; pdfkit embeds only
 * the glyphs a document uses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fonts as shippedFonts } from '@embedpdf/fonts-sc';

export const PDF_FONT_PACKAGE = '@embedpdf/fonts-sc';

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
const cache = new Map<number, ParsedFont>();

export function parsedFont(weight: 400 | 700): ParsedFont {
  let font = cache.get(weight);
  if (!font) {
    font = fontkit.create(readFileSync(fontPath(weight)));
    cache.set(weight, font);
  }
  return font;
}

/** What registerChineseFonts needs of a PDFKit document. */
interface FontRegistry {
  registerFont(name: string, src: Buffer): unknown;
}

/**
 * Register the Noto Sans SC faces on a PDFKit document as `regular` and `bold`. pdfkit's types accept
 * only a path or bytes, but at run time it takes a parsed font too: hence the one cast.
 */
export function registerChineseFonts(doc: FontRegistry): void {
  doc.registerFont('regular', parsedFont(400) as unknown as Buffer);
  doc.registerFont('bold', parsedFont(700) as unknown as Buffer);
}
