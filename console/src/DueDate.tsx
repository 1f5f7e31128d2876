/** A due date as every screen shows it: 暂定 (provisional) when a year it runs into is not loaded yet. */
import { Tag, Tooltip } from 'antd';

/** Why the date is provisional (decisions.md #22), in the clerk's words. */
export function provisionalReason(years: readonly number[]): string {
  const y = years.map((x) => `${x}年`).join('、');
  return `${y}节假日安排尚未载入，${y}的日期暂按周一至周五计算；载入后自动重算`;
}

export function ProvisionalTag({ years }: { years: readonly number[] }) {
  return (
    <Tooltip title={provisionalReason(years)}>
      <Tag color="gold" className="gk-provisional" tabIndex={0} style={{ marginLeft: 4, marginRight: 0 }}>
        暂定
      </Tag>
    </Tooltip>
  );
}

export function DueDate({ dueOn, provisionalYears }: { dueOn: string | null; provisionalYears?: readonly number[] | undefined }) {
  if (dueOn === null) return <>—</>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {dueOn}
      {provisionalYears !== undefined && provisionalYears.length > 0 && <ProvisionalTag years={provisionalYears} />}
    </span>
  );
}
