import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow } from '../../platform/access/access-rule.ts';
import { actorOf, attachment } from '../../platform/http/route-helpers.ts';
import { writeAnnualReport } from './annual-report.service.ts';

export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const annualReportQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).describe('The survey year (the waves that close in it)'),
});

// 《客户服务需求年度报告》 is the city company's document: the marketing centre and administrators
// download it, in their data scope like every read: a branch's marketer gets the report of the
// branch's stores, its cover naming the branch. Other staff read the same figures on the results pages.
export const annualReportRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/surveys/annual-report',
    {
      config: { access: allow('marketing', 'admin') },
      schema: {
        tags: ['surveys'],
        summary: 'Annual customer service needs report (.docx) / 客户服务需求年度报告',
        description:
          'A Word document for the waves (not drafts) that close in `year`: cover, method (waves, sample design, response rates), the needs summary table (服务需求识别汇总表), segment comparisons (highlighted differences by format, class, group and region), the SERVQUAL gap analysis, the satisfaction index and NPS with their trend (charts rendered on the server), the year’s ticket categories, and recommendations (the five largest gaps, the most chosen needs and the service-menu items answering them). Figures are those of the results / needs-summary / gaps endpoints. 422 SURVEY_REPORT_NO_WAVES when no wave closes that year. Marketing and admin, in their data scope (a branch’s marketer: the branch’s stores).',
        querystring: annualReportQuery,
      },
    },
    async (request, reply) => {
      const file = await writeAnnualReport(context, actorOf(request), request.query.year);
      return attachment(reply, file.fileName, docxContentType).send(file.document);
    },
  );
};
