/**
 * The demo catalogue of 国家信访局 (texts written for the demo, names and numbers invented): enough
 * documents in every column to try the lists, filters, paging and search — rules and normative
 * documents (some repealed or revised), 政策解读 linked to what they explain, the 制度 column, one Art. 20
 * item deliberately empty (its note shows) — plus the 指南 settings and the installation's footer.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { getAgencyByCode } from '../agencies/agencies.ts';
import { addDays } from '../calendar/civilDate.ts';
import type { Db } from '../db/open.ts';
import { setGuide } from '../catalogue/guide.ts';
import { importCatalogue } from '../catalogue/importCatalogue.ts';
import { catalogueDocuments, catalogueInterpretations, portalSettings } from '../catalogue/schema.ts';
import { setSiteSettings } from '../catalogue/siteSettings.ts';

interface Seed {
  item: string;
  topic: string;
  kind: 'rule' | 'normative' | 'interpretation' | 'other';
  column?: 'system' | 'proactive';
  titles: string[];
  /** 发文字号 prefix, when the documents are 公文 */
  docPrefix?: string;
  paragraphs: string[];
}

const SEEDS: Seed[] = [
  {
    item: '1', topic: '综合政务\\信访', kind: 'normative', docPrefix: '国信发',
    titles: ['关于进一步规范信访事项受理办理程序的意见', '信访事项网上办理工作规程', '关于加强初信初访办理工作的通知', '信访事项复查复核工作办法', '关于做好领导干部接访下访工作的通知', '信访工作责任制实施细则', '关于推进信访工作法治化的实施意见', '群众来信办理工作规范'],
    paragraphs: [
      '为贯彻落实《信访工作条例》，进一步规范信访事项的受理、办理和答复工作，切实维护信访人的合法权益，结合工作实际，制定本文件。',
      '各级信访工作机构收到信访事项后，应当在规定期限内区分情况予以登记、受理或者告知信访人向有权处理的机关提出，并通过网上信访信息系统及时录入、转送和交办。',
      '办理信访事项应当依法及时、就地解决问题，做到程序规范、事实清楚、处理恰当、答复明确。对情况复杂的信访事项，可以组织听证，听取信访人和有关方面的意见。',
      '各地区各部门要加强对信访事项办理情况的督查督办，对推诿敷衍、久拖不办的，依规依纪严肃处理。本文件自印发之日起施行。',
    ],
  },
  {
    item: '1', topic: '综合政务\\信访', kind: 'rule', docPrefix: '国家信访局令',
    titles: ['信访事项办理期限规定', '信访人权利义务告知规定'],
    paragraphs: ['第一条 为了规范信访事项的办理期限，保障信访人的合法权益，根据有关法律法规，制定本规定。', '第二条 有权处理的行政机关应当自受理之日起60日内办结信访事项；情况复杂的，经本行政机关负责人批准，可以适当延长办理期限，但延长期限不得超过30日，并告知信访人延期理由。', '第三条 本规定自公布之日起施行。'],
  },
  {
    item: '1', topic: '综合政务\\政策解读', kind: 'interpretation',
    titles: ['《关于进一步规范信访事项受理办理程序的意见》解读', '图解：信访事项网上办理工作规程', '《信访事项办理期限规定》答记者问'],
    paragraphs: ['近日，国家信访局印发相关文件。为便于社会公众理解，现就文件出台的背景、主要内容和需要注意的问题解读如下。', '一、出台背景。随着网上信访渠道的普及，信访事项的受理和办理程序需要进一步统一规范，切实提高办理质量和效率。', '二、主要内容。文件明确了信访事项登记、受理、转送、交办、办理、答复各环节的时限要求和工作标准，对网上信访、来信、来访等不同渠道提出了具体要求。', '三、工作要求。各级信访工作机构要认真组织学习，抓好贯彻落实。'],
  },
  {
    item: '2', topic: '机构职能', kind: 'other',
    titles: ['国家信访局主要职责', '国家信访局内设机构', '国家信访局领导信息', '国家信访局办公地址、办公时间和联系方式'],
    paragraphs: ['国家信访局是国务院办公厅管理的国家局，负责处理人民群众来信来访工作。', '主要职责包括：受理、交办、转送人民群众来信来访；协调处理重要信访问题；督促检查重要信访事项的处理和落实；综合反映人民群众来信来访情况，开展调查研究，提出完善政策和改进工作的建议；指导全国信访工作。', '办公地址：北京市西城区示例大街1号（示例）；办公时间：工作日上午9:00至12:00，下午13:30至17:00。'],
  },
  {
    item: '3', topic: '综合政务\\规划', kind: 'other',
    titles: ['全国信访工作发展规划（2021—2025年）', '信访信息化建设专项规划', '“十四五”时期信访工作法治化建设规划'],
    paragraphs: ['本规划根据国民经济和社会发展规划纲要编制，明确了规划期内信访工作的指导思想、主要目标、重点任务和保障措施。', '到规划期末，网上信访成为群众信访的主渠道，信访事项及时受理率、按期办结率和群众满意率稳步提高，信访工作法治化水平明显提升。', '各级信访工作机构要结合实际，制定具体实施方案，确保规划各项任务落到实处。'],
  },
  {
    item: '4', topic: '综合政务\\统计', kind: 'other',
    titles: ['全国信访形势分析（第一季度）', '全国信访形势分析（上半年）', '全国信访形势分析（前三季度）', '全国信访形势分析（全年）', '网上信访受理情况统计'],
    paragraphs: ['本期统计显示，全国信访总量保持平稳，网上信访占比继续上升，来信、来访数量同比下降。', '从反映的问题看，涉及城乡建设、劳动和社会保障、农业农村、自然资源等领域的信访事项较为集中。', '本统计数据为示例数据，仅供演示。'],
  },
  {
    item: '5', topic: '综合政务\\办事服务', kind: 'other',
    titles: ['网上信访办事指南', '来信办理服务指南', '来访接待服务指南', '信访事项复查申请指南', '信访事项复核申请指南', '信访办理结果查询说明'],
    paragraphs: ['【办理依据】《信访工作条例》。', '【办理条件】信访人提出的信访事项属于本机关法定职权范围，并提供真实姓名、联系方式和具体诉求、事实和理由。', '【办理程序】登记—受理—办理—答复。本机关自收到信访事项之日起15日内决定是否受理，受理的自受理之日起60日内办结。', '【结果查询】信访人可凭查询码在网上信访平台查询办理进度和结果。'],
  },
  {
    item: '6', topic: '综合政务\\执法监督', kind: 'other',
    titles: ['信访秩序维护工作规定', '关于依法处理违法信访行为的指导意见'],
    paragraphs: ['为维护信访秩序，保障信访人依法有序表达诉求，依据有关法律法规，对违法信访行为的处理依据、条件和程序予以公开。', '对在信访过程中扰乱公共秩序、危害公共安全的行为，由公安机关依照治安管理处罚法等法律法规予以处理。'],
  },
  {
    item: '7', topic: '财政\\预算决算', kind: 'other',
    titles: ['国家信访局2021年部门预算', '国家信访局2021年部门决算', '国家信访局2022年部门预算', '国家信访局2022年部门决算', '国家信访局2023年部门预算', '国家信访局2023年部门决算', '国家信访局2024年部门预算', '国家信访局2024年部门决算', '国家信访局2025年部门预算'],
    paragraphs: ['根据预算法和财政部有关要求，现将本部门预算（决算）予以公开。', '公开内容包括部门收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、“三公”经费支出情况及相关说明。', '本表所列数字为示例，仅供演示。'],
  },
  {
    item: '8', topic: '财政\\收费', kind: 'other',
    titles: ['国家信访局行政事业性收费项目清单', '关于政府信息公开信息处理费收费标准的说明'],
    paragraphs: ['本机关无行政事业性收费项目。', '依申请提供政府信息不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，依照《政府信息公开信息处理费管理办法》收取信息处理费。'],
  },
  {
    item: '9', topic: '财政\\政府采购', kind: 'other',
    titles: ['2023年政府集中采购目录执行情况', '网上信访系统运维服务采购结果公告', '2024年政府集中采购目录执行情况', '信访接待场所改造工程采购结果公告'],
    paragraphs: ['根据政府采购法及其实施条例，现将本机关政府集中采购项目的目录、标准及实施情况公开如下。', '项目名称、采购方式、成交供应商和成交金额详见附表（示例数据）。'],
  },
  {
    item: '11', topic: '社会保障\\就业', kind: 'other',
    titles: ['关于做好涉及社会保障信访事项办理工作的通知', '关于做好农民工工资拖欠问题信访工作的通知', '关于畅通困难群众诉求表达渠道的意见'],
    paragraphs: ['各地区要重视涉及社会保障、促进就业等民生领域的信访事项，建立快速办理机制。', '对反映拖欠农民工工资问题的信访事项，要会同人力资源社会保障部门及时核实处理，依法维护劳动者合法权益。'],
  },
  {
    item: '12', topic: '公共安全\\应急管理', kind: 'other',
    titles: ['国家信访局突发事件应急预案', '信访接待场所突发事件处置预案', '关于做好汛期信访工作的通知'],
    paragraphs: ['为有效预防和妥善处置信访工作中可能发生的突发事件，保障信访人和工作人员生命财产安全，制定本预案。', '预案明确了组织指挥体系、预警和预防机制、应急响应、后期处置和保障措施。'],
  },
  {
    item: '13', topic: '综合政务\\监督检查', kind: 'other',
    titles: ['信访工作专项督查情况通报', '信访事项办理质量抽查情况通报'],
    paragraphs: ['根据年度工作安排，国家信访局组织开展了专项督查，现将有关情况通报如下。', '从抽查情况看，大部分地区信访事项办理规范、答复及时，但也存在答复意见书不规范、告知不到位等问题，已督促整改。'],
  },
  {
    item: '14', topic: '人事\\公务员招考', kind: 'other',
    titles: ['国家信访局2024年度考试录用公务员拟录用人员名单', '国家信访局2025年度考试录用公务员面试公告'],
    paragraphs: ['根据公务员考试录用有关规定，经笔试、面试、体检和考察等程序，确定了拟录用人员名单，现予以公示。', '公示期间如有异议，可通过电话、信函等方式向本机关人事部门反映。'],
  },
  {
    item: '15', topic: '综合政务\\政务公开', kind: 'other',
    titles: ['国家信访局政务公开工作要点', '关于做好政府信息依申请公开工作的通知', '国家信访局政府信息公开工作年度报告编制说明'],
    paragraphs: ['为深入贯彻《中华人民共和国政府信息公开条例》，推进政务公开标准化规范化，现就本年度政务公开工作提出要点。', '要加强政府信息公开平台建设，规范法定主动公开内容，做好依申请公开答复工作，提升政策解读质量。'],
  },
  {
    item: '15', topic: '综合政务\\政务公开', kind: 'other', column: 'system',
    titles: ['国家信访局政府信息公开保密审查办法', '国家信访局政府信息依申请公开办理规程', '国家信访局政府信息公开工作年度报告制度', '国家信访局政府信息公开索引号编制规则', '国家信访局政策解读工作办法', '国家信访局政府网站信息发布审核制度'],
    paragraphs: ['第一条 为规范本机关政府信息公开工作，根据《中华人民共和国政府信息公开条例》，制定本制度。', '第二条 本机关政府信息公开工作机构负责组织实施本制度，各内设机构按照职责分工做好相关工作。', '第三条 拟公开的政府信息应当依照法律、法规和国家有关规定进行审查，未经审查不得公开。', '第四条 本制度自印发之日起施行。'],
  },
];

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface DemoCatalogueResult {
  documents: number;
}

/** Seeds the demo catalogue, 指南 and site settings (once: nothing is done when documents exist). */
export async function seedDemoCatalogue(db: Db, actor: Actor, agencyCode: string, today: string): Promise<DemoCatalogueResult> {
  const agency = await getAgencyByCode(db, agencyCode);
  if ((await db.select({ id: portalSettings.id }).from(portalSettings).limit(1)).length === 0) {
    await setSiteSettings(db, actor, {
      siteName: '示范省政府信息公开平台',
      siteDomain: 'gk.example.gov.cn',
      siteIdCode: 'DEMO000001',
      sponsor: '示范省人民政府办公厅',
      organizer: '示范省大数据中心（示例）',
      contactAddress: '示范市示范大道1号',
      contactPhone: '010-00000000',
      contactEmail: 'gk@example.gov.cn',
      icp: '示ICP备00000000号-1（示例）',
      psb: '示公网安备00000000000000号（示例）',
    });
  }
  const has = await db.select({ id: catalogueDocuments.id }).from(catalogueDocuments).where(eq(catalogueDocuments.agencyId, agency.id)).limit(1);
  if (has.length > 0) return { documents: 0 };
  await setGuide({ db, actor, today }, agencyCode, {
    officeName: '国家信访局办公室（政府信息公开工作机构）',
    address: '北京市西城区示例大街1号（示例地址）',
    postalCode: '100000',
    phone: '010-00000001（示例）',
    fax: '010-00000002（示例）',
    email: 'xxgk@example.gov.cn',
    website: 'https://gk.example.gov.cn/agencies/gjxfj',
  });

  const rows: Record<string, string>[] = [];
  const thisYear = Number(today.slice(0, 4));
  let k = 0;
  for (const seed of SEEDS) {
    seed.titles.forEach((title, i) => {
      k += 1;
      const year = thisYear - ((i + k) % 6);
      const month = String(((k * 5 + i * 3) % 12) + 1).padStart(2, '0');
      const day = String(((k * 7 + i) % 27) + 1).padStart(2, '0');
      let writtenOn = `${year}-${month}-${day}`;
      if (writtenOn > today) writtenOn = addDays(today, -30 - k);
      // most within Art. 26's 20 working days; every ninth a little late
      let publishedOn = addDays(writtenOn, k % 9 === 0 ? 40 : 3 + (k % 10));
      if (publishedOn > today) publishedOn = today;
      const row: Record<string, string> = {
        title,
        writtenOn,
        publishedOn,
        item: seed.item,
        topic: seed.topic,
        kind: seed.kind,
        column: seed.column ?? 'proactive',
        summary: seed.paragraphs[0]!.slice(0, 90),
        body: seed.paragraphs.join('\n\n'),
        keywords: seed.topic.split('\\').pop() ?? '',
      };
      if (seed.docPrefix) row['docNumber'] = seed.docPrefix === '国家信访局令' ? `国家信访局令第${i + 1}号` : `${seed.docPrefix}〔${year}〕${i + 1 + (k % 5)}号`;
      if ((seed.kind === 'normative' || seed.kind === 'rule') && i % 4 === 3) {
        row['validity'] = i % 8 === 3 ? 'repealed' : 'revised';
        const changed = addDays(publishedOn, 100);
        row['validityChangedOn'] = changed < today ? changed : today;
      }
      rows.push(row);
    });
  }
  // a long list to page through: the 网上信访 weekly notes (第N期)
  for (let n = 1; n <= 36; n++) {
    const writtenOn = addDays(today, -7 * n - 3);
    rows.push({
      title: `信访工作动态（第${n}期）：${NUMERALS[n % 4]}季度网上信访办理情况`,
      writtenOn,
      publishedOn: addDays(writtenOn, 2),
      item: '15',
      topic: '综合政务\\工作动态',
      kind: 'other',
      column: 'proactive',
      summary: `第${n}期工作动态，通报网上信访事项受理、转送和办结情况。`,
      body: `本期工作动态通报近期网上信访事项的受理、转送、交办和办结情况。\n\n本期共受理网上信访事项若干件，按期办结率保持在较高水平。各地信访部门持续推进“阳光信访”，信访人可通过网上信访平台查询办理进度和结果。\n\n（本期为示例内容，编号第${n}期。）`,
      keywords: '工作动态,网上信访',
    });
  }
  const result = await importCatalogue({ db, actor, today }, undefined, { agencyCode, bytes: new TextEncoder().encode(JSON.stringify(rows)), format: 'json' });
  // 政策解读 ↔ the documents they explain
  const docs = await db.select({ id: catalogueDocuments.id, title: catalogueDocuments.title, kind: catalogueDocuments.kind }).from(catalogueDocuments).where(and(eq(catalogueDocuments.agencyId, agency.id)));
  for (const interp of docs.filter((d) => d.kind === 'interpretation')) {
    const target = docs.find((d) => d.kind !== 'interpretation' && interp.title.includes(d.title.slice(0, 8)));
    if (target) await db.insert(catalogueInterpretations).values({ interpretationId: interp.id, documentId: target.id, agencyId: agency.id }).onConflictDoNothing();
  }
  return { documents: result.imported };
}
