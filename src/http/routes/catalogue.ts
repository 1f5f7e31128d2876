/**
 * The catalogue over the API (for the staff console and scripts): list, get, create, publish, correct,
 * repeal, withdraw, 政策解读 links, attachments, import, the Art. 26 late list, the Art. 44 queue, the
 * 指南 settings and the installation's portal settings. Public search needs no login.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { addDocumentAttachment, MAX_DOCUMENT_ATTACHMENT_BYTES } from '../../catalogue/addDocumentAttachment.ts';
import { correctDocument } from '../../catalogue/correctDocument.ts';
import { createDocument } from '../../catalogue/createDocument.ts';
import { READ_ROLES } from '../../catalogue/context.ts';
import { loadDocument, toDocumentView } from '../../catalogue/documents.ts';
import { currentGuide, guideVersions, setGuide } from '../../catalogue/guide.ts';
import { importCatalogue, importFormatOf } from '../../catalogue/importCatalogue.ts';
import { lateList } from '../../catalogue/lateList.ts';
import { linkInterpretation } from '../../catalogue/linkInterpretation.ts';
import { dismissProposal, listProposals, publishProposal, refreshProposals, suggestProposal } from '../../catalogue/proposals.ts';
import { publishDocument } from '../../catalogue/publishDocument.ts';
import { documentAttachments, interpretationLinks, listDocuments, searchDocuments } from '../../catalogue/queries.ts';
import { repealDocument, VALIDITY_CHANGES } from '../../catalogue/repealDocument.ts';
import { getSiteSettings, setSiteSettings } from '../../catalogue/siteSettings.ts';
import { withdrawDocument } from '../../catalogue/withdrawDocument.ts';
import { getAgencyByCode } from '../../agencies/agencies.ts';
import { inScope } from '../../accounts/actor.ts';
import { ForbiddenError } from '../../accounts/errors.ts';
import type { Db } from '../../db/open.ts';
import type { SecretKey } from '../../db/secretKey.ts';
import { ART20_ITEM_IDS, CATALOGUE_COLUMNS, DOCUMENT_KINDS, VALIDITY } from '../../law/catalogue.ts';
import { AttachmentRejectedError } from '../../requests/errors.ts';
import type { FileStore } from '../../requests/fileStore.ts';
import { ValidationError } from '../../shared/domainError.ts';
import { authorize } from '../auth.ts';
import { DateString } from '../schemas.ts';

export interface CatalogueApiOptions {
  db: Db;
  key: SecretKey;
  files: FileStore;
  today?: (() => string | undefined) | undefined;
}

const Code = Type.String({ minLength: 1, maxLength: 32, description: '机关代码' });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Version = Type.Integer({ minimum: 1, description: '读取时的版本号（乐观并发）' });
const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const DocumentFields = {
  title: Type.String({ maxLength: 400, description: '名称' }),
  publisher: Type.Optional(Type.String({ maxLength: 200, description: '发布机构（默认：本机关名称）' })),
  docNumber: Type.Optional(Type.String({ maxLength: 120, description: '发文字号' })),
  writtenOn: Type.String({ maxLength: 10, description: '成文日期 YYYY-MM-DD' }),
  column: Type.Optional(lit(CATALOGUE_COLUMNS)),
  item: Type.String({ maxLength: 3, description: `《条例》第二十条的项：${ART20_ITEM_IDS.join('、')}` }),
  topic: Type.String({ maxLength: 120, description: '主题分类' }),
  kind: Type.Optional(lit(DOCUMENT_KINDS)),
  summary: Type.Optional(Type.String({ maxLength: 1000, description: '内容概述' })),
  body: Type.Optional(Type.String({ maxLength: 200_000, description: '正文（纯文本，空行分段）' })),
  keywords: Type.Optional(Type.String({ maxLength: 400 })),
  indexNumber: Type.Optional(Type.String({ maxLength: 60, description: '索引号（不填则自动生成）' })),
};
const CreateBody = Type.Object({ ...DocumentFields, publish: Type.Optional(Type.Boolean({ description: '立即发布' })), publishedOn: Type.Optional(DateString) });
const ListQuery = Type.Object({
  agency: Type.Optional(Code),
  status: Type.Optional(lit(['draft', 'published', 'withdrawn'] as const)),
  column: Type.Optional(lit(CATALOGUE_COLUMNS)),
  item: Type.Optional(Type.String({ maxLength: 3 })),
  topic: Type.Optional(Type.String({ maxLength: 120 })),
  kind: Type.Optional(lit(DOCUMENT_KINDS)),
  year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2200 })),
  validity: Type.Optional(lit(VALIDITY)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
const SearchQuery = Type.Object({ ...ListQuery.properties, q: Type.String({ description: '检索词（任意长度、文字和标点；控制字符视为空格；只用前200个字符）' }) });

export const catalogueApiRoutes: FastifyPluginAsync<CatalogueApiOptions> = async (api, opts) => {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = opts;
  const ctx = (actor: ReturnType<typeof authorize>) => {
    const t = opts.today?.();
    return t === undefined ? { db, actor } : { db, actor, today: t };
  };
  const tags = ['catalogue'];

  r.get('/catalogue/search', { schema: { tags, summary: '检索主动公开的政府信息（无需登录）', querystring: SearchQuery }, config: { searchText: true } }, async (req) => {
    const agency = req.query.agency !== undefined ? await getAgencyByCode(db, req.query.agency, 'agency') : undefined;
    const { q, agency: _a, status: _s, ...f } = req.query;
    return searchDocuments(db, q, { ...f, agencyId: agency?.id });
  });
  r.get('/catalogue/documents', { schema: { tags, summary: '政府信息目录（含草稿、已撤回；按本人管辖范围）', querystring: ListQuery } }, async (req) => {
    const s = authorize(req, READ_ROLES, '查看政府信息目录');
    const agency = req.query.agency !== undefined ? await getAgencyByCode(db, req.query.agency, 'agency') : undefined;
    if (agency !== undefined && !inScope(s, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
    const { agency: _a, ...f } = req.query;
    return listDocuments(db, { ...f, agencyId: agency?.id, agencyPath: s.agencyPath });
  });
  r.get('/catalogue/documents/:id', { schema: { tags, summary: '文件详情（含附件、政策解读关联）', params: Type.Object({ id: Id }) } }, async (req) => {
    const s = authorize(req, READ_ROLES, '查看政府信息目录');
    const found = await loadDocument(db, s, req.params.id);
    const [links, files] = await Promise.all([interpretationLinks(db, found.doc.id, false), documentAttachments(db, [found.doc.id])]);
    return { ...toDocumentView(found.doc, found.agencyCode), ...links, attachments: files.map((a) => ({ id: a.id, filename: a.filename, mediaType: a.mediaType, size: a.size, sha256: a.sha256 })) };
  });
  r.post('/agencies/:code/catalogue/documents', { schema: { tags, summary: '新建文件（草稿，或 publish=true 立即发布）', params: Type.Object({ code: Code }), body: CreateBody } }, async (req, reply) => {
    const s = authorize(req);
    const { publish, publishedOn, ...input } = req.body;
    reply.status(201);
    return createDocument(ctx(s), { agencyCode: req.params.code, input, publish, publishedOn });
  });
  r.post('/catalogue/documents/:id/publish', { schema: { tags, summary: '发布', params: Type.Object({ id: Id }), body: Type.Object({ version: Version, publishedOn: Type.Optional(DateString) }) } }, async (req) => publishDocument(ctx(authorize(req)), { documentId: req.params.id, ...req.body }));
  r.post('/catalogue/documents/:id/correct', { schema: { tags, summary: '更正（元数据或正文）', params: Type.Object({ id: Id }), body: Type.Object({ version: Version, reason: Type.String({ maxLength: 500 }), changes: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown()), changedOn: Type.Optional(DateString) }) } }, async (req) => correctDocument(ctx(authorize(req)), { documentId: req.params.id, ...req.body }));
  r.post('/catalogue/documents/:id/repeal', { schema: { tags, summary: '标注失效、废止或已修订', params: Type.Object({ id: Id }), body: Type.Object({ version: Version, validity: lit(VALIDITY_CHANGES), changedOn: DateString, note: Type.Optional(Type.String({ maxLength: 500 })) }) } }, async (req) => repealDocument(ctx(authorize(req)), { documentId: req.params.id, ...req.body }));
  r.post('/catalogue/documents/:id/withdraw', { schema: { tags, summary: '撤回（从门户下线）', params: Type.Object({ id: Id }), body: Type.Object({ version: Version, reason: Type.String({ maxLength: 500 }) }) } }, async (req) => withdrawDocument(ctx(authorize(req)), { documentId: req.params.id, ...req.body }));
  r.post('/catalogue/documents/:id/interpretations', { schema: { tags, summary: '将本政策解读关联到被解读文件', params: Type.Object({ id: Id }), body: Type.Object({ documentIds: Type.Array(Id, { minItems: 1, maxItems: 50 }) }) } }, async (req) => linkInterpretation(ctx(authorize(req)), { interpretationId: req.params.id, documentIds: req.body.documentIds }));
  r.post('/catalogue/documents/:id/attachments', { schema: { tags, summary: `上传附件（multipart，字段 file；PDF/DOCX/XLSX/PNG/JPG，≤${MAX_DOCUMENT_ATTACHMENT_BYTES / 1024 / 1024}MB）`, params: Type.Object({ id: Id }) } }, async (req, reply) => {
    const s = authorize(req);
    if (!req.isMultipart()) throw new AttachmentRejectedError('attachment.multipart', '请以 multipart/form-data 上传，文件字段名为 file');
    const file = await req.file();
    if (file === undefined) throw new AttachmentRejectedError('attachment.missing', '缺少文件字段 file');
    const data = await file.toBuffer();
    if (file.file.truncated) throw new AttachmentRejectedError('attachment.size', `文件不能超过${MAX_DOCUMENT_ATTACHMENT_BYTES / 1024 / 1024}MB`);
    reply.status(201);
    return addDocumentAttachment(ctx(s), opts.files, { documentId: req.params.id, filename: file.filename, data });
  });
  r.post('/agencies/:code/catalogue/import', { schema: { tags, summary: '导入旧网站的文件（multipart，字段 file：CSV/XLSX/JSON；全部成功或全部不导入）', params: Type.Object({ code: Code }) } }, async (req) => {
    const s = authorize(req);
    if (!req.isMultipart()) throw new ValidationError('导入文件', [{ path: 'file', rule: 'multipart', message: '请以 multipart/form-data 上传，文件字段名为 file' }]);
    const file = await req.file();
    if (file === undefined) throw new ValidationError('导入文件', [{ path: 'file', rule: 'required', message: '缺少文件字段 file' }]);
    const format = importFormatOf(file.filename);
    if (format === undefined) throw new ValidationError('导入文件', [{ path: 'file', rule: 'format', message: '文件应为 .csv、.xlsx 或 .json' }]);
    return importCatalogue(ctx(s), opts.files, { agencyCode: req.params.code, bytes: await file.toBuffer(), format });
  });
  r.get('/agencies/:code/catalogue/late', { schema: { tags, summary: '《条例》第二十六条：逾期发布和逾期未发布的文件', params: Type.Object({ code: Code }), querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2200 })) }) } }, async (req) => {
    const s = authorize(req);
    const t = opts.today?.();
    return lateList(db, s, req.params.code, { ...(t !== undefined ? { today: t } : {}), ...(req.query.year !== undefined ? { year: req.query.year } : {}) });
  });
  r.get('/agencies/:code/catalogue/proposals', { schema: { tags, summary: '依申请转主动建议（先按答复结果更新队列）', params: Type.Object({ code: Code }), querystring: Type.Object({ status: Type.Optional(lit(['open', 'published', 'dismissed'] as const)) }) } }, async (req) => {
    const s = authorize(req);
    if ((req.query.status ?? 'open') === 'open') await refreshProposals({ ...ctx(s), key: opts.key }, req.params.code);
    return { items: await listProposals(db, s, req.params.code, req.query.status ?? 'open') };
  });
  r.post('/agencies/:code/catalogue/proposals', { schema: { tags, summary: '建议将信息转为主动公开', params: Type.Object({ code: Code }), body: Type.Object({ description: Type.String({ maxLength: 1000 }), applicationIds: Type.Optional(Type.Array(Id, { maxItems: 100 })), note: Type.Optional(Type.String({ maxLength: 500 })) }) } }, async (req, reply) => {
    reply.status(201);
    return suggestProposal(ctx(authorize(req)), { agencyCode: req.params.code, source: 'clerk', ...req.body });
  });
  r.post('/agencies/:code/catalogue/proposals/:id/publish', { schema: { tags, summary: '发布建议的信息（关联到相关申请）', params: Type.Object({ code: Code, id: Id }), body: Type.Object({ ...DocumentFields, publishedOn: Type.Optional(DateString) }) } }, async (req, reply) => {
    const { publishedOn, ...input } = req.body;
    reply.status(201);
    return publishProposal(ctx(authorize(req)), { proposalId: req.params.id, agencyCode: req.params.code, input, publishedOn });
  });
  r.post('/agencies/:code/catalogue/proposals/:id/dismiss', { schema: { tags, summary: '不予采纳', params: Type.Object({ code: Code, id: Id }), body: Type.Object({ reason: Type.String({ maxLength: 500 }) }) } }, async (req) => {
    await dismissProposal(ctx(authorize(req)), { proposalId: req.params.id, reason: req.body.reason });
    return { ok: true };
  });
  r.get('/agencies/:code/guide', { schema: { tags, summary: '政府信息公开指南设置（当前版本及历史版本）', params: Type.Object({ code: Code }) } }, async (req) => {
    const s = authorize(req);
    const agency = await getAgencyByCode(db, req.params.code, 'code');
    if (!inScope(s, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
    return { ...(await currentGuide(db, agency.id, agency.name)), versions: await guideVersions(db, agency.id) };
  });
  r.put('/agencies/:code/guide', { schema: { tags, summary: '修订政府信息公开指南（保存为新版本）', params: Type.Object({ code: Code }), body: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown()) } }, async (req) => setGuide(ctx(authorize(req)), req.params.code, req.body));
  r.get('/portal/settings', { schema: { tags, summary: '网站设置（页脚、网页标签）' } }, async (req) => {
    authorize(req);
    return getSiteSettings(db);
  });
  r.put('/portal/settings', { schema: { tags, summary: '修改网站设置（管理员）', body: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown()) } }, async (req) => setSiteSettings(db, authorize(req), req.body));
};
