/** The columns every case table shares, so the screens read alike. */
import { Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';

interface CaseRow {
  id: string;
  receiptCode: string;
  stateLabel: string;
  state: string;
  applicant: string;
  description: string;
  receivedOn: string | null;
  dueOn: string | null;
}

const STATE_COLORS: Record<string, string> = {
  submitted: 'orange',
  processing: 'blue',
  awaiting_supplement: 'gold',
  third_party_consultation: 'purple',
  agency_consultation: 'purple',
  awaiting_fee: 'gold',
  answered: 'green',
  delivered: 'green',
  closed: 'default',
};

export function StateTag({ state, label }: { state: string; label: string }) {
  return <Tag color={STATE_COLORS[state] ?? 'default'}>{label}</Tag>;
}

export function caseColumns<T extends CaseRow>(extra: TableColumnsType<T> = []): TableColumnsType<T> {
  return [
    { title: '受理编号', dataIndex: 'receiptCode', width: 150, render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
    { title: '申请人', dataIndex: 'applicant', width: 110 },
    { title: '申请内容', dataIndex: 'description', ellipsis: true, render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }}>{v}</Typography.Text> },
    { title: '状态', dataIndex: 'stateLabel', width: 120, render: (v: string, r) => <StateTag state={r.state} label={v} /> },
    { title: '收到日期', dataIndex: 'receivedOn', width: 100, render: (v: string | null) => v ?? '—' },
    {
      title: '答复期限',
      dataIndex: 'dueOn',
      width: 100,
      sorter: (a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
      defaultSortOrder: 'ascend',
      render: (v: string | null) => v ?? '—',
    },
    ...extra,
  ];
}
