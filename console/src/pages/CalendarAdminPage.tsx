/**
 * Administration, 工作日历 (decisions.md #22, #23): the years in force (package or loaded, by whom, when),
 * loading the State Council's notice — paste, preview (the year as month calendars and the open cases
 * whose due date it changes), confirm — and any year's days.
 */
import { Alert, App, Button, Card, Col, Input, Row, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, errorText } from '../api.ts';
import { DueDate } from '../DueDate.tsx';
import { chinaTime } from '../format.ts';
import { useSession } from '../session.tsx';
import type { CalendarWarning } from '../types.ts';
import { YearGrid } from './MonthGrid.tsx';
import type { SpecialDay } from './MonthGrid.tsx';

interface YearRow {
  year: number;
  source: 'package' | 'installation';
  notice: string | null;
  loadedAt: string | null;
  loadedBy: string | null;
  loadedByName: string | null;
}

interface Recomputed {
  applicationId: string;
  agencyCode: string;
  receiptCode: string;
  dueBefore: string | null;
  dueAfter: string | null;
  provisionalBefore: boolean;
  provisionalAfter: boolean;
  movedEarlier: boolean;
}

interface LoadResult {
  year: number;
  source: string;
  replaces: 'package' | 'installation' | null;
  specialDays: SpecialDay[];
  recomputed: Recomputed[];
  movedEarlier: Recomputed[];
  dryRun: boolean;
}

const REPLACES: Record<string, string> = { package: '将替换软件包自带的该年数据', installation: '将替换此前载入的该年安排' };

export function CalendarAdminPage() {
  const { refresh } = useSession();
  const { message } = App.useApp();
  const [years, setYears] = useState<YearRow[] | null>(null);
  const [warning, setWarning] = useState<CalendarWarning | null>(null);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<LoadResult | null>(null);
  const [issues, setIssues] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ year: number; days: SpecialDay[] } | null>(null);

  const reload = useCallback(() => {
    api<{ years: YearRow[]; warning: CalendarWarning | null }>('GET', '/calendar').then((r) => {
      setYears(r.years);
      setWarning(r.warning);
    }, (e: unknown) => void message.error(errorText(e)));
  }, [message]);
  useEffect(reload, [reload]);

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setIssues([]);
    try {
      const r = await api<LoadResult>('POST', '/calendar/notices', { text, dryRun });
      if (dryRun) setPreview(r);
      else {
        setPreview(null);
        setText('');
        void message.success(`已载入${r.year}年节假日安排（${r.source}），重算了 ${r.recomputed.length} 件在办申请的期限`);
        reload();
        await refresh();
      }
    } catch (err) {
      setPreview(null);
      if (err instanceof ApiError && err.issues.length > 0) setIssues(err.issues.map((i) => `${i.path}：${i.message}`));
      else setIssues([errorText(err)]);
    } finally {
      setBusy(false);
    }
  };

  const showYear = (year: number) => {
    api<{ year: number; days: SpecialDay[] }>('GET', `/calendar/years/${year}`).then((r) => setShown({ year: r.year, days: r.days }), (e: unknown) => void message.error(errorText(e)));
  };

  return (
    <div>
      <h1 style={{ fontSize: 18, margin: '0 0 8px' }}>工作日历</h1>
      <Row gutter={12}>
        <Col span={11}>
          <Card size="small" title="已有的年份" style={{ marginBottom: 12 }}>
            {warning !== null && <Alert style={{ marginBottom: 8 }} type="warning" title={`${warning.year}年尚未载入`} />}
            <Table<YearRow>
              size="small"
              rowKey="year"
              loading={years === null}
              dataSource={[...(years ?? [])].reverse()}
              pagination={false}
              columns={[
                { title: '年份', dataIndex: 'year', width: 70, render: (v: number) => `${v}年` },
                { title: '来源', dataIndex: 'source', width: 90, render: (v: string) => (v === 'package' ? <Tag>软件包自带</Tag> : <Tag color="green">已载入</Tag>) },
                { title: '通知文号', dataIndex: 'notice', width: 175, render: (v: string | null) => v ?? '—' },
                { title: '载入人、时间', key: 'by', width: 175, render: (_: unknown, r) => (r.loadedAt === null ? '—' : `${r.loadedByName ?? '—'} ${chinaTime(r.loadedAt)}`) },
                { title: '', key: 'show', width: 70, render: (_: unknown, r) => <Button size="small" type="link" onClick={() => showYear(r.year)} aria-label={`查看${r.year}年日历`}>查看</Button> },
              ]}
            />
          </Card>
        </Col>
        <Col span={13}>
          <Card size="small" title="载入国务院办公厅节假日安排通知" style={{ marginBottom: 12 }}>
            <p style={{ margin: '0 0 6px', color: '#595959' }}>
              将《国务院办公厅关于某年部分节假日安排的通知》全文（含标题和文号）粘贴到下面，先预览核对，再确认载入。载入后所有在办申请的期限按新日历重算。
            </p>
            <Input.TextArea aria-label="通知全文" rows={9} value={text} onChange={(e) => { setText(e.target.value); setPreview(null); }} placeholder="国务院办公厅关于2027年部分节假日安排的通知……" />
            <Space style={{ marginTop: 8 }}>
              <Button onClick={() => void send(true)} loading={busy && preview === null} disabled={text.trim() === ''}>预览</Button>
              <Button type="primary" onClick={() => void send(false)} loading={busy && preview !== null} disabled={preview === null}>确认载入</Button>
              {preview === null && text.trim() !== '' && <span style={{ color: '#595959' }}>预览核对后才能载入</span>}
            </Space>
            {issues.length > 0 && (
              <Alert
                style={{ marginTop: 8 }}
                type="error"
                title="通知未能读取，未保存任何内容"
                description={<ul className="gk-notice-errors">{issues.map((i) => <li key={i}>{i}</li>)}</ul>}
              />
            )}
          </Card>
        </Col>
      </Row>
      {preview !== null && (
        <Card size="small" title={`预览：${preview.year}年（${preview.source}）${preview.replaces !== null ? `，${REPLACES[preview.replaces] ?? ''}` : ''}`} style={{ marginBottom: 12 }} className="gk-preview">
          <YearGrid year={preview.year} days={preview.specialDays} />
          <h2 style={{ fontSize: 14, margin: '12px 0 6px' }}>
            答复期限将改变的在办申请（{preview.recomputed.length}件，其中提前 {preview.movedEarlier.length} 件）
          </h2>
          <Table<Recomputed>
            size="small"
            rowKey="applicationId"
            dataSource={preview.recomputed}
            pagination={preview.recomputed.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: <span className="gk-empty">没有在办申请的期限会改变</span> }}
            columns={[
              { title: '受理编号', dataIndex: 'receiptCode', width: 160, render: (v: string, r) => <Link to={`/cases/${r.applicationId}`}>{v}</Link> },
              { title: '机关', dataIndex: 'agencyCode', width: 90 },
              { title: '现答复期限', key: 'before', width: 150, render: (_: unknown, r) => <DueDate dueOn={r.dueBefore} provisionalYears={r.provisionalBefore ? [preview.year] : []} /> },
              { title: '载入后', key: 'after', width: 150, render: (_: unknown, r) => <DueDate dueOn={r.dueAfter} provisionalYears={r.provisionalAfter ? [preview.year] : []} /> },
              { title: '变化', key: 'change', render: (_: unknown, r) => (r.movedEarlier ? <Tag color="red">提前</Tag> : r.dueBefore === r.dueAfter ? <Tag>不再暂定</Tag> : <Tag color="blue">推后</Tag>) },
            ]}
          />
        </Card>
      )}
      {shown !== null && (
        <Card size="small" className="gk-year-shown" title={`${shown.year}年工作日历`} extra={<Button size="small" onClick={() => setShown(null)}>收起</Button>}>
          <YearGrid year={shown.year} days={shown.days} />
        </Card>
      )}
    </div>
  );
}
