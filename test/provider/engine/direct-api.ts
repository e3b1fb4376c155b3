/** Calls the local control plane directly (not through the proxy under test), failing on a non-2xx. */
export function directApi(url: () => string, token: string) {
  return async <T = Record<string, unknown>>(method: string, apiPath: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url()}${apiPath}`, {
      method,
      headers: { authorization: `aivenv1 ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${apiPath}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
