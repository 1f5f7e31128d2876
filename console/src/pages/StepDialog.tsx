/** One lifecycle step (not the answer): its date, its own fields, a note. */
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, errorText } from '../api.ts';
import { useSession } from '../session.tsx';
import type { AllowedStep } from '../types.ts';

/** POST path segment of each step (the API's). */
export const STEP_PATHS: Record<string, string> = {
  confirmReceipt: 'confirm-receipt',
  requestSupplement: 'request-supplement',
  receiveSupplement: 'receive-supplement',
  lapseSupplement: 'lapse-supplement',
  consultThirdParty: 'consult-third-party',
  receiveThirdPartyReply: 'receive-third-party-reply',
  consultAgency: 'consult-agency',
  receiveAgencyReply: 'receive-agency-reply',
  requestExtension: 'request-extension',
  approveExtension: 'approve-extension',
  sendFeeNotice: 'send-fee-notice',
  receiveFee: 'receive-fee',
  lapseFee: 'lapse-fee',
  deliver: 'deliver',
  withdraw: 'withdraw',
};

interface Props {
  applicationId: string;
  version: number;
  step: AllowedStep;
  onClose: () => void;
  onDone: () => void;
}

type Values = Record<string, unknown> & { date: Dayjs; note?: string };

export function StepDialog({ applicationId, version, step, onClose, onDone }: Props) {
  const { labels } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    const { date, note, amountYuan, ...rest } = v;
    setBusy(true);
    try {
      await api('POST', `/applications/${applicationId}/${STEP_PATHS[step.id] ?? step.id}`, {
        version,
        date: date.format('YYYY-MM-DD'),
        ...(typeof note === 'string' && note.trim() !== '' ? { note: note.trim() } : {}),
        ...(typeof amountYuan === 'number' ? { amountFen: Math.round(amountYuan * 100) } : {}),
        ...Object.fromEntries(Object.entries(rest).filter(([, x]) => x !== undefined && x !== null && x !== '')),
      });
      message.success(`已办理：${step.label}`);
      onDone();
    } catch (err) {
      message.error(errorText(err), 8);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={step.label} okText="确定" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item label="办理日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {step.id === 'requestSupplement' && (
          <Form.Item label="需要补正的事项" name="items" rules={[{ required: true, message: '请写明需要补正的事项' }, { min: 2 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {step.id === 'consultThirdParty' && (
          <Form.Item label="第三方" name="party" rules={[{ required: true, message: '请填写第三方' }, { min: 2 }]}><Input /></Form.Item>
        )}
        {step.id === 'receiveThirdPartyReply' && (
          <Form.Item label="第三方意见" name="opinion">
            <Select allowClear options={[{ value: 'agrees', label: '同意公开' }, { value: 'objects', label: '不同意公开' }, { value: 'none', label: '未提出意见' }]} />
          </Form.Item>
        )}
        {step.id === 'consultAgency' && (
          <Form.Item label="被征求意见的机关" name="agencyName" rules={[{ required: true, message: '请填写机关名称' }, { min: 2 }]}><Input /></Form.Item>
        )}
        {step.id === 'requestExtension' && (
          <>
            <Form.Item label="延期理由" name="reason" rules={[{ required: true, message: '请填写延期理由' }, { min: 2 }]}><Input.TextArea rows={2} /></Form.Item>
            <Form.Item label="延长工作日数（最长20个工作日）" name="days" initialValue={20}><InputNumber min={1} max={20} /></Form.Item>
          </>
        )}
        {step.id === 'approveExtension' && (
          <Form.Item label="批准延长的工作日数（不填按申请）" name="days"><InputNumber min={1} max={20} /></Form.Item>
        )}
        {step.id === 'sendFeeNotice' && (
          <Form.Item label="信息处理费（元）" name="amountYuan" rules={[{ required: true, message: '请填写金额' }]}><InputNumber min={0.01} step={1} precision={2} /></Form.Item>
        )}
        {step.id === 'deliver' && (
          <>
            <Form.Item label="送达方式" name="method" rules={[{ required: true, message: '请选择送达方式' }]}>
              <Select options={labels.deliveryMethods.map((m) => ({ value: m.id, label: m.label }))} />
            </Form.Item>
            <Form.Item label="邮件单号或说明" name="reference"><Input /></Form.Item>
          </>
        )}
        {step.id === 'withdraw' && <Form.Item label="撤回理由" name="reason"><Input /></Form.Item>}
        <Form.Item label="备注" name="note"><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
