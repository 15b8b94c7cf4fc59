import { afterEach, describe, expect, it, vi } from 'vitest';

// Two end-to-end runs on one machine must not collide: the e2e services take their ports from the environment.
const load = async (port: string | undefined) => {
  vi.resetModules();
  if (port === undefined) delete process.env.DUTYDESK_E2E_PORT;
  else process.env.DUTYDESK_E2E_PORT = port;
  return (await import('../../../playwright.config.ts')).default;
};

afterEach(() => {
  delete process.env.DUTYDESK_E2E_PORT;
});

describe('the e2e ports', () => {
  it('default to 5179-5181 and follow DUTYDESK_E2E_PORT, for the browsers and the services alike', async () => {
    const ports = (config: Awaited<ReturnType<typeof load>>) => ({
      projects: config.projects?.map((p) => new URL(String(p.use?.baseURL)).port),
      services: (Array.isArray(config.webServer) ? config.webServer : []).map((w) => new URL(String(w.url)).port),
      commands: (Array.isArray(config.webServer) ? config.webServer : []).map((w) => /--port (\d+)/.exec(w.command)?.[1]),
    });
    expect(ports(await load(undefined))).toEqual({ projects: ['5179', '5180', '5181'], services: ['5179', '5180', '5181'], commands: ['5179', '5180', '5181'] });
    expect(ports(await load('6100'))).toEqual({ projects: ['6100', '6101', '6102'], services: ['6100', '6101', '6102'], commands: ['6100', '6101', '6102'] });
  });

  it('refuses a value that is not a port', async () => {
    await expect(load('http')).rejects.toThrow('DUTYDESK_E2E_PORT must be a port number');
    await expect(load('65535')).rejects.toThrow('DUTYDESK_E2E_PORT must be a port number');
  });
});
