/**
 * The supervisor's roll-up of every agency under the region (政务公开办), and next to it which agencies have
 * not published their report by their 《条例》第四十九条 date (departments 31 January, governments 31 March).
 */
import { Alert, Button, Card, Col, Row, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../api.ts';
import { labelOf, useSession } from '../session.tsx';
import type { Agency } from '../types.ts';

type Cells = Record<string, Record<string, number | null>>;

interface Timeliness {
  agencyCode: string;
  agencyName: string;
  organKind: string | null;
  dueOn: string | null;
  article: string | null;
  publishedOn: string | null;
  status: 'on_time' | 'late' | 'missing' | 'not_due' | 'unset';
  daysLate: number | null;
}

const STATUS: Record<Timeliness['status'], { label: string; color: string }> = {
  missing: { label: '逾期未发布', color: 'red' },
  late: { label: '逾期发布', color: 'orange' },
  not_due: { label: '未到期限', color: 'blue' },
  on_time: { label: '按期发布', color: 'green' },
  unset: { label: '未设置机关类型', color: 'default' },
};
const ORDER: Timeliness['status'][] = ['missing', 'late', 'unset', 'not_due', 'on_time'];

const ROWS = ['received', 'carried_over', 'granted', 'partially_granted', 'processed_total', 'carried_forward'];

export function RollupPage() {
  const { labels } = useSession();
  const cols = [...labels.applicantKinds, labels.totalColumn];
  const [regions, setRegions] = useState<Agency[]>([]);
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [report, setReport] = useState<{ agency: string; applications: Cells } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [timeliness, setTimeliness] = useState<Timeliness[] | null>(null);
  useEffect(() => {
    setTimeliness(null);
    api<{ items: Timeliness[] }>('GET', `/agencies/report-timeliness?year=${year}`).then(
      (r) => setTimeliness([...r.items].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status))),
      (e: unknown) => setError(errorText(e)),
    );
  }, [year]);
  useEffect(() => {
    api<{ items: Agency[] }>('GET', '/agencies').then((r) => {
      const parents = r.items.filter((a) => r.items.some((b) => b.parentCode === a.code));
      setRegions(parents);
      setRegion(parents[0]?.code);
    }, (e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(() => {
    if (region === undefined) return;
    setReport(null);
    api<{ agency: string; applications: Cells }>('GET', `/regions/${region}/reports/${year}`).then((r) => { setReport(r); setError(null); }, (e: unknown) => setError(errorText(e)));
  }, [region, year]);
  const years = Array.from({ length: new Date().getFullYear() - 2019 + 1 }, (_, i) => 2019 + i).reverse();
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <h1 style={{ fontSize: 18, margin: 0 }}>辖区汇总</h1>
        <Select aria-label="地区" style={{ width: 280 }} value={region} onChange={setRegion} options={regions.map((a) => ({ value: a.code, label: a.name }))} />
        <Select aria-label="年度" style={{ width: 100 }} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        <Button href={region ? `/api/v1/regions/${region}/reports/${year}?format=docx` : undefined}>下载 DOCX</Button>
      </Space>
      {error !== null && <Alert type="error" title={error} style={{ marginBottom: 8 }} />}
      <Row gutter={8}>
        <Col span={14}>
          <Card size="small" title={report ? `${report.agency} ${year}年 依申请公开情况` : '汇总'}>
            <Table size="small" pagination={false} loading={report === null && error === null} rowKey="row"
              dataSource={ROWS.map((row) => ({ row, label: labelOf(labels.table3Rows, row), ...Object.fromEntries(cols.map((c) => [c.id, report?.applications[row]?.[c.id] ?? null])) }))}
              columns={[{ title: '项目', dataIndex: 'label', width: 200 }, ...cols.map((c) => ({ title: c.label, dataIndex: c.id, render: (v: number | null) => v ?? '—' }))]}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={<span>{year}年度报告发布情况（《条例》第四十九条）{timeliness !== null && <Tag color={timeliness.some((t) => t.status === 'missing' || t.status === 'late') ? 'red' : 'green'} style={{ marginLeft: 6 }}>逾期 {timeliness.filter((t) => t.status === 'missing' || t.status === 'late').length} 个</Tag>}</span>}>
            <Table<Timeliness> size="small" pagination={false} rowKey="agencyCode" loading={timeliness === null && error === null} dataSource={timeliness ?? []}
              columns={[
                { title: '机关', dataIndex: 'agencyName', ellipsis: true },
                { title: '发布期限', dataIndex: 'dueOn', width: 100, render: (v: string | null) => v ?? '—' },
                { title: '发布日期', dataIndex: 'publishedOn', width: 100, render: (v: string | null) => v ?? '—' },
                { title: '情况', dataIndex: 'status', width: 150, render: (v: Timeliness['status'], r: Timeliness) => <span><Tag color={STATUS[v].color}>{STATUS[v].label}</Tag>{r.daysLate !== null ? `${r.daysLate} 天` : ''}</span> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
