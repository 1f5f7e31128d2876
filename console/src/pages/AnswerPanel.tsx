/** The answer: the outcome (table-3 row, labels from law/), the drafted letter to edit, its preview, sending. */
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { api, errorText } from '../api.ts';
import { useSession } from '../session.tsx';
import type { Letter } from '../types.ts';

interface Props {
  applicationId: string;
  version: number;
  onDone: () => void;
}

export function AnswerPanel({ applicationId, version, onDone }: Props) {
  const { labels } = useSession();
  const { message, modal } = App.useApp();
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [busy, setBusy] = useState(false);
  const placeholder = useMemo(() => new RegExp(labels.letterPlaceholder, 'g'), [labels.letterPlaceholder]);
  const capture = useMemo(() => new RegExp(`(${labels.letterPlaceholder})`), [labels.letterPlaceholder]);
  const blanks = useMemo(() => [...body.matchAll(placeholder)].map((m) => m[0]), [body, placeholder]);
  const choice = labels.outcomes.find((o) => o.id === outcome);
  // the answer's facts and reasons (fields the law requires per outcome; a choice field decides the rest)
  const [facts, setFacts] = useState<Record<string, string>>({});
  const factRules = outcome === undefined ? undefined : labels.answerFacts.byOutcome[outcome];
  const basis = facts['grantBasis'] ?? facts['notHeldBasis'];
  const factFields = factRules === undefined ? [] : basis === 'published' || basis === 'disclosed' || basis === 'not_exist' || basis === 'not_responsible' ? [...factRules.base, ...factRules[basis]] : factRules.base;
  const factLabel = (key: string) => labels.answerFacts.labels.find((l) => l.id === key)?.label ?? key;
  const BASIS_OPTIONS: Record<string, { value: string; label: string }[]> = {
    grantBasis: [{ value: 'published', label: '已主动公开（第三十六条第（一）项）' }, { value: 'disclosed', label: '予以公开（第三十六条第（二）项）' }],
    notHeldBasis: [{ value: 'not_exist', label: '信息不存在（第三十六条第（四）项）' }, { value: 'not_responsible', label: '不属于本机关负责公开（第三十六条第（五）项）' }],
  };

  useEffect(() => {
    api<Letter>('GET', `/applications/${applicationId}/letter${outcome === undefined ? '' : `?outcome=${encodeURIComponent(outcome)}`}`).then(
      (l) => {
        if (outcome === undefined && l.status === 'draft') return;
        if (outcome === undefined) setOutcome(l.outcome);
        setTitle(l.title);
        setBody(l.body);
      },
      (e: unknown) => void message.error(errorText(e)),
    );
  }, [applicationId, outcome, message]);

  const save = async () => {
    if (outcome === undefined) return;
    setBusy(true);
    try {
      await api('PUT', `/applications/${applicationId}/letter`, { version, outcome, title, body });
      message.success('告知书已保存');
      onDone();
    } catch (err) {
      message.error(errorText(err), 8);
    } finally {
      setBusy(false);
    }
  };
  const send = () => {
    if (outcome === undefined || choice === undefined) return;
    modal.confirm({
      title: '作出答复并发出告知书？',
      content: `办理结果：${choice.label}。发出后告知书不能再修改。`,
      okText: '答复',
      cancelText: '取消',
      onOk: async () => {
        try {
          await api('POST', `/applications/${applicationId}/answer`, { version, date: date.format('YYYY-MM-DD'), outcome, letter: { title, body }, facts: Object.fromEntries(Object.entries(facts).filter(([, v]) => v.trim() !== '')) });
          message.success('已答复');
          onDone();
        } catch (err) {
          message.error(errorText(err), 8);
        }
      },
    });
  };

  return (
    <Card size="small" title="答复" id="answer">
      <Form layout="vertical">
        <Row gutter={8}>
          <Col span={16}>
            <Form.Item label="办理结果（年度报告表三）">
              <Select
                aria-label="办理结果"
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="请选择办理结果"
                value={outcome}
                onChange={(v: string) => setOutcome(v)}
                options={labels.outcomes.filter((o) => !o.byStepOnly).map((o) => ({ value: o.id, label: o.label }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="答复日期"><DatePicker aria-label="答复日期" value={date} onChange={(d) => d && setDate(d)} style={{ width: '100%' }} /></Form.Item>
          </Col>
        </Row>
        {choice !== undefined && choice.articles.length > 0 && <Typography.Paragraph type="secondary">依据：《条例》{choice.articles.join('、')}</Typography.Paragraph>}
        {factFields.length > 0 && (
          <Row gutter={8} className="gk-answer-facts">
            {factFields.map((f) => (
              <Col span={12} key={f.key}>
                <Form.Item label={`${factLabel(f.key)}（${f.article}）`} required>
                  {Object.hasOwn(BASIS_OPTIONS, f.key) ? (
                    <Select aria-label={factLabel(f.key)} value={facts[f.key]} placeholder="请选择" onChange={(v: string) => setFacts((x) => ({ ...x, [f.key]: v }))} options={BASIS_OPTIONS[f.key]} />
                  ) : (
                    <Input.TextArea aria-label={factLabel(f.key)} autoSize={{ minRows: 1, maxRows: 4 }} value={facts[f.key] ?? ''} onChange={(e) => setFacts((x) => ({ ...x, [f.key]: e.target.value }))} />
                  )}
                </Form.Item>
              </Col>
            ))}
          </Row>
        )}
      </Form>
      {outcome !== undefined && (
        <Row gutter={12}>
          <Col span={12}>
            <Form layout="vertical">
              <Form.Item label="标题"><Input aria-label="告知书标题" value={title} onChange={(e) => setTitle(e.target.value)} /></Form.Item>
              <Form.Item label="正文（可编辑）"><Input.TextArea aria-label="告知书正文" value={body} onChange={(e) => setBody(e.target.value)} autoSize={{ minRows: 14, maxRows: 30 }} /></Form.Item>
            </Form>
          </Col>
          <Col span={12}>
            <div style={{ fontSize: 13, marginBottom: 4 }}>预览</div>
            <section aria-label="告知书预览" style={{ border: '1px solid #d9d9d9', padding: '16px 24px', background: '#fff', fontFamily: 'serif', minHeight: 300 }}>
              <h2 style={{ textAlign: 'center', fontSize: 18 }}>{title}</h2>
              {body.split('\n').map((line, i) => (
                <p key={i} style={{ margin: '4px 0', textIndent: i === 0 || line.length < 30 ? 0 : '2em', textAlign: i > 0 && line.length < 30 && line !== '' && i >= body.split('\n').length - 2 ? 'right' : 'left' }}>
                  {line.split(capture).map((part, j) => (j % 2 === 1 ? <mark key={j}>{part}</mark> : part))}
                </p>
              ))}
            </section>
          </Col>
        </Row>
      )}
      {blanks.length > 0 && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={`告知书中还有 ${blanks.length} 处未填写（${[...new Set(blanks)].join('、')}），填写后才能发出。`} />}
      <Space style={{ marginTop: 8 }}>
        <Button onClick={() => void save()} disabled={outcome === undefined} loading={busy}>保存告知书</Button>
        <Button type="primary" onClick={send} disabled={outcome === undefined || blanks.length > 0}>作出答复并发出</Button>
      </Space>
    </Card>
  );
}
