// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AudienceCount, AudienceDetails, RuleNode } from '../../../src-shared/audience';
import {
  APPROVED,
  audience,
  audienceHandlers,
  countFor,
  DETAILS,
  SUBMITTED_WITH_WARNINGS,
  version,
} from './audience-data';
import { MockError } from './mock-api';
import { deferred, renderApp, resetApp } from './render-app';

afterEach(resetApp);

const figure = (testId: string) => screen.getByTestId(testId).textContent;

async function openNewAudience() {
  await userEvent.click(await screen.findByRole('button', { name: 'New audience' }));
  return screen.findByRole('group', { name: 'Whole rule' });
}

describe('Audiences list', () => {
  it('lists each audience with its newest version, status and approval', async () => {
    const list = [
      audience([APPROVED]),
      { ...audience([version({ id: 12, version: 2 }), APPROVED]), id: 4, name: 'Savers' },
    ];
    renderApp(audienceHandlers({ 'audience:list': () => list }), '#/audiences');
    const table = await screen.findByRole('table', { name: 'Saved audiences' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['Payroll, 30 to 55', 'Version 1', 'Approved', 'Approved by Carol Reyes on Nov 20, 2026', 'HELOC'],
      ['Savers', 'Version 2', 'Draft', 'Approved by Carol Reyes on Nov 20, 2026 (version 1)', 'HELOC'],
    ]);
    expect(screen.getByRole('link', { name: 'Audiences' }).getAttribute('aria-current')).toBe('page');
    expect(screen.queryByText('Not built yet in this version.')).toBeNull();
  });
});

describe('Audience builder', () => {
  it('sends the rule built with the controls to audience:count, and shows the counts and waterfall', async () => {
    const api = renderApp(audienceHandlers(), '#/audiences');
    const rule = await openNewAudience();
    // An empty "All of" selects everyone, and is counted as such.
    await waitFor(() => expect(figure('audience-customers')).toBe('1,970'));
    expect(api.inputs('audience:count').at(-1)?.rule).toEqual({ all: [] });

    await userEvent.click(within(rule).getByRole('button', { name: 'Add condition' }));
    await userEvent.selectOptions(screen.getByLabelText('Field 1'), 'balance:deposits');
    await userEvent.selectOptions(screen.getByLabelText('Operator 1'), '>=');
    await userEvent.type(screen.getByLabelText('Value 1'), '$25,000');

    await userEvent.click(within(rule).getByRole('button', { name: 'Add group' }));
    const group = screen.getByRole('group', { name: 'Group 2' });
    await userEvent.selectOptions(within(group).getByLabelText('Field 2.1'), 'state');
    await userEvent.selectOptions(within(group).getByLabelText('Operator 2.1'), 'in');
    await userEvent.type(within(group).getByLabelText('Values 2.1'), 'ne, KS');
    await userEvent.click(within(group).getByRole('button', { name: 'Add condition to group 2' }));
    await userEvent.selectOptions(within(group).getByLabelText('Field 2.2'), 'age');
    await userEvent.selectOptions(within(group).getByLabelText('Operator 2.2'), 'between');
    await userEvent.type(within(group).getByLabelText('From 2.2'), '30');
    await userEvent.type(within(group).getByLabelText('To 2.2'), '55');
    await userEvent.click(within(group).getByLabelText('Not of group 2'));

    await userEvent.click(within(rule).getByRole('button', { name: 'Add condition' }));
    await userEvent.selectOptions(screen.getByLabelText('Field 3'), 'has:mortgage');
    await userEvent.selectOptions(screen.getByLabelText('Value 3'), 'false');

    await userEvent.selectOptions(screen.getByLabelText('Product offered'), 'HELOC');
    await userEvent.click(screen.getByRole('switch', { name: /Deceased/ }));

    const expected: { rule: RuleNode; product_code: string; suppressions_off: string[] } = {
      rule: {
        all: [
          { field: 'balance:deposits', op: '>=', value: 25000 },
          {
            not: {
              any: [
                { field: 'state', op: 'in', value: ['ne', 'KS'] },
                { field: 'age', op: 'between', value: [30, 55] },
              ],
            },
          },
          { field: 'has:mortgage', op: '=', value: false },
        ],
      },
      product_code: 'HELOC',
      suppressions_off: ['deceased'],
    };
    await waitFor(() => expect(api.inputs('audience:count').at(-1)).toMatchObject(expected));
    expect(api.inputs('audience:details').at(-1)).toMatchObject(expected);
    // The figures follow the answer for the whole rule (four conditions: 1,570 customers, 1,370 letters).
    await waitFor(() => expect(figure('audience-customers')).toBe('1,570'));
    expect(figure('audience-households')).toBe('1,370');
    const steps = within(screen.getByRole('table', { name: 'Waterfall' })).getAllByTestId('waterfall-step');
    expect(steps.map((s) => s.getAttribute('data-step'))).toEqual(['eligible', 'do-not-mail', 'deceased', 'household']);
    // "$25,000" was typed key by key, but counted only once the typing paused: never 2, 25, 250…
    const deposits = api
      .inputs('audience:count')
      .flatMap((i) => [...JSON.stringify(i.rule).matchAll(/"balance:deposits","op":">=","value":(\d+)/g)])
      .map((m) => Number(m[1]));
    expect(new Set(deposits)).toEqual(new Set([25000]));
    expect(screen.getByRole('table', { name: 'Customers by branch' }).textContent).toContain('MAIN');
    expect(screen.getByRole('table', { name: 'Customers by product family' }).textContent).toContain('Checking');
  });

  it('holds the count while a condition is unfinished and says what is wrong beside it', async () => {
    const api = renderApp(audienceHandlers(), '#/audiences');
    const rule = await openNewAudience();
    await waitFor(() => expect(api.inputs('audience:count')).toHaveLength(1));
    await userEvent.click(within(rule).getByRole('button', { name: 'Add condition' }));
    await userEvent.type(screen.getByLabelText('Value 1'), 'forty');
    expect(screen.getByText('“forty” is not a number.')).toBeTruthy();
    expect(screen.getByLabelText('Value 1').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('button', { name: 'Save audience' })).toHaveProperty('disabled', true);
    await new Promise((r) => setTimeout(r, 400));
    expect(api.inputs('audience:count')).toHaveLength(1);
  });

  it('shows the main process’s rule error next to the builder', async () => {
    renderApp(
      audienceHandlers({
        'audience:count': (input) => {
          if (JSON.stringify(input.rule).includes('"state"'))
            throw new MockError('invalid_input', 'rule.all[0]: state takes a text, not 5');
          return countFor(input.rule);
        },
      }),
      '#/audiences',
    );
    const rule = await openNewAudience();
    await userEvent.click(within(rule).getByRole('button', { name: 'Add condition' }));
    await userEvent.selectOptions(screen.getByLabelText('Field 1'), 'state');
    await userEvent.type(screen.getByLabelText('Value 1'), 'NE');
    expect((await screen.findByTestId('audience-rule-error')).textContent).toBe(
      'rule.all[0]: state takes a text, not 5',
    );
  });

  it('keeps the newest rule’s count when an older, slower answer arrives last', async () => {
    const slow = deferred<AudienceCount>();
    let calls = 0;
    renderApp(
      audienceHandlers({
        'audience:count': (input) => {
          calls++;
          return calls === 2 ? slow.promise : countFor(input.rule);
        },
      }),
      '#/audiences',
    );
    const rule = await openNewAudience();
    await waitFor(() => expect(figure('audience-customers')).toBe('1,970'));
    // Second request (one condition) hangs; the third (two conditions) answers at once.
    await userEvent.click(within(rule).getByRole('button', { name: 'Add condition' }));
    await userEvent.selectOptions(screen.getByLabelText('Field 1'), 'has:mortgage');
    await waitFor(() => expect(calls).toBe(2));
    await userEvent.click(within(rule).getByRole('button', { name: 'Add condition' }));
    await userEvent.selectOptions(screen.getByLabelText('Field 2'), 'has:mortgage');
    await waitFor(() => expect(figure('audience-customers')).toBe('1,770'));
    slow.resolve({ customers: 123456, households: 1, waterfall: [] });
    await new Promise((r) => setTimeout(r, 50));
    expect(figure('audience-customers')).toBe('1,770');
  });

  it('marks the sample as outdated while the new rule’s details are on their way, the counts being already new', async () => {
    const slow = deferred<AudienceDetails>();
    let calls = 0;
    renderApp(
      audienceHandlers({
        'audience:details': () => {
          calls++;
          return calls === 2 ? slow.promise : DETAILS;
        },
      }),
      '#/audiences',
    );
    const rule = await openNewAudience();
    const details = await screen.findByTestId('audience-details');
    await waitFor(() => expect(details.getAttribute('aria-busy')).toBe('false'));
    await userEvent.click(within(rule).getByRole('button', { name: 'Add condition' }));
    await userEvent.selectOptions(screen.getByLabelText('Field 1'), 'has:mortgage');
    await waitFor(() => expect(figure('audience-customers')).toBe('1,870'));
    expect(screen.getByTestId('audience-counts').getAttribute('aria-busy')).toBe('false');
    expect(screen.getByTestId('audience-details').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByTestId('audience-details').className).toContain('outdated');
    slow.resolve(DETAILS);
    await waitFor(() => expect(screen.getByTestId('audience-details').getAttribute('aria-busy')).toBe('false'));
  });

  it('creates the audience with its name and draft', async () => {
    const saved = audience([version({ rule: { all: [] }, product_code: null })]);
    const api = renderApp(
      audienceHandlers({ 'audience:create': () => saved, 'audience:get': () => saved }),
      '#/audiences',
    );
    await openNewAudience();
    await userEvent.type(screen.getByLabelText('Audience name'), 'Everyone');
    await userEvent.click(screen.getByRole('button', { name: 'Save audience' }));
    expect((await screen.findByTestId('audience-notice')).textContent).toBe('Saved as version 1, a draft.');
    expect(api.inputs('audience:create')).toEqual([
      { name: 'Everyone', draft: { rule: { all: [] }, product_code: null, suppressions_off: [] } },
    ]);
    expect(screen.getByTestId('audience-status').textContent).toBe('Version 1 · Draft');
    expect(screen.getByRole('button', { name: 'Submit for approval' })).toHaveProperty('disabled', false);
  });
});

describe('Audience governance', () => {
  it('renders an approved version locked, and Edit as new version saves the next draft', async () => {
    let current = audience([APPROVED]);
    const next = version({ id: 12, version: 2 });
    const api = renderApp(
      audienceHandlers({
        'audience:list': () => [current],
        'audience:get': () => current,
        'audience:save': () => {
          current = audience([next, APPROVED]);
          return next;
        },
      }),
      '#/audiences',
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Payroll, 30 to 55' }));
    const locked = await screen.findByTestId('audience-locked');
    expect(locked.textContent).toContain('Approved by Carol Reyes on Nov 20, 2026 — locked.');
    expect(locked.textContent).toContain('Q1 HELOC push');
    expect(screen.getByTestId('audience-status').textContent).toBe('Version 1 · Approved');

    // The saved rule is shown, every control disabled, and nothing to add or remove.
    expect(screen.getByLabelText('Field 1')).toHaveProperty('value', 'kli:payroll-dd');
    expect(screen.getByLabelText('From 2')).toHaveProperty('value', '30');
    for (const control of [
      screen.getByLabelText('Field 1'),
      screen.getByLabelText('Operator 2'),
      screen.getByLabelText('From 2'),
      screen.getByLabelText('Product offered'),
      screen.getByRole('switch', { name: /Do not mail/ }),
    ])
      expect((control as HTMLInputElement).matches(':disabled')).toBe(true);
    const rule = screen.getByRole('group', { name: 'Whole rule' });
    expect(within(rule).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Save/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit for approval' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Retire…' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Edit as new version' }));
    expect((await screen.findByTestId('audience-notice')).textContent).toContain('Version 2 started as a draft');
    expect(api.inputs('audience:save')).toEqual([
      { id: 3, draft: { rule: APPROVED.rule, product_code: 'HELOC', suppressions_off: [] } },
    ]);
    expect(screen.queryByTestId('audience-locked')).toBeNull();
    expect(screen.getByTestId('audience-status').textContent).toBe('Version 2 · Draft');
    expect(screen.getByLabelText('Field 1').matches(':disabled')).toBe(false);
    expect(screen.getAllByTestId('audience-version-row')).toHaveLength(2);
  });

  it('the approve dialog lists the fair-lending warnings and requires the acknowledgement', async () => {
    let current = audience([SUBMITTED_WITH_WARNINGS]);
    const api = renderApp(
      audienceHandlers({
        'audience:list': () => [current],
        'audience:get': () => current,
        'audience:approve': (input) => {
          const approved = {
            ...SUBMITTED_WITH_WARNINGS,
            status: 'approved' as const,
            approved_by: input.approver,
            approved_at: '2026-11-23T15:00:00.000Z',
            approval_comment: input.comment,
            fair_lending_ack_by: input.approver,
          };
          current = audience([approved]);
          return approved;
        },
      }),
      '#/audiences',
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Payroll, 30 to 55' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Approve…' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve version 1' });
    expect(within(dialog).getByTestId('fair-lending-warnings').textContent).toContain(
      'rule.all[1] (age): Selects on age for a credit offer',
    );
    const approve = within(dialog).getByRole('button', { name: 'Approve' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Approver’s name'));
    await userEvent.type(within(dialog).getByLabelText('Approver’s name'), 'Carol Reyes');
    await userEvent.type(within(dialog).getByLabelText('Comment'), 'Reviewed with compliance');
    // A name is not enough while the warnings are unacknowledged.
    expect(approve).toHaveProperty('disabled', true);
    await userEvent.click(within(dialog).getByLabelText('Approver’s name'));
    await userEvent.keyboard('{Enter}');
    expect(api.inputs('audience:approve')).toHaveLength(0);
    await userEvent.click(within(dialog).getByLabelText(/I have reviewed these warnings/));
    expect(approve).toHaveProperty('disabled', false);
    await userEvent.click(approve);

    expect((await screen.findByTestId('audience-locked')).textContent).toContain(
      'Approved by Carol Reyes on Nov 23, 2026 — locked.',
    );
    expect(api.inputs('audience:approve')).toEqual([
      { version_id: 11, approver: 'Carol Reyes', comment: 'Reviewed with compliance', acknowledge_fair_lending: true },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('table', { name: 'Version history' }).textContent).toContain(
      'age (acknowledged by Carol Reyes)',
    );
  });

  it('Return asks for a reason and sends the version back to draft', async () => {
    let current = audience([
      version({ status: 'submitted', submitted_by: 'maria', submitted_at: APPROVED.submitted_at }),
    ]);
    const api = renderApp(
      audienceHandlers({
        'audience:list': () => [current],
        'audience:get': () => current,
        'audience:return': () => {
          current = audience([version()]);
          return version();
        },
      }),
      '#/audiences',
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Payroll, 30 to 55' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Return to draft…' }));
    const dialog = screen.getByRole('dialog', { name: 'Return version 1 to draft' });
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Drop the age condition');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Return to draft' }));
    expect((await screen.findByTestId('audience-notice')).textContent).toBe('Version 1 returned to draft.');
    expect(api.inputs('audience:return')).toEqual([{ version_id: 11, reason: 'Drop the age condition' }]);
    expect(screen.getByTestId('audience-status').textContent).toBe('Version 1 · Draft');
  });

  it('explains a customer: each condition with their value, the suppression that removed them', async () => {
    const api = renderApp(
      audienceHandlers({ 'audience:list': () => [audience([APPROVED])], 'audience:get': () => audience([APPROVED]) }),
      '#/audiences',
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Payroll, 30 to 55' }));
    await userEvent.type(await screen.findByLabelText('Customer number'), '0001041');
    await userEvent.click(screen.getByRole('button', { name: 'Explain' }));
    const explanation = await screen.findByTestId('explanation');
    expect(screen.getByTestId('explain-verdict').textContent).toBe(
      '0001041: The rule selects them, but “Do not mail” removes them: no letter.',
    );
    const nodes = within(explanation).getAllByTestId('explain-node');
    expect(nodes[2]?.textContent).toContain('Age between 30 and 55 (their value: 42)');
    expect(nodes[1]?.textContent).toContain('holds:');
    expect(within(explanation).getByRole('table', { name: 'Suppressions for this customer' }).textContent).toContain(
      'Removes them',
    );
    expect(api.inputs('audience:explain').at(-1)).toMatchObject({
      customer: '0001041',
      rule: APPROVED.rule,
      product_code: 'HELOC',
    });
  });
});
