import { expect, type APIRequestContext } from '@playwright/test';

/** Signs `login` in through the API (password "demo"); its bearer token. */
export async function token(request: APIRequestContext, login: string): Promise<string> {
  const response = await request.post('/api/v1/session', { data: { login, password: 'demo' } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { token: string }).token;
}

/** Calls the API as `bearer` and expects a 2xx; its JSON. */
export async function api<T>(request: APIRequestContext, method: 'get' | 'post', path: string, bearer: string, data?: unknown): Promise<T> {
  const response = await request[method](path, { headers: { authorization: `Bearer ${bearer}` }, ...(data === undefined ? {} : { data }) });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}
