import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/contract/domain';
import { EVENT_NAMES } from '../../shared/contract/events';
import { METHOD_NAMES } from '../../shared/contract/methods';
import { EVENT_READERS, METHOD_ROLES } from '../../shared/contract/permissions';
import { createApi } from '../../electron/services/api/createApi';
import { createEventBus } from '../../electron/services/events/eventBus';
import { createIngestionService } from '../../electron/services/ingestion/ingestionService';
import { testStore } from '../helpers/testStore';

describe('the permission table', () => {
  it.each(METHOD_NAMES)('says who may call %s', (method) => {
    const roles = METHOD_ROLES[method];
    expect(Array.isArray(roles) && roles.length).toBeGreaterThan(0);
    for (const role of roles) expect(ROLES).toContain(role);
    // whoever sets the team up may do whatever anyone else may
    expect(roles).toContain('admin');
  });

  it('has no entry for a method that does not exist', () => {
    expect(Object.keys(METHOD_ROLES).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it.each(EVENT_NAMES)('says who may receive the event %s', (event) => {
    expect(METHOD_NAMES).toContain(EVENT_READERS[event]);
  });

  it('keeps the team’s setup from agents and writing to customers from the executive', () => {
    for (const method of ['playbook.save', 'macros.save', 'analysis.setModelsFolder', 'analysis.setHubAllowed', 'analysis.downloadModel', 'responseTargets.save', 'demo.load'] as const) {
      expect(METHOD_ROLES[method]).not.toContain('agent');
    }
    for (const method of ['conversations.send', 'drafts.save', 'conversations.setStatus', 'conversations.assign', 'calls.start', 'calls.note', 'calls.end', 'followUps.create', 'conversations.addTag', 'conversations.snooze'] as const) {
      expect(METHOD_ROLES[method]).not.toContain('executive');
    }
  });

  it.each(ROLES)('is checked before anything else runs: a %s is refused what the table does not give them, whatever the input', async (role) => {
    const store = await testStore();
    const bus = createEventBus();
    const person = await store.users.create({ name: 'Someone', email: `${role}@example.com`, role }, 0);
    const api = await createApi({ host: 'web', mode: 'team', bus, workspace: { state: 'ready', store, ingestion: createIngestionService(store, bus) } });
    for (const method of METHOD_NAMES) {
      const result = await api.call(method, { surprise: true }, { person, sessionId: null });
      // refused for the role (forbidden) before the input is looked at (invalid-input)
      expect([method, result.ok ? 'ok' : result.error.code]).toEqual([method, METHOD_ROLES[method].includes(role) ? 'invalid-input' : 'forbidden']);
    }
    api.close();
  });
});
