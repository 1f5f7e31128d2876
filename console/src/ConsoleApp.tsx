/** Login gate, the frame (menu per role) and the code-split screens. */
import { Alert, Button, Layout, Menu, Result, Spin, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { api, ApiError, setCsrfToken } from './api.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { hasRole, SessionContext, useSessionOrNull } from './session.tsx';
import type { Session } from './session.tsx';
import type { CalendarWarning, Labels, Me } from './types.ts';

const WorkbenchPage = lazy(() => import('./pages/WorkbenchPage.tsx').then((m) => ({ default: m.WorkbenchPage })));
const ApplicationsPage = lazy(() => import('./pages/ApplicationsPage.tsx').then((m) => ({ default: m.ApplicationsPage })));
const RegisterPage = lazy(() => import('./pages/RegisterPage.tsx').then((m) => ({ default: m.RegisterPage })));
const CasePage = lazy(() => import('./pages/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const ReportPage = lazy(() => import('./pages/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const RecordsPage = lazy(() => import('./pages/RecordsPage.tsx').then((m) => ({ default: m.RecordsPage })));
const CalendarAdminPage = lazy(() => import('./pages/CalendarAdminPage.tsx').then((m) => ({ default: m.CalendarAdminPage })));
const UsersAdminPage = lazy(() => import('./pages/UsersAdminPage.tsx').then((m) => ({ default: m.UsersAdminPage })));
const CataloguePage = lazy(() => import('./pages/CataloguePage.tsx').then((m) => ({ default: m.CataloguePage })));
const AgencySettingsPage = lazy(() => import('./pages/AgencySettingsPage.tsx').then((m) => ({ default: m.AgencySettingsPage })));
const RollupPage = lazy(() => import('./pages/RollupPage.tsx').then((m) => ({ default: m.RollupPage })));

const CASE_ROLES = ['clerk', 'head', 'supervisor'];

function menuFor(me: Me) {
  const items: { key: string; label: string }[] = [];
  if (hasRole(me, ...CASE_ROLES)) items.push({ key: '/', label: '工作台' }, { key: '/cases', label: '申请办理' });
  if (hasRole(me, 'clerk', 'head')) items.push({ key: '/cases/new', label: '登记申请' });
  if (hasRole(me, 'clerk', 'head')) items.push({ key: '/records', label: '台账与复议诉讼' });
  if (hasRole(me, 'clerk', 'head', 'publisher')) items.push({ key: '/reports', label: '年度报告' });
  if (hasRole(me, 'publisher')) items.push({ key: '/catalogue', label: '政府信息目录' });
  if (hasRole(me, 'supervisor')) items.push({ key: '/rollup', label: '辖区汇总' });
  if (hasRole(me, 'admin')) items.push({ key: '/admin/users', label: '用户管理' }, { key: '/admin/agency', label: '机关设置' }, { key: '/admin/calendar', label: '工作日历' });
  return items;
}

export function ConsoleApp() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();

  const logout = useCallback(async () => {
    await api('POST', '/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    setSession(null);
    navigate('/login');
  }, [navigate]);

  const start = useCallback(async (): Promise<void> => {
    try {
      const { user } = await api<{ user: Me | null }>('GET', '/auth/session');
      if (user === null) {
        setSession(null);
        return;
      }
      const [labels, me] = await Promise.all([api<Labels>('GET', '/labels'), api<{ calendarWarning: CalendarWarning | null }>('GET', '/auth/me')]);
      setSession({ me: user, labels, calendarWarning: me.calendarWarning, logout, refresh: start });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setSession(null);
      else throw err;
    }
  }, [logout]);

  useEffect(() => {
    void start();
  }, [start]);

  const items = useMemo(() => (session ? menuFor(session.me) : []), [session]);

  if (session === undefined) return <Spin fullscreen tip="加载中" />;
  if (session === null) return <LoginPage onLoggedIn={() => void start().then(() => navigate(location.pathname === '/login' ? '/' : location.pathname))} />;

  const selected = items.map((i) => i.key).filter((k) => k === location.pathname || (k !== '/' && location.pathname.startsWith(k))).sort((a, b) => b.length - a.length)[0] ?? '/';
  return (
    <SessionContext.Provider value={session}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 16, height: 44, lineHeight: '44px' }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: 15, whiteSpace: 'nowrap' }}>政府信息公开工作台</Typography.Text>
          <nav aria-label="主菜单" style={{ flex: 1, minWidth: 0 }}>
            <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} items={items} onClick={(e) => navigate(e.key)} style={{ lineHeight: '44px' }} />
          </nav>
          <span style={{ color: '#fff', whiteSpace: 'nowrap' }}>
            {session.me.displayName}（{session.me.roles.map((r) => session.labels.roles.find((x) => x.id === r)?.label ?? r).join('、')}）
          </span>
          <Button size="small" onClick={() => void logout()}>退出</Button>
        </Layout.Header>
        <Layout.Content style={{ padding: 12 }}>
          {session.calendarWarning !== null && (
            <Alert
              className="gk-calendar-warning"
              style={{ marginBottom: 8 }}
              type="warning"
              showIcon
              title={session.calendarWarning.message}
              action={hasRole(session.me, 'admin') && location.pathname !== '/admin/calendar' ? <Button size="small" type="primary" onClick={() => navigate('/admin/calendar')}>载入{session.calendarWarning.year}年节假日安排</Button> : undefined}
            />
          )}
          <main>
            <Suspense fallback={<Spin tip="加载中"><div style={{ height: 200 }} /></Spin>}>
              <Routes>
                <Route path="/" element={hasRole(session.me, ...CASE_ROLES) ? <WorkbenchPage /> : <NoCases />} />
                <Route path="/login" element={hasRole(session.me, ...CASE_ROLES) ? <WorkbenchPage /> : <NoCases />} />
                <Route path="/cases" element={<ApplicationsPage />} />
                <Route path="/cases/new" element={<RegisterPage />} />
                <Route path="/cases/:id" element={<CasePage />} />
                <Route path="/reports" element={<ReportPage />} />
                <Route path="/records" element={<RecordsPage />} />
                <Route path="/rollup" element={<RollupPage />} />
                <Route path="/catalogue" element={<CataloguePage />} />
                <Route path="/admin/calendar" element={<CalendarAdminPage />} />
                <Route path="/admin/users" element={<UsersAdminPage />} />
                <Route path="/admin/agency" element={<AgencySettingsPage />} />
                <Route path="*" element={<Result status="404" title="没有这个页面" extra={<Button onClick={() => navigate('/')}>回到首页</Button>} />} />
              </Routes>
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </SessionContext.Provider>
  );
}

function NoCases() {
  const navigate = useNavigate();
  const { me } = useSessionOrNull() ?? { me: null };
  if (me !== null && hasRole(me, 'admin')) return <Result status="info" title="系统管理" subTitle="请从上方菜单进入用户管理、机关设置或工作日历。" extra={<Button onClick={() => navigate('/admin/users')}>用户管理</Button>} />;
  if (me !== null && hasRole(me, 'publisher')) return <Result status="info" title="您的角色不办理申请" subTitle="请从上方菜单进入政府信息目录或年度报告。" extra={<Button onClick={() => navigate('/catalogue')}>政府信息目录</Button>} />;
  return <Result status="info" title="您的角色不办理申请" subTitle="请从上方菜单进入年度报告等功能。" extra={<Button onClick={() => navigate('/reports')}>年度报告</Button>} />;
}
