/** The supervisor's roll-up of every agency under the region (政务公开办). */
import { Alert, Button, Card, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../api.ts';
import { labelOf, useSession } from '../session.tsx';
import type { Agency } from '../types.ts';

type Cells = Record<string, Record<string, number | null>>;

const ROWS = ['received', 'carried_over', 'granted', 'partially_granted', 'processed_total', 'carried_forward'];

export function RollupPage() {
  const { labels } = useSession();
  const cols = [...labels.applicantKinds, labels.totalColumn];
  const [regions, setRegions] = useState<Agency[]>([]);
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [report, setReport] = useState<{ agency: string; applications: Cells } | null>(null);
  const [error, setError] = useState<string | null>(null);
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
      <Card size="small" title={report ? `${report.agency} ${year}年 依申请公开情况` : '汇总'}>
        <Table size="small" pagination={false} loading={report === null && error === null} rowKey="row"
          dataSource={ROWS.map((row) => ({ row, label: labelOf(labels.table3Rows, row), ...Object.fromEntries(cols.map((c) => [c.id, report?.applications[row]?.[c.id] ?? null])) }))}
          columns={[{ title: '项目', dataIndex: 'label', width: 300 }, ...cols.map((c) => ({ title: c.label, dataIndex: c.id, render: (v: number | null) => v ?? '—' }))]}
        />
        <Alert style={{ marginTop: 8 }} type="info" showIcon title="按《条例》第四十九条期限列出未发布年度报告的机关：将在机关设置功能上线后提供。" />
      </Card>
    </div>
  );
}
