import { buildCatalog, type Catalog } from '@portcullis/core/permissions';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';

let catalogRequest: Promise<Catalog> | undefined;

/**
 * The server's permission catalog as core's `Catalog`, so permission sets are parsed and tested by the same
 * code the server runs. The API lists the platform's resources and Portcullis's administrative ones;
 * core adds the administrative ones itself, in the server's order. Read once (it changes only with the
 * server's configuration), and again after a failed read.
 */
export function loadCatalog(): Promise<Catalog> {
  if (!catalogRequest) {
    const request = api
      .GET('/api/v1/catalog')
      .then((result) =>
        buildCatalog(unwrap(result).resources.filter((resource) => !resource.administrative)),
      );
    catalogRequest = request;
    request.catch(() => {
      if (catalogRequest === request) catalogRequest = undefined;
    });
  }
  return catalogRequest;
}
