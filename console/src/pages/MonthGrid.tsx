/** A year as twelve real month calendars: 休 a holiday (放假), 班 a weekend day worked (调休上班). */
import { Col, Row, Space, Tag } from 'antd';

export interface SpecialDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Monday = 0 … Sunday = 6. */
function weekdayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

function Month({ year, month, special }: { year: number; month: number; special: Map<string, SpecialDay> }) {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array.from({ length: weekdayIndex(year, month, 1) }, () => null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return (
    <table className="gk-month">
      <caption>{month}月</caption>
      <thead>
        <tr>{WEEKDAYS.map((d) => <th key={d} scope="col">{d}</th>)}</tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((day, i) => {
              if (day === null) return <td key={i} />;
              const s = special.get(`${year}-${pad(month)}-${pad(day)}`);
              const weekend = i >= 5;
              const cls = s?.kind === 'holiday' ? 'gk-day-holiday' : s?.kind === 'workday' ? 'gk-day-workday' : weekend ? 'gk-day-weekend' : '';
              return (
                <td key={i} className={cls} title={s !== undefined ? `${month}月${day}日 ${s.name}${s.kind === 'holiday' ? '放假' : '调休上班'}` : undefined}>
                  {day}
                  {s !== undefined && <span className="gk-day-mark">{s.kind === 'holiday' ? '休' : '班'}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function YearGrid({ year, days }: { year: number; days: readonly SpecialDay[] }) {
  const special = new Map(days.map((d) => [d.date, d]));
  const holidays = days.filter((d) => d.kind === 'holiday').length;
  const workdays = days.filter((d) => d.kind === 'workday').length;
  return (
    <div className="gk-year-grid" aria-label={`${year}年工作日历`} role="group">
      <Space style={{ marginBottom: 6 }} wrap>
        <Tag color="red">休 放假（{holidays}天）</Tag>
        <Tag color="blue">班 调休上班（{workdays}天）</Tag>
        <Tag>灰底 周末</Tag>
      </Space>
      <Row gutter={[12, 8]}>
        {Array.from({ length: 12 }, (_, i) => (
          <Col key={i} xs={12} md={8} lg={6} xl={4}>
            <Month year={year} month={i + 1} special={special} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
