/** Expertise tags: synonyms, tag lists, hashtags in `/consult` text and labels. */
import { describe, expect, it } from 'vitest';
import {
  extractHashtags,
  KNOWN_TAGS,
  normalizeTag,
  parseTagList,
  tagKey,
  tagLabel,
} from '../../src/domain/tags.js';

describe('normalizeTag', () => {
  it.each<[string, string | undefined]>([
    ['人事', '人事'],
    ['HR', '人事'],
    ['hr', '人事'],
    ['Human Resources', '人事'],
    ['#HR', '人事'],
    ['＃ＨＲ', '人事'],
    ['  採用  ', '採用'],
    ['Recruiting', '採用'],
    ['recruitment', '採用'],
    ['agent', '人材紹介'],
    ['Agency', '人材紹介'],
    ['転職エージェント', '人材紹介'],
    ['エージェント', '人材紹介'],
    ['ｴｰｼﾞｪﾝﾄ', '人材紹介'],
    ['staffing', '派遣'],
    ['dispatch', '派遣'],
    ['人材派遣', '派遣'],
    ['freelance', 'フリーランス'],
    ['Freelancer', 'フリーランス'],
    ['ｆｒｅｅｌａｎｃｅｒ', 'フリーランス'],
    ['個人事業主', 'フリーランス'],
    ['interview-prep', '面接対策'],
    ['resume', '職務経歴書'],
    ['it', 'IT'],
    ['外資系', '外資'],
    ['Coaching', 'Coaching'],
    ['#Career  Change', 'Career Change'],
    ['ＡＩ活用', 'AI活用'],
    ['', undefined],
    ['   ', undefined],
    ['#', undefined],
    ['＃　', undefined],
    ['a'.repeat(31), undefined],
    ['<@U123>', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeTag(raw)).toBe(expected);
  });

  it('accepts a tag of exactly 30 characters', () => {
    expect(normalizeTag('あ'.repeat(30))).toBe('あ'.repeat(30));
  });
});

describe('tagKey', () => {
  it.each([
    ['Coaching', 'coaching'],
    ['ＣＯＡＣＨＩＮＧ', 'coaching'],
    ['人事', '人事'],
  ])('%j → %j', (tag, key) => {
    expect(tagKey(tag)).toBe(key);
  });
});

describe('parseTagList', () => {
  it.each<[string, string[]]>([
    ['HR 採用, 派遣 #freelance', ['人事', '採用', '派遣', 'フリーランス']],
    ['人事　recruiting、agency・staffing', ['人事', '採用', '人材紹介', '派遣']],
    ['HR 人事 hr ＃HR', ['人事']],
    ['Coaching coaching COACHING', ['Coaching']],
    ['面接対策，職務経歴書,,  IT', ['面接対策', '職務経歴書', 'IT']],
    ['', []],
    [' , 、 ', []],
    [`${'x'.repeat(31)} 外資`, ['外資']],
  ])('%j → %j', (text, expected) => {
    expect(parseTagList(text)).toEqual(expected);
  });
});

describe('extractHashtags', () => {
  it.each<[string, string[], string]>([
    ['#人事 転職の相談です', ['人事'], '転職の相談です'],
    ['転職の相談です #HR #採用', ['人事', '採用'], '転職の相談です'],
    ['#人事、#採用 の相談', ['人事', '採用'], 'の相談'],
    ['面談の進め方 #面接対策。よろしくお願いします', ['面接対策'], '面談の進め方。よろしくお願いします'],
    ['＃フリーランス 案件の取り方', ['フリーランス'], '案件の取り方'],
    ['#人事 #HR #hr 同じタグ', ['人事'], '同じタグ'],
    ['<#C123|advice> で見た件 #HR', ['人事'], '<#C123|advice> で見た件'],
    ['<#C123> の続き', [], '<#C123> の続き'],
    ['枠 #12 の件 ＃採用', ['採用'], '枠 #12 の件'],
    ['枠＃１２について', [], '枠＃１２について'],
    ['C# エンジニアの転職 #IT', ['IT'], 'C# エンジニアの転職'],
    ['#Coaching と #coaching', ['Coaching'], 'と'],
    ['タグなしの相談', [], 'タグなしの相談'],
    ['相談です\n#派遣', ['派遣'], '相談です'],
  ])('%j', (text, tags, rest) => {
    expect(extractHashtags(text)).toEqual({ tags, rest });
  });
});

describe('KNOWN_TAGS and tagLabel', () => {
  it('has the five core fields first and at most 12 tags', () => {
    expect(KNOWN_TAGS.slice(0, 5).map((t) => t.tag)).toEqual([
      '人事',
      '採用',
      '人材紹介',
      '派遣',
      'フリーランス',
    ]);
    expect(KNOWN_TAGS.length).toBeLessThanOrEqual(12);
  });

  it('every known tag is its own canonical form', () => {
    for (const { tag, en } of KNOWN_TAGS) {
      expect(normalizeTag(tag)).toBe(tag);
      expect(normalizeTag(en)).toBe(tag);
    }
  });

  it.each<[string, 'ja' | 'en', string]>([
    ['人事', 'en', 'HR'],
    ['人材紹介', 'en', 'Agency'],
    ['派遣', 'ja', '派遣'],
    ['hr', 'ja', '人事'],
    ['Coaching', 'en', 'Coaching'],
    ['Coaching', 'ja', 'Coaching'],
  ])('tagLabel(%j, %s) → %j', (tag, locale, label) => {
    expect(tagLabel(tag, locale)).toBe(label);
  });
});
