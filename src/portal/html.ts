/** Escaping for server-rendered pages: every text that reaches HTML goes through `esc`. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A tagged template whose interpolations are escaped unless wrapped in `raw()`. */
export interface Raw {
  readonly __html: string;
}
export const raw = (html: string): Raw => ({ __html: html });

function part(value: unknown): string {
  if (Array.isArray(value)) return value.map(part).join('');
  if (typeof value === 'object' && value !== null && '__html' in value) return (value as Raw).__html;
  if (value === false || value === null || value === undefined) return '';
  return esc(value);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  return raw(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
}
