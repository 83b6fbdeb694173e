import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { actorOf, idParams } from '../../platform/http/route-helpers.ts';
import {
  customFieldChangesSchema,
  customFieldListSchema,
  customFieldSchema,
  newCustomFieldSchema,
} from './custom-fields.contract.ts';
import { createCustomerField, editCustomerField, listCustomerFields } from './custom-fields.service.ts';

export const customFieldRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/customer-fields',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['customers'],
        summary: 'Custom fields of customer records / 客户档案自定义字段',
        description: 'Any staff role: the fields forms, lists, filters, import and export show, in display order.',
        response: { 200: customFieldListSchema },
      },
    },
    async (request) => ({ items: await listCustomerFields(context, actorOf(request)) }),
  );

  app.post(
    '/customer-fields',
    {
      config: { access: cityWide(allow('admin')) },
      schema: {
        tags: ['customers'],
        summary: 'Define a custom field / 新建自定义字段',
        description:
          'Administrators. Kinds: text, number, date, select, multiselect (options required for the last two). Key and label are unique in the city (409).',
        body: newCustomFieldSchema,
        response: { 201: customFieldSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createCustomerField(context, actorOf(request), request.body)),
  );

  app.patch(
    '/customer-fields/:id',
    {
      config: { access: cityWide(allow('admin')) },
      schema: {
        tags: ['customers'],
        summary: 'Change a custom field / 修改自定义字段',
        description:
          'Administrators. Label, options, required, position and active; key and kind are fixed. Making a field inactive hides it and keeps its values.',
        params: idParams,
        body: customFieldChangesSchema,
        response: { 200: customFieldSchema },
      },
    },
    async (request) => editCustomerField(context, actorOf(request), request.params.id, request.body),
  );
};
