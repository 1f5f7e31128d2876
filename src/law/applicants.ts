/**
 * The applicant columns of table 3 (申请人情况), in the template's order. Identical in both templates.
 * The five organisation kinds sit under the merged header 法人或其他组织.
 */
export const APPLICANT_HEADER = '申请人情况';
export const ORGANISATION_HEADER = '法人或其他组织';

export const APPLICANT_KINDS = [
  { id: 'natural_person', label: '自然人', organisation: false },
  { id: 'commercial_enterprise', label: '商业企业', organisation: true },
  { id: 'research_institution', label: '科研机构', organisation: true },
  { id: 'social_welfare_org', label: '社会公益组织', organisation: true },
  { id: 'legal_service_org', label: '法律服务机构', organisation: true },
  { id: 'other_org', label: '其他', organisation: true },
] as const;

/** Who applied: one of the six kinds. A case carries exactly one. */
export type ApplicantKind = (typeof APPLICANT_KINDS)[number]['id'];

export const TOTAL_COLUMN = { id: 'total', label: '总计' } as const;

/** The seven numeric columns of table 3: the six kinds, then 总计. */
export const APPLICANT_COLUMNS = [...APPLICANT_KINDS, TOTAL_COLUMN] as const;
export type ApplicantColumnId = (typeof APPLICANT_COLUMNS)[number]['id'];

export const APPLICANT_KIND_IDS: readonly ApplicantKind[] = APPLICANT_KINDS.map((k) => k.id);
export const APPLICANT_COLUMN_IDS: readonly ApplicantColumnId[] = APPLICANT_COLUMNS.map((c) => c.id);

export function isApplicantKind(value: string): value is ApplicantKind {
  return (APPLICANT_KIND_IDS as readonly string[]).includes(value);
}

export function applicantKindLabel(kind: ApplicantKind): string {
  return APPLICANT_KINDS.find((k) => k.id === kind)!.label;
}
