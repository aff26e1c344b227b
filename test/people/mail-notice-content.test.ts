/**
 * What a person reads in a notice e-mail: Thai first, English below; the
 * agency, the round, the plan item (and its division by name), who waits
 * for whom since when, the comment of a return, and a deep link to that
 * item in the portal — in the subject, the text and the HTML alike.
 */

import { describe, expect, it } from 'vitest';
import { noticeLink, noticeMail } from '../../shared/people/notice-mail.js';
import type { Notice } from '../../shared/workflow/approval-notice.js';
import { seedRound } from '../helpers/seed-round.js';

const ROUND = seedRound();
const PORTAL = 'https://portal.agency.test/';
const TO = 'director-2@people.example';

const requested: Notice = {
  kind: 'approval-requested',
  agencyId: 'opdc',
  roundId: '2566-h1',
  itemNo: 2,
  version: 3,
  role: 'division-director',
  groups: ['opdc:division-director', 'opdc:division:division-placeholder-02'],
  approvalId: 'opdc#2566-h1#2#3#0',
  waitingSince: '2023-04-20T02:30:00.000Z',
  sentAt: '2023-04-20T02:30:00.000Z',
};

describe('Function: noticeMail', () => {
  it('puts the Thai text first and the English below it', () => {
    // Act
    const mail = noticeMail(TO, requested, ROUND, PORTAL);
    // Assess
    const thai = mail.text.indexOf('มีรายงานรอการพิจารณา');
    const english = mail.text.indexOf('A report is waiting for your decision');
    expect(thai).toBe(0);
    expect(english).toBeGreaterThan(thai);
    expect(mail.subject.indexOf('มีรายงานรอการพิจารณา')).toBe(0);
    expect(mail.subject).toContain('/ A report is waiting for your decision');
    expect(mail.to).toBe(TO);
  });

  it('names the agency, the round, the plan item with its version and the division', () => {
    // Act
    const { text, subject } = noticeMail(TO, requested, ROUND, PORTAL);
    // Assess
    expect(subject).toContain('แผนงานลำดับที่ ๒');
    expect(subject).toContain(ROUND.agency.nameTh);
    expect(text).toContain(`หน่วยงาน: ${ROUND.agency.nameTh}`);
    expect(text).toContain(`Agency: ${ROUND.agency.nameEn}`);
    expect(text).toContain('รอบรายงาน: ประจำปีงบประมาณ พ.ศ. ๒๕๖๖');
    expect(text).toContain('Round: fiscal year 2566 BE');
    expect(text).toContain(`แผนงานลำดับที่ ๒ ${ROUND.items[1]?.title} (ฉบับที่ ๓)`);
    expect(text).toContain(`Plan item 2: ${ROUND.items[1]?.title} (version 3)`);
    expect(text).toContain('หน่วยงานที่รับผิดชอบ: กองนวัตกรรมบริการภาครัฐ');
  });

  it('says who waits for whom since when, in Bangkok time in Thai and UTC in English', () => {
    // Act
    const { text } = noticeMail(TO, requested, ROUND, PORTAL);
    // Assess
    expect(text).toContain('รอการพิจารณาของผู้อำนวยการกอง ตั้งแต่ ๒๐ เมษายน ๒๕๖๖');
    expect(text).toMatch(/ตั้งแต่ .*๐๙:๓๐ น\./);
    expect(text).toContain('Waiting for the division director since 2023-04-20 02:30 UTC');
  });

  it('links to the approval in the portal, in the text and in the HTML', () => {
    // Act
    const mail = noticeMail(TO, requested, ROUND, PORTAL);
    // Assess
    const link = `https://portal.agency.test/#/approver/${encodeURIComponent(requested.approvalId ?? '')}`;
    expect(noticeLink(PORTAL, requested)).toBe(link);
    expect(mail.text).toContain(`Open in the portal: ${link}`);
    expect(mail.html).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
    expect(mail.html).toMatch(/^<!doctype html><html lang="th">/);
  });

  it("carries a return's comment, escaped in the HTML", () => {
    // Prepare
    const returned: Notice = {
      kind: 'returned',
      agencyId: 'opdc',
      roundId: '2566-h1',
      itemNo: 4,
      version: 1,
      groups: ['opdc:division:division-placeholder-04'],
      comment: 'กรุณาระบุจำนวนครั้ง <b>ทุกครั้ง</b>',
      sentAt: '2023-04-21T03:00:00.000Z',
    };
    // Act
    const mail = noticeMail('staff-4@people.example', returned, ROUND, PORTAL);
    // Assess
    expect(mail.text).toContain('ความเห็น: กรุณาระบุจำนวนครั้ง <b>ทุกครั้ง</b>');
    expect(mail.text).toContain('Comment: กรุณาระบุจำนวนครั้ง');
    expect(mail.html).toContain('&lt;b&gt;ทุกครั้ง&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>');
    expect(mail.text).toContain('https://portal.agency.test/#/division/opdc/2566-h1/4');
  });

  it('sends an escalation to the round overview and a sign-off request without an item', () => {
    // Prepare
    const escalated: Notice = { ...requested, kind: 'approval-escalated' };
    const signOff: Notice = {
      kind: 'approval-requested',
      agencyId: 'opdc',
      roundId: '2566-h1',
      role: 'agency-head',
      groups: ['opdc:agency-head'],
      approvalId: 'opdc#2566-h1#signoff',
      waitingSince: '2023-04-25T01:00:00.000Z',
      sentAt: '2023-04-25T01:00:00.000Z',
    };
    // Act
    const escalation = noticeMail('c@people.example', escalated, ROUND, PORTAL);
    const head = noticeMail('head@people.example', signOff, ROUND, PORTAL);
    // Assess
    expect(escalation.text).toContain('https://portal.agency.test/#/coordinator/opdc/2566-h1');
    expect(head.text).toContain('เรื่อง: การลงนามรับรองรายงานทั้งฉบับ');
    expect(head.text).toContain('About: the sign-off of the whole report');
    expect(head.text).toContain('รอการพิจารณาของหัวหน้าส่วนราชการ');
  });

  it('prints the ids it has when the round cannot be read, inventing nothing', () => {
    // Act
    const { text } = noticeMail(TO, requested, undefined, PORTAL);
    // Assess
    expect(text).toContain('หน่วยงาน: opdc');
    expect(text).toContain('รอบรายงาน: 2566-h1');
    expect(text).toContain('แผนงานลำดับที่ ๒ (ฉบับที่ ๓)');
    expect(text).not.toContain('หน่วยงานที่รับผิดชอบ');
  });
});
