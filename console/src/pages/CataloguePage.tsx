/**
 * 政府信息目录 for the publisher (信息发布员): the agency's documents (drafts, published, withdrawn) with
 * their index number, item of 《条例》第二十条 and validity; writing a draft; publishing it to the portal.
 */
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../api.ts';
import { chinaToday } from '../format.ts';
import { hasRole, useSession } from '../session.tsx';
import type { Agency } from '../types.ts';

interface DocumentRow {
  id: string;
  agencyCode: string;
  indexNumber: string;
  title: string;
  docNumber: string | null;
  writtenOn: string;
  publishedOn: string | null;
  itemLabel: string;
  kindLabel: string;
  validityLabel: string;
  validity: string;
  status: 'draft' | 'published' | 'withdrawn';
  version: number;
}

const STATUS = { draft: { label: '草稿', color: 'gold' }, published: { label: '已发布', color: 'green' }, withdrawn: { label: '已撤回', color: 'default' } } as const;

interface DraftInput {
  title: string;
  docNumber?: string;
  writtenOn: string;
  item: string;
  topic: string;
  kind: string;
  summary?: string;
  body?: string;
}

export function CataloguePage() {
  const { labels, me } = useSession();
  const { message, modal } = App.useApp();
  const canPublish = hasRole(me, 'publisher');
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agency, setAgency] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: DocumentRow[]; total: number } | null>(null);
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<DraftInput>();
  const pageSize = 30;

  useEffect(() => {
    api<{ items: Agency[] }>('GET', '/agencies').then((r) => {
      setAgencies(r.items);
      setAgency((a) => a ?? r.items[0]?.code);
    }, (e: unknown) => setError(errorText(e)));
  }, []);

  const reload = useCallback(() => {
    if (agency === undefined) return;
    const p = new URLSearchParams({ agency, page: String(page), pageSize: String(pageSize) });
    if (status !== undefined) p.set('status', status);
    setData(null);
    api<{ items: DocumentRow[]; total: number }>('GET', `/catalogue/documents?${p}`).then(setData, (e: unknown) => setError(errorText(e)));
  }, [agency, status, page]);
  useEffect(reload, [reload]);

  const saveDraft = async (v: DraftInput) => {
    if (agency === undefined) return;
    try {
      await api('POST', `/agencies/${encodeURIComponent(agency)}/catalogue/documents`, v);
      void message.success(`已保存草稿：${v.title}`);
      setWriting(false);
      form.resetFields();
      setStatus('draft');
      setPage(1);
      reload();
    } catch (err) {
      void message.error(errorText(err), 8);
    }
  };

  const publish = (d: DocumentRow) => {
    modal.confirm({
      title: `发布《${d.title}》？`,
      content: `发布后即在门户公开，发布日期为今天（${chinaToday()}）。`,
      okText: '发布',
      cancelText: '取消',
      onOk: async () => {
        try {
          await api('POST', `/catalogue/documents/${d.id}/publish`, { version: d.version });
          void message.success(`已发布：${d.title}`);
          reload();
        } catch (err) {
          void message.error(errorText(err), 8);
        }
      },
    });
  };

  if (error !== null) return <Alert type="error" title={error} />;
  return (
    <div>
      <h1 style={{ fontSize: 18, margin: '0 0 8px' }}>政府信息目录</h1>
      <Card size="small">
        <Space style={{ marginBottom: 8 }} wrap>
          {agencies.length > 1 && <Select aria-label="机关" style={{ width: 260 }} value={agency} onChange={(v: string) => { setAgency(v); setPage(1); }} options={agencies.map((a) => ({ value: a.code, label: a.name }))} />}
          <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 140 }} value={status} onChange={(v: string | undefined) => { setStatus(v); setPage(1); }} options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))} />
          {canPublish && <Button type="primary" onClick={() => setWriting(true)}>新建文件</Button>}
        </Space>
        <Table<DocumentRow>
          size="small"
          rowKey="id"
          loading={data === null}
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 件`, showSizeChanger: false }}
          columns={[
            { title: '索引号', dataIndex: 'indexNumber', width: 190 },
            { title: '名称', dataIndex: 'title', ellipsis: true },
            { title: '发文字号', dataIndex: 'docNumber', width: 150, render: (v: string | null) => v ?? '—' },
            { title: '类别', dataIndex: 'itemLabel', width: 180 },
            { title: '成文日期', dataIndex: 'writtenOn', width: 100 },
            { title: '发布日期', dataIndex: 'publishedOn', width: 100, render: (v: string | null) => v ?? '—' },
            { title: '效力', dataIndex: 'validityLabel', width: 70 },
            { title: '状态', dataIndex: 'status', width: 80, render: (v: DocumentRow['status']) => <Tag color={STATUS[v].color}>{STATUS[v].label}</Tag> },
            ...(canPublish ? [{ title: '操作', key: 'ops', width: 80, render: (_: unknown, d: DocumentRow) => (d.status === 'draft' ? <Button size="small" type="primary" autoInsertSpace={false} onClick={() => publish(d)} aria-label={`发布（${d.title}）`}>发布</Button> : null) }] : []),
          ]}
        />
      </Card>

      <Modal title="新建文件（草稿）" open={writing} width={720} onCancel={() => setWriting(false)} okText="保存草稿" cancelText="取消" onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void saveDraft(v)} initialValues={{ item: '1', kind: 'normative', writtenOn: chinaToday() }}>
          <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input />
          </Form.Item>
          <Space size={12} style={{ display: 'flex' }} align="start">
            <Form.Item name="docNumber" label="发文字号" style={{ width: 260 }}>
              <Input placeholder="如 示范〔2026〕1号" />
            </Form.Item>
            <Form.Item name="writtenOn" label="成文日期" style={{ width: 160 }} rules={[{ required: true, message: '请填写成文日期' }, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 YYYY-MM-DD' }]}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="kind" label="文件类型" style={{ width: 200 }}>
              <Select aria-label="文件类型" options={labels.documentKinds.map((k) => ({ value: k.id, label: k.label }))} />
            </Form.Item>
          </Space>
          <Space size={12} style={{ display: 'flex' }} align="start">
            <Form.Item name="item" label="《条例》第二十条" style={{ width: 260 }} rules={[{ required: true, message: '请选择' }]}>
              <Select aria-label="《条例》第二十条" options={labels.art20Items.map((i) => ({ value: i.id, label: i.label }))} />
            </Form.Item>
            <Form.Item name="topic" label="主题分类" style={{ width: 380 }} rules={[{ required: true, message: '请填写主题分类' }]}>
              <Input />
            </Form.Item>
          </Space>
          <Form.Item name="summary" label="内容概述">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="body" label="正文">
            <Input.TextArea rows={6} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
