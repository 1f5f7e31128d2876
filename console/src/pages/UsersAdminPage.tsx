/**
 * Administration, 用户管理: the users of the administrator's agencies with their roles and state; adding a
 * user with roles, resetting a password (every session of the user ends), deactivating and re-activating
 * (a deactivated user cannot log in; cases and events keep naming them).
 */
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../api.ts';
import { labelOf, useSession } from '../session.tsx';
import type { Agency } from '../types.ts';

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  agencyCode: string;
  active: boolean;
}

const PASSWORD_RULE = '至少10个字符，不能是常见密码，不能包含用户名';

export function UsersAdminPage() {
  const { labels, me } = useSession();
  const { message, modal } = App.useApp();
  const [rows, setRows] = useState<UserRow[] | null>(null);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [addForm] = Form.useForm();
  const [resetForm] = Form.useForm();

  const reload = useCallback(() => {
    api<{ items: UserRow[] }>('GET', '/users').then((r) => setRows(r.items), (e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(() => {
    reload();
    api<{ items: Agency[] }>('GET', '/agencies').then((r) => setAgencies(r.items), (e: unknown) => setError(errorText(e)));
  }, [reload]);
  const agencyName = (code: string) => agencies.find((a) => a.code === code)?.name ?? code;

  const add = async (v: { username: string; displayName: string; password: string; roles: string[]; agencyCode: string }) => {
    try {
      await api('POST', '/users', v);
      void message.success(`已新增用户 ${v.username}`);
      setAdding(false);
      addForm.resetFields();
      reload();
    } catch (err) {
      void message.error(errorText(err), 8);
    }
  };

  const reset = async (v: { password: string }) => {
    if (resetting === null) return;
    try {
      await api('PUT', `/users/${encodeURIComponent(resetting.username)}/password`, { password: v.password });
      void message.success(`已重设 ${resetting.displayName} 的密码，其全部会话已退出`);
      setResetting(null);
      resetForm.resetFields();
    } catch (err) {
      void message.error(errorText(err), 8);
    }
  };

  const setActive = (u: UserRow, active: boolean) => {
    const run = async () => {
      try {
        await api('POST', `/users/${encodeURIComponent(u.username)}/${active ? 'activate' : 'deactivate'}`);
        void message.success(active ? `已重新启用 ${u.displayName}` : `已停用 ${u.displayName}`);
        reload();
      } catch (err) {
        void message.error(errorText(err), 8);
      }
    };
    if (active) void run();
    else modal.confirm({ title: `停用 ${u.displayName}（${u.username}）？`, content: '停用后该用户立即退出并不能再登录；其办理过的案件和记录保留。', okText: '停用', cancelText: '取消', onOk: run });
  };

  if (error !== null) return <Alert type="error" title={error} />;
  return (
    <div>
      <h1 style={{ fontSize: 18, margin: '0 0 8px' }}>用户管理</h1>
      <Card size="small" title={`用户（${rows?.length ?? 0}）`} extra={<Button type="primary" size="small" onClick={() => setAdding(true)}>新增用户</Button>}>
        <Table<UserRow>
          size="small"
          rowKey="id"
          loading={rows === null}
          dataSource={rows ?? []}
          pagination={(rows?.length ?? 0) > 30 ? { pageSize: 30 } : false}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 130 },
            { title: '姓名', dataIndex: 'displayName', width: 130 },
            { title: '角色', dataIndex: 'roles', render: (v: string[]) => v.map((r) => <Tag key={r}>{labelOf(labels.roles, r)}</Tag>) },
            { title: '机关', dataIndex: 'agencyCode', render: (v: string) => agencyName(v) },
            { title: '状态', dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag color="red">已停用</Tag>) },
            {
              title: '操作',
              key: 'ops',
              width: 190,
              render: (_: unknown, u) => (
                <Space size={4}>
                  <Button size="small" onClick={() => setResetting(u)} aria-label={`重设密码（${u.username}）`}>重设密码</Button>
                  {u.active ? (
                    <Button size="small" danger autoInsertSpace={false} disabled={u.username === me.username} onClick={() => setActive(u, false)} aria-label={`停用（${u.username}）`}>停用</Button>
                  ) : (
                    <Button size="small" autoInsertSpace={false} onClick={() => setActive(u, true)} aria-label={`启用（${u.username}）`}>启用</Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Modal title="新增用户" open={adding} onCancel={() => setAdding(false)} okText="新增" cancelText="取消" onOk={() => addForm.submit()} destroyOnHidden>
        <Form form={addForm} layout="vertical" onFinish={(v) => void add(v as Parameters<typeof add>[0])} initialValues={{ roles: ['clerk'], agencyCode: agencies[0]?.code }}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[A-Za-z0-9_.-]{2,32}$/, message: '2–32个字母、数字或 _ . -' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="agencyCode" label="机关" rules={[{ required: true, message: '请选择机关' }]}>
            <Select aria-label="机关" options={agencies.map((a) => ({ value: a.code, label: a.name }))} />
          </Form.Item>
          <Form.Item name="roles" label="角色" rules={[{ required: true, message: '至少选择一个角色' }]}>
            <Select mode="multiple" aria-label="角色" options={labels.roles.map((r) => ({ value: r.id, label: r.label }))} />
          </Form.Item>
          <Form.Item name="password" label="初始密码" extra={PASSWORD_RULE} rules={[{ required: true, message: '请填写初始密码' }, { min: 10, message: '至少10个字符' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal title={resetting === null ? '重设密码' : `重设 ${resetting.displayName}（${resetting.username}）的密码`} open={resetting !== null} onCancel={() => setResetting(null)} okText="重设" cancelText="取消" onOk={() => resetForm.submit()} destroyOnHidden>
        <Form form={resetForm} layout="vertical" onFinish={(v) => void reset(v as { password: string })}>
          <Form.Item name="password" label="新密码" extra={`${PASSWORD_RULE}；重设后该用户的全部会话立即退出`} rules={[{ required: true, message: '请填写新密码' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
