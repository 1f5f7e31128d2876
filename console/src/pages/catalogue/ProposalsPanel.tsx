/**
 * 依申请转主动 (《条例》第四十四条): information asked for repeatedly, or suggested by a clerk, waiting for the
 * publisher: publish it (a catalogue document linked to the applications) or dismiss it with a reason.
 */
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../../api.ts';
import { chinaTime, chinaToday } from '../../format.ts';
import { DocumentFields, type DocumentInput } from './DocumentFields.tsx';

interface Proposal {
  id: string;
  description: string;
  source: string;
  applicationIds: string[];
  status: 'open' | 'published' | 'dismissed';
  note: string | null;
  createdAt: string;
  decidedAt: string | null;
}

const SOURCES: Record<string, string> = { repeated: '多人申请同一信息', clerk: '承办人建议', applicant: '申请人建议' };
const STATUSES = [{ value: 'open', label: '待处理' }, { value: 'published', label: '已发布' }, { value: 'dismissed', label: '不予采纳' }];

export function ProposalsPanel({ agency, onPublished }: { agency: string; onPublished: () => void }) {
  const { message } = App.useApp();
  const [status, setStatus] = useState('open');
  const [items, setItems] = useState<Proposal[] | null>(null);
  const [publishing, setPublishing] = useState<Proposal | null>(null);
  const [dismissing, setDismissing] = useState<Proposal | null>(null);
  const [docForm] = Form.useForm<DocumentInput>();
  const [reasonForm] = Form.useForm<{ reason: string }>();

  const reload = useCallback(() => {
    setItems(null);
    api<{ items: Proposal[] }>('GET', `/agencies/${agency}/catalogue/proposals?status=${status}`).then((r) => setItems(r.items), (e: unknown) => {
      setItems([]);
      void message.error(errorText(e), 8);
    });
  }, [agency, status, message]);
  useEffect(reload, [reload]);

  const publish = async (v: DocumentInput) => {
    if (publishing === null) return;
    try {
      await api('POST', `/agencies/${agency}/catalogue/proposals/${publishing.id}/publish`, v);
      void message.success(`已发布：${v.title}`);
      setPublishing(null);
      reload();
      onPublished();
    } catch (err) {
      void message.error(errorText(err), 8);
    }
  };
  const dismiss = async (v: { reason: string }) => {
    if (dismissing === null) return;
    try {
      await api('POST', `/agencies/${agency}/catalogue/proposals/${dismissing.id}/dismiss`, v);
      void message.success('已不予采纳');
      setDismissing(null);
      reload();
    } catch (err) {
      void message.error(errorText(err), 8);
    }
  };

  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <Select aria-label="建议状态" style={{ width: 140 }} value={status} onChange={setStatus} options={STATUSES} />
        <span className="gk-empty">多人申请公开同一信息、或承办人建议的，经审查可转为主动公开（《条例》第四十四条）。</span>
      </Space>
      <Table<Proposal> size="small" rowKey="id" loading={items === null} dataSource={items ?? []} pagination={false} locale={{ emptyText: '没有待处理的建议' }}
        columns={[
          { title: '信息', dataIndex: 'description' },
          { title: '来源', dataIndex: 'source', width: 140, render: (v: string) => SOURCES[v] ?? v },
          { title: '所涉申请', dataIndex: 'applicationIds', width: 90, render: (v: string[]) => `${v.length} 件` },
          { title: '提出时间', dataIndex: 'createdAt', width: 140, render: (v: string) => chinaTime(v) },
          ...(status === 'open'
            ? [{ title: '操作', key: 'ops', width: 170, render: (_: unknown, p: Proposal) => (
                <Space size={4}>
                  <Button size="small" type="primary" autoInsertSpace={false} aria-label={`发布（${p.description}）`} onClick={() => { docForm.setFieldsValue({ title: p.description, item: '1', kind: 'other', writtenOn: chinaToday(), topic: '' }); setPublishing(p); }}>发布</Button>
                  <Button size="small" aria-label={`不予采纳（${p.description}）`} onClick={() => { reasonForm.resetFields(); setDismissing(p); }}>不予采纳</Button>
                </Space>
              ) }]
            : [{ title: '处理', key: 'done', width: 220, render: (_: unknown, p: Proposal) => <span><Tag>{STATUSES.find((s) => s.value === p.status)?.label}</Tag>{p.note ?? ''}</span> }]),
        ]}
      />
      <Modal open={publishing !== null} title="发布为主动公开的政府信息" width={720} onCancel={() => setPublishing(null)} okText="发布" cancelText="取消" onOk={() => docForm.submit()} forceRender>
        <Form form={docForm} layout="vertical" onFinish={(v) => void publish(v)}>
          <DocumentFields />
        </Form>
      </Modal>
      <Modal open={dismissing !== null} title="不予采纳" onCancel={() => setDismissing(null)} okText="确定" cancelText="取消" onOk={() => reasonForm.submit()} forceRender>
        <Form form={reasonForm} layout="vertical" onFinish={(v) => void dismiss(v)}>
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
