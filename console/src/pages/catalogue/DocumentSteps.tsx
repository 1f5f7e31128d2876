/**
 * The publisher's steps on a listed document, each a dialog that names what it does on the portal:
 * 更正 (correct: changed fields with a reason), 标注失效/废止/已修订 (repeal), 撤回 (withdraw), and linking a
 * 政策解读 to the documents it interprets.
 */
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../api.ts';
import { chinaToday } from '../../format.ts';
import { useSession } from '../../session.tsx';
import { DATE_RULES, DocumentFields, type DocumentInput } from './DocumentFields.tsx';

export interface ListedDocument {
  id: string;
  indexNumber: string;
  title: string;
  docNumber: string | null;
  writtenOn: string;
  publishedOn: string | null;
  kind: string;
  itemLabel: string;
  validityLabel: string;
  validity: string;
  status: 'draft' | 'published' | 'withdrawn';
  version: number;
}

export type DocumentStep = 'correct' | 'repeal' | 'withdraw' | 'link';

interface Detail extends DocumentInput {
  version: number;
  interprets: { id: string; title: string }[];
}

const TITLES: Record<DocumentStep, string> = { correct: '更正', repeal: '标注效力', withdraw: '撤回', link: '关联被解读的文件' };
const OK: Record<DocumentStep, string> = { correct: '更正', repeal: '标注', withdraw: '撤回', link: '关联' };
const CORRECTABLE = ['title', 'docNumber', 'writtenOn', 'item', 'topic', 'kind', 'summary', 'body'] as const;

export function DocumentStepDialog({ doc, step, agency, onClose, onDone }: { doc: ListedDocument; step: DocumentStep; agency: string; onClose: () => void; onDone: (text: string) => void }) {
  const { labels } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [targets, setTargets] = useState<{ value: string; label: string }[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<Detail>('GET', `/catalogue/documents/${doc.id}`).then((d) => {
      setDetail(d);
      if (step === 'correct') form.setFieldsValue(Object.fromEntries(CORRECTABLE.map((k) => [k, d[k] ?? undefined])));
      if (step === 'link') form.setFieldsValue({ documentIds: d.interprets.map((x) => x.id) });
    }, (e: unknown) => void message.error(errorText(e), 8));
    if (step === 'link') {
      const p = new URLSearchParams({ agency, status: 'published', pageSize: '100' });
      api<{ items: ListedDocument[] }>('GET', `/catalogue/documents?${p}`).then(
        (r) => setTargets(r.items.filter((d) => d.kind !== 'interpretation').map((d) => ({ value: d.id, label: `${d.title}${d.docNumber ? `（${d.docNumber}）` : ''}` }))),
        (e: unknown) => void message.error(errorText(e), 8),
      );
    }
  }, [doc.id, step, agency, form, message]);

  const submit = async (v: Record<string, unknown>) => {
    if (detail === null) return;
    setBusy(true);
    try {
      if (step === 'correct') {
        const changes = Object.fromEntries(CORRECTABLE.filter((k) => (v[k] ?? '') !== (detail[k] ?? '')).map((k) => [k, v[k] ?? '']));
        await api('POST', `/catalogue/documents/${doc.id}/correct`, { version: detail.version, reason: v['reason'], changes });
        onDone(`已更正：${String(v['title'] ?? doc.title)}`);
      } else if (step === 'repeal') {
        await api('POST', `/catalogue/documents/${doc.id}/repeal`, { version: detail.version, validity: v['validity'], changedOn: v['changedOn'], ...(v['note'] ? { note: v['note'] } : {}) });
        onDone(`已标注${labels.validity.find((x) => x.id === v['validity'])?.label ?? ''}：${doc.title}`);
      } else if (step === 'withdraw') {
        await api('POST', `/catalogue/documents/${doc.id}/withdraw`, { version: detail.version, reason: v['reason'] });
        onDone(`已撤回：${doc.title}`);
      } else {
        await api('POST', `/catalogue/documents/${doc.id}/interpretations`, { documentIds: v['documentIds'] });
        onDone(`已关联政策解读：${doc.title}`);
      }
    } catch (err) {
      void message.error(errorText(err), 8);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`${TITLES[step]}：${doc.title}`} width={step === 'correct' ? 720 : 560} onCancel={onClose} okText={OK[step]} cancelText="取消"
      okButtonProps={{ loading: busy, disabled: detail === null }} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ validity: 'repealed', changedOn: chinaToday() }}>
        {step === 'correct' && (
          <>
            <DocumentFields />
            <Form.Item name="reason" label="更正理由（门户上与更正日期一并显示）" rules={[{ required: true, message: '请填写更正理由' }]}>
              <Input />
            </Form.Item>
          </>
        )}
        {step === 'repeal' && (
          <>
            <Form.Item name="validity" label="效力" rules={[{ required: true, message: '请选择' }]}>
              <Select aria-label="效力" options={labels.validity.filter((x) => x.id !== 'valid').map((x) => ({ value: x.id, label: x.label }))} />
            </Form.Item>
            <Form.Item name="changedOn" label="失效、废止或修订日期" rules={DATE_RULES}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="note" label="说明（如废止决定的文号）">
              <Input />
            </Form.Item>
          </>
        )}
        {step === 'withdraw' && (
          <Form.Item name="reason" label="撤回理由（记入审计日志；文件从门户下线）" rules={[{ required: true, message: '请填写撤回理由' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {step === 'link' && (
          <Form.Item name="documentIds" label="本解读所解读的文件（已发布）" rules={[{ required: true, message: '请至少选择一件' }]}>
            <Select aria-label="被解读的文件" mode="multiple" showSearch optionFilterProp="label" options={targets} loading={targets.length === 0} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
