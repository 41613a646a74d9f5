// @vitest-environment happy-dom
import { act, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo, JobInfo } from '../../../src-shared/domain';
import { deferred, renderApp, resetApp } from './render-app';
import { APP_INFO } from './sample-data';

afterEach(resetApp);

const JOB: JobInfo = { id: 'job-1', kind: 'demo:build', state: 'running', step: 'Starting', current: 0, total: 1 };
const BUILDING: AppInfo = { ...APP_INFO, db_path: null, blocking_job: JOB };

describe('first launch: building the demo bank', () => {
  it('shows step, count and percentage from job:progress events', async () => {
    const api = renderApp({ 'app:info': () => BUILDING, 'jobs:get': () => JOB });
    expect(await screen.findByRole('heading', { name: 'Building the demo bank…' })).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Demo bank build' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    // Nothing else loads while the database does not exist yet.
    expect(screen.queryByRole('navigation')).toBeNull();
    // The screen listens from the same effect that asks jobs:get: once asked, it hears events.
    await waitFor(() => expect(api.inputs('jobs:get')).toHaveLength(1));

    act(() =>
      api.emit('job:progress', { ...JOB, step: 'Loading transactions.csv (4 of 5)', current: 640, total: 1000 }),
    );
    expect(bar.getAttribute('aria-valuenow')).toBe('64');
    expect(bar.getAttribute('aria-valuetext')).toBe('Loading transactions.csv (4 of 5): 64%');
    expect(screen.getByTestId('build-step').textContent).toBe('Loading transactions.csv (4 of 5)');
    expect(screen.getByTestId('build-count').textContent).toBe('640 of 1,000 · 64%');

    // Another job's progress is not this one's.
    act(() => api.emit('job:progress', { ...JOB, id: 'job-2', current: 10, total: 1000 }));
    expect(bar.getAttribute('aria-valuenow')).toBe('64');
  });

  it('Cancel calls jobs:cancel with the job id, and a cancelled build can be started again', async () => {
    let info = BUILDING;
    const api = renderApp({
      'app:info': () => info,
      'jobs:get': () => JOB,
      'jobs:cancel': () => ({ cancelled: true }),
      'demo:rebuild': () => {
        info = { ...BUILDING, blocking_job: { ...JOB, id: 'job-2' } };
        return { ...JOB, id: 'job-2' };
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(api.inputs('jobs:cancel')).toEqual([{ id: 'job-1' }]);
    expect(screen.getByRole('button', { name: 'Cancelling…' })).toHaveProperty('disabled', true);

    info = { ...BUILDING, blocking_job: { ...JOB, state: 'cancelled', step: 'Cancelled' } };
    act(() => api.emit('job:progress', { ...JOB, state: 'cancelled', step: 'Cancelled' }));
    expect(await screen.findByRole('heading', { name: 'The demo bank build was cancelled' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Cancel/ })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Build the demo bank again' }));
    expect(api.inputs('demo:rebuild')).toEqual([{}]);
    expect(await screen.findByRole('heading', { name: 'Building the demo bank…' })).toBeTruthy();
    expect(api.inputs('jobs:get').at(-1)).toEqual({ id: 'job-2' });
  });

  it('a failed build shows the error and what to do', async () => {
    const api = renderApp({ 'app:info': () => BUILDING, 'jobs:get': () => JOB });
    await screen.findByRole('progressbar');
    await waitFor(() => expect(api.inputs('jobs:get')).toHaveLength(1));
    act(() => api.emit('job:progress', { ...JOB, state: 'failed', error: 'SQLITE_FULL: database or disk is full' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('SQLITE_FULL: database or disk is full');
    expect(alert.textContent).toContain('free space');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The demo bank could not be built');
    expect(screen.getByRole('button', { name: 'Build the demo bank again' })).toBeTruthy();
  });

  it('opens the workspace when the job is done', async () => {
    let info = BUILDING;
    const api = renderApp({ 'app:info': () => info, 'jobs:get': () => JOB });
    await screen.findByRole('progressbar');
    info = APP_INFO;
    act(() => api.emit('job:progress', { ...JOB, state: 'done', step: 'Done', current: 1, total: 1 }));
    expect((await screen.findByTestId('stat-customers')).textContent).toBe('25,000');
    expect(within(screen.getByRole('navigation', { name: 'Pipeline' })).getByText('demo-bank.sqlite')).toBeTruthy();
  });

  it('catches up with a job that ended before the screen subscribed', async () => {
    let info = BUILDING;
    const late = deferred<JobInfo | null>();
    renderApp({ 'app:info': () => info, 'jobs:get': () => late.promise });
    await screen.findByRole('progressbar');
    // No event ever comes (it was sent before the event stream connected); jobs:get says done.
    info = APP_INFO;
    await act(async () => late.resolve({ ...JOB, state: 'done', step: 'Done' }));
    expect((await screen.findByTestId('stat-customers')).textContent).toBe('25,000');
  });
});
