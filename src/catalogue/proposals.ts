/**
 * 依申请转主动 (Art. 44, decisions.md #20): information released (予以公开 / 部分公开) to two or more
 * different applicants, or suggested by a clerk or an applicant, waits in a queue for the publishers;
 * publishing it creates the catalogue document and links it to the applications.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../accounts/actor.ts';
import { inScope, requireRole } from '../accounts/actor.ts';
import { ForbiddenError } from '../accounts/errors.ts';
import { getAgencyByCode } from '../agencies/agencies.ts';
import type { AgencyRow } from '../agencies/agencies.ts';
import type { Db } from '../db/open.ts';
import { agencies, applications } from '../db/schema.ts';
import type { SecretKey } from '../db/secretKey.ts';
import { decryptApplicant } from '../requests/queries.ts';
import { ValidationError } from '../shared/domainError.ts';
import { catalogueEvent, PUBLISH_ROLES, READ_ROLES, SUGGEST_ROLES } from './context.ts';
import type { CatalogueContext } from './context.ts';
import { createDocument } from './createDocument.ts';
import type { DocumentView } from './documents.ts';
import { DocumentStateError, ProposalNotFoundError } from './errors.ts';
import { catalogueDocumentApplications, disclosureProposals } from './schema.ts';

/** decisions.md #20: the number of different applicants that makes a proposal (a setting). */
export const DEFAULT_APPLICANT_THRESHOLD = 2;
const RELEASED = ['granted', 'partially_granted'];

export type ProposalRow = typeof disclosureProposals.$inferSelect;

/** What identifies "the same information" across applications: the 文号 when given, else the description. */
export function subjectKey(documentNumber: string | null | undefined, description: string): string {
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const n = documentNumber ? norm(documentNumber) : '';
  return n !== '' ? `no:${n}` : `d:${norm(description).slice(0, 200)}`;
}

async function agencyInScope(db: Db, actor: Actor, code: string): Promise<AgencyRow> {
  const agency = await getAgencyByCode(db, code, 'agency');
  if (!inScope(actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  return agency;
}

/** Finds information released to ≥ `threshold` different applicants and queues what is not queued yet. */
export async function refreshProposals(ctx: CatalogueContext & { key: SecretKey }, agencyCode: string, threshold = DEFAULT_APPLICANT_THRESHOLD): Promise<{ added: number }> {
  requireRole(ctx.actor, READ_ROLES, '查看依申请转主动建议');
  const agency = await agencyInScope(ctx.db, ctx.actor, agencyCode);
  const rows = await ctx.db
    .select({ id: applications.id, description: applications.description, documentNumber: applications.documentNumber, personalData: applications.personalData })
    .from(applications)
    .where(and(eq(applications.agencyId, agency.id), inArray(applications.outcome, RELEASED)));
  const groups = new Map<string, { description: string; ids: string[]; applicants: Set<string> }>();
  for (const r of rows) {
    const k = subjectKey(r.documentNumber, r.description);
    const g = groups.get(k) ?? { description: r.documentNumber ? `${r.documentNumber} ${r.description}` : r.description, ids: [], applicants: new Set<string>() };
    const a = decryptApplicant(ctx.key, r);
    g.applicants.add((a.idNumber ?? a.creditCode ?? a.name).toUpperCase());
    g.ids.push(r.id);
    groups.set(k, g);
  }
  const existing = new Set((await ctx.db.select({ k: disclosureProposals.subjectKey }).from(disclosureProposals).where(eq(disclosureProposals.agencyId, agency.id))).map((r) => r.k));
  let added = 0;
  for (const [k, g] of groups) {
    if (g.applicants.size < threshold || existing.has(k)) continue;
    await ctx.db.transaction(async (tx) => {
      const id = uuidv7();
      await tx.insert(disclosureProposals).values({ id, agencyId: agency.id, subjectKey: k, description: g.description.slice(0, 500), source: 'repeated', applicationIds: g.ids, status: 'open', note: `已向${g.applicants.size}个不同申请人公开` });
      await catalogueEvent(tx, ctx, agency.id, 'proposal-added', { proposalId: id, source: 'repeated', applications: g.ids.length });
    });
    added += 1;
  }
  return { added };
}

export interface SuggestProps {
  agencyCode: string;
  description: string;
  applicationIds?: string[] | undefined;
  /** who suggests: a clerk (staff) or an applicant (from the status page) */
  source: 'clerk' | 'applicant';
  note?: string | undefined;
}

export async function suggestProposal(ctx: CatalogueContext, props: SuggestProps): Promise<ProposalRow> {
  if (props.source === 'clerk') requireRole(ctx.actor, SUGGEST_ROLES, '建议主动公开');
  const agency = props.source === 'clerk' ? await agencyInScope(ctx.db, ctx.actor, props.agencyCode) : await getAgencyByCode(ctx.db, props.agencyCode, 'agency');
  const description = typeof props.description === 'string' ? props.description.trim() : '';
  if ([...description].length < 2 || [...description].length > 500) throw new ValidationError('依申请转主动建议', [{ path: 'description', rule: 'length', message: '应为2–500个字符' }]);
  const ids = [...new Set(props.applicationIds ?? [])];
  if (ids.length > 0) {
    const found = await ctx.db.select({ id: applications.id }).from(applications).where(and(eq(applications.agencyId, agency.id), inArray(applications.id, ids)));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0) throw new ValidationError('依申请转主动建议', missing.map((m) => ({ path: `applicationIds.${ids.indexOf(m)}`, rule: 'exists', message: '本机关没有这件申请' })));
  }
  const key = `${props.source}:${uuidv7()}`;
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(disclosureProposals).values({ id, agencyId: agency.id, subjectKey: key, description, source: props.source, applicationIds: ids, status: 'open', note: props.note ?? null });
    await catalogueEvent(tx, ctx, agency.id, 'proposal-added', { proposalId: id, source: props.source, applications: ids.length });
  });
  return (await ctx.db.select().from(disclosureProposals).where(eq(disclosureProposals.id, id)))[0]!;
}

export async function listProposals(db: Db, actor: Actor, agencyCode: string, status = 'open'): Promise<ProposalRow[]> {
  requireRole(actor, READ_ROLES, '查看依申请转主动建议');
  const agency = await agencyInScope(db, actor, agencyCode);
  return db.select().from(disclosureProposals).where(and(eq(disclosureProposals.agencyId, agency.id), eq(disclosureProposals.status, status))).orderBy(desc(disclosureProposals.createdAt));
}

async function openProposal(db: Db, actor: Actor, id: string): Promise<ProposalRow> {
  const found = (await db.select({ p: disclosureProposals, path: agencies.path }).from(disclosureProposals).innerJoin(agencies, eq(agencies.id, disclosureProposals.agencyId)).where(eq(disclosureProposals.id, id)).limit(1))[0];
  if (found === undefined || !inScope(actor, found.path)) throw new ProposalNotFoundError(id);
  const p = found.p;
  if (p.status !== 'open') throw new DocumentStateError(`该建议已${p.status === 'published' ? '发布' : '不予采纳'}`, 'catalogue.proposal_closed');
  return p;
}

/** The publisher publishes the information: a catalogue document, linked to the proposal's applications. */
export async function publishProposal(ctx: CatalogueContext, props: { proposalId: string; agencyCode: string; input: Record<string, unknown>; publishedOn?: string | undefined }): Promise<DocumentView> {
  requireRole(ctx.actor, PUBLISH_ROLES, '发布政府信息');
  const p = await openProposal(ctx.db, ctx.actor, props.proposalId);
  const agency = await agencyInScope(ctx.db, ctx.actor, props.agencyCode);
  if (agency.id !== p.agencyId) throw new ProposalNotFoundError(props.proposalId);
  return createDocument(ctx, { agencyCode: props.agencyCode, input: props.input, publish: true, publishedOn: props.publishedOn }, async (tx, documentId, agencyId) => {
    for (const applicationId of p.applicationIds) await tx.insert(catalogueDocumentApplications).values({ documentId, applicationId, agencyId }).onConflictDoNothing();
    const updated = await tx.update(disclosureProposals).set({ status: 'published', documentId, decidedAt: new Date().toISOString() }).where(and(eq(disclosureProposals.id, p.id), eq(disclosureProposals.status, 'open'))).returning({ id: disclosureProposals.id });
    if (updated.length === 0) throw new DocumentStateError('该建议已被处理', 'catalogue.proposal_closed');
    await catalogueEvent(tx, ctx, agencyId, 'proposal-published', { proposalId: p.id, documentId, applicationIds: p.applicationIds });
  });
}

export async function dismissProposal(ctx: CatalogueContext, props: { proposalId: string; reason: string }): Promise<void> {
  requireRole(ctx.actor, PUBLISH_ROLES, '处理依申请转主动建议');
  const p = await openProposal(ctx.db, ctx.actor, props.proposalId);
  const reason = typeof props.reason === 'string' ? props.reason.trim() : '';
  if (reason === '') throw new ValidationError('不予采纳', [{ path: 'reason', rule: 'required', message: '请说明不予主动公开的理由' }]);
  await ctx.db.transaction(async (tx) => {
    await tx.update(disclosureProposals).set({ status: 'dismissed', note: reason, decidedAt: new Date().toISOString() }).where(eq(disclosureProposals.id, p.id));
    await catalogueEvent(tx, ctx, p.agencyId, 'proposal-dismissed', { proposalId: p.id, reason });
  });
}
