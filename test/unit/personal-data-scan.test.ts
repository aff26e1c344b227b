import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../helpers/personal-data.js';

describe('findPersonalData (the published-file scan)', () => {
  it.each([
    ['an e-mail address', 'ผู้ลงนาม preecha.w@opdc.go.th'],
    ['a Thai-script e-mail address', 'ติดต่อ สมชาย@ตัวอย่าง.ไทย'],
    ['a mobile number with dashes', 'โทร 081-234-5678'],
    ['a landline in Thai digits', 'โทร ๐๒-๓๕๖-๙๙๙๙'],
    ['an international number', '+66 81 234 5678'],
  ])('finds %s', (_, text) => {
    expect(findPersonalData(text)).toHaveLength(1);
  });

  it.each([
    ['a budget', 'งบประมาณ ๔,๒๔๑,๓๐๐ บาท'],
    ['a sha256', 'sha256:0812345678abcdef0812345678'],
    ['a Buddhist-era date and time', '๒๐ เมษายน ๒๕๖๖ เวลา ๑๐:๓๐ น.'],
    ['a decimal amount', '1250.50 และ 0.0812345678'],
  ])('lets %s pass', (_, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});
