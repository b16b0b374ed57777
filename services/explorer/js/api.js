// The explorer's only way to data: the public GraphQL API at /graphql.

export class ApiError extends Error {}

/**
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @param {AbortSignal} [signal]
 * @returns {Promise<any>} the `data` object
 */
export async function gql(query, variables = {}, signal) {
  let res;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  /** @type {{data?: any, errors?: {message: string}[]}} */
  let body;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`Máy chủ trả lời lỗi ${res.status}.`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!res.ok || !body.data) throw new ApiError(`Máy chủ trả lời lỗi ${res.status}.`);
  return body.data;
}
