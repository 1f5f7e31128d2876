/** The supervisor's roll-up of every agency under the region (政务公开办). */
import { Alert, Button, Card, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../api.ts';
import type { Agency } from '../types.ts';

type Cells = Record<string, Record<string, number | null>>;

const ROWS = [
  ['received', '本年新收'],
  ['carried_over', '上年结转'],
  ['granted', '予以公开'],
  ['partially_granted', '部分公开'],
  ['processed_total', '办理结果总计'],
  ['carried_forward', '结转下年度'],
] as const;
const COLS = [
  ['natural_person', '自然人'],
  ['commercial_enterprise', '商业企业'],
  ['research_institution', '科研机构'],
  ['social_welfare_org', '社会公益组织'],
  ['legal_service_org', '法律服务机构'],
  ['other_org', '其他'],
  ['total', '总计'],
] as const;

export function RollupPage() {
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
      <Card size="small" title={report ? `${report.agency} ${year}年 依申请公开情况（汇总）` : '汇总'}>
        <Table size="small" pagination={false} loading={report === null && error === null} rowKey="row"
          dataSource={ROWS.map(([row, label]) => ({ row, label, ...Object.fromEntries(COLS.map(([c]) => [c, report?.applications[row]?.[c] ?? null])) }))}
          columns={[{ title: '项目', dataIndex: 'label', width: 140 }, ...COLS.map(([c, label]) => ({ title: label, dataIndex: c, render: (v: number | null) => v ?? '—' }))]}
        />
        <Alert style={{ marginTop: 8 }} type="info" showIcon title="按《条例》第四十九条期限列出未发布年度报告的机关，待机关设置（issue 11）合并后提供。" />
      </Card>
    </div>
  );
}
