/**
 * Personal-data guard: a table of positives (every kind and notation, asserting the exact fragment) and of
 * negatives (what supporters normally write), plus a fast-check property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAllPersonalData, findPersonalData, type PiiFinding } from '../../src/domain/pii.js';

const email = (fragment: string): PiiFinding => ({ kind: 'email', fragment });
const phone = (fragment: string): PiiFinding => ({ kind: 'phone', fragment });
const postal = (fragment: string): PiiFinding => ({ kind: 'postal', fragment });
const social = (fragment: string): PiiFinding => ({ kind: 'social_url', fragment });

const positives: [string, PiiFinding][] = [
  // e-mail
  ['連絡先は taro.yamada@example.com です', email('taro.yamada@example.com')],
  ['メール:user+tag@example.co.jp。', email('user+tag@example.co.jp')],
  ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ に送ってください', email('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ')],
  ['taro＠example.com', email('taro＠example.com')],
  ['Hanako_Sato-2@mail.sub.example.org', email('Hanako_Sato-2@mail.sub.example.org')],
  ['<mailto:a.b@example.jp|a.b@example.jp>', email('a.b@example.jp')],
  // mobile / IP / toll-free
  ['携帯は090-1234-5678です', phone('090-1234-5678')],
  ['08012345678', phone('08012345678')],
  ['070 1234 5678 に電話', phone('070 1234 5678')],
  ['090.1234.5678', phone('090.1234.5678')],
  ['０９０－１２３４－５６７８', phone('０９０－１２３４－５６７８')],
  ['090ー1234ー5678', phone('090ー1234ー5678')],
  ['090−1234−5678', phone('090−1234−5678')],
  ['０９０１２３４５６７８', phone('０９０１２３４５６７８')],
  ['050-1234-5678', phone('050-1234-5678')],
  ['0120-123-456', phone('0120-123-456')],
  ['フリーダイヤル0120123456', phone('0120123456')],
  ['0800-123-4567', phone('0800-123-4567')],
  // landline, area codes of every length
  ['03-1234-5678', phone('03-1234-5678')],
  ['0312345678', phone('0312345678')],
  ['03(1234)5678', phone('03(1234)5678')],
  ['(03)1234-5678', phone('(03)1234-5678')],
  ['０３（１２３４）５６７８', phone('０３（１２３４）５６７８')],
  ['045-123-4567', phone('045-123-4567')],
  ['0466-12-3456', phone('0466-12-3456')],
  ['01267-1-2345', phone('01267-1-2345')],
  ['TEL:03-1234-5678（平日のみ）', phone('03-1234-5678')],
  ['電話 090 1234 5678 2026年から', phone('090 1234 5678')],
  // +81
  ['+81 90-1234-5678', phone('+81 90-1234-5678')],
  ['+819012345678', phone('+819012345678')],
  ['+81-3-1234-5678', phone('+81-3-1234-5678')],
  ['+81 (0)90-1234-5678', phone('+81 (0)90-1234-5678')],
  ['＋８１ ９０ １２３４ ５６７８', phone('＋８１ ９０ １２３４ ５６７８')],
  // postal codes
  ['〒150-0001 東京都渋谷区', postal('〒150-0001')],
  ['〒1500001', postal('〒1500001')],
  ['〒 150-0001', postal('〒 150-0001')],
  ['〒１５０－０００１', postal('〒１５０－０００１')],
  ['〒060-0001', postal('〒060-0001')],
  ['郵便番号：150-0001', postal('150-0001')],
  // social profiles
  ['https://twitter.com/taro_y', social('https://twitter.com/taro_y')],
  ['Xは x.com/taro_career です', social('x.com/taro_career')],
  ['www.facebook.com/taro.yamada.', social('www.facebook.com/taro.yamada')],
  ['instagram.com/taro', social('instagram.com/taro')],
  ['https://www.linkedin.com/in/taro-yamada/', social('https://www.linkedin.com/in/taro-yamada/')],
  ['jp.linkedin.com/in/taro', social('jp.linkedin.com/in/taro')],
  ['tiktok.com/@taro', social('tiktok.com/@taro')],
  ['https://note.com/taro_career の記事', social('https://note.com/taro_career')],
  ['threads.net/@taro', social('threads.net/@taro')],
  ['https://www.youtube.com/@taro', social('https://www.youtube.com/@taro')],
  ['<https://x.com/taro|x.com/taro>', social('https://x.com/taro')],
  ['ｈｔｔｐｓ：／／ｘ．ｃｏｍ／ｔａｒｏ', social('ｈｔｔｐｓ：／／ｘ．ｃｏｍ／ｔａｒｏ')],
  // first in text order
  ['〒150-0001、taro@example.com、090-1234-5678', postal('〒150-0001')],
  ['電話090-1234-5678かtaro@example.com', phone('090-1234-5678')],
];

const negatives: string[] = [
  '2026-12-03',
  '12/3 19:00-20:30 で面談',
  '2026/03/12 10:00',
  '2026.03.12',
  '年収600万円',
  '1,200,000円',
  '経験5年、うち人事3年',
  '#12 の枠で相談したい',
  '内定承諾率は30%',
  '0.5%改善',
  'https://example.co.jp/recruit',
  'netflix.com/abc',
  'x.com',
  'twitter.com/search',
  '30代前半、人材紹介会社で法人営業5年。年収600万円から転職の軸を考えたい',
  '40代、派遣営業10年→人事へ。書類通過率 12/40。面談は 2026-12-03 19:00 から',
  '応募者 120 名、面接 45 名、内定 8 名',
  '090-1234-5678-9',
  'ID 0123',
];

describe('findPersonalData', () => {
  it.each(positives)('finds %j', (text, expected) => {
    expect(findPersonalData(text)).toEqual(expected);
  });

  it.each(negatives)('finds nothing in %j', (text) => {
    expect(findPersonalData(text)).toBeUndefined();
  });
});

describe('findAllPersonalData', () => {
  it('returns every finding in text order', () => {
    const text = 'taro@example.com / 090-1234-5678 / 〒150-0001 / x.com/taro';
    expect(findAllPersonalData(text)).toEqual([
      email('taro@example.com'),
      phone('090-1234-5678'),
      postal('〒150-0001'),
      social('x.com/taro'),
    ]);
  });

  it('reports a number inside an e-mail address once, as the e-mail', () => {
    expect(findAllPersonalData('09012345678@docomo.ne.jp')).toEqual([email('09012345678@docomo.ne.jp')]);
  });

  it('returns nothing for ordinary text', () => {
    expect(findAllPersonalData('面接対策の進め方について相談です')).toEqual([]);
  });
});

describe('findPersonalData property', () => {
  const piiLike = fc.constantFrom(
    '090-1234-5678',
    '０９０ー１２３４ー５６７８',
    '+81 (0)3-1234-5678',
    '〒150-0001',
    'a@b.jp',
    'x.com/a',
    '＃',
    '（',
    '－',
    '😀',
  );
  const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), piiLike), {
    maxLength: 8,
  });

  it('never throws and every fragment is a substring of the input', () => {
    fc.assert(
      fc.property(text, (parts) => {
        const input = parts.join('');
        for (const finding of findAllPersonalData(input)) {
          expect(input).toContain(finding.fragment);
          expect(finding.fragment.length).toBeGreaterThan(0);
        }
        const first = findPersonalData(input);
        if (first !== undefined) expect(input).toContain(first.fragment);
      }),
      { numRuns: 500 },
    );
  });
});
