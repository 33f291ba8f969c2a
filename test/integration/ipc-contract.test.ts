import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { forwardEvents, registerIpc } from '../../src/main/app/register-ipc';
import type { Core } from '../../src/main/core/create-core';
import { createEventBus } from '../../src/main/core/event-bus';
import { createDispatcher, type Dispatch } from '../../src/main/ipc/dispatcher';
import type { HandlerMap } from '../../src/main/ipc/handler-types';
import { handlers } from '../../src/main/ipc/handlers';
import type { AuditdeskBridge } from '../../src/shared/ipc/bridge';
import { channelNames, contract, eventNames, type Channel } from '../../src/shared/ipc/contract';
import type { IpcResult } from '../../src/shared/ipc/result';

// The preload runs in Electron's sandbox; here `electron` is a fake that records what the
// preload exposes to the page and what it sends to the main process.
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, data: 'from-main' })),
      on: vi.fn(),
      removeListener: vi.fn(),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

const APP_URL = 'file:///opt/Auditdesk/resources/app/out/renderer/index.html';
const sorted = (list: Iterable<string>) => [...list].sort();

type IpcListener = (event: unknown, ...args: unknown[]) => unknown;

/** A stand-in for ipcMain that keeps what registerIpc registers, to call it like Electron would. */
function fakeIpcMain() {
  const registered = new Map<string, IpcListener>();
  return {
    registered,
    ipcMain: { handle: vi.fn((channel: string, listener: IpcListener) => void registered.set(channel, listener)) },
    call(channel: string, input: unknown, senderFrame: unknown = { url: APP_URL, parent: null }) {
      const listener = registered.get(channel);
      if (!listener) throw new Error(`nothing registered for ${channel}`);
      return Promise.resolve(listener({ senderFrame }, input)) as Promise<IpcResult<unknown>>;
    },
  };
}

function register(dispatch: Dispatch) {
  const fake = fakeIpcMain();
  // As src/main/index.ts does: the channels come from the handler map.
  const returned = registerIpc({
    ipcMain: fake.ipcMain as unknown as Parameters<typeof registerIpc>[0]['ipcMain'],
    channels: Object.keys(handlers) as Channel[],
    dispatch,
    appUrl: () => APP_URL,
  });
  return { ...fake, returned };
}

// The renderer never gets a Core; handlers that must not run get one that throws on any use.
const unusableCore = new Proxy({} as Core, {
  get() {
    throw new Error('the handler should not have run');
  },
});

let preloadModule: typeof import('../../src/preload/index');
let bridge: AuditdeskBridge;
beforeAll(async () => {
  preloadModule = await import('../../src/preload/index');
  bridge = electron.exposed.get('auditdesk') as AuditdeskBridge;
});
beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
  electron.ipcRenderer.on.mockClear();
  electron.ipcRenderer.removeListener.mockClear();
});

describe('one contract, no drift', () => {
  it('contract keys = handler map keys = channels registered on ipcMain = channels the preload allows', () => {
    const contractKeys = sorted(Object.keys(contract));
    expect(contractKeys.length).toBeGreaterThan(0);
    const { registered, returned, ipcMain } = register(vi.fn());
    const lists = {
      channelNames: channelNames,
      handlers: Object.keys(handlers),
      'registered on ipcMain': [...registered.keys()],
      'returned by registerIpc': returned,
      'allowed by the preload': preloadModule.preloadAllowedChannels,
    };
    // Name what is missing where, rather than dump two long arrays.
    const drift = Object.entries(lists).map(([name, list]) => ({
      list: name,
      missing: contractKeys.filter((key) => !list.includes(key as Channel)),
      notInContract: list.filter((key) => !contractKeys.includes(key)),
    }));
    expect(drift.filter((d) => d.missing.length || d.notInContract.length)).toEqual([]);
    expect(ipcMain.handle).toHaveBeenCalledTimes(contractKeys.length);
  });

  it('every handler is a function and every channel has input and output schemas', () => {
    for (const [channel, handler] of Object.entries(handlers)) expect(typeof handler, channel).toBe('function');
    for (const channel of channelNames) {
      expect(typeof contract[channel].input.safeParse, channel).toBe('function');
      expect(typeof contract[channel].output.safeParse, channel).toBe('function');
    }
  });

  it('channel and event names are domain:verb', () => {
    for (const name of [...channelNames, ...eventNames]) expect(name).toMatch(/^[a-z]+:[a-z][a-z-]*$/);
  });
});

describe('the preload', () => {
  it('exposes one object, window.auditdesk, with invoke and on only', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...electron.exposed.keys()]).toEqual(['auditdesk']);
    expect(sorted(Object.keys(bridge))).toEqual(['invoke', 'on']);
    // Never electron-toolkit's electronAPI: no raw ipcRenderer, no process or env.
    const everything = JSON.stringify(Object.getOwnPropertyNames(bridge));
    expect(everything).not.toMatch(/ipcRenderer|process|env|send/);
  });

  it('forwards a contract channel and its input to ipcRenderer.invoke', async () => {
    const input = { jobId: 'job-1' };
    await expect(bridge.invoke('jobs:cancel', input)).resolves.toEqual({ ok: true, data: 'from-main' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('jobs:cancel', input);
  });

  it.each([
    'evil:channel',
    'ELECTRON_BROWSER_REQUIRE',
    'profiles:List',
    '__proto__',
    'constructor',
    'toString',
    '',
    'jobs:progress', // an event name is not a channel
  ])('refuses the unknown channel %j without calling ipcRenderer', async (channel) => {
    const result = await bridge.invoke(channel, {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown-channel', message: expect.any(String) } });
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('refuses non-string channels', async () => {
    for (const channel of [undefined, null, 42, { toString: () => 'profiles:list' }]) {
      const result = await bridge.invoke(channel as unknown as string, {});
      expect(result.ok).toBe(false);
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it.each(['evil:event', 'profiles:list', '__proto__', ''])('refuses to subscribe to %j', (event) => {
    expect(() => bridge.on(event, () => {})).toThrow();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('passes only the payload to the listener (the Electron event stays in the preload)', () => {
    for (const event of eventNames) {
      electron.ipcRenderer.on.mockClear();
      const listener = vi.fn();
      bridge.on(event, listener);
      expect(electron.ipcRenderer.on).toHaveBeenCalledTimes(1);
      const [subscribed, wrapped] = electron.ipcRenderer.on.mock.calls[0] as [string, (...args: unknown[]) => void];
      expect(subscribed).toBe(event);

      const electronEvent = { sender: { send: () => {} }, senderId: 0, ports: [] };
      const payload = { jobId: 'job-1', step: 'us-east-1', current: 1 };
      wrapped(electronEvent, payload);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(listener.mock.calls[0]).toEqual([payload]);
    }
  });

  it('returns an unsubscribe that removes exactly the listener it added', () => {
    const unsubscribe = bridge.on('jobs:progress', () => {});
    const wrapped = electron.ipcRenderer.on.mock.calls[0]?.[1];
    expect(electron.ipcRenderer.removeListener).not.toHaveBeenCalled();
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('jobs:progress', wrapped);
  });
});

describe('registerIpc: who may call', () => {
  it('answers the main frame of our page', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, data: 'answered' }));
    const ipc = register(dispatch);
    await expect(ipc.call('profiles:list', {})).resolves.toEqual({ ok: true, data: 'answered' });
    expect(dispatch).toHaveBeenCalledWith('profiles:list', {});
  });

  it.each([
    ['a foreign origin', { url: 'https://evil.example/', parent: null }],
    ['a lookalike dev-server host', { url: 'http://127.0.0.1.evil.example:5173/', parent: null }],
    ['another local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['our page from another file host', { url: 'file://attacker.example/opt/Auditdesk/resources/app/out/renderer/index.html', parent: null }],
    ['an iframe of a foreign page', { url: 'https://evil.example/', parent: { url: APP_URL, parent: null } }],
    ['an iframe showing our own page', { url: APP_URL, parent: { url: APP_URL, parent: null } }],
    ['a destroyed frame', null],
    ['about:blank', { url: 'about:blank', parent: null }],
  ])('refuses %s with forbidden, before the dispatcher runs', async (_name, senderFrame) => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, data: 'should not happen' }));
    const ipc = register(dispatch);
    expect(ipc.registered.size).toBeGreaterThan(0);
    for (const channel of ipc.registered.keys()) {
      const result = await ipc.call(channel, {}, senderFrame);
      expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('registerIpc + dispatcher: what may be called', () => {
  const realDispatch = () => register(createDispatcher(handlers, { core: unusableCore }));

  it.each([
    ['wrong type', 'jobs:cancel', { jobId: 42 }],
    ['missing field', 'jobs:cancel', {}],
    ['empty string where one is required', 'jobs:cancel', { jobId: '' }],
    ['extra key on a strict schema', 'jobs:cancel', { jobId: 'job-1', extra: true }],
    ['extra key on an empty strict schema', 'profiles:list', { path: '/etc/passwd' }],
    ['prototype pollution attempt', 'profiles:list', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['a string', 'profiles:list', 'hello'],
    ['a number', 'jobs:cancel', 42],
    ['an array', 'profiles:list', []],
    ['true', 'app:info', true],
  ])('answers a malformed payload (%s) with bad-input and no stack', async (_name, channel, input) => {
    const result = await realDispatch().call(channel, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-input');
    expect(Object.keys(result.error).sort()).toEqual(['code', 'message']);
    expect(result.error.message).not.toMatch(/\n\s+at |\.ts:\d+/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers an unknown channel with unknown-channel', async () => {
    const dispatch = createDispatcher(handlers, { core: unusableCore });
    for (const channel of ['evil:channel', '__proto__', 'hasOwnProperty', undefined, 42]) {
      await expect(dispatch(channel, {})).resolves.toEqual({ ok: false, error: { code: 'unknown-channel', message: expect.any(String) } });
    }
  });
});

describe('dispatcher over a fake handler map', () => {
  const fakeHandlers = (overrides: Partial<HandlerMap>): HandlerMap => ({ ...handlers, ...overrides }) as HandlerMap;

  it('turns a thrown Error into internal: no stack, no original message; the log gets the details', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(
      fakeHandlers({
        'profiles:list': () => {
          throw new Error('ENOENT /home/alice/.aws/credentials wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
        },
      }),
      { core: unusableCore },
      log,
    );
    const ipc = register(dispatch);
    const result = await ipc.call('profiles:list', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    if (result.ok) return;
    expect(result.error.message).not.toMatch(/ENOENT|alice|EXAMPLEKEY|\n\s+at /);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toContain('profiles:list');
  });

  it('turns a rejected promise into internal too', async () => {
    const dispatch = createDispatcher(fakeHandlers({ 'jobs:list': async () => Promise.reject(new TypeError('x is undefined')) }), { core: unusableCore });
    await expect(dispatch('jobs:list', {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
  });

  it('strips output fields the schema does not declare, at every depth', async () => {
    const dispatch = createDispatcher(
      fakeHandlers({
        'app:info': () =>
          ({ version: '1.0.0', face: 'electron', dataDir: '/data', demo: false, awsSecretAccessKey: 'leak', env: { AWS_SESSION_TOKEN: 'leak' } }) as never,
        'profiles:list': () =>
          ({
            configFile: '/c',
            credentialsFile: '/k',
            problems: [{ file: '/c', message: 'm', raw: 'aws_secret_access_key=leak' }],
            profiles: [{ name: 'p', kind: 'static', sources: ['credentials'], aws_access_key_id: 'AKIA…', aws_secret_access_key: 'leak' }],
            credentials: { p: { aws_secret_access_key: 'leak' } },
          }) as never,
      }),
      { core: unusableCore },
    );
    const info = await dispatch('app:info', {});
    expect(info).toEqual({ ok: true, data: { version: '1.0.0', face: 'electron', dataDir: '/data', demo: false } });

    const profiles = await dispatch('profiles:list', {});
    expect(profiles).toEqual({
      ok: true,
      data: { configFile: '/c', credentialsFile: '/k', problems: [{ file: '/c', message: 'm' }], profiles: [{ name: 'p', kind: 'static', sources: ['credentials'] }] },
    });
    expect(JSON.stringify(profiles)).not.toContain('leak');
  });

  it('refuses to send an output that breaks the contract, as internal', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(fakeHandlers({ 'jobs:cancel': () => ({ cancelled: 'yes' }) as never }), { core: unusableCore }, log);
    await expect(dispatch('jobs:cancel', { jobId: 'j' })).resolves.toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(String(log.mock.calls[0]?.[0])).toContain('does not match the contract');
  });

  it('passes the parsed input, not the raw one, to the handler', async () => {
    const seen = vi.fn();
    const dispatch = createDispatcher(
      fakeHandlers({
        'jobs:cancel': (input) => {
          seen(input);
          return { cancelled: true };
        },
      }),
      { core: unusableCore },
    );
    await expect(dispatch('jobs:cancel', { jobId: 'job-1' })).resolves.toEqual({ ok: true, data: { cancelled: true } });
    expect(seen).toHaveBeenCalledWith({ jobId: 'job-1' });
  });
});

describe('forwardEvents', () => {
  it('sends bus events to live windows only, and stops when unsubscribed', () => {
    const bus = createEventBus();
    const live = { isDestroyed: () => false, send: vi.fn() };
    const closed = { isDestroyed: () => true, send: vi.fn() };
    const stop = forwardEvents(bus, () => [live, closed] as never);
    bus.emit('workspace:changed', { kind: 'user', activeProfiles: ['a'] });
    expect(live.send).toHaveBeenCalledWith('workspace:changed', { kind: 'user', activeProfiles: ['a'] });
    expect(closed.send).not.toHaveBeenCalled();
    stop();
    bus.emit('workspace:changed', { kind: 'user', activeProfiles: [] });
    expect(live.send).toHaveBeenCalledTimes(1);
  });
});
