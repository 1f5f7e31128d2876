/**
 * Administration, 机关设置 (decisions.md #12, #13): an agency's kind and its 复议机关 and court printed in
 * letters (the kind suggests the 复议机关), the 复议机关's online filing channel printed in letters served
 * online (《行政复议法》第二十二条第二款), the letters' 文号 format, the remedies texts, the 补正 period
 * and the deadline settings. What blocks letters and what they should still state (non-blocking) are shown
 * above the form. Saved with the version read (a concurrent change is refused, not overwritten).
 */
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText, fieldErrors } from '../api.ts';
import { useSession } from '../session.tsx';
import type { Agency } from '../types.ts';

interface DeadlineSettings {
  receiptDayCounts: boolean;
  feeNoticePausesClock: boolean;
  emailReceipt: string;
  answerDays: number;
  extensionDays: number;
  supplementNoticeDays: number;
  consultationReplyDays: number;
  feePaymentDays: number;
}

interface SettingsView {
  agencyCode: string;
  agencyName: string;
  organKind: string | null;
  reviewBody: string | null;
  court: string | null;
  reviewOnlineChannel: string | null;
  remedies: { general: string; prereview: string };
  remediesCustom: { general: boolean; prereview: boolean };
  deadline: DeadlineSettings;
  supplementPeriodDays: number;
  unconfirmedAfterDays: number;
  letterNumberPattern: string | null;
  letterCounterYear: number | null;
  letterCounter: number;
  version: number;
  suggestion: { reviewBody: string; article: string; court: string } | null;
  missing: string[];
  warnings: string[];
}

type FormValues = Omit<SettingsView, 'agencyCode' | 'agencyName' | 'remedies' | 'remediesCustom' | 'suggestion' | 'missing' | 'warnings' | 'letterCounterYear' | 'letterCounter' | 'version'> & { remediesGeneral: string; remediesPrereview: string };

const DAYS: { key: keyof DeadlineSettings; label: string }[] = [
  { key: 'answerDays', label: '答复期限（工作日）' },
  { key: 'extensionDays', label: '延期最多（工作日）' },
  { key: 'supplementNoticeDays', label: '告知补正期限（工作日）' },
  { key: 'consultationReplyDays', label: '征求意见答复期限（工作日）' },
  { key: 'feePaymentDays', label: '缴费期限（工作日）' },
];

/** The form's labels, also naming the fields in a refused save's message. */
const LABELS = {
  organKind: '机关类型',
  reviewBody: '行政复议机关（全称）',
  court: '人民法院（全称）',
  reviewOnlineChannel: '行政复议网上申请渠道',
  letterNumberPattern: '文号格式',
  remediesGeneral: '救济途径（一般）',
  remediesPrereview: '救济途径（依第十四条至第十六条不予公开，复议前置）',
  supplementPeriodDays: '补正期限（工作日，不少于5）',
  unconfirmedAfterDays: '在线申请待确认提醒（天）',
} as const;

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

export function AgencySettingsPage() {
  const { labels } = useSession();
  const { message } = App.useApp();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [code, setCode] = useState<string | undefined>(undefined);
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    api<{ items: Agency[] }>('GET', '/agencies').then((r) => {
      setAgencies(r.items);
      setCode((c) => c ?? r.items.find((a) => a.parentCode !== null)?.code ?? r.items[0]?.code);
    }, (e: unknown) => setError(errorText(e)));
  }, []);

  const load = useCallback(() => {
    if (code === undefined) return;
    setView(null);
    api<SettingsView>('GET', `/agencies/${encodeURIComponent(code)}/settings`).then((v) => {
      setView(v);
      form.setFieldsValue({ ...v, remediesGeneral: v.remedies.general, remediesPrereview: v.remedies.prereview });
    }, (e: unknown) => setError(errorText(e)));
  }, [code, form]);
  useEffect(load, [load]);

  const save = async (v: FormValues) => {
    if (view === null || code === undefined) return;
    setSaving(true);
    try {
      const body = {
        version: view.version,
        organKind: v.organKind ?? null,
        reviewBody: blankToNull(v.reviewBody),
        court: blankToNull(v.court),
        reviewOnlineChannel: blankToNull(v.reviewOnlineChannel),
        letterNumberPattern: blankToNull(v.letterNumberPattern),
        supplementPeriodDays: v.supplementPeriodDays,
        unconfirmedAfterDays: v.unconfirmedAfterDays,
        deadline: v.deadline,
        ...(v.remediesGeneral !== view.remedies.general ? { remediesGeneral: blankToNull(v.remediesGeneral) } : {}),
        ...(v.remediesPrereview !== view.remedies.prereview ? { remediesPrereview: blankToNull(v.remediesPrereview) } : {}),
      };
      const saved = await api<SettingsView>('PUT', `/agencies/${encodeURIComponent(code)}/settings`, body);
      setView(saved);
      form.setFieldsValue({ ...saved, remediesGeneral: saved.remedies.general, remediesPrereview: saved.remedies.prereview });
      // the messages of an earlier refused save no longer apply
      message.destroy();
      form.setFields(form.getFieldsError().filter((f) => f.errors.length > 0).map((f) => ({ name: f.name.map(String), errors: [] as string[] })) as Parameters<typeof form.setFields>[0]);
      void message.success(`已保存${saved.agencyName}的设置（第${saved.version}版）`);
    } catch (err) {
      void message.error(errorText(err, LABELS), 10);
      // each refused field also shows its rule under the field
      form.setFields(fieldErrors(err).filter((f) => f.name[0] !== 'version') as Parameters<typeof form.setFields>[0]);
    } finally {
      setSaving(false);
    }
  };

  if (error !== null) return <Alert type="error" title={error} />;
  return (
    <div>
      <h1 style={{ fontSize: 18, margin: '0 0 8px' }}>机关设置</h1>
      <Space style={{ marginBottom: 8 }}>
        <Select aria-label="机关" style={{ width: 360 }} value={code} onChange={setCode} options={agencies.map((a) => ({ value: a.code, label: a.name }))} />
        {view !== null && <span style={{ color: '#595959' }}>第{view.version}版{view.letterCounterYear !== null ? `；${view.letterCounterYear}年已编号 ${view.letterCounter} 件` : ''}</span>}
      </Space>
      {view !== null && view.missing.length > 0 && <Alert className="gk-settings-missing" style={{ marginBottom: 8 }} type="warning" showIcon title={`发出告知书前还需设置：${view.missing.join('、')}`} />}
      {view !== null && view.warnings.length > 0 && (
        <Alert className="gk-settings-warnings" style={{ marginBottom: 8 }} type="info" showIcon title="不影响发出告知书，但建议设置" description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{view.warnings.map((w) => <li key={w}>{w}</li>)}</ul>} />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={view === null}>
        <Row gutter={12}>
          <Col span={12}>
            <Card size="small" title="告知书中的救济途径与文号" style={{ marginBottom: 12 }}>
              <Form.Item name="organKind" label={LABELS.organKind}>
                <Select aria-label={LABELS.organKind} allowClear placeholder="请选择" options={labels.organKinds.map((k) => ({ value: k.id, label: k.label }))} />
              </Form.Item>
              {view?.suggestion && (
                <Alert style={{ marginBottom: 12 }} type="info" title={`依${view.suggestion.article}：行政复议机关为${view.suggestion.reviewBody}；${view.suggestion.court}`} />
              )}
              <Form.Item name="reviewBody" label={LABELS.reviewBody} extra="印在告知书的救济途径中，如 北京市东城区人民政府">
                <Input />
              </Form.Item>
              <Form.Item name="court" label={LABELS.court} extra="有管辖权的人民法院，如 北京市东城区人民法院">
                <Input />
              </Form.Item>
              <Form.Item name="reviewOnlineChannel" label={LABELS.reviewOnlineChannel} extra="以电子方式（电子邮件、网上获取）送达的告知书载明，如 某某市行政复议网上申请平台（https://…）；《行政复议法》第二十二条第二款">
                <Input />
              </Form.Item>
              <Form.Item name="letterNumberPattern" label={LABELS.letterNumberPattern} extra="{YYYY} 年份，{N} 当年序号，如 某信公〔{YYYY}〕{N}号">
                <Input />
              </Form.Item>
              <Form.Item name="remediesGeneral" label={LABELS.remediesGeneral} extra={view?.remediesCustom.general ? '本机关自定' : '默认文本；{复议机关} {人民法院} 由上面两项代入'}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="remediesPrereview" label={LABELS.remediesPrereview} extra={view?.remediesCustom.prereview ? '本机关自定' : '默认文本'}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </Card>
          </Col>
          <Col span={12}>
            <Card size="small" title="期限" style={{ marginBottom: 12 }}>
              <Row gutter={12}>
                {DAYS.map((d) => (
                  <Col span={12} key={d.key}>
                    <Form.Item name={['deadline', d.key]} label={d.label} rules={[{ required: true, message: '请填写' }]}>
                      <InputNumber aria-label={d.label} min={1} max={366} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
                <Col span={12}>
                  <Form.Item name="supplementPeriodDays" label={LABELS.supplementPeriodDays} rules={[{ required: true, message: '请填写' }]}>
                    <InputNumber aria-label={LABELS.supplementPeriodDays} min={5} max={60} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="unconfirmedAfterDays" label={LABELS.unconfirmedAfterDays} rules={[{ required: true, message: '请填写' }]}>
                    <InputNumber aria-label={LABELS.unconfirmedAfterDays} min={0} max={20} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name={['deadline', 'emailReceipt']} label="电子邮件申请的收到之日">
                <Select aria-label="电子邮件申请的收到之日" options={labels.emailReceiptRules.map((r) => ({ value: r.id, label: r.label }))} />
              </Form.Item>
              <Space size={24}>
                <Form.Item name={['deadline', 'receiptDayCounts']} label="收到之日计入期限" valuePropName="checked">
                  <Switch aria-label="收到之日计入期限" checkedChildren="计入" unCheckedChildren="不计入" />
                </Form.Item>
                <Form.Item name={['deadline', 'feeNoticePausesClock']} label="收费通知至缴费期间中止计算" valuePropName="checked">
                  <Switch aria-label="收费通知至缴费期间中止计算" checkedChildren="中止" unCheckedChildren="不中止" />
                </Form.Item>
              </Space>
            </Card>
            <Button type="primary" htmlType="submit" loading={saving}>保存设置</Button>
          </Col>
        </Row>
      </Form>
    </div>
  );
}
