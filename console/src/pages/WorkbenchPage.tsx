/** The workbench: what is due, overdue, standing still, waiting; counts per state. */
import { Alert, Card, Col, Row, Statistic, Table, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorText } from '../api.ts';
import type { Workbench, WorkbenchCase } from '../types.ts';
import { caseColumns } from './caseColumns.tsx';

const left = { title: '剩余工作日', dataIndex: 'workdaysLeft', width: 96, render: (v: number | null) => (v === null ? '—' : v < 0 ? <Tag color="red">逾期 {-v} 日</Tag> : <Tag color={v <= 1 ? 'volcano' : 'orange'}>{v} 日</Tag>) };
const stood = {
  title: '已中止',
  dataIndex: 'stoodDays',
  width: 170,
  render: (_: unknown, r: WorkbenchCase) => (r.stoppedSince === null ? '—' : `自 ${r.stoppedSince}：${r.stoodWorkdays ?? 0} 个工作日（${r.stoodDays ?? 0} 天）`),
};

interface Reminder {
  id: string;
  title: string;
  emailed: boolean;
  createdAt: string;
  cases: { id: string; receiptCode: string; dueOn: string | null }[];
}

export function WorkbenchPage() {
  const [wb, setWb] = useState<Workbench | null>(null);
  const [reminder, setReminder] = useState<Reminder | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Workbench>('GET', '/workbench').then(setWb, (e: unknown) => setError(errorText(e)));
    api<{ items: Reminder[] }>('GET', '/notifications').then((r) => setReminder(r.items[0] ?? null), (e: unknown) => setError(errorText(e)));
  }, []);
  if (error !== null) return <Alert type="error" title={error} />;
  const table = (rows: WorkbenchCase[], extra: object[], empty: string) => (
    <Table<WorkbenchCase> size="small" rowKey="id" dataSource={rows} columns={caseColumns<WorkbenchCase>(extra as never)} pagination={rows.length > 20 ? { pageSize: 20 } : false} loading={wb === null} locale={{ emptyText: <span className="gk-empty">{empty}</span> }} />
  );
  const w = wb;
  return (
    <div>
      <h1 style={{ fontSize: 18, margin: '0 0 8px' }}>工作台{w ? <small style={{ fontSize: 13, color: '#555', marginLeft: 12 }}>今天 {w.today}（3个工作日内：至 {w.dueSoonHorizon}）</small> : null}</h1>
      <Row gutter={8} style={{ marginBottom: 8 }}>
        {(w?.counts ?? []).map((c) => (
          <Col key={c.state} flex="1">
            <Card size="small"><Statistic title={c.label} value={c.count} /></Card>
          </Col>
        ))}
      </Row>
      {reminder !== null && w !== null && reminder.title.startsWith(w.today) && (
        <Alert
          style={{ marginBottom: 8 }}
          type="warning"
          showIcon
          title={`${reminder.title}${reminder.emailed ? '（已发送电子邮件）' : ''}`}
          description={<span>{reminder.cases.map((c, i) => <span key={c.id}>{i > 0 ? '、' : ''}<Link to={`/cases/${c.id}`}>{c.receiptCode}</Link>（{c.dueOn ?? '—'}）</span>)}</span>}
        />
      )}
      <Card size="small">
        <Tabs
          items={[
            { key: 'due', label: `3个工作日内到期（${w?.dueSoon.length ?? 0}）`, children: table(w?.dueSoon ?? [], [left], '3个工作日内没有到期的申请') },
            { key: 'overdue', label: `已逾期（${w?.overdue.length ?? 0}）`, children: table(w?.overdue ?? [], [left], '没有逾期的申请') },
            { key: 'stopped', label: `期限中止（${w?.stopped.length ?? 0}）`, children: table(w?.stopped ?? [], [stood], '没有中止计算期限的申请') },
            { key: 'unconfirmed', label: `待确认的在线申请（${w?.unconfirmed.length ?? 0}）`, children: table(w?.unconfirmed ?? [], [], '没有待确认的在线申请') },
            { key: 'extension', label: `待批准延期（${w?.extensionRequests.length ?? 0}）`, children: table(w?.extensionRequests ?? [], [left], '没有待批准的延期申请') },
          ]}
        />
      </Card>
    </div>
  );
}
