/** Registering an application that came by post, in person, by fax or e-mail (Art. 31: which day counts). */
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText } from '../api.ts';
import { useSession } from '../session.tsx';
import type { Agency, ApplicationView } from '../types.ts';

interface FormValues {
  agencyCode: string;
  channel: string;
  receivedOn: Dayjs;
  kind: string;
  name: string;
  idNumber?: string;
  creditCode?: string;
  legalRepresentative?: string;
  contactPerson?: string;
  phone: string;
  email?: string;
  address?: string;
  postalCode?: string;
  description: string;
  documentNumber?: string;
  purpose?: string;
  form: string;
  delivery: string;
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

export function RegisterPage() {
  const { labels } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [busy, setBusy] = useState(false);
  const channel = Form.useWatch('channel', form);
  const kind = Form.useWatch('kind', form);
  const staffChannels = labels.channels.filter((c) => c.id !== 'online');
  const rule = labels.channels.find((c) => c.id === channel);

  useEffect(() => {
    api<{ items: Agency[] }>('GET', '/agencies').then((r) => {
      setAgencies(r.items);
      const leaf = r.items.find((a) => !r.items.some((b) => b.parentCode === a.code)) ?? r.items[0];
      if (leaf !== undefined && form.getFieldValue('agencyCode') === undefined) form.setFieldValue('agencyCode', leaf.code);
    }, (e: unknown) => void message.error(errorText(e)));
  }, [form, message]);

  const submit = async (v: FormValues) => {
    setBusy(true);
    try {
      const applicant = {
        kind: v.kind,
        name: v.name.trim(),
        phone: v.phone.trim(),
        ...(v.kind === 'natural_person' ? { idType: 'resident_id', idNumber: blank(v.idNumber) } : { creditCode: blank(v.creditCode), legalRepresentative: blank(v.legalRepresentative), contactPerson: blank(v.contactPerson) }),
        email: blank(v.email),
        address: blank(v.address),
        postalCode: blank(v.postalCode),
      };
      const created = await api<{ application: ApplicationView; receiptCode: string; queryPassword: string }>('POST', '/applications', {
        agencyCode: v.agencyCode,
        channel: v.channel,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        applicant: JSON.parse(JSON.stringify(applicant)) as unknown,
        description: v.description.trim(),
        ...(blank(v.documentNumber) ? { documentNumber: blank(v.documentNumber) } : {}),
        ...(blank(v.purpose) ? { purpose: blank(v.purpose) } : {}),
        form: v.form,
        delivery: v.delivery,
      });
      Modal.success({
        title: '申请已登记',
        content: (
          <Descriptions column={1} size="small">
            <Descriptions.Item label="受理编号">{created.receiptCode}</Descriptions.Item>
            <Descriptions.Item label="查询密码">{created.queryPassword}</Descriptions.Item>
            <Descriptions.Item label="答复期限">{created.application.dueOn ?? '—'}</Descriptions.Item>
          </Descriptions>
        ),
        okText: '打开案件',
        onOk: () => navigate(`/cases/${created.application.id}`),
      });
    } catch (err) {
      message.error(errorText(err), 8);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <h1 style={{ fontSize: 18, margin: '0 0 8px' }}>登记申请</h1>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ channel: 'post', receivedOn: dayjs(), kind: 'natural_person', form: 'paper', delivery: 'post' }}>
        <Row gutter={12}>
          <Col span={10}>
            <Card size="small" title="收到申请" style={{ marginBottom: 12 }}>
              <Form.Item label="机关" name="agencyCode" rules={[{ required: true, message: '请选择机关' }]}>
                <Select options={agencies.map((a) => ({ value: a.code, label: a.name }))} />
              </Form.Item>
              <Form.Item label="提交方式" name="channel" rules={[{ required: true }]}>
                <Select options={staffChannels.map((c) => ({ value: c.id, label: c.label }))} />
              </Form.Item>
              {rule !== undefined && (
                <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`收到申请之日：${rule.receipt.receiptDateIs}`} description={`依据：${rule.receipt.article}。申请人${rule.submitted}。`} />
              )}
              <Form.Item label="收到申请之日" name="receivedOn" rules={[{ required: true, message: '请选择收到申请之日' }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Card>
            <Card size="small" title="申请人">
              <Form.Item label="申请人类型" name="kind" rules={[{ required: true }]}>
                <Select options={labels.applicantKinds.map((k) => ({ value: k.id, label: k.label }))} />
              </Form.Item>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item label={kind === 'natural_person' ? '姓名' : '名称'} name="name" rules={[{ required: true, message: '请填写申请人' }]}><Input /></Form.Item>
                </Col>
                <Col span={12}>
                  {kind === 'natural_person' ? (
                    <Form.Item label="身份证号码" name="idNumber" rules={[{ required: true, message: '请填写身份证号码' }]}><Input /></Form.Item>
                  ) : (
                    <Form.Item label="统一社会信用代码" name="creditCode"><Input /></Form.Item>
                  )}
                </Col>
                {kind !== 'natural_person' && (
                  <>
                    <Col span={12}><Form.Item label="法定代表人" name="legalRepresentative"><Input /></Form.Item></Col>
                    <Col span={12}><Form.Item label="联系人" name="contactPerson"><Input /></Form.Item></Col>
                  </>
                )}
                <Col span={12}><Form.Item label="联系电话" name="phone" rules={[{ required: true, message: '请填写联系电话' }]}><Input /></Form.Item></Col>
                <Col span={12}><Form.Item label="电子邮箱" name="email"><Input /></Form.Item></Col>
                <Col span={16}><Form.Item label="通信地址" name="address"><Input /></Form.Item></Col>
                <Col span={8}><Form.Item label="邮政编码" name="postalCode"><Input /></Form.Item></Col>
              </Row>
            </Card>
          </Col>
          <Col span={14}>
            <Card size="small" title="申请内容">
              <Form.Item label="所需政府信息的名称、文号或者便于查询的其他特征性描述" name="description" rules={[{ required: true, message: '请填写申请内容' }, { min: 5, message: '至少5个字' }]}>
                <Input.TextArea rows={6} />
              </Form.Item>
              <Row gutter={8}>
                <Col span={12}><Form.Item label="文号" name="documentNumber"><Input /></Form.Item></Col>
                <Col span={12}><Form.Item label="用途（选填）" name="purpose"><Input /></Form.Item></Col>
                <Col span={12}>
                  <Form.Item label="信息的载体形式" name="form"><Select options={labels.forms.map((f) => ({ value: f.id, label: f.label }))} /></Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="获取信息的方式" name="delivery"><Select options={labels.deliveries.map((f) => ({ value: f.id, label: f.label }))} /></Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" loading={busy}>登记</Button>
            </Card>
          </Col>
        </Row>
      </Form>
    </div>
  );
}
