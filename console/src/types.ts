/** The shapes the console reads from /api/v1 (only the fields it uses). */

export interface Labelled {
  id: string;
  label: string;
}

export interface Labels {
  states: Labelled[];
  outcomes: (Labelled & { articles: string[]; discretion: string; byStepOnly: boolean })[];
  channels: (Labelled & { submitted: string; receipt: { article: string; receiptDateIs: string } })[];
  applicantKinds: Labelled[];
  table3Rows: Labelled[];
  totalColumn: Labelled;
  appealPaths: Labelled[];
  appealResults: Labelled[];
  forms: Labelled[];
  deliveries: Labelled[];
  deliveryMethods: Labelled[];
  roles: Labelled[];
  art20Items: Labelled[];
  documentKinds: Labelled[];
  validity: Labelled[];
  reportSections: Labelled[];
  organKinds: Labelled[];
  answerFacts: { labels: Labelled[]; byOutcome: Record<string, Record<'base' | 'published' | 'disclosed' | 'not_exist' | 'not_responsible', { key: string; article: string }[]>> };
  emailReceiptRules: Labelled[];
  events: Labelled[];
  letterPlaceholder: string;
}

export interface Me {
  username: string;
  displayName: string;
  roles: string[];
}

/** Next year's (or this year's) holiday arrangement is not loaded (GET /auth/me `calendarWarning`). */
export interface CalendarWarning {
  year: number;
  message: string;
}

export interface DueMovedEarlier {
  applicationId: string;
  agencyCode: string;
  receiptCode: string;
  state: string;
  stateLabel: string;
  dueBefore: string;
  dueAfter: string;
  year: number;
  source: string;
  loadedOn: string;
}

export interface WorkbenchCase {
  id: string;
  agencyName: string;
  receiptCode: string;
  state: string;
  stateLabel: string;
  applicant: string;
  description: string;
  receivedOn: string | null;
  dueOn: string | null;
  provisionalYears: number[];
  workdaysLeft: number | null;
  stoppedSince: string | null;
  stoodWorkdays: number | null;
  stoodDays: number | null;
}

export interface Workbench {
  today: string;
  dueSoonHorizon: string;
  dueSoon: WorkbenchCase[];
  overdue: WorkbenchCase[];
  stopped: WorkbenchCase[];
  unconfirmed: WorkbenchCase[];
  extensionRequests: WorkbenchCase[];
  counts: { state: string; label: string; count: number }[];
}

export interface ListItem {
  id: string;
  agencyCode: string;
  receiptCode: string;
  state: string;
  stateLabel: string;
  outcome: string | null;
  applicant: string;
  description: string;
  receivedOn: string | null;
  dueOn: string | null;
  provisionalYears: number[];
}

export interface Applicant {
  kind: string;
  name: string;
  idNumber?: string;
  creditCode?: string;
  phone: string;
  email?: string;
  address?: string;
  postalCode?: string;
  contactPerson?: string;
}

export interface ClockStep {
  date: string;
  article: string;
  text: string;
}

export interface ApplicationView {
  id: string;
  agencyCode: string;
  agencyName: string;
  receiptCode: string;
  channel: string;
  state: string;
  stateLabel: string;
  outcome: string | null;
  outcomeLabel: string | null;
  applicantKindLabel: string;
  applicant: Applicant;
  description: string;
  documentNumber: string | null;
  purpose: string | null;
  form: string;
  delivery: string;
  receivedOn: string | null;
  dueOn: string | null;
  clock: { dueOn: string | null; status: string; reasoning: ClockStep[]; daysRemaining: number | null; extended: boolean; overdue: boolean; supplementNoticeDue: string | null; provisional: boolean; provisionalYears: number[]; provisionallyOverdue: boolean } | null;
  extension: string;
  answeredOn: string | null;
  version: number;
}

export interface TimelineEntry {
  id: string;
  kind: string;
  label: string;
  date: string | null;
  actorName: string;
  at: string;
  dueOn: string | null;
  payload: Record<string, unknown>;
}

export interface AllowedStep {
  id: string;
  label: string;
}

export interface Letter {
  title: string;
  body: string;
  articles: string[];
  outcome: string;
  status: 'draft' | 'saved' | 'sent';
  issuedOn: string | null;
}

export interface Agency {
  code: string;
  name: string;
  parentCode: string | null;
}
