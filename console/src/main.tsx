import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ConsoleApp } from './ConsoleApp.tsx';
import './console.css';

dayjs.locale('zh-cn');

const root = document.getElementById('root');
if (root === null) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { fontSize: 13, borderRadius: 4, colorPrimary: '#1d4f91', colorLink: '#1d4f91', colorLinkHover: '#2f6bbf', colorTextDescription: 'rgba(0,0,0,0.65)', colorTextTertiary: 'rgba(0,0,0,0.65)', colorTextPlaceholder: 'rgba(0,0,0,0.55)' }, components: { Table: { cellPaddingBlockSM: 4 } } }} componentSize="small" renderEmpty={() => <div className="gk-empty" style={{ padding: 8, textAlign: 'center' }}>暂无数据</div>}>
      <AntApp>
        <BrowserRouter basename="/console">
          <ConsoleApp />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
