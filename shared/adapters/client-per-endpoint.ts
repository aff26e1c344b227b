/**
 * One SDK client per container, created on first use, keyed by the endpoint
 * the environment names (AWS_ENDPOINT_URL_<SERVICE>). In Lambda that is one
 * client per container. The embedded stack runs one deployment after
 * another in one process, sharing these modules: a client kept from the
 * first would go on sending to an endpoint that has closed.
 */

export function clientPerEndpoint<C>(endpointVariable: string, make: () => C): () => C {
  const clients = new Map<string, C>();
  return () => {
    const endpoint = process.env[endpointVariable] ?? '';
    let client = clients.get(endpoint);
    if (!client) {
      client = make();
      clients.set(endpoint, client);
    }
    return client;
  };
}
