/**
 * 政府信息目录 for the publisher (信息发布员): the agency's documents (drafts, published, withdrawn) with
 * their index number, item of 《条例》第二十条 and validity; writing a draft; publishing, correcting,
 * marking repealed, withdrawing, linking a 政策解读; the 依申请转主动 queue; the Art. 26 late list; the 指南.
 */
import { Alert, App, Button, Card, Form, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../api.ts';
import { chinaToday } from '../format.ts';
import { hasRole, useSession } from '../session.tsx';
import type { Agency } from '../types.ts';
import { DocumentFields, type DocumentInput } from './catalogue/DocumentFields.tsx';
import { DocumentStepDialog, type DocumentStep, type ListedDocument } from './catalogue/DocumentSteps.tsx';
import { GuidePanel } from './catalogue/GuidePanel.tsx';
import { LatePanel } from './catalogue/LatePanel.tsx';
import { ProposalsPanel } from './catalogue/ProposalsPanel.tsx';

type DocumentRow = ListedDocument;

const STATUS = { draft: { label: '草稿', color: 'gold' }, published: { label: '已发布', color: 'green' }, withdrawn: { label: '已撤回', color: 'default' } } as const;

type DraftInput = DocumentInput;

export function CataloguePage() {
  const { me } = useSession();
  const { message, modal } = App.useApp();
  const canPublish = hasRole(me, 'publisher');
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agency, setAgency] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: DocumentRow[]; total: number } | null>(null);
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stepping, setStepping] = useState<{ doc: DocumentRow; step: DocumentStep } | null>(null);
  const [tab, setTab] = useState('documents');
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
        <Tabs activeKey={tab} onChange={setTab} size="small" tabBarExtraContent={agencies.length > 1 ? <Select aria-label="机关" style={{ width: 260 }} value={agency} onChange={(v: string) => { setAgency(v); setPage(1); }} options={agencies.map((a) => ({ value: a.code, label: a.name }))} /> : undefined}
          items={[
            { key: 'documents', label: '文件目录', children: (
              <>
            <Space style={{ marginBottom: 8 }} wrap>
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
                ...(canPublish ? [{ title: '操作', key: 'ops', width: 250, render: (_: unknown, d: DocumentRow) => <DocumentOps d={d} publish={publish} step={(step) => setStepping({ doc: d, step })} /> }] : []),
              ]}
            />
              </>
            ) },
            { key: 'proposals', label: '依申请转主动', children: agency === undefined ? null : <ProposalsPanel agency={agency} onPublished={reload} /> },
            { key: 'late', label: '逾期公开（第二十六条）', children: agency === undefined ? null : <LatePanel agency={agency} /> },
            { key: 'guide', label: '公开指南', children: agency === undefined ? null : <GuidePanel agency={agency} canEdit={hasRole(me, 'publisher', 'head', 'admin')} /> },
          ]}
        />
      </Card>

      <Modal title="新建文件（草稿）" open={writing} width={720} onCancel={() => setWriting(false)} okText="保存草稿" cancelText="取消" onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void saveDraft(v)} initialValues={{ item: '1', kind: 'normative', writtenOn: chinaToday() }}>
          <DocumentFields />
        </Form>
      </Modal>
      {stepping !== null && agency !== undefined && (
        <DocumentStepDialog doc={stepping.doc} step={stepping.step} agency={agency} onClose={() => setStepping(null)}
          onDone={(text) => { void message.success(text); setStepping(null); reload(); }} />
      )}
    </div>
  );
}

/** The steps the law allows on a document in its state. */
function DocumentOps({ d, publish, step }: { d: DocumentRow; publish: (d: DocumentRow) => void; step: (s: DocumentStep) => void }) {
  if (d.status === 'draft') {
    return (
      <Space size={4}>
        <Button size="small" type="primary" autoInsertSpace={false} onClick={() => publish(d)} aria-label={`发布（${d.title}）`}>发布</Button>
        <Button size="small" autoInsertSpace={false} onClick={() => step('correct')} aria-label={`修改（${d.title}）`}>修改</Button>
      </Space>
    );
  }
  if (d.status !== 'published') return null;
  return (
    <Space size={4}>
      <Button size="small" autoInsertSpace={false} onClick={() => step('correct')} aria-label={`更正（${d.title}）`}>更正</Button>
      {d.validity === 'valid' && <Button size="small" autoInsertSpace={false} onClick={() => step('repeal')} aria-label={`标注失效或废止（${d.title}）`}>废止</Button>}
      {d.kind === 'interpretation' && <Button size="small" autoInsertSpace={false} onClick={() => step('link')} aria-label={`关联被解读文件（${d.title}）`}>关联</Button>}
      <Button size="small" danger autoInsertSpace={false} onClick={() => step('withdraw')} aria-label={`撤回（${d.title}）`}>撤回</Button>
    </Space>
  );
}
