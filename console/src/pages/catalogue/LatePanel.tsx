/**
 * 《条例》第二十六条: documents published later than 20 working days after their 成文日期, drafts still
 * waiting past that day, and changes (更正, 失效/废止) published later than 20 working days after the
 * information changed (the due day counted over the installation's calendar; 暂定 where a year is not loaded).
 */
import { Alert, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../api.ts';
import { chinaToday } from '../../format.ts';

interface LateEntry {
  id: string;
  indexNumber: string;
  title: string;
  writtenOn: string;
  publishedOn: string | null;
  art26DueOn: string;
  provisional: boolean;
}

interface LateChange extends LateEntry {
  change: 'corrected' | 'validity-changed';
  changedOn: string;
  /** the day the change was published on the portal */
  recordedOn: string;
}
interface LateList {
  publishedLate: LateEntry[];
  waitingLate: LateEntry[];
  changedLate: LateChange[];
}

const CHANGE_LABELS: Record<LateChange['change'], string> = { corrected: '更正', 'validity-changed': '有效性变更' };

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function LatePanel({ agency }: { agency: string }) {
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState<number | undefined>(thisYear);
  const [data, setData] = useState<LateList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    api<LateList>('GET', `/agencies/${agency}/catalogue/late${year === undefined ? '' : `?year=${year}`}`).then(setData, (e: unknown) => setError(errorText(e)));
  }, [agency, year]);
  if (error !== null) return <Alert type="error" title={error} />;
  const today = chinaToday();
  const due = (v: string, r: LateEntry) => <span>{v}{r.provisional && <Tag color="orange" style={{ marginLeft: 4 }}>暂定</Tag>}</span>;
  const document = [
    { title: '索引号', dataIndex: 'indexNumber', width: 190 },
    { title: '名称', dataIndex: 'title', ellipsis: true },
  ];
  const dueOn = { title: '应公开日期', dataIndex: 'art26DueOn', width: 130, render: due };
  const base = [...document, { title: '成文日期', dataIndex: 'writtenOn', width: 100 }, dueOn];
  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <Select aria-label="年度" style={{ width: 110 }} allowClear placeholder="全部年度" value={year} onChange={setYear}
          options={Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))} />
        <span className="gk-empty">应自政府信息形成或者变更之日起20个工作日内公开（《条例》第二十六条）。</span>
      </Space>
      <h2 style={{ fontSize: 14, margin: '4px 0' }}>逾期未公开（草稿已过应公开日期）{data !== null && <Tag color={data.waitingLate.length > 0 ? 'red' : 'green'} style={{ marginLeft: 6 }}>{data.waitingLate.length} 件</Tag>}</h2>
      <Table<LateEntry> size="small" rowKey="id" loading={data === null} dataSource={data?.waitingLate ?? []} pagination={false} locale={{ emptyText: '没有逾期未公开的文件' }} style={{ marginBottom: 12 }}
        columns={[...base, { title: '已逾期', key: 'late', width: 100, render: (_: unknown, r: LateEntry) => `${days(r.art26DueOn, today)} 天` }]} />
      <h2 style={{ fontSize: 14, margin: '4px 0' }}>逾期公开（发布晚于应公开日期）{data !== null && <Tag color={data.publishedLate.length > 0 ? 'orange' : 'green'} style={{ marginLeft: 6 }}>{data.publishedLate.length} 件</Tag>}</h2>
      <Table<LateEntry> size="small" rowKey="id" loading={data === null} dataSource={data?.publishedLate ?? []} pagination={false} locale={{ emptyText: '没有逾期公开的文件' }}
        columns={[...base, { title: '发布日期', dataIndex: 'publishedOn', width: 100 }, { title: '晚于应公开日期', key: 'late', width: 120, render: (_: unknown, r: LateEntry) => `${days(r.art26DueOn, r.publishedOn ?? today)} 天` }]} style={{ marginBottom: 12 }} />
      <h2 style={{ fontSize: 14, margin: '4px 0' }}>变更逾期公开（更正、有效性变更晚于变更之日起20个工作日）{data !== null && <Tag color={data.changedLate.length > 0 ? 'orange' : 'green'} style={{ marginLeft: 6 }}>{data.changedLate.length} 件</Tag>}</h2>
      <Table<LateChange> size="small" rowKey={(r) => `${r.id}-${r.change}-${r.recordedOn}`} loading={data === null} dataSource={data?.changedLate ?? []} pagination={false} locale={{ emptyText: '没有逾期公开的变更' }}
        columns={[
          ...document,
          { title: '变更', dataIndex: 'change', width: 100, render: (c: LateChange['change']) => CHANGE_LABELS[c] },
          { title: '变更日期', dataIndex: 'changedOn', width: 100 },
          dueOn,
          { title: '公开日期', dataIndex: 'recordedOn', width: 100 },
          { title: '晚于应公开日期', key: 'late', width: 120, render: (_: unknown, r: LateChange) => `${days(r.art26DueOn, r.recordedOn)} 天` },
        ]} />
    </div>
  );
}
