/** One case: the applicant (masked; shown in full on purpose, audited), the request, attachments, the due date and its reasoning, the timeline, and only the steps allowed now. */
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, List, Modal, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, errorText } from '../api.ts';
import { chinaTime } from '../format.ts';
import { labelOf, useSession } from '../session.tsx';
import type { AllowedStep, Applicant, ApplicationView, TimelineEntry } from '../types.ts';
import { AnswerPanel } from './AnswerPanel.tsx';
import { StateTag } from './caseColumns.tsx';
import { StepDialog } from './StepDialog.tsx';

interface Attachment {
  id: string;
  filename: string;
  size: number;
  createdAt: string;
}

export function CasePage() {
  const { id = '' } = useParams();
  const { labels } = useSession();
  const { message } = App.useApp();
  const [view, setView] = useState<ApplicationView | null>(null);
  const [steps, setSteps] = useState<AllowedStep[]>([]);
  const [events, setEvents] = useState<TimelineEntry[]>([]);
  const [files, setFiles] = useState<Attachment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<AllowedStep | null>(null);
  const [full, setFull] = useState<Applicant | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [reason, setReason] = useState('');

  const load = useCallback(async () => {
    try {
      const [v, a, t, f] = await Promise.all([
        api<ApplicationView>('GET', `/applications/${id}`),
        api<{ items: AllowedStep[] }>('GET', `/applications/${id}/actions`),
        api<{ items: TimelineEntry[] }>('GET', `/applications/${id}/timeline`),
        api<{ items: Attachment[] }>('GET', `/applications/${id}/attachments`),
      ]);
      setView(v);
      setSteps(a.items);
      setEvents(t.items);
      setFiles(f.items);
    } catch (err) {
      setError(errorText(err));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const reveal = async () => {
    try {
      const r = await api<{ applicant: Applicant }>('POST', `/applications/${id}/reveal-applicant`, { reason });
      setFull(r.applicant);
      setRevealing(false);
      void load();
    } catch (err) {
      message.error(errorText(err), 8);
    }
  };

  if (error !== null) return <Alert type="error" title={error} />;
  if (view === null) return <Card loading />;
  const applicant = full ?? view.applicant;
  const canAnswer = steps.some((s) => s.id === 'answer');
  const otherSteps = steps.filter((s) => s.id !== 'answer');
  const clock = view.clock;
  return (
    <div>
      <Space align="center" style={{ marginBottom: 8 }} wrap>
        <h1 style={{ fontSize: 18, margin: 0 }}>{view.receiptCode}</h1>
        <StateTag state={view.state} label={view.stateLabel} />
        {view.outcomeLabel !== null && <Tag color="green">{view.outcomeLabel}</Tag>}
        <span>{view.agencyName}</span>
      </Space>
      <Row gutter={12}>
        <Col span={15}>
          <Card size="small" title="可办理的步骤" style={{ marginBottom: 12 }}>
            {otherSteps.length === 0 && !canAnswer ? (
              <Typography.Text type="secondary">当前状态下没有可办理的步骤。</Typography.Text>
            ) : (
              <Space wrap>
                {otherSteps.map((s) => (
                  <Button key={s.id} type={s.id === 'approveExtension' ? 'primary' : 'default'} onClick={() => setOpen(s)}>{s.label}</Button>
                ))}
                {canAnswer && <Button type="primary" href="#answer">作出答复</Button>}
              </Space>
            )}
          </Card>
          <Card size="small" title="申请" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="提交方式">{labelOf(labels.channels, view.channel)}</Descriptions.Item>
              <Descriptions.Item label="收到申请之日">{view.receivedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="申请内容" span={2}>{view.description}</Descriptions.Item>
              <Descriptions.Item label="文号">{view.documentNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="用途">{view.purpose ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="载体形式">{labelOf(labels.forms, view.form)}</Descriptions.Item>
              <Descriptions.Item label="获取方式">{labelOf(labels.deliveries, view.delivery)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            size="small"
            title={full === null ? '申请人（已遮蔽）' : '申请人（完整信息，已记录查看）'}
            extra={full === null ? <Button size="small" onClick={() => setRevealing(true)}>显示完整信息</Button> : <Button size="small" onClick={() => setFull(null)}>遮蔽</Button>}
            style={{ marginBottom: 12 }}
          >
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="类型">{view.applicantKindLabel}</Descriptions.Item>
              <Descriptions.Item label="姓名或名称">{applicant.name}</Descriptions.Item>
              {applicant.idNumber !== undefined && <Descriptions.Item label="证件号码">{applicant.idNumber}</Descriptions.Item>}
              {applicant.creditCode !== undefined && <Descriptions.Item label="统一社会信用代码">{applicant.creditCode}</Descriptions.Item>}
              <Descriptions.Item label="联系电话">{applicant.phone}</Descriptions.Item>
              <Descriptions.Item label="电子邮箱">{applicant.email ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="通信地址" span={2}>{applicant.address ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          {canAnswer && <AnswerPanel applicationId={view.id} version={view.version} onDone={() => void load()} />}
          {view.answeredOn !== null && (
            <Card size="small" title="告知书" style={{ marginTop: 12 }}>
              <Space>
                <Button href={`/api/v1/applications/${view.id}/letter.pdf`}>下载 PDF</Button>
                <Button href={`/api/v1/applications/${view.id}/letter.docx`}>下载 DOCX</Button>
              </Space>
            </Card>
          )}
        </Col>
        <Col span={9}>
          <Card size="small" title="答复期限" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="答复期限">{view.dueOn ?? '—'}{clock?.overdue ? <Tag color="red" style={{ marginLeft: 8 }}>已逾期</Tag> : null}{clock?.extended ? <Tag style={{ marginLeft: 8 }}>已延期</Tag> : null}</Descriptions.Item>
              {view.dueOn !== null && clock?.daysRemaining !== null && clock?.daysRemaining !== undefined && <Descriptions.Item label="剩余工作日">{clock.daysRemaining}</Descriptions.Item>}
              {clock?.supplementNoticeDue && <Descriptions.Item label="告知补正最迟">{clock.supplementNoticeDue}</Descriptions.Item>}
            </Descriptions>
            <Typography.Text strong>推算过程</Typography.Text>
            <ol style={{ paddingLeft: 18, margin: '4px 0 0', fontSize: 12 }}>
              {(clock?.reasoning ?? []).map((s, i) => (
                <li key={i}><b>{s.date}</b> {s.text}<Typography.Text type="secondary">（{s.article}）</Typography.Text></li>
              ))}
            </ol>
          </Card>
          <Card size="small" title="办理过程" style={{ marginBottom: 12 }}>
            <Timeline
              items={events.map((e) => ({
                key: e.id,
                content: (
                  <div style={{ fontSize: 12 }}>
                    <b>{e.label}</b>{e.date !== null ? `（${e.date}）` : ''} · {e.actorName}
                    <div style={{ color: '#595959' }}>{chinaTime(e.at)}{e.dueOn !== null ? ` · 期限 ${e.dueOn}` : ''}</div>
                    {typeof e.payload['note'] === 'string' && <div>{e.payload['note']}</div>}
                    {typeof e.payload['items'] === 'string' && <div>补正事项：{e.payload['items']}</div>}
                    {typeof e.payload['reason'] === 'string' && <div>理由：{e.payload['reason']}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
          <Card size="small" title="附件">
            {files.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有附件" /> : (
              <List size="small" dataSource={files} renderItem={(f) => <List.Item><a href={`/api/v1/applications/${view.id}/attachments/${f.id}`}>{f.filename}</a>（{Math.ceil(f.size / 1024)} KB，{chinaTime(f.createdAt)}）</List.Item>} />
            )}
          </Card>
        </Col>
      </Row>
      {open !== null && <StepDialog applicationId={view.id} version={view.version} step={open} onClose={() => setOpen(null)} onDone={() => { setOpen(null); void load(); }} />}
      <Modal open={revealing} title="显示申请人完整信息" okText="显示" cancelText="取消" onOk={() => void reveal()} onCancel={() => setRevealing(false)} okButtonProps={{ disabled: reason.trim().length < 2 }}>
        <Typography.Paragraph>查看完整个人信息将记入办理过程（审计）。请说明理由：</Typography.Paragraph>
        <Input aria-label="查看理由" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：邮寄告知书需要完整地址" />
      </Modal>
    </div>
  );
}
