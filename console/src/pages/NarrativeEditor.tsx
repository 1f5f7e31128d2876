/**
 * The report's text, 一 to 六: each section starts from the draft written from the figures (GET …/draft),
 * the office edits it with this year's and last year's figures beside it, and saves it (PUT …/narrative);
 * publishing the report then carries it.
 */
import { Alert, App, Button, Card, Col, Input, Row, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../api.ts';
import { labelOf, useSession } from '../session.tsx';

type Cells = Record<string, Record<string, number | null>>;
type Texts = Record<string, string>;

interface Draft {
  sections: { id: string; heading: string; text: string }[];
  warnings: string[];
}

export interface NarrativeEditorProps {
  agency: string;
  year: number;
  locked: boolean;
  canEdit: boolean;
  saved: Texts;
  applications: Cells;
  appeals: Cells;
  previous: { applications: Cells; appeals: Cells } | null;
  onSaved: () => void;
}

/** The figures a writer of the text looks at: table 3's main rows and table 4's totals. */
const SIDE_ROWS = ['received', 'carried_over', 'granted', 'partially_granted', 'processed_total', 'carried_forward'];
const APPEAL_ROWS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'];

export function NarrativeEditor(p: NarrativeEditorProps) {
  const { labels } = useSession();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [texts, setTexts] = useState<Texts | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sections = labels.reportSections;

  useEffect(() => {
    setTexts(null);
    api<Draft>('GET', `/agencies/${p.agency}/reports/${p.year}/draft`).then(
      (d) => {
        setDraft(d);
        setTexts(Object.fromEntries(sections.map((s) => [s.id, p.saved[s.id] ?? d.sections.find((x) => x.id === s.id)?.text ?? ''])));
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [p.agency, p.year, p.saved, sections]);

  const save = async () => {
    if (texts === null) return;
    setSaving(true);
    try {
      await api('PUT', `/agencies/${p.agency}/reports/${p.year}/narrative`, texts);
      void message.success('报告正文已保存');
      p.onSaved();
    } catch (err) {
      void message.error(errorText(err), 8);
    } finally {
      setSaving(false);
    }
  };

  if (error !== null) return <Alert type="error" title={error} />;
  if (texts === null || draft === null) return <Card loading size="small" />;
  const readOnly = p.locked || !p.canEdit;
  const total = (t: Cells | undefined, row: string, col = 'total') => t?.[row]?.[col] ?? null;
  const figureRows = [
    ...SIDE_ROWS.map((row) => ({ key: row, label: labelOf(labels.table3Rows, row), now: total(p.applications, row), before: total(p.previous?.applications, row) })),
    ...APPEAL_ROWS.map((r) => ({ key: r, label: `表四：${labelOf(labels.appealPaths, r)}`, now: total(p.appeals, r), before: total(p.previous?.appeals, r) })),
  ];
  return (
    <Row gutter={12}>
      <Col span={16}>
        {p.locked && <Alert style={{ marginBottom: 8 }} type="info" showIcon title="本年度报告已发布（锁定），正文不能再修改；如需修改，请先重新开放。" />}
        {sections.map((s) => {
          const drafted = draft.sections.find((d) => d.id === s.id)?.text ?? '';
          const text = texts[s.id] ?? '';
          const isSaved = p.saved[s.id] !== undefined;
          return (
            <div key={s.id} style={{ marginBottom: 10 }}>
              <Space style={{ marginBottom: 2 }}>
                <label htmlFor={`gk-narrative-${s.id}`} style={{ fontWeight: 600 }}>{s.label}</label>
                {isSaved ? <Tag color="green">已保存</Tag> : drafted !== '' ? <Tag color="blue">据数字起草</Tag> : <Tag color="orange">待填写</Tag>}
                {!readOnly && drafted !== '' && drafted !== text && (
                  <Button size="small" type="link" onClick={() => setTexts((t) => ({ ...t, [s.id]: drafted }))} aria-label={`恢复草稿（${s.label}）`}>恢复草稿</Button>
                )}
              </Space>
              <Input.TextArea id={`gk-narrative-${s.id}`} value={text} readOnly={readOnly} autoSize={{ minRows: 3, maxRows: 14 }}
                placeholder={s.id === 'problems' ? '请填写本年度政府信息公开工作存在的主要问题及改进情况' : '请填写本部分正文'}
                onChange={(e) => setTexts((t) => ({ ...t, [s.id]: e.target.value }))} />
            </div>
          );
        })}
        {!readOnly && <Button type="primary" loading={saving} onClick={() => void save()}>保存正文</Button>}
      </Col>
      <Col span={8}>
        <Card size="small" title="写作参考：本年与上年数字" style={{ position: 'sticky', top: 8 }}>
          <Table size="small" pagination={false} rowKey="key" dataSource={figureRows}
            columns={[
              { title: '项目', dataIndex: 'label' },
              { title: `${p.year}年`, dataIndex: 'now', width: 70, align: 'right', render: (v: number | null) => v ?? '—' },
              { title: `${p.year - 1}年`, dataIndex: 'before', width: 70, align: 'right', render: (v: number | null) => v ?? '—' },
            ]}
          />
          {draft.warnings.length > 0 && (
            <Alert style={{ marginTop: 8 }} type="warning" title="起草时未能写入的内容" description={<ul className="gk-notice-errors">{draft.warnings.map((w) => <li key={w}>{w}</li>)}</ul>} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
