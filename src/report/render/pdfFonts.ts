/**
 * The Noto Sans SC (Noto Sans Hans) faces that `@embedpdf/fonts-sc` ships as OTF files in its `fonts/`
 * folder, listed with their weights by the package's `fonts` export. Read once, kept in memory: each is
 * ≈8 MB and pdfkit embeds only the glyphs a document uses.
 */
import { readFileSync } from 'node:fs';
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

const cache = new Map<number, Buffer>();

export function fontData(weight: 400 | 700): Buffer {
  let data = cache.get(weight);
  if (!data) {
    data = readFileSync(fontPath(weight));
    cache.set(weight, data);
  }
  return data;
}
