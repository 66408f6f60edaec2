import { describe, expect, it } from 'vitest';
import { longBienMini, REVIEW_TO } from '../report/test-support/long-bien-mini.js';
import { StateBuilder } from '../testing/state-builder.js';
import {
  PoliticalSystemIndex,
  partyMembersOfResidentialGroupsOn,
  personProfileOn,
  politicalSystemIndex,
  politicalSystemPeopleOn,
  politicalSystemPostHoldersOn,
  residenceContactMembersOn,
} from './political-system.js';

const sorted = (s: Set<string>): string[] => [...s].sort();

describe('personProfileOn', () => {
  const state = longBienMini().state;

  it('a party member who is also group head is both, with the records that make it so', () => {
    const p = personProfileOn(state, 'p1', REVIEW_TO);
    expect(p).toMatchObject({ personId: 'p1', partyMember: true, postHolder: true, residenceContact: false });
    expect(p.basis.partyMembershipIds).toHaveLength(1);
    expect(p.basis.postMembershipIds).toHaveLength(1);
    const post = state.memberships.find((m) => m.id === p.basis.postMembershipIds[0]);
    expect(post?.organizationId).toBe('l1');
  });

  it('a party member of a workplace cell is not a party member of a residential group; a 213 contact is', () => {
    expect(personProfileOn(state, 'p4', REVIEW_TO)).toMatchObject({ partyMember: false, postHolder: false, residenceContact: true });
  });

  it('plain membership of a cell is not a post; the secretary role is', () => {
    expect(personProfileOn(state, 'p5', REVIEW_TO).postHolder).toBe(false);
    expect(personProfileOn(state, 'p8', REVIEW_TO)).toMatchObject({ partyMember: true, postHolder: true });
  });

  it('a probationary member counts as a party member', () => {
    expect(personProfileOn(state, 'p8', REVIEW_TO).partyMember).toBe(true);
  });

  it('reads the date: an ended party membership counts before its end only', () => {
    expect(personProfileOn(state, 'p6', '2021-12-31').partyMember).toBe(true);
    expect(personProfileOn(state, 'p6', '2022-01-01').partyMember).toBe(false);
  });

  it('a cell that stops serving its group stops making its members party members of a group', () => {
    const s = longBienMini();
    for (const a of s.state.organizationAreas) if (a.organizationId === 'c1') a.validTo = '2022-06-01';
    expect(personProfileOn(s.state, 'p1', '2022-05-31').partyMember).toBe(true);
    const after = personProfileOn(s.state, 'p1', REVIEW_TO);
    expect(after.partyMember).toBe(false);
    expect(after.postHolder).toBe(true); // still group head
  });

  it('a post in a body that serves no residential group is not a political-system post', () => {
    const s = new StateBuilder()
      .unit('w', 'WARD', 'Phường A', null)
      .org('front-ward', 'FRONT_WORK_COMMITTEE', 'Mặt trận phường', { serves: ['w'] })
      .person('a', 'Người A')
      .member('a', 'front-ward', 'HEAD');
    expect(personProfileOn(s.state, 'a', '2022-01-01').postHolder).toBe(false);
  });

  it('an unknown person has an empty profile', () => {
    expect(personProfileOn(state, 'nobody', REVIEW_TO)).toMatchObject({ partyMember: false, postHolder: false, residenceContact: false });
  });
});

describe('set builders', () => {
  const state = longBienMini().state;

  it('list distinct people, one per person whatever their number of records', () => {
    expect(sorted(partyMembersOfResidentialGroupsOn(state, REVIEW_TO))).toEqual(['p1', 'p2', 'p7', 'p8', 'p9', 'px']);
    expect(sorted(politicalSystemPostHoldersOn(state, REVIEW_TO))).toEqual(['p1', 'p3', 'p7', 'p8']);
    expect(sorted(residenceContactMembersOn(state, REVIEW_TO))).toEqual(['p10', 'p4']);
    expect(sorted(politicalSystemPeopleOn(state, REVIEW_TO))).toEqual(['p1', 'p2', 'p3', 'p7', 'p8', 'p9', 'px']);
  });

  it('count official members of a cell (probationary and ended ones excluded)', () => {
    const idx = politicalSystemIndex(state);
    expect(sorted(idx.officialMembersOfCellOn('c1', REVIEW_TO))).toEqual(['p1']);
    expect(sorted(idx.officialMembersOfCellOn('c1', '2021-06-01'))).toEqual(['p1', 'p6']);
    expect(sorted(idx.cellMembersOn('c1', REVIEW_TO))).toEqual(['p1', 'p8']);
  });

  it('the index agrees with the one-off function for every person', () => {
    const idx = new PoliticalSystemIndex(state);
    for (const p of state.people) expect(idx.profileOn(p.id, REVIEW_TO)).toEqual(personProfileOn(state, p.id, REVIEW_TO));
  });

  it('profiles 30 000 people with several records each, every one right', () => {
    const s = new StateBuilder().unit('w', 'WARD', 'Phường A', null);
    const groups = 300;
    for (let g = 0; g < groups; g++) {
      s.unit(`g${g}`, 'RESIDENTIAL_GROUP', `Tổ ${g}`, 'w')
        .org(`c${g}`, 'PARTY_CELL', `Chi bộ ${g}`, { serves: [`g${g}`] })
        .org(`f${g}`, 'FRONT_WORK_COMMITTEE', `Mặt trận ${g}`, { serves: [`g${g}`] });
    }
    for (let i = 0; i < 30_000; i++) {
      const g = i % groups;
      s.person(`p${i}`, `Người ${i}`).party(`p${i}`, `c${g}`, 'OFFICIAL');
      if (i % 3 === 0) s.member(`p${i}`, `f${g}`, 'MEMBER');
    }
    const idx = politicalSystemIndex(s.state);
    let both = 0;
    for (const p of s.state.people) {
      const profile = idx.profileOn(p.id, '2022-01-01');
      if (profile.partyMember && profile.postHolder) both += 1;
    }
    expect(both).toBe(10_000);
    expect(idx.politicalSystemPeopleOn('2022-01-01').size).toBe(30_000);
  });
});
