/** Dates and times as a clerk in China reads them. */

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant (ISO, UTC) in China local time: 2026-12-03 09:15. */
export function chinaTime(iso: string): string {
  const parts = Object.fromEntries(timeFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

/** Today's civil date in China. */
export function chinaToday(): string {
  return chinaTime(new Date().toISOString()).slice(0, 10);
}
