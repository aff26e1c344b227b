/**
 * The IAM evaluator asks the simulator once per class of alike questions
 * (local/iam/verdict-key.ts). These tests pin which questions are alike, and
 * that sharing an answer never changes one: every question of a varied set
 * gets from a shared evaluator exactly the verdict a fresh evaluator (which
 * has seen no other question) gives it.
 */

import { describe, expect, it } from 'vitest';
import type { IamCheck } from '../../local/iam/aws-request.js';
import { createIamEvaluator } from '../../local/iam/iam-evaluator.js';
import type { PolicyDocument, TemplatePolicies } from '../../local/iam/template-policies.js';
import { verdictKeys } from '../../local/iam/verdict-key.js';

const ACCOUNT = '000000000000';
const TABLE = `arn:aws:dynamodb:ap-southeast-1:${ACCOUNT}:table/acm`;

const intakePolicy: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: 'arn:aws:s3:::incoming/incoming/*',
    },
    {
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
      Resource: TABLE,
      Condition: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ROUND#*', 'UPLOAD#opdc#*'] },
      },
    },
    {
      Effect: 'Deny',
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::incoming/incoming/locked/*',
    },
  ],
};

const role = {
  roleLogicalId: 'IntakeRole',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/IntakeRole`,
  policies: [{ name: 'intake', policy: intakePolicy }],
  managedPolicyArns: [],
};

const policies: TemplatePolicies = {
  roles: new Map([[role.roleLogicalId, role]]),
  resourcePolicies: new Map(),
  unresolved: [],
};

const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/IntakeRole/intake`;
const object = (key: string, action = 's3:GetObject'): IamCheck => ({
  action,
  resource: `arn:aws:s3:::incoming/${key}`,
  context: {},
});
const item = (action: string, ...keys: string[]): IamCheck => ({
  action,
  resource: TABLE,
  context: { 'dynamodb:LeadingKeys': keys },
});

describe('which IAM questions are alike', () => {
  const keyOf = verdictKeys();
  const key = (check: IamCheck, docs: PolicyDocument[] = [intakePolicy]) =>
    keyOf('IntakeRole', docs, check);

  it('takes two uploads under the same granted prefix, with ids and numbers of their own, as one question', () => {
    expect(key(object('incoming/opdc/2567-h1/1/4b0c1f2e-8d1a-4c1e-9f0a-1b2c3d4e5f60.json'))).toBe(
      key(object('incoming/opdc/2568-h2/12/9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b.json')),
    );
  });

  it('tells apart an object outside the grant, one under the denied prefix, and another action', () => {
    const granted = key(object('incoming/opdc/1/a.json', 's3:PutObject'));
    expect(key(object('published/opdc/1/a.json', 's3:PutObject'))).not.toBe(granted);
    expect(key(object('incoming/locked/1/a.json', 's3:PutObject'))).not.toBe(granted);
    expect(key(object('incoming/opdc/1/a.json', 's3:GetObject'))).not.toBe(granted);
  });

  it('reads partition keys as a set, and tells a key outside the pattern apart', () => {
    const one = key(item('dynamodb:GetItem', 'ROUND#opdc#2567-h1', 'ROUND#opdc#2567-h1'));
    expect(key(item('dynamodb:GetItem', 'ROUND#opdc#2568-fy'))).toBe(one);
    expect(key(item('dynamodb:GetItem', 'UPLOAD#opdc#x', 'ROUND#opdc#1'))).toBe(
      key(item('dynamodb:GetItem', 'ROUND#opdc#2', 'UPLOAD#opdc#y')),
    );
    expect(key(item('dynamodb:GetItem', 'ROUND#opdc#1', 'PEOPLE#opdc'))).not.toBe(one);
  });

  it('falls back to the exact question where a policy has a variable or a numeric condition', () => {
    const variable: PolicyDocument = {
      Statement: [
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' },
      ],
    };
    const numeric: PolicyDocument = {
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { NumericLessThan: { 's3:max-keys': '10' } },
        },
      ],
    };
    for (const docs of [[variable], [numeric]]) {
      expect(key(object('u/1/a.json'), docs)).not.toBe(key(object('u/2/a.json'), docs));
    }
  });
});

describe('sharing an answer never changes it', () => {
  const questions: IamCheck[] = [
    object('incoming/opdc/2567-h1/1/4b0c1f2e-8d1a-4c1e-9f0a-1b2c3d4e5f60.json'),
    object('incoming/opdc/2568-fy/7/9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b.docx', 's3:PutObject'),
    object('incoming/locked/1/a.json', 's3:PutObject'),
    object('incoming/locked/2/b.json', 's3:GetObject'),
    object('published/opdc/2567-h1/report.pdf'),
    object('incoming', 's3:GetObject'),
    item('dynamodb:GetItem', 'ROUND#opdc#2567-h1'),
    item('dynamodb:PutItem', 'UPLOAD#opdc#3f2a', 'ROUND#opdc#2567-h1'),
    item('dynamodb:PutItem', 'UPLOAD#other#3f2a'),
    item('dynamodb:GetItem', 'PEOPLE#opdc'),
    item('dynamodb:Query', 'ROUND#opdc#2567-h1'),
    { action: 'dynamodb:GetItem', resource: `${TABLE}/index/gsi1`, context: {} },
  ];

  it('gives each question, after all the others, the verdict it gets alone', async () => {
    const shared = createIamEvaluator(policies, ACCOUNT);
    const twice = [...questions, ...questions.map((q) => ({ ...q }))];
    const sharedVerdicts = [];
    for (const question of twice)
      sharedVerdicts.push(await shared.evaluate(role, SESSION, question));
    const alone = [];
    for (const question of twice) {
      alone.push(await createIamEvaluator(policies, ACCOUNT).evaluate(role, SESSION, question));
    }
    expect(sharedVerdicts).toEqual(alone);
    // The set holds both answers, and a denial names its own request.
    const decisions = new Set(sharedVerdicts.map((v) => v.decision));
    expect(decisions).toEqual(new Set(['allowed', 'denied']));
    const locked = sharedVerdicts[2];
    expect(locked).toMatchObject({ decision: 'denied' });
    expect(locked?.decision === 'denied' && locked.message).toContain('incoming/locked/1/a.json');
  });
});
