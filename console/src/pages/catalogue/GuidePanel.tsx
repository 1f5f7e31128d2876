/**
 * The agency's 政府信息公开指南 (《条例》第十二条): office, address, hours, phone, fax, e-mail and other
 * internet contacts, the channels of application, handling and remedies. Each save is a new version.
 */
import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText, fieldErrors } from '../../api.ts';
import { chinaTime } from '../../format.ts';

interface GuideSettings {
  officeName: string;
  address: string;
  postalCode: string;
  hours: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
  introduction: string;
  howToObtain: string;
  channels: { name: string; how: string }[];
  handling: string;
  remedies: string;
  emptyColumnNote: string;
}
interface Guide {
  version: number;
  revisedOn: string | null;
  settings: GuideSettings;
  versions: { version: number; revisedOn: string; createdBy: string }[];
}

/** The form's labels, also naming the fields in a refused save's message. */
const LABELS: Record<Exclude<keyof GuideSettings, 'channels'>, string> = {
  officeName: '政府信息公开工作机构',
  address: '办公地址',
  postalCode: '邮政编码',
  hours: '办公时间',
  phone: '联系电话',
  fax: '传真',
  email: '电子邮箱',
  website: '其他互联网联系方式',
  introduction: '概述',
  howToObtain: '主动公开信息的获取方式',
  handling: '办理程序、期限与收费',
  remedies: '监督和救济',
  emptyColumnNote: '栏目暂无信息时的说明',
};

const required = (label: string) => [{ required: true, message: `请填写${label}（《条例》第十二条）` }];

export function GuidePanel({ agency, canEdit }: { agency: string; canEdit: boolean }) {
  const { message } = App.useApp();
  const [guide, setGuide] = useState<Guide | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<GuideSettings>();
  const load = useCallback(() => {
    api<Guide>('GET', `/agencies/${agency}/guide`).then((g) => {
      setGuide(g);
      form.setFieldsValue(g.settings);
    }, (e: unknown) => setError(errorText(e)));
  }, [agency, form]);
  useEffect(load, [load]);

  const save = async (v: GuideSettings) => {
    setSaving(true);
    try {
      const g = await api<{ version: number }>('PUT', `/agencies/${agency}/guide`, v);
      void message.success(`公开指南已保存（第 ${g.version} 版）`);
      load();
    } catch (err) {
      form.setFields(fieldErrors(err) as Parameters<typeof form.setFields>[0]);
      void message.error(errorText(err, LABELS), 8);
    } finally {
      setSaving(false);
    }
  };

  if (error !== null) return <Alert type="error" title={error} />;
  if (guide === null) return <Card loading size="small" />;
  return (
    <Form form={form} layout="vertical" disabled={!canEdit} onFinish={(v) => void save(v)} size="small">
      <Space style={{ marginBottom: 8 }}>
        {guide.version === 0 ? <Tag color="orange">尚未保存（以下为默认内容）</Tag> : <Tag color="green">第 {guide.version} 版，{guide.revisedOn} 修订</Tag>}
        {guide.versions.length > 1 && <span className="gk-empty">历史版本：{guide.versions.slice(1, 6).map((v) => `第${v.version}版（${chinaTime(v.revisedOn).slice(0, 10)}）`).join('、')}</span>}
      </Space>
      <Row gutter={12}>
        <Col span={8}><Form.Item name="officeName" label={LABELS.officeName} rules={required('工作机构')}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name="address" label={LABELS.address} rules={required('办公地址')}><Input /></Form.Item></Col>
        <Col span={4}><Form.Item name="postalCode" label={LABELS.postalCode}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name="hours" label={LABELS.hours} rules={required('办公时间')}><Input /></Form.Item></Col>
        <Col span={6}><Form.Item name="phone" label={LABELS.phone} rules={required('联系电话')}><Input /></Form.Item></Col>
        <Col span={6}><Form.Item name="fax" label={LABELS.fax}><Input /></Form.Item></Col>
        <Col span={8}><Form.Item name="email" label={LABELS.email}><Input /></Form.Item></Col>
        <Col span={16}><Form.Item name="website" label={LABELS.website}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name="introduction" label={LABELS.introduction}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} /></Form.Item></Col>
        <Col span={12}><Form.Item name="howToObtain" label={LABELS.howToObtain}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} /></Form.Item></Col>
      </Row>
      <div style={{ fontWeight: 600, margin: '4px 0' }}>申请渠道</div>
      <Form.List name="channels">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Row gutter={8} key={f.key}>
                <Col span={5}><Form.Item name={[f.name, 'name']} label={`渠道 ${i + 1}`} rules={[{ required: true, message: '请填写渠道名称' }]}><Input /></Form.Item></Col>
                <Col span={17}><Form.Item name={[f.name, 'how']} label={`渠道 ${i + 1} 的使用说明`} rules={[{ required: true, message: '请填写使用说明' }]}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} /></Form.Item></Col>
                <Col span={2} style={{ paddingTop: 22 }}>{canEdit && fields.length > 1 && <Button size="small" danger autoInsertSpace={false} onClick={() => remove(f.name)} aria-label={`删除渠道 ${i + 1}`}>删除</Button>}</Col>
              </Row>
            ))}
            {canEdit && fields.length < 10 && <Button size="small" onClick={() => add({ name: '', how: '' })} style={{ marginBottom: 8 }}>增加申请渠道</Button>}
          </>
        )}
      </Form.List>
      <Row gutter={12}>
        <Col span={12}><Form.Item name="handling" label={LABELS.handling}><Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} /></Form.Item></Col>
        <Col span={12}><Form.Item name="remedies" label={LABELS.remedies}><Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} /></Form.Item></Col>
        <Col span={12}><Form.Item name="emptyColumnNote" label={LABELS.emptyColumnNote}><Input /></Form.Item></Col>
      </Row>
      {canEdit && <Button type="primary" htmlType="submit" loading={saving}>保存指南（新版本）</Button>}
    </Form>
  );
}
