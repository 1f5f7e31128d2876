/** The register import (台账导入: all or nothing, every bad cell listed first) and the appeal records (行政复议、行政诉讼). */
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, errorText, upload } from '../api.ts';
import type { ProblemIssue } from '../api.ts';
import { labelOf, useSession } from '../session.tsx';
import type { Agency } from '../types.ts';

interface Appeal {
  id: string;
  body: string;
  caseNumber: string;
  path: string;
  filedOn: string;
  result: string;
  decidedOn: string | null;
  applications: string[];
}

interface AppealForm {
  body: string;
  caseNumber: string;
  path: string;
  filedOn: Dayjs;
  result: string;
  decidedOn?: Dayjs;
  applications: string;
}

export function RecordsPage() {
  const { labels } = useSession();
  const { message } = App.useApp();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agency, setAgency] = useState<string | undefined>(undefined);
  const [rowErrors, setRowErrors] = useState<ProblemIssue[] | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const [appeals, setAppeals] = useState<Appeal[] | null>(null);
  const [form] = Form.useForm<AppealForm>();

  useEffect(() => {
    api<{ items: Agency[] }>('GET', '/agencies').then((r) => {
      const leaves = r.items.filter((a) => !r.items.some((b) => b.parentCode === a.code));
      setAgencies(leaves);
      setAgency(leaves[0]?.code);
    }, (e: unknown) => void message.error(errorText(e)));
  }, [message]);
  const loadAppeals = useCallback(() => {
    if (agency === undefined) return;
    api<{ items: Appeal[] }>('GET', `/agencies/${agency}/appeals`).then((r) => setAppeals(r.items), (e: unknown) => void message.error(errorText(e)));
  }, [agency, message]);
  useEffect(loadAppeals, [loadAppeals]);

  const importFile = async (file: File) => {
    setRowErrors(null);
    setImported(null);
    try {
      const r = await upload<{ imported: number; open: number }>(`/agencies/${agency}/register`, file);
      setImported(`已导入 ${r.imported} 件申请（其中未办结 ${r.open} 件）。`);
    } catch (err) {
      if (err instanceof ApiError && err.issues.length > 0) setRowErrors(err.issues);
      else message.error(errorText(err), 8);
    }
  };
  const addAppeal = async (v: AppealForm) => {
    try {
      await api('POST', `/agencies/${agency}/appeals`, {
        body: v.body.trim(),
        caseNumber: v.caseNumber.trim(),
        path: v.path,
        filedOn: v.filedOn.format('YYYY-MM-DD'),
        result: v.result,
        decidedOn: v.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : null,
        applications: v.applications.split(/[\s,，、]+/).filter((x) => x !== ''),
      });
      message.success('已登记');
      form.resetFields();
      loadAppeals();
    } catch (err) {
      message.error(errorText(err), 8);
    }
  };

  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <h1 style={{ fontSize: 18, margin: 0 }}>台账与复议诉讼</h1>
        <Select aria-label="机关" style={{ width: 200 }} value={agency} onChange={setAgency} options={agencies.map((a) => ({ value: a.code, label: a.name }))} />
      </Space>
      <Row gutter={12}>
        <Col span={10}>
          <Card size="small" title="导入申请台账（CSV 或 XLSX）">
            <p style={{ marginTop: 0 }}>全部行有效才写入；有错误时逐行列出，不写入任何一行。表头：编号、收到日期、申请方式、申请人类型、申请人、申请内容、办理结果、办结日期。</p>
            <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void importFile(f); return false; }}>
              <Button type="primary">选择台账文件并导入</Button>
            </Upload>
            {imported !== null && <Alert style={{ marginTop: 8 }} type="success" showIcon title={imported} />}
            {rowErrors !== null && (
              <>
                <Alert style={{ marginTop: 8 }} type="error" showIcon title={`台账有 ${rowErrors.length} 处错误，未导入任何一行。请改正后重新导入。`} />
                <Table size="small" style={{ marginTop: 8 }} rowKey={(r) => `${r.row ?? ''}-${r.column ?? r.path}-${r.rule}`} pagination={false} dataSource={rowErrors}
                  columns={[{ title: '行', dataIndex: 'row', width: 50 }, { title: '列', dataIndex: 'column', width: 90 }, { title: '错误', dataIndex: 'message' }]} />
              </>
            )}
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title="行政复议、行政诉讼" style={{ marginBottom: 12 }}>
            <Table<Appeal> size="small" rowKey="id" loading={appeals === null} dataSource={appeals ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: '案号', dataIndex: 'caseNumber' },
                { title: '复议机关或法院', dataIndex: 'body' },
                { title: '类型', dataIndex: 'path', render: (v: string) => labelOf(labels.appealPaths, v) },
                { title: '立案日期', dataIndex: 'filedOn', width: 100 },
                { title: '结果', dataIndex: 'result', width: 80, render: (v: string) => labelOf(labels.appealResults, v) },
                { title: '审结日期', dataIndex: 'decidedOn', width: 100, render: (v: string | null) => v ?? '—' },
                { title: '所涉申请', dataIndex: 'applications', width: 70, render: (v: string[]) => `${v.length} 件` },
              ]} />
          </Card>
          <Card size="small" title="登记复议、诉讼（结果为纠正的，所涉申请重新办理）">
            <Form form={form} layout="vertical" onFinish={(v) => void addAppeal(v)}>
              <Row gutter={8}>
                <Col span={12}><Form.Item label="复议机关或法院" name="body" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item></Col>
                <Col span={12}><Form.Item label="案号" name="caseNumber" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item></Col>
                <Col span={12}><Form.Item label="类型" name="path" rules={[{ required: true, message: '请选择' }]}><Select options={labels.appealPaths.map((p) => ({ value: p.id, label: p.label }))} /></Form.Item></Col>
                <Col span={12}><Form.Item label="结果" name="result" rules={[{ required: true, message: '请选择' }]}><Select options={labels.appealResults.map((p) => ({ value: p.id, label: p.label }))} /></Form.Item></Col>
                <Col span={12}><Form.Item label="立案日期" name="filedOn" rules={[{ required: true, message: '请选择' }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={12}><Form.Item label="审结日期（尚未审结的不填）" name="decidedOn"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={24}><Form.Item label="所涉申请（受理编号或台账编号，多个用逗号分隔）" name="applications" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item></Col>
              </Row>
              <Button type="primary" htmlType="submit">登记</Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
