import { readableAs, recordNode } from './builder.js';
import { BoardChangeKind } from './enums.js';

export const BoardTermRef = recordNode('BoardTerm', {
  authScopes: readableAs('BoardTerm'),
  description: 'Nhiệm kỳ Ban quản trị / A term of a management board, with its recognition decision.',
  id: { field: 'id' },
  fields: (t) => ({
    board: t.relation('board'),
    termNumber: t.exposeInt('termNumber'),
    electedOn: t.expose('electedOn', { type: 'Date' }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    recognitionFiledOn: t.expose('recognitionFiledOn', { type: 'Date', nullable: true }),
    recognitionDecisionNumber: t.exposeString('recognitionDecisionNumber', {
      nullable: true,
      description: 'Số quyết định công nhận / Recognition decision number.',
    }),
    recognitionDecidedOn: t.expose('recognitionDecidedOn', { type: 'Date', nullable: true }),
    recognitionIssuer: t.relation('recognitionIssuer', { nullable: true }),
    version: t.exposeInt('version'),
  }),
});

export const BoardChangeRef = recordNode('BoardChange', {
  authScopes: readableAs('BoardChange'),
  description: 'Thành lập mới hoặc rà soát, kiện toàn / A board established for the first time, or reviewed and consolidated.',
  id: { field: 'id' },
  fields: (t) => ({
    board: t.relation('board'),
    kind: t.expose('kind', { type: BoardChangeKind }),
    on: t.expose('on', { type: 'Date' }),
    decisionNumber: t.exposeString('decisionNumber', { nullable: true }),
    directive: t.relation('directive', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    version: t.exposeInt('version'),
  }),
});
