/** The fields of a catalogue document (new draft, proposal published, correction): one form body. */
import { Form, Input, Select, Space } from 'antd';
import { useSession } from '../../session.tsx';

export interface DocumentInput {
  title: string;
  docNumber?: string;
  writtenOn: string;
  item: string;
  topic: string;
  kind: string;
  summary?: string;
  body?: string;
}

export const DATE_RULES = [{ required: true, message: '请填写日期' }, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 YYYY-MM-DD' }];

export function DocumentFields() {
  const { labels } = useSession();
  return (
    <>
      <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
        <Input />
      </Form.Item>
      <Space size={12} style={{ display: 'flex' }} align="start">
        <Form.Item name="docNumber" label="发文字号" style={{ width: 260 }}>
          <Input placeholder="如 示范〔2026〕1号" />
        </Form.Item>
        <Form.Item name="writtenOn" label="成文日期" style={{ width: 160 }} rules={DATE_RULES}>
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
    </>
  );
}
