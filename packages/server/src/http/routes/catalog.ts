import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { errorResponses } from '../schemas/common.js';

const CatalogView = Type.Object({
  actions: Type.Array(Type.String()),
  resources: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), administrative: Type.Boolean() }),
  ),
});

/** The permission catalog: what the console's scope matrix shows and what `resource:action` may name. */
export async function catalogRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const view = {
    actions: [...opts.ctx.catalog.actions],
    resources: opts.ctx.catalog.resources.map((r) => ({
      ...r,
      administrative: r.id.startsWith('portcullis.'),
    })),
  };
  app.get(
    '/catalog',
    {
      schema: {
        tags: ['permissions'],
        summary: 'The permission catalog',
        description:
          "Any signed-in caller. The resources and actions a permission may name (`resource:action`): the platform's resources from configuration, and Portcullis's own administrative ones (`portcullis.*`).",
        response: { 200: CatalogView, ...errorResponses },
      },
    },
    async () => view,
  );
}
