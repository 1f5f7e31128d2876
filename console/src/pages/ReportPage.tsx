/** The annual report workspace: built from the cases, table-2 figures, R1–R4, last year, publish, downloads. */
import { Alert, App, Button, Card, Col, Form, InputNumber, Popconfirm, Row, Select, Space, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText, fetchText } from '../api.ts';
import { hasRole, labelOf, useSession } from '../session.tsx';
import type { Agency } from '../types.ts';
import { NarrativeEditor } from './NarrativeEditor.tsx';

type Cells = Record<string, Record<string, number | null>>;

interface Workspace {
  locked: boolean;
  report: { agency: string; year: number; template: string; proactive: Cells; applications: Cells; appeals: Cells; narrative?: Record<string, string> };
  previous: { applications: Cells; appeals: Cells } | null;
  checks: { ok: boolean; rules: { rule: string; text: string; passed: number; violated: number; unchecked: number }[] };
  table2: { item: string; columns: { id: string; label: string; value: string }[]; rows: { id: string; label: string }[] }[];
  /** online submissions never confirmed: not in table 3 */
  unconfirmed: { id: string; receiptCode: string; submittedOn: string; applicant: string }[];
}

/** The rows of table 3 compared with last year (labels from law/ through /labels). */
const NO_TEXT: Record<string, string> = {};
const KEY_ROWS = ['received', 'carried_over', 'granted', 'partially_granted', 'processed_total', 'carried_forward'];

export function ReportPage() {
  const { me, labels } = useSession();
  const { message } = App.useApp();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agency, setAgency] = useState<string | undefined>(undefined);
  const [year, setYear] = useState(new Date().getFullYear());
  const [ws, setWs] = useState<Workspace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [figures, setFigures] = useState<Cells>({});
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    api<{ items: Agency[] }>('GET', '/agencies').then((r) => {
      const leaves = r.items.filter((a) => !r.items.some((b) => b.parentCode === a.code));
      setAgencies(leaves.length > 0 ? leaves : r.items);
      setAgency((leaves[0] ?? r.items[0])?.code);
    }, (e: unknown) => setError(errorText(e)));
  }, []);
  const load = useCallback(async () => {
    if (agency === undefined) return;
    setWs(null);
    setPreview(null);
    try {
      const w = await api<Workspace>('GET', `/agencies/${agency}/reports/${year}/workspace`);
      setWs(w);
      setFigures(w.report.proactive);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [agency, year]);
  useEffect(() => {
    void load();
  }, [load]);

  const saveFigures = async () => {
    try {
      await api('PUT', `/agencies/${agency}/reports/${year}/proactive`, figures);
      message.success('表二数字已保存');
      void load();
    } catch (err) {
      message.error(errorText(err), 8);
    }
  };
  const publish = async () => {
    try {
      await api('POST', `/agencies/${agency}/reports/${year}/lock`);
      message.success('年度报告已发布（锁定）');
      void load();
    } catch (err) {
      message.error(errorText(err), 8);
    }
  };
  const showPreview = async () => {
    try {
      setPreview(await fetchText(`/agencies/${agency}/reports/${year}?format=html`));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const cell = (t: Cells | undefined, row: string) => t?.[row]?.['total'] ?? null;
  const years = Array.from({ length: new Date().getFullYear() - 2019 + 1 }, (_, i) => 2019 + i).reverse();
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <h1 style={{ fontSize: 18, margin: 0 }}>年度报告</h1>
        <Select aria-label="机关" style={{ width: 200 }} value={agency} onChange={setAgency} options={agencies.map((a) => ({ value: a.code, label: a.name }))} />
        <Select aria-label="年度" style={{ width: 100 }} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        {ws !== null && (ws.locked ? <Tag color="green">已发布（锁定）</Tag> : <Tag color="orange">未发布</Tag>)}
        {ws !== null && !ws.locked && hasRole(me, 'head', 'publisher') && (
          <Popconfirm title="发布后，所统计的案件不能再修改；确定发布？" okText="发布" cancelText="取消" onConfirm={() => void publish()}>
            <Button type="primary">发布（锁定）</Button>
          </Popconfirm>
        )}
        <Button href={agency ? `/api/v1/agencies/${agency}/reports/${year}?format=docx` : undefined}>下载 DOCX</Button>
        <Button href={agency ? `/api/v1/agencies/${agency}/reports/${year}?format=pdf` : undefined}>下载 PDF</Button>
        {hasRole(me, 'clerk', 'head', 'supervisor') && <Button href={agency ? `/api/v1/agencies/${agency}/register?year=${year}&format=xlsx` : undefined}>导出台账 XLSX</Button>}
      </Space>
      {error !== null && <Alert type="error" title={error} style={{ marginBottom: 8 }} />}
      {ws !== null && ws.unconfirmed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${ws.unconfirmed.length}件网上提交的申请尚未确认收到，未计入表三；请在办案中确认收到或说明理由驳回后再发布`}
          description={ws.unconfirmed.map((u) => `${u.receiptCode}（${u.submittedOn}提交，${u.applicant}）`).join('；')}
        />
      )}
      {ws === null ? <Card loading /> : (
        <>
          <Row gutter={8} style={{ marginBottom: 8 }}>
            {ws.checks.rules.map((r) => (
              <Col span={6} key={r.rule}>
                <Card size="small" title={<span>{r.rule} {r.violated > 0 ? <Tag color="red">不符 {r.violated}</Tag> : r.unchecked > 0 ? <Tag color="orange">未能核对 {r.unchecked}</Tag> : <Tag color="green">全部相符</Tag>}</span>}>
                  <div style={{ fontSize: 12, minHeight: 36 }}>{r.text}</div>
                  <div style={{ fontSize: 12, color: '#595959' }}>相符 {r.passed} 项</div>
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'compare',
                  label: '与上年比较',
                  children: (
                    <Table size="small" pagination={false} rowKey="row" dataSource={KEY_ROWS.map((row) => ({ row, label: labelOf(labels.table3Rows, row), now: cell(ws.report.applications, row), before: cell(ws.previous?.applications, row) }))}
                      columns={[
                        { title: `项目（表三，${labels.totalColumn.label}列）`, dataIndex: 'label' },
                        { title: `${year}年`, dataIndex: 'now', width: 120, render: (v: number | null) => v ?? '—' },
                        { title: `${year - 1}年`, dataIndex: 'before', width: 120, render: (v: number | null) => v ?? '—' },
                        { title: '增减', width: 160, render: (_: unknown, r: { now: number | null; before: number | null }) => (r.now === null || r.before === null ? '—' : `${r.now - r.before >= 0 ? '+' : ''}${r.now - r.before}${r.before > 0 ? `（${(((r.now - r.before) / r.before) * 100).toFixed(1)}%）` : ''}`) },
                      ]}
                    />
                  ),
                },
                {
                  key: 'table2',
                  label: '表二：主动公开（录入）',
                  children: (
                    <Form layout="vertical" disabled={ws.locked || !hasRole(me, 'clerk', 'head')}>
                      {ws.table2.map((block) => (
                        <div key={block.item} style={{ marginBottom: 8 }}>
                          <div style={{ fontWeight: 600, margin: '4px 0' }}>{block.item}</div>
                          <Table size="small" pagination={false} rowKey="id" dataSource={block.rows}
                            columns={[
                              { title: '信息内容', dataIndex: 'label', width: 180 },
                              ...block.columns.map((c) => ({
                                title: c.label,
                                key: c.id,
                                render: (_: unknown, r: { id: string; label: string }) => (
                                  <InputNumber aria-label={`${r.label}：${c.label}`} style={{ width: 120 }} value={figures[r.id]?.[c.id] ?? null} min={c.value === 'signed' ? undefined : 0}
                                    onChange={(v: number | null) => setFigures((f) => ({ ...f, [r.id]: { ...(f[r.id] ?? {}), [c.id]: v } }))} disabled={ws.locked} />
                                ),
                              })),
                            ]}
                          />
                        </div>
                      ))}
                      <Button type="primary" onClick={() => void saveFigures()}>保存表二</Button>
                    </Form>
                  ),
                },
                {
                  key: 'preview',
                  label: '报告预览',
                  children: preview === null ? <Button onClick={() => void showPreview()}>生成预览</Button> : <iframe title="年度报告预览" srcDoc={preview} style={{ width: '100%', height: 640, border: '1px solid #d9d9d9' }} />,
                },
                {
                  key: 'narrative',
                  label: '正文编辑',
                  children: agency === undefined ? null : (
                    <NarrativeEditor agency={agency} year={year} locked={ws.locked} canEdit={hasRole(me, 'clerk', 'head')} saved={ws.report.narrative ?? NO_TEXT}
                      applications={ws.report.applications} appeals={ws.report.appeals} previous={ws.previous} onSaved={() => void load()} />
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
