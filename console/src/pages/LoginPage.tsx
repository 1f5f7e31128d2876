import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText, setCsrfToken } from '../api.ts';

export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ csrfToken: string }>('POST', '/auth/login', v);
      setCsrfToken(res.csrfToken);
      onLoggedIn();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 360 }}>
        <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>政府信息公开工作台</Typography.Title>
        <Typography.Paragraph type="secondary">工作人员登录</Typography.Paragraph>
        {error !== null && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)} size="middle">
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
        </Form>
      </Card>
    </main>
  );
}
