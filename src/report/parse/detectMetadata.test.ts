import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectAgency, detectYear } from './detectMetadata.ts';

describe('year and agency', () => {
  it('takes the year from the statistics period, with or without the second year', () => {
    assert.equal(detectYear(['本报告中所列数据统计期限自2021年1月1日起至12月31日止。'], undefined)?.value, 2021);
    assert.equal(detectYear(['统计期限为 2020 年 1 月 1 日至 2020 年 12 月 31 日'], undefined)?.value, 2020);
    assert.equal(detectYear(['北京市海淀区2019年政府信息公开工作年度报告'], undefined)?.value, 2019);
  });

  it('takes the agency from a title, a page title with its site, or the signature', () => {
    assert.equal(detectAgency(['# 国家信访局 2020 年 政府信息公开工作年度报告'], undefined, undefined)?.value, '国家信访局');
    assert.equal(detectAgency([], 'XX市人民政府门户网站-XX市教育局2022年政府信息公开工作年度报告', undefined)?.value, 'XX市教育局');
    assert.equal(detectAgency(['2021年度北京市政府信息公开工作年度报告'], undefined, undefined)?.value, '北京市');
    assert.equal(detectAgency(['正文', '平潭综合实验区自然资源与生态环境局', '2024年1月5日'], undefined, undefined)?.value, '平潭综合实验区自然资源与生态环境局');
    assert.equal(detectAgency(['正文'], undefined, 'reports/80629_某某县商务局2021年政府信息公开工作年度报告.txt')?.value, '某某县商务局');
  });

  it('finds the agency when the title lacks it: the line above, the page metadata', () => {
    assert.equal(detectAgency(['国家信访局', '2020年政府信息公开工作年度报告', '一、总体情况'], undefined, undefined)?.value, '国家信访局');
    assert.equal(detectAgency(['2023年度XX县自然资源局政府信息公开工作年度报告'], undefined, undefined)?.value, 'XX县自然资源局');
    assert.equal(detectAgency(['标题：2022年政府信息公开工作年度报告', '发布机构：某某县市场监督管理局', '正文'], undefined, undefined)?.value, '某某县市场监督管理局');
    // a heading above the title that is not an agency is not taken for one
    assert.equal(detectAgency(['政府信息公开年报', '2022年政府信息公开工作年度报告'], undefined, undefined), null);
  });

  it('reads other ways of stating the year and the title', () => {
    assert.equal(detectYear(['统计期限为2023.1.1—2023.12.31'], undefined)?.value, 2023);
    assert.equal(detectYear(['统计时段：2022-01-01至2022-12-31'], undefined)?.value, 2022);
    assert.equal(detectYear(['某某县人民政府二〇二三年政府信息公开工作年度报告'], undefined)?.value, 2023);
    assert.equal(detectYear(['某某县教育局政府信息公开工作2021年度报告'], undefined)?.value, 2021);
    assert.equal(detectAgency(['某某县教育局政府信息公开工作2021年度报告'], undefined, undefined)?.value, '某某县教育局');
    assert.equal(detectAgency(['某某市税务局关于2022年政府信息公开工作年度报告'], undefined, undefined)?.value, '某某市税务局');
    assert.equal(detectAgency(['某某县人民政府二〇二三年政府信息公开工作年度报告'], undefined, undefined)?.value, '某某县人民政府');
    assert.equal(detectAgency(['【2023-01-30】某某区司法局2022年政府信息公开工作年度报告'], undefined, undefined)?.value, '某某区司法局');
  });
});
