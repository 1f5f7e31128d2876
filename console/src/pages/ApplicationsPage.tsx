/** All cases in the user's agencies: filter by state, search, sort by due date. */
import { Button, Card, Input, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText } from '../api.ts';
import { hasRole, useSession } from '../session.tsx';
import type { ListItem } from '../types.ts';
import { caseColumns } from './caseColumns.tsx';
import { App } from 'antd';

export function ApplicationsPage() {
  const { labels, me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [state, setState] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: ListItem[]; total: number } | null>(null);
  const pageSize = 30;
  useEffect(() => {
    const p = new URLSearchParams({ limit: String(pageSize), offset: String((page - 1) * pageSize), sort: 'due' });
    if (state !== undefined) p.set('state', state);
    if (q.trim() !== '') p.set('q', q.trim());
    setData(null);
    api<{ items: ListItem[]; total: number }>('GET', `/applications?${p}`).then(setData, (e: unknown) => void message.error(errorText(e)));
  }, [state, q, page, message]);
  return (
    <div>
      <h1 style={{ fontSize: 18, margin: '0 0 8px' }}>申请办理</h1>
      <Card size="small">
        <Space style={{ marginBottom: 8 }} wrap>
          <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 160 }} value={state} onChange={(v: string | undefined) => { setState(v); setPage(1); }} options={labels.states.map((s) => ({ value: s.id, label: s.label }))} />
          <Input.Search aria-label="查找" placeholder="受理编号、申请内容、申请人" allowClear style={{ width: 300 }} onSearch={(v) => { setQ(v); setPage(1); }} />
          {hasRole(me, 'clerk', 'head') && <Button type="primary" onClick={() => navigate('/cases/new')}>登记申请</Button>}
        </Space>
        <Table<ListItem>
          size="small"
          rowKey="id"
          loading={data === null}
          dataSource={data?.items ?? []}
          columns={caseColumns<ListItem>([{ title: '机关', dataIndex: 'agencyCode', width: 90 }])}
          pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 件`, showSizeChanger: false }}
        />
      </Card>
    </div>
  );
}
